import { ts } from 'ts-morph';
import { isPure, skipInnerTransparent } from './syntax';

/**
 * `await db.organization.findFirst({...})` whose result is no longer used: a read changes nothing, so
 * it goes with its variable (the flag's per-organization override was the only reason to load it).
 * The `OrThrow` variants decide the response and stay.
 */
const READ_METHODS = new Set(['findFirst', 'findUnique', 'findMany', 'count', 'aggregate']);

/**
 * An awaited read of a database client (`await db.org.findFirst({...})`), also under a property read
 * (`(await db.org.findFirst(…))?.featureFlags`) or as a branch of a pure choice (`given ?? await
 * db.org.findFirst(…)`, `given !== undefined ? given : (await …)?.flags`): nothing but a read.
 */
export function isReadQuery(init: ts.Expression): boolean {
  const expr = skipInnerTransparent(init);
  const readOrPure = (e: ts.Expression): boolean => isPure(e) || isReadQuery(e);
  if (ts.isConditionalExpression(expr))
    return (
      isPure(expr.condition) &&
      readOrPure(expr.whenTrue) &&
      readOrPure(expr.whenFalse) &&
      (isReadQuery(expr.whenTrue) || isReadQuery(expr.whenFalse))
    );
  if (
    ts.isBinaryExpression(expr) &&
    (expr.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      expr.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    return readOrPure(expr.left) && readOrPure(expr.right) && (isReadQuery(expr.left) || isReadQuery(expr.right));
  if (ts.isPropertyAccessExpression(expr)) return isReadQuery(expr.expression);
  if (!ts.isAwaitExpression(expr)) return false;
  const call = skipInnerTransparent(expr.expression);
  return (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    READ_METHODS.has(call.expression.name.text) &&
    ts.isPropertyAccessExpression(call.expression.expression) &&
    call.arguments.every(isPure)
  );
}
