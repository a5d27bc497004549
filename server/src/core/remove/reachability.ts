import { ts } from 'ts-morph';
import { canUnwrapBlock, mentions } from './scoping';
import { collectBindingNames } from './syntax';

/* Which statements still run once a rewrite made a return unconditional. */

export function isStatementContainer(node: ts.Node): node is ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** Nothing that runs follows `s` in its function's body (what follows is unreachable once `s` returns, or inert). */
export function endsFunctionBody(s: ts.Statement): boolean {
  const body = s.parent;
  if (!ts.isBlock(body) || !ts.isFunctionLike(body.parent)) return false;
  const after = body.statements.slice(body.statements.indexOf(s) + 1);
  return after.every((st) => !survivesAsDeadCode(st, body.statements) || ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st));
}

/** Code after an exit that must stay: hoisted functions and `var`s, types, and names used elsewhere. */
export function survivesAsDeadCode(s: ts.Statement, siblings: readonly ts.Statement[]): boolean {
  if (ts.isFunctionDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isModuleDeclaration(s) || ts.isEnumDeclaration(s) || ts.isClassDeclaration(s) || ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) return true;
  if (ts.isVariableStatement(s)) {
    if (!(s.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const))) return true;
    const declared: string[] = [];
    for (const d of s.declarationList.declarations) collectBindingNames(d.name, declared);
    const names = new Set(declared);
    return siblings.some((other) => other !== s && mentions(other, names));
  }
  return false;
}


export function containsSwitchBreak(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n) || ts.isIterationStatement(n, false) || ts.isSwitchStatement(n)) return;
    if (ts.isBreakStatement(n) && !n.label) found = true;
    else n.forEachChild(visit);
  };
  visit(node);
  return found;
}

export function canUnwrapStatements(body: readonly ts.Statement[], replaced: ts.Statement): boolean {
  const fake = { statements: body } as unknown as ts.Block;
  return isStatementContainer(replaced.parent) && canUnwrapBlock(fake, replaced);
}
