import { ts } from 'ts-morph';
import { scriptKindFor } from '../text';
import { isKnownPureCall } from './pureCalls';

/** Node lookups and classifications shared by the rewriting passes (plain TypeScript AST). */

export function parseFile(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKindFor(file));
}

/**
 * The node spanning exactly [start, end): the outermost such node that is not a statement (a call
 * and its expression statement can share a span when the semicolon is missing).
 */
export function findNodeBySpan(sf: ts.SourceFile, start: number, end: number): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    const nodeStart = node.getStart(sf);
    if (nodeStart > start || node.end < end) return;
    if (nodeStart === start && node.end === end && !isStatementLike(node)) {
      found = node;
      return;
    }
    node.forEachChild(visit);
  };
  sf.forEachChild(visit);
  return found;
}

/** The innermost node containing [start, end). */
export function findInnermostNode(sf: ts.SourceFile, start: number, end: number): ts.Node {
  let current: ts.Node = sf;
  for (;;) {
    const next = current.forEachChild((child) => (child.getStart(sf) <= start && child.end >= end ? child : undefined));
    if (!next) return current;
    current = next;
  }
}

function isStatementLike(node: ts.Node): boolean {
  return ts.isStatement(node) || ts.isSourceFile(node) || ts.isBlock(node);
}

/** Skips parentheses, `as`, `satisfies` and `!` upwards: the node whose value is `node`'s value. */
export function skipOuterTransparent(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    ts.isTypeAssertionExpression(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

export function skipInnerTransparent(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** True when evaluating the expression cannot change program state (the operand may be dropped). */
export function isPure(node: ts.Node): boolean {
  switch (node.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.BigIntLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
    case ts.SyntaxKind.RegularExpressionLiteral:
    case ts.SyntaxKind.TrueKeyword:
    case ts.SyntaxKind.FalseKeyword:
    case ts.SyntaxKind.NullKeyword:
    case ts.SyntaxKind.ThisKeyword:
    case ts.SyntaxKind.SuperKeyword:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.OmittedExpression:
      return true;
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.SpreadElement:
      return isPure((node as ts.ParenthesizedExpression).expression);
    case ts.SyntaxKind.PropertyAccessExpression:
      return isPure((node as ts.PropertyAccessExpression).expression);
    case ts.SyntaxKind.ElementAccessExpression: {
      const e = node as ts.ElementAccessExpression;
      return isPure(e.expression) && isPure(e.argumentExpression);
    }
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const e = node as ts.PrefixUnaryExpression;
      return (
        e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken && isPure(e.operand)
      );
    }
    case ts.SyntaxKind.BinaryExpression: {
      const e = node as ts.BinaryExpression;
      if (isAssignmentOperator(e.operatorToken.kind)) return false;
      return isPure(e.left) && isPure(e.right);
    }
    case ts.SyntaxKind.ConditionalExpression: {
      const e = node as ts.ConditionalExpression;
      return isPure(e.condition) && isPure(e.whenTrue) && isPure(e.whenFalse);
    }
    case ts.SyntaxKind.TemplateExpression:
      return (node as ts.TemplateExpression).templateSpans.every((s) => isPure(s.expression));
    case ts.SyntaxKind.ArrayLiteralExpression:
      return (node as ts.ArrayLiteralExpression).elements.every(isPure);
    case ts.SyntaxKind.ObjectLiteralExpression:
      return (node as ts.ObjectLiteralExpression).properties.every((p) => {
        if (ts.isPropertyAssignment(p))
          return (!ts.isComputedPropertyName(p.name) || isPure(p.name.expression)) && isPure(p.initializer);
        if (ts.isShorthandPropertyAssignment(p)) return true;
        if (ts.isSpreadAssignment(p)) return isPure(p.expression);
        return ts.isMethodDeclaration(p) || ts.isGetAccessor(p) || ts.isSetAccessor(p);
      });
    case ts.SyntaxKind.JsxElement:
    case ts.SyntaxKind.JsxSelfClosingElement:
    case ts.SyntaxKind.JsxFragment:
      return jsxIsPure(node);
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
      // Only shapes known to compute a value (styled components, `items.map(...)`, `Object.keys`).
      return isKnownPureCall(node as ts.CallExpression | ts.NewExpression | ts.TaggedTemplateExpression, isPure);
    default:
      // Other calls, `await`, `yield`, `delete`, `++`, assignments, class expressions.
      return false;
  }
}

/** Creating elements has no effect; the expressions inside braces might. */
function jsxIsPure(node: ts.Node): boolean {
  let pure = true;
  const visit = (n: ts.Node): void => {
    if (!pure) return;
    if (ts.isJsxExpression(n)) {
      if (n.expression && !isPure(n.expression)) pure = false;
      return;
    }
    n.forEachChild(visit);
  };
  node.forEachChild(visit);
  return pure;
}

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Binding strength of an expression's top-level operator; higher binds tighter. */
export function precedence(node: ts.Node): number {
  switch (node.kind) {
    case ts.SyntaxKind.CommaListExpression:
      return 0;
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.YieldExpression:
    case ts.SyntaxKind.ArrowFunction:
      return 1;
    case ts.SyntaxKind.ConditionalExpression:
      return 2;
    case ts.SyntaxKind.BinaryExpression:
      return binaryPrecedence((node as ts.BinaryExpression).operatorToken.kind);
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.SatisfiesExpression:
      return 10;
    case ts.SyntaxKind.PrefixUnaryExpression:
    case ts.SyntaxKind.TypeOfExpression:
    case ts.SyntaxKind.VoidExpression:
    case ts.SyntaxKind.DeleteExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.TypeAssertionExpression:
      return 15;
    case ts.SyntaxKind.PostfixUnaryExpression:
      return 16;
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression:
    case ts.SyntaxKind.PropertyAccessExpression:
    case ts.SyntaxKind.ElementAccessExpression:
    case ts.SyntaxKind.TaggedTemplateExpression:
    case ts.SyntaxKind.NonNullExpression:
      return 17;
    default:
      return 18;
  }
}

function binaryPrecedence(op: ts.SyntaxKind): number {
  if (op === ts.SyntaxKind.CommaToken) return 0;
  if (isAssignmentOperator(op)) return 1;
  switch (op) {
    case ts.SyntaxKind.QuestionQuestionToken:
    case ts.SyntaxKind.BarBarToken:
      return 4;
    case ts.SyntaxKind.AmpersandAmpersandToken:
      return 5;
    case ts.SyntaxKind.BarToken:
      return 6;
    case ts.SyntaxKind.CaretToken:
      return 7;
    case ts.SyntaxKind.AmpersandToken:
      return 8;
    case ts.SyntaxKind.EqualsEqualsToken:
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsToken:
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return 9;
    case ts.SyntaxKind.LessThanToken:
    case ts.SyntaxKind.GreaterThanToken:
    case ts.SyntaxKind.LessThanEqualsToken:
    case ts.SyntaxKind.GreaterThanEqualsToken:
    case ts.SyntaxKind.InstanceOfKeyword:
    case ts.SyntaxKind.InKeyword:
      return 10;
    case ts.SyntaxKind.LessThanLessThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanToken:
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
      return 11;
    case ts.SyntaxKind.PlusToken:
    case ts.SyntaxKind.MinusToken:
      return 12;
    case ts.SyntaxKind.AsteriskToken:
    case ts.SyntaxKind.SlashToken:
    case ts.SyntaxKind.PercentToken:
      return 13;
    case ts.SyntaxKind.AsteriskAsteriskToken:
      return 14;
    default:
      return 1;
  }
}

/** A literal's value when the node is a plain literal (`'on'`, `3`, `-1`, `true`, `null`, `undefined`). */
export function literalValue(node: ts.Node): { value: unknown } | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return { value: (node as ts.StringLiteral).text };
    case ts.SyntaxKind.NumericLiteral:
      return { value: Number((node as ts.NumericLiteral).text) };
    case ts.SyntaxKind.TrueKeyword:
      return { value: true };
    case ts.SyntaxKind.FalseKeyword:
      return { value: false };
    case ts.SyntaxKind.NullKeyword:
      return { value: null };
    case ts.SyntaxKind.Identifier:
      return (node as ts.Identifier).text === 'undefined' ? { value: undefined } : undefined;
    case ts.SyntaxKind.PrefixUnaryExpression: {
      const e = node as ts.PrefixUnaryExpression;
      if (e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
        return { value: -Number(e.operand.text) };
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Statements that make the rest of their block unreachable. */
export function isUnconditionalExit(node: ts.Statement): boolean {
  return (
    ts.isReturnStatement(node) || ts.isThrowStatement(node) || ts.isBreakStatement(node) || ts.isContinueStatement(node)
  );
}

/** The identifier is a binding or reference (not a property name after `.`, not an object key). */
export function isReferenceIdentifier(id: ts.Identifier): boolean {
  const p = id.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return false;
  if (ts.isQualifiedName(p) && p.right === id) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodSignature(p) ||
      ts.isGetAccessor(p) ||
      ts.isSetAccessor(p) ||
      ts.isEnumMember(p)) &&
    p.name === id
  )
    return false;
  if (ts.isJsxAttribute(p) && p.name === id) return false;
  if (ts.isBindingElement(p) && p.propertyName === id) return false;
  if (ts.isImportSpecifier(p) && p.propertyName === id) return false;
  if (ts.isExportSpecifier(p) && p.name === id && p.propertyName) return false;
  if (ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) return false;
  return true;
}

/** Counts reference identifiers by name (a scope-free, conservative use count). */
export function countIdentifiers(sf: ts.SourceFile): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      if (isReferenceIdentifier(node)) counts.set(node.text, (counts.get(node.text) ?? 0) + 1);
      return;
    }
    if (ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxClosingElement(node)) {
      // `<Foo.Bar>` uses Foo; lower-case tags are intrinsic elements, not bindings.
      const root = jsxTagRoot(node.tagName);
      if (root && !/^[a-z]/.test(root.text)) counts.set(root.text, (counts.get(root.text) ?? 0) + 1);
      if (!ts.isJsxClosingElement(node)) {
        node.typeArguments?.forEach(visit);
        node.attributes.properties.forEach(visit);
      }
      return;
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return counts;
}

function jsxTagRoot(tag: ts.JsxTagNameExpression): ts.Identifier | undefined {
  let current: ts.Node = tag;
  while (ts.isPropertyAccessExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current : undefined;
}

/** Names a statement declares in its own scope (let/const/class/function/enum/import). */
export function declaredNames(statement: ts.Statement): string[] {
  const names: string[] = [];
  if (ts.isVariableStatement(statement)) {
    for (const d of statement.declarationList.declarations) collectBindingNames(d.name, names);
  } else if (
    (ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isModuleDeclaration(statement)) &&
    statement.name &&
    ts.isIdentifier(statement.name)
  ) {
    names.push(statement.name.text);
  } else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) names.push(clause.name.text);
    if (clause.namedBindings) {
      if (ts.isNamespaceImport(clause.namedBindings)) names.push(clause.namedBindings.name.text);
      else for (const el of clause.namedBindings.elements) names.push(el.name.text);
    }
  }
  return names;
}

export function collectBindingNames(name: ts.BindingName, out: string[]): void {
  if (ts.isIdentifier(name)) out.push(name.text);
  else for (const el of name.elements) if (!ts.isOmittedExpression(el)) collectBindingNames(el.name, out);
}

export function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/**
 * Whether the file's top-level names are its own (an ES module, or a CommonJS module that uses
 * `require`/`module.exports`), rather than globals shared with other scripts.
 */
export function isModuleFile(sf: ts.SourceFile): boolean {
  if (ts.isExternalModule(sf) || /\.(cjs|mjs|cts|mts)$/i.test(sf.fileName)) return true;
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.[\w$]+\s*=/.test(sf.text);
}
