import { ts } from 'ts-morph';
import { accessorNames } from '../sdks';

/**
 * Calls that only hand out the SDK's client or flag map (`useFlags()`, `useLDClient()`,
 * `OpenFeature.getClient()`), as each SDK module declares them (`accessors` in core/sdks). Once the
 * last flag read through them is gone, the variable holding their result can go with the call:
 * dropping it changes nothing a user could notice.
 */
const ACCESSORS = accessorNames();

export function isSdkAccessorCall(node: ts.Expression, extraCallees: ReadonlySet<string>): boolean {
  let expr = node;
  while (ts.isParenthesizedExpression(expr) || ts.isAwaitExpression(expr)) expr = expr.expression;
  if (!ts.isCallExpression(expr)) return false;
  const callee = expr.expression;
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : undefined;
  return name !== undefined && (ACCESSORS.has(name) || extraCallees.has(name));
}
