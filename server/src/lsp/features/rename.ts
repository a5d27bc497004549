/**
 * Rename a flag key across the registry (its entry and every `dependsOn` naming it) and the code:
 * string and template keys in place, constant-held keys at the constant's declaration (not at each
 * use), identifier-style keys (`flags.newCheckout`) when the new key is an identifier. Alias
 * spellings stay as they are: the registry's `aliases` keep mapping them.
 */
import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FlagReference, Location, TextEdit } from '../../core/model';
import { toWorkspaceEdit } from '../edits';
import { dependencyMentions, flagAt } from '../lookup';
import type { Workspace } from '../workspace';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export class RenameFeature {
  constructor(private readonly workspace: Workspace) {}

  prepareRename(params: PrepareRenameParams): { range: Range; placeholder: string } | null {
    const at = flagAt(this.workspace, params.textDocument.uri, params.position);
    if (!at) return null;
    if (at.reference?.registryKey && at.reference.registryKey !== at.reference.key) {
      throw new ResponseError(ErrorCodes.InvalidRequest, `'${at.reference.key}' is an alias of '${at.key}'; rename the flag from its registry entry or a use of its key`);
    }
    const text = this.workspace.readText(at.file) ?? '';
    return { range: innerRange(text, at.range), placeholder: at.key };
  }

  rename(params: RenameParams): WorkspaceEdit | null {
    const at = flagAt(this.workspace, params.textDocument.uri, params.position);
    if (!at) return null;
    const newKey = params.newName.trim();
    if (!newKey || /[\s'"`\\]/.test(newKey)) {
      throw new ResponseError(ErrorCodes.InvalidParams, `'${params.newName}' is not a usable flag key: it must be non-empty, without spaces, quotes or backslashes`);
    }
    if (newKey === at.key) return null;
    const folder = at.folder;
    const clash = folder.entriesNamed(newKey)[0];
    if (clash) {
      throw new ResponseError(ErrorCodes.InvalidParams, `A flag '${newKey}' already exists in ${clash.registry.path}:${clash.entry.location.range.start.line + 1}`);
    }
    if (!folder.ready) throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Flaglint is still scanning the workspace; try the rename again when the scan has finished');

    const edits: TextEdit[] = [];
    const problems: string[] = [];
    for (const { entry } of folder.entriesNamed(at.key)) this.replaceKeyText(edits, entry.location, newKey, 'registry');
    for (const registry of folder.registries()) {
      for (const mention of dependencyMentions(this.workspace, registry, at.key)) edits.push({ file: mention.file, range: mention.range, newText: yamlScalar(newKey, this.workspace.readText(mention.file), mention.range) });
    }
    for (const ref of folder.referencesTo(at.key)) this.renameReference(edits, problems, ref, at.key, newKey);
    if (problems.length) {
      throw new ResponseError(ErrorCodes.InvalidRequest, `Cannot rename '${at.key}' to '${newKey}': ${problems.join('; ')}`);
    }
    return toWorkspaceEdit(this.workspace, edits);
  }

  private renameReference(edits: TextEdit[], problems: string[], ref: FlagReference, oldKey: string, newKey: string): void {
    if (ref.key !== oldKey) return; // an alias spelling; the registry's aliases still map it
    const where = `${ref.location.file}:${ref.location.range.start.line + 1}:${ref.location.range.start.character + 1}`;
    switch (ref.keyForm) {
      case 'literal':
      case 'template':
        this.replaceKeyText(edits, ref.location, newKey, 'code');
        return;
      case 'const':
      case 'enum':
      case 'object':
      case 'import': {
        const definition = ref.keyDefinition;
        if (!definition || !this.replaceStringIn(edits, definition, oldKey, newKey)) {
          problems.push(`the key at ${where} comes from a declaration Flaglint cannot edit`);
        }
        return;
      }
      case 'property':
      case 'alias': {
        if (!IDENTIFIER.test(newKey)) {
          problems.push(`${where} uses the key as an identifier and '${newKey}' is not one`);
          return;
        }
        const text = this.workspace.readText(ref.location.file) ?? '';
        const doc = TextDocument.create('file:///x', 'ts', 0, text);
        const raw = doc.getText(ref.location.range);
        if (raw === oldKey) {
          // A shorthand `{ oldKey }` binds a local name too: keep it by renaming the property only.
          const after = text.slice(doc.offsetAt(ref.location.range.end)).trimStart();
          const shorthand = ref.kind === 'destructure' && !after.startsWith(':');
          edits.push({ file: ref.location.file, range: ref.location.range, newText: shorthand ? `${newKey}: ${oldKey}` : newKey });
        } else if (!this.replaceStringIn(edits, ref.location, oldKey, newKey)) {
          problems.push(`cannot find the key's text at ${where}`);
        }
        return;
      }
      default:
        this.replaceKeyText(edits, ref.location, newKey, 'code');
    }
  }

  /** Replaces a key's text (quoted or not) at a location with the new key in the same quoting. */
  private replaceKeyText(edits: TextEdit[], location: Location, newKey: string, kind: 'code' | 'registry'): void {
    const text = this.workspace.readText(location.file) ?? '';
    const inner = innerRange(text, location.range);
    if (kind === 'registry') {
      edits.push({ file: location.file, range: inner, newText: yamlScalar(newKey, text, inner) });
      return;
    }
    const raw = TextDocument.create('file:///x', 'text', 0, text).getText(location.range);
    const quote = inner === location.range ? "'" : raw[0];
    edits.push({ file: location.file, range: inner, newText: escapeFor(newKey, quote) });
  }

  /** Finds the old key as a string literal inside a declaration's range and replaces its content. */
  private replaceStringIn(edits: TextEdit[], location: Location, oldKey: string, newKey: string): boolean {
    const text = this.workspace.readText(location.file) ?? '';
    const doc = TextDocument.create('file:///x', 'ts', 0, text);
    const start = doc.offsetAt(location.range.start);
    let end = doc.offsetAt(location.range.end);
    // A declaration location may name only the identifier: look on to the end of its statement.
    const statementEnd = text.slice(end).search(/[;\n]/);
    end = statementEnd < 0 ? text.length : end + statementEnd;
    const span = text.slice(start, end);
    for (const quote of ["'", '"', '`']) {
      const literal = `${quote}${escapeFor(oldKey, quote)}${quote}`;
      const at = span.indexOf(literal);
      if (at >= 0) {
        const from = start + at + 1;
        edits.push({ file: location.file, range: { start: doc.positionAt(from), end: doc.positionAt(from + literal.length - 2) }, newText: escapeFor(newKey, quote) });
        return true;
      }
    }
    return false;
  }
}

/** The range without surrounding quotes, when the text there is quoted. */
export function innerRange(text: string, range: Range): Range {
  const doc = TextDocument.create('file:///x', 'text', 0, text);
  const raw = doc.getText(range);
  if (raw.length >= 2 && /^['"`]/.test(raw) && raw.endsWith(raw[0])) {
    return { start: { line: range.start.line, character: range.start.character + 1 }, end: { line: range.end.line, character: range.end.character - 1 } };
  }
  return range;
}

function escapeFor(key: string, quote: string): string {
  let out = key.replace(/\\/g, '\\\\');
  if (quote === '`') out = out.replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  else out = out.split(quote).join(`\\${quote}`);
  return out;
}

/** A key as a YAML/JSON scalar that replaces the text at `range` (inside quotes there, or plain). */
function yamlScalar(key: string, text: string | undefined, range: Range): string {
  const doc = TextDocument.create('file:///x', 'text', 0, text ?? '');
  const before = doc.offsetAt(range.start) > 0 ? (text ?? '')[doc.offsetAt(range.start) - 1] : '';
  const inQuotes = before === '"' || before === "'";
  if (inQuotes) return before === '"' ? JSON.stringify(key).slice(1, -1) : key.replace(/'/g, "''");
  return /^[A-Za-z0-9_][\w.\-/]*$/.test(key) ? key : JSON.stringify(key);
}
