import { ts } from 'ts-morph';
import { statementRemovals } from './layout';
import { isPure, literalValue } from './syntax';
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
    const guarded = onlyReturn(guard.thenStatement);
    if (!guarded || !ts.isReturnStatement(next) || !sameLiteral(guarded, next)) continue;
    if (original.includes(sf.text.slice(guard.getStart(sf), next.end))) continue;
    return statementRemovals(sf, new Set([guard]));
  }
  return undefined;
}

/** The return statement that is the branch's only statement. */
function onlyReturn(branch: ts.Statement): ts.ReturnStatement | undefined {
  if (ts.isReturnStatement(branch)) return branch;
  if (ts.isBlock(branch) && branch.statements.length === 1 && ts.isReturnStatement(branch.statements[0]!))
    return branch.statements[0];
  return undefined;
}

/** Both return the same primitive literal (a bare `return;` counts as `undefined`). */
function sameLiteral(a: ts.ReturnStatement, b: ts.ReturnStatement): boolean {
  const va = a.expression ? literalValue(a.expression) : { value: undefined };
  const vb = b.expression ? literalValue(b.expression) : { value: undefined };
  return va !== undefined && vb !== undefined && Object.is(va.value, vb.value);
}
