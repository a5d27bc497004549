import { ts } from 'ts-morph';

/**
 * The member a use of the flag's value reads that the frozen value does not have:
 * `features.hasStagingEnvironment.enabled` frozen at `true` would become `true.enabled` (TS2339, and
 * `undefined` at run time). Such a read means the evaluation is an object holding the flag (a plan's
 * feature record, a map of flags), not the flag's value, so the rewrite would be wrong; removal
 * refuses it instead. Members the value does have (`'modern'.length`, `{ limit: 5 }.limit`) are fine.
 */
export function missingMemberRead(use: ts.Node, value: unknown): string | undefined {
  let node = use;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) name = parent.name.text;
  else if (
    ts.isElementAccessExpression(parent) &&
    parent.expression === node &&
    ts.isStringLiteralLike(parent.argumentExpression)
  )
    name = parent.argumentExpression.text;
  if (name === undefined) return undefined;
  return hasMember(value, name) ? undefined : name;
}

function hasMember(value: unknown, name: string): boolean {
  // null and undefined have no members at all; a primitive has its wrapper's prototype members.
  if (value === null || value === undefined) return false;
  return name in Object(value);
}
