import { ts } from 'ts-morph';
import { parseFile } from './syntax';
import type { Workspace } from './workspace';

/**
 * Functions that the removal left returning one literal on every path (a resolver whose only job
 * was the flag: `return flag({...})` became `return true`). Their callers still call them and test
 * the answer, which a reviewer will ask to fold; folding across files changes code the flag's
 * rewrite did not touch and drops the call's arguments, so it is listed for the author, not done.
 * Only functions the removal changed are considered: one that returned a constant before is the
 * project's own design.
 */
export function constantReturnHints(workspace: Workspace, changed: readonly string[]): string[] {
  const hints: string[] = [];
  for (const file of [...changed].sort()) {
    if (!/\.[cm]?[jt]sx?$/.test(file)) continue;
    const original = workspace.original(file);
    const text = workspace.text(file);
    if (original === text) continue;
    const sf = tryParse(file, text);
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      const named = namedFunction(node);
      if (named && !original.includes(named.fn.getText(sf))) {
        const value = constantReturn(named.fn);
        if (value !== undefined) {
          const line = sf.getLineAndCharacterOfPosition(named.fn.getStart(sf)).line + 1;
          const callers = callSites(workspace, named.name, file);
          const where = callers.length > 0 ? ` (called at ${summarise(callers)})` : '';
          hints.push(
            `${workspace.relative(file)}:${line}: ${named.name}() now returns ${value} on every path${where}; fold the value into its callers and delete it if nothing outside the workspace calls it.`,
          );
        }
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return hints;
}

export type FunctionWithBody = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

/** A function declaration, a method, or a function held by a const, with the name callers use. */
export function namedFunction(node: ts.Node): { name: string; fn: FunctionWithBody } | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name && ts.isIdentifier(node.name))
    return node.body ? { name: node.name.text, fn: node } : undefined;
  if (
    ts.isVariableDeclaration(node) &&
    ts.isIdentifier(node.name) &&
    node.initializer &&
    (ts.isArrowFunction(node.initializer) || ts.isFunctionExpression(node.initializer))
  )
    return { name: node.name.text, fn: node.initializer };
  return undefined;
}

/** The literal every return of the function gives (nested functions' returns are theirs), else undefined. */
function constantReturn(fn: FunctionWithBody): string | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return literalText(body);
  const values = new Set<string | undefined>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) values.add(node.expression ? literalText(node.expression) : undefined);
    node.forEachChild(visit);
  };
  body.statements.forEach(visit);
  // A body that can end without a return also gives undefined.
  const last = body.statements[body.statements.length - 1];
  if (!last || !ts.isReturnStatement(last)) return undefined;
  const [only, ...others] = [...values];
  return others.length === 0 ? only : undefined;
}

export function literalText(expr: ts.Expression): string | undefined {
  while (ts.isParenthesizedExpression(expr)) expr = expr.expression;
  if (expr.kind === ts.SyntaxKind.TrueKeyword) return 'true';
  if (expr.kind === ts.SyntaxKind.FalseKeyword) return 'false';
  if (expr.kind === ts.SyntaxKind.NullKeyword) return 'null';
  if (ts.isNumericLiteral(expr) || ts.isStringLiteral(expr) || ts.isNoSubstitutionTemplateLiteral(expr))
    return expr.getText();
  return undefined;
}

/** `file:line` of each call of `name` in the workspace (by name: a hint, not a rewrite). */
function callSites(workspace: Workspace, name: string, definedIn: string): string[] {
  const sites: string[] = [];
  const files = new Set([definedIn, ...workspace.filesMentioning(name)]);
  for (const file of [...files].sort()) {
    const sf = tryParse(file, workspace.text(file));
    if (!sf) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const called = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : undefined;
        if (called === name)
          sites.push(`${workspace.relative(file)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      node.forEachChild(visit);
    };
    visit(sf);
  }
  return sites;
}

function summarise(sites: readonly string[]): string {
  return sites.length > 4 ? `${sites.slice(0, 4).join(', ')} and ${sites.length - 4} more` : sites.join(', ');
}

/** The parsed file, or undefined when TypeScript's own parser runs out of stack on it. */
export function tryParse(file: string, text: string): ts.SourceFile | undefined {
  try {
    return parseFile(file, text);
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
