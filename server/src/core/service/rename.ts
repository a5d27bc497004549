/**
 * Rename a flag key across the registry (its entry and every `dependsOn` naming it) and the code:
 * string and template keys in place, constant-held keys at the constant's declaration (not at each
 * use), identifier-style keys (`flags.newCheckout`) when the new key is an identifier. Alias
 * spellings stay as they are: the registry's `aliases` keep mapping them.
 */
import type { FlagReference, Location, Position, Range, TextEdit } from '../model';
import { TextPositions } from '../text';
import { ServiceError } from './errors';
import { dependencyMentions, flagAt } from './flagAt';
import type { Workspace } from './session';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Where a rename at a position would edit the key, and the key itself; undefined when no flag is there. */
export function prepareRename(
  workspace: Workspace,
  file: string,
  position: Position,
): { range: Range; placeholder: string } | undefined {
  const at = flagAt(workspace, file, position);
  if (!at) return undefined;
  if (at.reference?.registryKey && at.reference.registryKey !== at.reference.key) {
    throw new ServiceError(
      'invalid-request',
      `'${at.reference.key}' is an alias of '${at.key}'; rename the flag from its registry entry or a use of its key`,
    );
  }
  return { range: innerRange(workspace.readText(at.file) ?? '', at.range), placeholder: at.key };
}

/** The edits that rename the flag at a position; undefined when no flag is there or the name is unchanged. */
export function renameFlag(
  workspace: Workspace,
  file: string,
  position: Position,
  newName: string,
): TextEdit[] | undefined {
  const at = flagAt(workspace, file, position);
  if (!at) return undefined;
  const newKey = newName.trim();
  if (!newKey || /[\s'"`\\]/.test(newKey)) {
    throw new ServiceError(
      'invalid-params',
      `'${newName}' is not a usable flag key: it must be non-empty, without spaces, quotes or backslashes`,
    );
  }
  if (newKey === at.key) return undefined;
  const folder = at.folder;
  const clash = folder.entriesNamed(newKey)[0];
  if (clash) {
    throw new ServiceError(
      'invalid-params',
      `A flag '${newKey}' already exists in ${clash.registry.path}:${clash.entry.location.range.start.line + 1}`,
    );
  }
  if (!folder.ready)
    throw new ServiceError(
      'not-ready',
      'Flaglint is still scanning the workspace; try the rename again when the scan has finished',
    );

  const renamer = new Renamer(workspace);
  for (const { entry } of folder.entriesNamed(at.key)) renamer.replaceKeyText(entry.location, newKey, 'registry');
  for (const registry of folder.registries()) {
    for (const mention of dependencyMentions(workspace, registry, at.key)) renamer.replaceDependency(mention, newKey);
  }
  for (const ref of folder.referencesTo(at.key)) renamer.renameReference(ref, at.key, newKey);
  if (renamer.problems.length) {
    throw new ServiceError(
      'invalid-request',
      `Cannot rename '${at.key}' to '${newKey}': ${renamer.problems.join('; ')}`,
    );
  }
  return renamer.edits;
}

class Renamer {
  readonly edits: TextEdit[] = [];
  readonly problems: string[] = [];

  constructor(private readonly workspace: Workspace) {}

  private positions(file: string): TextPositions {
    return new TextPositions(file, this.workspace.readText(file) ?? '');
  }

  replaceDependency(mention: { file: string; range: Range }, newKey: string): void {
    this.edits.push({
      file: mention.file,
      range: mention.range,
      newText: yamlScalar(newKey, this.positions(mention.file), mention.range),
    });
  }

  renameReference(ref: FlagReference, oldKey: string, newKey: string): void {
    if (ref.key !== oldKey) return; // an alias spelling; the registry's aliases still map it
    const where = `${ref.location.file}:${ref.location.range.start.line + 1}:${ref.location.range.start.character + 1}`;
    switch (ref.keyForm) {
      case 'literal':
      case 'template':
        this.replaceKeyText(ref.location, newKey, 'code');
        return;
      case 'const':
      case 'enum':
      case 'object':
      case 'import': {
        const definition = ref.keyDefinition;
        if (!definition || !this.replaceStringIn(definition, oldKey, newKey)) {
          this.problems.push(`the key at ${where} comes from a declaration Flaglint cannot edit`);
        }
        return;
      }
      case 'property':
      case 'alias': {
        if (!IDENTIFIER.test(newKey)) {
          this.problems.push(`${where} uses the key as an identifier and '${newKey}' is not one`);
          return;
        }
        const pos = this.positions(ref.location.file);
        if (pos.slice(ref.location.range) === oldKey) {
          // A shorthand `{ oldKey }` binds a local name too: keep it by renaming the property only.
          const after = pos.text.slice(pos.offset(ref.location.range.end)).trimStart();
          const shorthand = ref.kind === 'destructure' && !after.startsWith(':');
          this.edits.push({
            file: ref.location.file,
            range: ref.location.range,
            newText: shorthand ? `${newKey}: ${oldKey}` : newKey,
          });
        } else if (!this.replaceStringIn(ref.location, oldKey, newKey)) {
          this.problems.push(`cannot find the key's text at ${where}`);
        }
        return;
      }
      default:
        this.replaceKeyText(ref.location, newKey, 'code');
    }
  }

  /** Replaces a key's text (quoted or not) at a location with the new key in the same quoting. */
  replaceKeyText(location: Location, newKey: string, kind: 'code' | 'registry'): void {
    const pos = this.positions(location.file);
    const inner = innerRange(pos.text, location.range);
    if (kind === 'registry') {
      this.edits.push({ file: location.file, range: inner, newText: yamlScalar(newKey, pos, inner) });
      return;
    }
    const quote = inner === location.range ? "'" : pos.slice(location.range).charAt(0);
    this.edits.push({ file: location.file, range: inner, newText: escapeFor(newKey, quote) });
  }

  /** Finds the old key as a string literal inside a declaration's range and replaces its content. */
  private replaceStringIn(location: Location, oldKey: string, newKey: string): boolean {
    const pos = this.positions(location.file);
    const text = pos.text;
    const start = pos.offset(location.range.start);
    let end = pos.offset(location.range.end);
    // A declaration location may name only the identifier: look on to the end of its statement.
    const statementEnd = text.slice(end).search(/[;\n]/);
    end = statementEnd < 0 ? text.length : end + statementEnd;
    const span = text.slice(start, end);
    for (const quote of ["'", '"', '`']) {
      const literal = `${quote}${escapeFor(oldKey, quote)}${quote}`;
      const at = span.indexOf(literal);
      if (at >= 0) {
        const from = start + at + 1;
        this.edits.push({
          file: location.file,
          range: pos.range(from, from + literal.length - 2),
          newText: escapeFor(newKey, quote),
        });
        return true;
      }
    }
    return false;
  }
}

/** The range without surrounding quotes, when the text there is quoted. */
export function innerRange(text: string, range: Range): Range {
  const raw = new TextPositions('', text).slice(range);
  if (raw.length >= 2 && /^['"`]/.test(raw) && raw.endsWith(raw[0]!)) {
    return {
      start: { line: range.start.line, character: range.start.character + 1 },
      end: { line: range.end.line, character: range.end.character - 1 },
    };
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
function yamlScalar(key: string, pos: TextPositions, range: Range): string {
  const offset = pos.offset(range.start);
  const before = offset > 0 ? pos.text[offset - 1] : '';
  if (before === '"') return JSON.stringify(key).slice(1, -1);
  if (before === "'") return key.replace(/'/g, "''");
  return /^[A-Za-z0-9_][\w.\-/]*$/.test(key) ? key : JSON.stringify(key);
}
