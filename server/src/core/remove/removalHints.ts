import { ts } from 'ts-morph';
import { parseFile } from './syntax';
import type { Workspace } from './workspace';

/**
 * What a removal leaves for a person, listed in the summary rather than done silently: TODO
 * comments that name the flag (their instruction is the author's plan for this very cleanup), and
 * functions and methods that only the removed code called (deleting exported API is the owner's
 * call, not a tool's).
 */
export function removalHints(workspace: Workspace, key: string, changed: readonly string[]): string[] {
  return [
    ...todoHints(workspace, key, changed),
    ...staleCommentHints(workspace, key, changed),
    ...uncalledHints(workspace, changed),
  ];
}

/**
 * Comments that name the flag and stay next to code the removal changed: a comment leading a
 * statement or declaration whose text changed, or inside a function whose text changed (its flag
 * logic collapsed). They likely describe the logic that is gone ("only when runOpsMintKind is set
 * …"); rewriting prose is the author's job, so they are listed, never edited. TODOs have their own hint.
 */
function staleCommentHints(workspace: Workspace, key: string, changed: readonly string[]): string[] {
  const names = [...new Set([key, camelCase(key)])];
  const mentions = (comment: string): boolean =>
    !TODO.test(comment) && names.some((n) => new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, 'i').test(comment));
  const hints: string[] = [];
  for (const file of [...changed].sort()) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const original = workspace.original(file);
    const text = workspace.text(file);
    if (original === text) continue;
    const sf = tryParse(file, text);
    if (!sf) continue;
    const changedNode = (node: ts.Node): boolean => !original.includes(node.getText(sf));
    const reported = new Set<number>();
    walk(sf, (node) => {
      if (node === sf) return true;
      for (const r of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
        const comment = text.slice(r.pos, r.end);
        if (reported.has(r.pos) || !mentions(comment)) continue;
        const fn = ts.isFunctionLike(node) ? node : ts.findAncestor(node.parent, ts.isFunctionLike);
        if (!changedNode(node) && !(fn && changedNode(fn))) continue;
        reported.add(r.pos);
        const line = sf.getLineAndCharacterOfPosition(r.pos).line;
        hints.push(
          `${workspace.relative(file)}:${line + 1}: a comment names the flag next to code the removal changed; check that it still describes the code: ${oneLine(comment)}`,
        );
      }
      return true;
    });
  }
  return hints;
}

const TODO = /\b(TODO|FIXME|HACK|XXX)\b/;

function todoHints(workspace: Workspace, key: string, changed: readonly string[]): string[] {
  const names = [...new Set([key, camelCase(key)])];
  const mentions = (comment: string): boolean =>
    TODO.test(comment) && names.some((n) => new RegExp(`(?<![\\w-])${escape(n)}(?![\\w-])`, 'i').test(comment));
  const hints: string[] = [];
  const files = new Set([
    ...changed,
    ...names.flatMap((n) => (/^[\w$]+$/.test(n) ? workspace.filesMentioning(n) : [])),
  ]);
  for (const file of [...files].sort()) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const now = comments(file, workspace.text(file)).filter((c) => mentions(c.text));
    const before = comments(file, workspace.original(file)).filter((c) => mentions(c.text));
    const where = workspace.relative(file);
    for (const c of now)
      hints.push(`${where}:${c.line + 1}: a TODO names the flag, check whether it is done now: ${oneLine(c.text)}`);
    const kept = new Set(now.map((c) => c.text));
    for (const c of before) {
      if (!kept.has(c.text))
        hints.push(
          `${where}:${c.line + 1} (before the removal): a TODO naming the flag was in the removed code: ${oneLine(c.text)}`,
        );
    }
  }
  return hints;
}

/** Names called in the original file but no longer in the new text. */
function droppedCalls(file: string, before: string, after: string): Set<string> {
  const oldTree = tryParse(file, before);
  const newTree = tryParse(file, after);
  if (!oldTree || !newTree) return new Set();
  const old = callNames(oldTree);
  const now = callNames(newTree);
  return new Set([...old].filter((n) => !now.has(n)));
}

function uncalledHints(workspace: Workspace, changed: readonly string[]): string[] {
  const candidates = new Set<string>();
  for (const file of changed) {
    if (/\.[cm]?[jt]sx?$/.test(file))
      droppedCalls(file, workspace.original(file), workspace.text(file)).forEach((n) => candidates.add(n));
  }
  const hints: string[] = [];
  for (const name of [...candidates].sort()) {
    const declarations: string[] = [];
    let used = false;
    for (const file of workspace.filesMentioning(name)) {
      const sf = tryParse(file, workspace.text(file));
      // A file too deeply nested to parse may call it: say nothing rather than something wrong.
      if (!sf) used = true;
      else {
        walk(sf, (node) => {
          if (used) return false;
          if (ts.isIdentifier(node) && node.text === name) {
            const owner = declarationOwner(node);
            if (owner)
              declarations.push(
                `${owner} (${workspace.relative(file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1})`,
              );
            else if (!isImportOrExportName(node)) used = true;
            return false;
          }
          return true;
        });
      }
      if (used) break;
    }
    if (!used && declarations.length > 0) {
      hints.push(
        `${declarations.join(', ')} ${declarations.length === 1 ? 'is' : 'are'} no longer called anywhere in the workspace; delete ${declarations.length === 1 ? 'it' : 'them'} unless ${declarations.length === 1 ? 'it is' : 'they are'} used from outside.`,
      );
    }
  }
  return hints;
}

function callNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  walk(sf, (node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee)) names.add(callee.text);
      else if (ts.isPropertyAccessExpression(callee)) names.add(callee.name.text);
    }
  });
  return names;
}

/** Every node under `root`, depth first, without recursion (generated code nests thousands deep); `visit` returns false to skip a node's children. */
function walk(root: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const children: ts.Node[] = [];
    node.forEachChild((child) => void children.push(child));
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** The parsed file, or undefined when TypeScript's own parser runs out of stack on it. */
function tryParse(file: string, text: string): ts.SourceFile | undefined {
  try {
    return parseFile(file, text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** `Class.method` or `function` when the identifier names a declaration of a function or method. */
function declarationOwner(id: ts.Identifier): string | undefined {
  const p = id.parent;
  if (ts.isFunctionDeclaration(p) && p.name === id) return `${id.text}()`;
  if (ts.isMethodDeclaration(p) && p.name === id) {
    const owner = ts.isClassLike(p.parent) && p.parent.name ? `${p.parent.name.text}.` : '';
    return `${owner}${id.text}()`;
  }
  if (
    ts.isVariableDeclaration(p) &&
    p.name === id &&
    p.initializer &&
    (ts.isArrowFunction(p.initializer) || ts.isFunctionExpression(p.initializer))
  )
    return `${id.text}()`;
  return undefined;
}

/** Naming a function in an import or export list neither calls nor uses it. */
function isImportOrExportName(id: ts.Identifier): boolean {
  const p = id.parent;
  return ts.isImportSpecifier(p) || ts.isExportSpecifier(p) || ts.isImportClause(p);
}

/** Every comment of the file, with its zero-based line (comments are trivia: found around tokens). */
function comments(file: string, text: string): { text: string; line: number }[] {
  const sf = tryParse(file, text);
  if (!sf) return [];
  const seen = new Map<number, { text: string; line: number }>();
  const add = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) {
      if (!seen.has(r.pos))
        seen.set(r.pos, { text: text.slice(r.pos, r.end), line: sf.getLineAndCharacterOfPosition(r.pos).line });
    }
  };
  walk(sf, (node) => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
  });
  add(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

function camelCase(key: string): string {
  return key.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function oneLine(comment: string): string {
  const flat = comment.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
