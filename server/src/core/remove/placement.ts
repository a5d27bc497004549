import { ts } from 'ts-morph';
import { precedence } from './syntax';

/* Where rewritten text lands: the parentheses and spelling it needs there. */

/**
 * The weakest binding an expression standing where `expr` stands may have without parentheses: a
 * condition or a `return` takes any expression, an argument or initializer anything but a comma
 * list; elsewhere (an operand) what stood there is the measure.
 */
export function slotPrecedence(expr: ts.Expression): number {
  const parent = expr.parent;
  switch (parent.kind) {
    case ts.SyntaxKind.IfStatement:
    case ts.SyntaxKind.WhileStatement:
    case ts.SyntaxKind.DoStatement:
    case ts.SyntaxKind.SwitchStatement:
    case ts.SyntaxKind.ReturnStatement:
    case ts.SyntaxKind.ThrowStatement:
    case ts.SyntaxKind.ExpressionStatement:
    case ts.SyntaxKind.CaseClause:
    case ts.SyntaxKind.JsxExpression:
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.ComputedPropertyName:
    case ts.SyntaxKind.ParenthesizedExpression:
      return 0;
    case ts.SyntaxKind.ElementAccessExpression:
      return (parent as ts.ElementAccessExpression).argumentExpression === expr ? 0 : precedence(expr);
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.BindingElement:
    case ts.SyntaxKind.PropertyDeclaration:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.ExportAssignment:
      return 1;
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
      return (parent as ts.CallExpression).arguments?.includes(expr) ? 1 : precedence(expr);
    default:
      return precedence(expr);
  }
}

/** Text that, at the start of a statement, would parse as something else (a block, a declaration). */
export function startsLikeStatement(text: string): boolean {
  return /^(\{|function\b|class\b|let\s*\[|async\s+function\b)/.test(text);
}

export function standsAtStatementStart(expr: ts.Expression): boolean {
  let node: ts.Node = expr;
  while (node.parent && !ts.isExpressionStatement(node.parent) && !ts.isArrowFunction(node.parent)) {
    const parent: ts.Node = node.parent;
    if (parent.getStart() !== node.getStart()) return false;
    node = parent;
  }
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isArrowFunction(parent)) return parent.body === node;
  return true;
}

export function isMultilineJsx(node: ts.Node, sf: ts.SourceFile): boolean {
  return isJsxNode(node) && node.getText(sf).includes('\n');
}

export function isJsxNode(node: ts.Node): boolean {
  return ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node);
}

export function escapeTemplateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

export function preferredQuote(sf: ts.SourceFile): "'" | '"' {
  let single = 0;
  let double = 0;
  // Iterative: a generated file can nest thousands of binary expressions deep.
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (ts.isStringLiteral(n)) {
      const c = sf.text[n.getStart(sf)];
      if (c === "'") single++;
      else if (c === '"') double++;
      continue;
    }
    if (ts.isJsxAttribute(n)) continue; // JSX attributes conventionally use double quotes
    n.forEachChild((child) => void stack.push(child));
  }
  return double > single ? '"' : "'";
}
