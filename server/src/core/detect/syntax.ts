import { ts } from 'ts-morph';
import type { Range } from '../model';
import { scriptKindFor } from '../text';

/** Small syntax helpers shared by the analysis passes. */

// Re-exported: these need no compiler, and the resolvers import them from './plainSyntax' so a warm scan never loads it.
export { isRelativeSpecifier, valueTypeOf } from './plainSyntax';

/** JSDoc is never needed to find flag calls, and skipping it makes the parse cheaper. */
const PARSE_OPTIONS: ts.CreateSourceFileOptions = {
  languageVersion: ts.ScriptTarget.Latest,
  jsDocParsingMode: ts.JSDocParsingMode.ParseNone,
};

/** @param withParents set `parent` links, for callers that look up from a node (discovery's evidence). */
export function parseSource(file: string, text: string, withParents = false): ts.SourceFile {
  return ts.createSourceFile(file, text, PARSE_OPTIONS, withParents, scriptKindFor(file));
}

export function rangeOf(node: ts.Node, sf: ts.SourceFile): Range {
  const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
  const end = sf.getLineAndCharacterOfPosition(node.getEnd());
  return { start, end };
}

/** Strips the wrappers that do not change a value: parentheses, `as const`, `satisfies`, `!`, `<T>x`. */
export function unwrap(expr: ts.Expression): ts.Expression {
  let e = expr;
  for (;;) {
    if (
      ts.isParenthesizedExpression(e) ||
      ts.isAsExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isNonNullExpression(e) ||
      ts.isTypeAssertionExpression(e)
    ) {
      e = e.expression;
    } else if (ts.isCallExpression(e) && isObjectFreeze(e) && e.arguments[0] && e.arguments.length === 1) {
      e = e.arguments[0];
    } else {
      return e;
    }
  }
}

function isObjectFreeze(call: ts.CallExpression): boolean {
  const c = call.expression;
  return (
    ts.isPropertyAccessExpression(c) &&
    ts.isIdentifier(c.expression) &&
    c.expression.text === 'Object' &&
    c.name.text === 'freeze'
  );
}

/** `a.b.c` or `a['b'].c` → root identifier and member path, when every step is static. */
export function memberChain(
  expr: ts.Expression,
): { root: ts.Identifier | ts.ThisExpression; path: string[] } | undefined {
  const path: string[] = [];
  let e = unwrap(expr);
  for (;;) {
    if (ts.isPropertyAccessExpression(e)) {
      path.unshift(e.name.text);
      e = unwrap(e.expression);
    } else if (ts.isElementAccessExpression(e) && isStaticName(e.argumentExpression)) {
      path.unshift((e.argumentExpression as ts.StringLiteral).text);
      e = unwrap(e.expression);
    } else if (ts.isIdentifier(e) || e.kind === ts.SyntaxKind.ThisKeyword) {
      return { root: e as ts.Identifier | ts.ThisExpression, path };
    } else {
      return undefined;
    }
  }
}

export function isStaticName(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e);
}

export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name))
    return name.text;
  if (ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name) && isStaticName(name.expression))
    return (name.expression as ts.StringLiteral).text;
  return undefined;
}

/** A literal fallback value as JSON, or undefined when the code computes it. */
export function literalValue(expr: ts.Expression, depth = 0): { value: unknown } | undefined {
  const e = unwrap(expr);
  // A default value nested deeper than this is data, not a flag's fallback; recursion stops here.
  if (depth > 32) return undefined;
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { value: e.text };
  if (ts.isNumericLiteral(e)) return { value: Number(e.text) };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { value: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { value: false };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { value: null };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return { value: -Number(e.operand.text) };
  if (ts.isArrayLiteralExpression(e)) {
    const out: unknown[] = [];
    for (const el of e.elements) {
      const v = literalValue(el, depth + 1);
      if (!v) return undefined;
      out.push(v.value);
    }
    return { value: out };
  }
  if (ts.isObjectLiteralExpression(e)) {
    const out: Record<string, unknown> = {};
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) return undefined;
      const name = propertyNameText(p.name);
      const v = literalValue(p.initializer, depth + 1);
      if (name === undefined || !v) return undefined;
      out[name] = v.value;
    }
    return { value: out };
  }
  return undefined;
}

export function shorten(text: string, max = 80): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
