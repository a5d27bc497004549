import { ts } from 'ts-morph';
import { statementRemovals } from './layout';
import { isPure, literalValue } from './syntax';
import { isReadQuery } from './readQueries';
import type { OffsetEdit } from '../text';

/**
 * `if (isAdmin) { return true; }` followed by `return true;`: once the flag's branch collapsed into
 * the same literal as the guard's (`if (await flag(...)) return true; return false;` became
 * `return true;`), the guard decides nothing and a reviewer asks for it to go. Only a pure
 * condition goes (a call in it may be the point), only when there is no `else`, and only when the
 * pair is new: the author's own `if (x) return false; return false;` stays as written.
 */
export function foldRedundantGuard(sf: ts.SourceFile, block: ts.Block, original: string): OffsetEdit[] | undefined {
  const statements = block.statements;
  for (let i = 0; i + 1 < statements.length; i++) {
    const guard = statements[i]!;
    const next = statements[i + 1]!;
    if (!ts.isIfStatement(guard) || guard.elseStatement || !isPure(guard.expression)) continue;
    if (!ts.isReturnStatement(next) || !decidesNothing(guard.thenStatement, next)) continue;
    if (original.includes(sf.text.slice(guard.getStart(sf), next.end))) continue;
    return statementRemovals(sf, new Set([guard]));
  }
  return undefined;
}

/**
 * The branch returns what `next` returns or falls through to it, and does nothing else on the way:
 * `return true;`, or `{ const admin = isAdmin ?? (await db.user.findFirst(…))?.admin; if (admin)
 * return true; }`, whose reads (pure values, database reads) change nothing.
 */
function decidesNothing(branch: ts.Statement, next: ts.ReturnStatement): boolean {
  if (ts.isReturnStatement(branch)) return sameLiteral(branch, next);
  if (ts.isIfStatement(branch))
    return (
      isPure(branch.expression) &&
      decidesNothing(branch.thenStatement, next) &&
      (!branch.elseStatement || decidesNothing(branch.elseStatement, next))
    );
  if (!ts.isBlock(branch) || branch.statements.length === 0) return false;
  return branch.statements.every(
    (s) =>
      (ts.isVariableStatement(s) &&
        (s.declarationList.flags & ts.NodeFlags.Const) !== 0 &&
        s.declarationList.declarations.every(
          (d) => d.initializer && (isPure(d.initializer) || isReadQuery(d.initializer)),
        )) ||
      (!ts.isVariableStatement(s) && decidesNothing(s, next)),
  );
}

/** Both return the same primitive literal (a bare `return;` counts as `undefined`). */
function sameLiteral(a: ts.ReturnStatement, b: ts.ReturnStatement): boolean {
  const va = a.expression ? literalValue(a.expression) : { value: undefined };
  const vb = b.expression ? literalValue(b.expression) : { value: undefined };
  return va !== undefined && vb !== undefined && Object.is(va.value, vb.value);
}
