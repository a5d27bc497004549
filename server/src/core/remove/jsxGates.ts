import { ts } from 'ts-morph';
import { jsxGateTable, type JsxGate } from '../sdks';

export type { JsxGate } from '../sdks';

/**
 * Components that render their children only while a flag is on, keyed by the element name as the
 * SDKs export it; each SDK module declares its own (`jsx[].gate` in core/sdks).
 */
const GATES: ReadonlyMap<string, JsxGate> = jsxGateTable();

export function jsxGateFor(element: ts.JsxElement | ts.JsxSelfClosingElement): JsxGate | undefined {
  const tag = ts.isJsxElement(element) ? element.openingElement.tagName : element.tagName;
  const name = ts.isPropertyAccessExpression(tag) ? tag.name.text : tag.getText();
  return GATES.get(name);
}

export function jsxAttributes(element: ts.JsxElement | ts.JsxSelfClosingElement): ts.JsxAttributes {
  return ts.isJsxElement(element) ? element.openingElement.attributes : element.attributes;
}

/** The expression an attribute holds (`fallback={<Old />}` → `<Old />`), if it is there. */
export function attributeExpression(
  element: ts.JsxElement | ts.JsxSelfClosingElement,
  name: string,
): ts.Expression | 'present' | undefined {
  for (const attr of jsxAttributes(element).properties) {
    if (!ts.isJsxAttribute(attr) || attr.name.getText() !== name) continue;
    if (!attr.initializer) return 'present';
    if (ts.isStringLiteral(attr.initializer)) return attr.initializer;
    if (ts.isJsxExpression(attr.initializer) && attr.initializer.expression) return attr.initializer.expression;
    return 'present';
  }
  return undefined;
}

/** Whether the gate shows its children once the flag is frozen at `value`. */
export function gateIsOn(
  gate: JsxGate,
  element: ts.JsxElement | ts.JsxSelfClosingElement,
  value: unknown,
): boolean | undefined {
  if (gate.matchAttribute) {
    const match = attributeExpression(element, gate.matchAttribute);
    if (match === undefined) return Boolean(value);
    if (match === 'present') return undefined;
    if (ts.isStringLiteral(match)) return value === match.text;
    if (match.kind === ts.SyntaxKind.TrueKeyword) return value === true;
    if (match.kind === ts.SyntaxKind.FalseKeyword) return value === false;
    return undefined;
  }
  return Boolean(value);
}
