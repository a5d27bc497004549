import { ts } from 'ts-morph';
import { skipInnerTransparent } from './syntax';

/**
 * `if (organization === undefined) organization = await db.organization.findFirst(…);`: a lookup
 * filled on demand, behind a guard that reads the variable only to ask whether it is filled yet.
 * Once the flag's code that read the result is gone, such guards are the variable's only reads:
 * the lookup only feeds its own guard, and it goes as an assigned-never-read variable does.
 *
 * Returns the guard statement around the write, when the write is the guard's whole body (no
 * `else`) and the condition only tests the same variable for "not filled yet".
 */
export function lookupGuardOf(write: ts.ExpressionStatement, name: string): ts.IfStatement | undefined {
  let statement: ts.Node = write;
  // `{ const org = await db.org.findFirst(…); overrides = org?.flags ?? {}; }`: block-scoped consts
  // before the write are the lookup's own steps (nothing outside the block can see them).
  if (ts.isBlock(statement.parent) && guardBlockWrite(statement.parent) === write) statement = statement.parent;
  const guard = statement.parent;
  if (!ts.isIfStatement(guard) || guard.thenStatement !== statement || guard.elseStatement) return undefined;
  return testsNotFilled(guard.expression, name) ? guard : undefined;
}

/** The write a guard's block ends with, when every statement before it is a `const` declaration. */
export function guardBlockWrite(block: ts.Block): ts.ExpressionStatement | undefined {
  const statements = block.statements;
  const last = statements[statements.length - 1];
  if (!last || !ts.isExpressionStatement(last)) return undefined;
  const steps = statements.slice(0, -1);
  const constOnly = steps.every(
    (s) => ts.isVariableStatement(s) && (s.declarationList.flags & ts.NodeFlags.Const) !== 0,
  );
  return constOnly ? last : undefined;
}

/** The `const` declarations a guard's block runs before its write. */
export function guardBlockSteps(block: ts.Block): ts.VariableDeclaration[] {
  return block.statements
    .slice(0, -1)
    .flatMap((s) => (ts.isVariableStatement(s) ? [...s.declarationList.declarations] : []));
}

/** `x === undefined`, `x == null`, `x === null`, `undefined === x`, `!x`, `typeof x === 'undefined'`. */
function testsNotFilled(condition: ts.Expression, name: string): boolean {
  const c = skipInnerTransparent(condition);
  const isName = (e: ts.Expression): boolean => {
    const inner = skipInnerTransparent(e);
    return ts.isIdentifier(inner) && inner.text === name;
  };
  if (ts.isPrefixUnaryExpression(c) && c.operator === ts.SyntaxKind.ExclamationToken) return isName(c.operand);
  if (!ts.isBinaryExpression(c)) return false;
  const op = c.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.EqualsEqualsToken) return false;
  const empty = (e: ts.Expression): boolean => {
    const inner = skipInnerTransparent(e);
    return (
      inner.kind === ts.SyntaxKind.NullKeyword ||
      (ts.isIdentifier(inner) && inner.text === 'undefined') ||
      (ts.isStringLiteral(inner) && inner.text === 'undefined')
    );
  };
  const typeofName = (e: ts.Expression): boolean => {
    const inner = skipInnerTransparent(e);
    return ts.isTypeOfExpression(inner) && isName(inner.expression);
  };
  const left = skipInnerTransparent(c.left);
  const right = skipInnerTransparent(c.right);
  if (ts.isStringLiteral(right) || ts.isStringLiteral(left))
    return (typeofName(left) && empty(right)) || (typeofName(right) && empty(left));
  return (isName(left) && empty(right)) || (isName(right) && empty(left));
}
