import { ts } from 'ts-morph';

/**
 * Per-org override plumbing validates the flag's value with the flag's own schema
 * (`FeatureFlagCatalog[FEATURE_FLAG.x].safeParse(override)`, zod's API) and reads only `.success`
 * and `.data` of the result. Once the override is the kept value, the parse checks a value the
 * registry says the flag holds, against that same flag's schema: it succeeds and gives the value
 * back, and `safeParse` has no effect of its own, so the reads fold the way a reviewer would fold
 * them. The evidence that the schema is the flag's own: it is looked up by the flag's key, spelled
 * the way this file's evaluations spell it. Any other schema or call stays.
 */
export const PARSE_RESULT_MEMBERS = new Set(['success', 'data']);

export function isFlagSchemaParse(node: ts.Node, keyTexts: ReadonlySet<string>): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1 || node.questionDotToken) return false;
  const callee = node.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'safeParse' || callee.questionDotToken)
    return false;
  let schema: ts.Expression = callee.expression;
  while (ts.isParenthesizedExpression(schema) || ts.isNonNullExpression(schema)) schema = schema.expression;
  if (!ts.isElementAccessExpression(schema) || schema.questionDotToken) return false;
  const lookup = schema.argumentExpression;
  const spelled = ts.isStringLiteralLike(lookup) ? lookup.text : lookup.getText();
  return keyTexts.has(spelled) || keyTexts.has(lookup.getText());
}

/** What `.success` / `.data` of a successful parse of `value` read. */
export function parseResultMember(member: string, value: unknown): unknown {
  return member === 'success' ? true : value;
}
