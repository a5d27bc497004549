import { ts } from 'ts-morph';
import { canUnwrapBlock, mentions } from './scoping';
import { collectBindingNames } from './syntax';

/* Which statements still run once a rewrite made a return unconditional. */

export function isStatementContainer(
  node: ts.Node,
): node is ts.Block | ts.SourceFile | ts.ModuleBlock | ts.CaseClause | ts.DefaultClause {
  return (
    ts.isBlock(node) ||
    ts.isSourceFile(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseClause(node) ||
    ts.isDefaultClause(node)
  );
}

/** Nothing that runs follows `s` in its function's body (what follows is unreachable once `s` returns, or inert). */
export function endsFunctionBody(s: ts.Statement): boolean {
  const body = s.parent;
  if (!ts.isBlock(body) || !ts.isFunctionLike(body.parent)) return false;
  const index = body.statements.indexOf(s);
  const survivors = deadCodeSurvivors(body.statements, index + 1);
  return body.statements
    .slice(index + 1)
    .every(
      (st) =>
        !survivors.has(st) ||
        ts.isFunctionDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st),
    );
}

/**
 * Of the statements from `firstDead` on (after an exit), those that must stay: hoisted functions
 * and `var`s, types, imports, and `let`/`const`s that code which stays still names. Dead code that
 * names a dead constant does not keep it alive: the two go together.
 */
export function deadCodeSurvivors(statements: readonly ts.Statement[], firstDead: number): Set<ts.Statement> {
  const survivors = new Set<ts.Statement>();
  const scoped: { s: ts.Statement; names: Set<string> }[] = [];
  for (const s of statements.slice(firstDead)) {
    if (alwaysSurvives(s)) survivors.add(s);
    else if (ts.isVariableStatement(s)) {
      const declared: string[] = [];
      for (const d of s.declarationList.declarations) collectBindingNames(d.name, declared);
      scoped.push({ s, names: new Set(declared) });
    }
  }
  const live = (): ts.Statement[] => [...statements.slice(0, firstDead), ...survivors];
  for (let changed = true; changed;) {
    changed = false;
    for (const { s, names } of scoped) {
      if (survivors.has(s)) continue;
      if (live().some((other) => other !== s && mentions(other, names))) {
        survivors.add(s);
        changed = true;
      }
    }
  }
  return survivors;
}

function alwaysSurvives(s: ts.Statement): boolean {
  if (
    ts.isFunctionDeclaration(s) ||
    ts.isInterfaceDeclaration(s) ||
    ts.isTypeAliasDeclaration(s) ||
    ts.isModuleDeclaration(s) ||
    ts.isEnumDeclaration(s) ||
    ts.isClassDeclaration(s) ||
    ts.isImportDeclaration(s) ||
    ts.isExportDeclaration(s)
  )
    return true;
  // `var` is hoisted: code before the exit may use it.
  return ts.isVariableStatement(s) && !(s.declarationList.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const));
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
