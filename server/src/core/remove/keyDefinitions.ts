import { ts } from 'ts-morph';
import type { Location } from '../model';
import { removalRange, removeListElements } from './layout';
import { unknownKeyedRead } from './keyedReads';
import { findInnermostNode, isReferenceIdentifier, parseFile } from './syntax';
import { applyOffsetEdits, type OffsetEdit } from '../text';
import type { Workspace } from './workspace';

/** A key constant, found again by name in a file that may have been rewritten meanwhile. */
type KeyDefinition =
  | { kind: 'const'; file: string; name: string }
  | { kind: 'member'; file: string; container: string; member: string; containerKind: 'enum' | 'object' };

/**
 * Removes the constants, enum members and `as const` object properties that named the removed
 * flag's key, once no code in the workspace uses them any more. Anything still used (a list of
 * all keys, a re-export, `Object.values(FLAGS)`) stays, with a warning saying where. A use that
 * looks the flag up by its key through a receiver Flaglint does not know (see keyedReads.ts) goes to
 * `unknownReads` (where, and what it reads), so the caller keeps the registry entry.
 */
export function removeUnusedKeyDefinitions(
  workspace: Workspace,
  locations: readonly Location[],
  warnings: string[],
  unknownReads: string[] = [],
): string[] {
  const seen = new Set<string>();
  const changed: string[] = [];
  for (const loc of locations) {
    const def = identify(workspace, loc);
    if (!def) continue;
    const id = def.kind === 'const' ? `${def.file}\0${def.name}` : `${def.file}\0${def.container}.${def.member}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const found = def.kind === 'const' ? constUses(workspace, def) : memberUses(workspace, def);
    const usedAt = found.map((u) => u.at);
    const label = def.kind === 'const' ? def.name : `${def.container}.${def.member}`;
    for (const use of found) if (use.read !== undefined) unknownReads.push(`${use.at} (${use.read})`);
    if (usedAt.length > 0) {
      warnings.push(
        `Kept ${label} (${workspace.relative(def.file)}): still used at ${usedAt.slice(0, 3).join(', ')}${usedAt.length > 3 ? ', …' : ''}.`,
      );
      continue;
    }
    const text = workspace.text(def.file);
    const sf = parseFile(def.file, text);
    const edits = def.kind === 'const' ? removeConst(sf, def.name) : removeMember(sf, def);
    if (!edits) continue;
    workspace.setText(def.file, applyOffsetEdits(text, edits));
    changed.push(def.file);
  }
  return changed;
}

function identify(workspace: Workspace, loc: Location): KeyDefinition | undefined {
  const sf = parseFile(loc.file, workspace.original(loc.file));
  let start: number;
  let end: number;
  try {
    start = sf.getPositionOfLineAndCharacter(loc.range.start.line, loc.range.start.character);
    end = sf.getPositionOfLineAndCharacter(loc.range.end.line, loc.range.end.character);
  } catch {
    return undefined;
  }
  for (let n: ts.Node | undefined = findInnermostNode(sf, start, end); n; n = n.parent) {
    if (ts.isEnumMember(n) && (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))) {
      return {
        kind: 'member',
        file: loc.file,
        container: n.parent.name.text,
        member: n.name.text,
        containerKind: 'enum',
      };
    }
    if (
      ts.isPropertyAssignment(n) &&
      ts.isObjectLiteralExpression(n.parent) &&
      (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))
    ) {
      const holder = objectHolder(n.parent);
      return holder
        ? { kind: 'member', file: loc.file, container: holder.text, member: n.name.text, containerKind: 'object' }
        : undefined;
    }
    if (ts.isVariableDeclaration(n))
      return ts.isIdentifier(n.name) ? { kind: 'const', file: loc.file, name: n.name.text } : undefined;
    if (ts.isStatement(n)) return undefined;
  }
  return undefined;
}

/** `export const FLAGS = { … } as const`: the variable's name. */
function objectHolder(obj: ts.ObjectLiteralExpression): ts.Identifier | undefined {
  let n: ts.Node = obj;
  while (ts.isAsExpression(n.parent) || ts.isSatisfiesExpression(n.parent) || ts.isParenthesizedExpression(n.parent))
    n = n.parent;
  const decl = n.parent;
  return ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && decl.initializer === n ? decl.name : undefined;
}

function where(sf: ts.SourceFile, node: ts.Node, workspace: Workspace): string {
  const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  return `${workspace.relative(sf.fileName)}:${line + 1}:${character + 1}`;
}

interface KeyUse {
  /** file:line:column, as the user reads it. */
  at: string;
  /** The read's text when the use looks a value up by the key through a receiver Flaglint does not know. */
  read?: string;
}

function use(sf: ts.SourceFile, node: ts.Node, workspace: Workspace): KeyUse {
  const read = unknownKeyedRead(node, sf, workspace);
  return { at: where(sf, node, workspace), ...(read !== undefined ? { read } : {}) };
}

function constUses(workspace: Workspace, def: { file: string; name: string }): KeyUse[] {
  const uses: KeyUse[] = [];
  const imports: KeyUse[] = [];
  const files = new Set([def.file, ...workspace.filesMentioning(def.name)]);
  for (const file of files) {
    const sf = parseFile(file, workspace.text(file));
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n)) {
        if (n.text === def.name && isReferenceIdentifier(n) && !isDeclarationName(n, file === def.file)) {
          // An import alone still needs the export; it is named last, after the real uses.
          if (ts.isImportSpecifier(n.parent)) imports.push({ at: where(sf, n, workspace) });
          else uses.push(use(sf, n, workspace));
        }
        return;
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return [...uses, ...imports];
}

/** The constant's own declaration name (in its file) is not a use of it. */
function isDeclarationName(id: ts.Identifier, inDefiningFile: boolean): boolean {
  return inDefiningFile && ts.isVariableDeclaration(id.parent) && id.parent.name === id;
}

/** Reads of `Container.member` / `Container['member']`, and any use of the container that could read it indirectly. */
function memberUses(workspace: Workspace, def: { file: string; container: string; member: string }): KeyUse[] {
  const uses: KeyUse[] = [];
  const files = new Set([def.file, ...workspace.filesMentioning(def.container)]);
  for (const file of files) {
    const text = workspace.text(file);
    if (file !== def.file && !mayUseMember(text, def.container, def.member)) continue;
    const sf = parseFile(file, text);
    const visit = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && n.text === def.container && isReferenceIdentifier(n)) {
        if (!isHarmlessContainerUse(n, def.member, file === def.file)) uses.push(use(sf, memberRead(n), workspace));
        return;
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return uses;
}

/**
 * Whether the text can hold a use of the container that matters, checked before parsing: a large app
 * imports its flag-key object in hundreds of files, nearly all reading other members. A file whose
 * every mention is an import or `FLAGS.<another member>` only holds uses isHarmlessContainerUse
 * accepts; anything else (the member, `FLAGS[k]`, `Object.values(FLAGS)`, a comment) is parsed.
 */
function mayUseMember(text: string, container: string, member: string): boolean {
  const withoutImports = text.replace(/\b(?:import|export)\s+(?:type\s+)?\{[^}]*\}\s*from\s*['"][^'"\n]+['"]/g, '');
  const escaped = container.replace(/[$]/g, '\\$');
  const mention = new RegExp(`(?<![\\w$.])${escaped}(?![\\w$])`, 'g');
  const otherMember = /^\s*\??\.\s*([A-Za-z_$][\w$]*)/;
  for (const m of withoutImports.matchAll(mention)) {
    const after = otherMember.exec(withoutImports.slice(m.index + m[0].length, m.index + m[0].length + 200));
    if (!after || after[1] === member) return true;
  }
  return false;
}

/** `FLAGS.x` / `FLAGS['x']` for the container's identifier in it: the node that stands for the key. */
function memberRead(id: ts.Identifier): ts.Node {
  const p = id.parent;
  return (ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === id ? p : id;
}

function isHarmlessContainerUse(id: ts.Identifier, member: string, inDefiningFile: boolean): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === id) return p.name.text !== member;
  if (ts.isElementAccessExpression(p) && p.expression === id) {
    const arg = p.argumentExpression;
    return (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && arg.text !== member;
  }
  if (ts.isQualifiedName(p) && p.left === id) return p.right.text !== member;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isExportSpecifier(p))
    return true;
  if (inDefiningFile && (ts.isVariableDeclaration(p) || ts.isEnumDeclaration(p)) && p.name === id) return true;
  // `typeof FLAGS`, `keyof typeof Flags`: the type follows the member's removal by itself.
  for (let n: ts.Node = p; n; n = n.parent) {
    if (ts.isTypeQueryNode(n) || ts.isTypeReferenceNode(n)) return true;
    if (ts.isStatement(n) || (ts.isExpression(n) && !ts.isIdentifier(n))) break;
  }
  return false;
}

function removeConst(sf: ts.SourceFile, name: string): OffsetEdit[] | undefined {
  for (const statement of sf.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const decls = statement.declarationList.declarations;
    const target = decls.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
    if (!target) continue;
    if (decls.length === 1) return [removalRange(sf, statement)];
    return removeListElements(sf, decls, new Set([target]), false);
  }
  return undefined;
}

function removeMember(
  sf: ts.SourceFile,
  def: { container: string; member: string; containerKind: 'enum' | 'object' },
): OffsetEdit[] | undefined {
  let members: ts.NodeArray<ts.EnumMember | ts.ObjectLiteralElementLike> | undefined;
  let braces: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (members) return;
    if (def.containerKind === 'enum' && ts.isEnumDeclaration(n) && n.name.text === def.container) {
      members = n.members;
      braces = n;
    } else if (
      def.containerKind === 'object' &&
      ts.isObjectLiteralExpression(n) &&
      objectHolder(n)?.text === def.container
    ) {
      members = n.properties;
      braces = n;
    } else {
      n.forEachChild(visit);
    }
  };
  visit(sf);
  if (!members || !braces) return undefined;
  const target = members.find(
    (m) => m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) && m.name.text === def.member,
  );
  if (!target) return undefined;
  const edits = removeListElements(sf, members, new Set<ts.Node>([target]));
  if (edits) return edits;
  // The last member: leave empty braces.
  const open = sf.text.indexOf('{', braces.getStart(sf));
  const close = sf.text.lastIndexOf('}', braces.end);
  return [{ start: open + 1, end: close, text: '' }];
}
