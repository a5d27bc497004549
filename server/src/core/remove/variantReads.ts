import { ts } from 'ts-morph';

/**
 * Where the code reads the result as a variant's key, not as a boolean: cast to a type
 * (`as HeroVariant`), compared with a string (`=== 'test'`), defaulted to one (`|| 'control'`), or
 * held in a variable that is. Frozen as `true` there, `(true as HeroVariant) || 'control'` would be
 * a new type error or a silent change: the flag is multivariate, and the kept value must be a variant.
 */
export function readAsVariant(node: ts.Node): string | undefined {
  const sf = node.getSourceFile();
  const direct = stringUse(node);
  if (direct) return direct.getText(sf);
  const holder = declaredName(node);
  if (!holder) return undefined;
  const scope = enclosingScope(holder);
  let found: string | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n !== holder && n.text === holder.text) {
      const use = stringUse(n);
      if (use) found = use.getText(sf);
    }
    n.forEachChild(visit);
  };
  visit(scope);
  return found;
}

/** The expression around `node` (through parentheses, `await` and `!`) that reads it as a string. */
function stringUse(node: ts.Node): ts.Node | undefined {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent) || ts.isNonNullExpression(n.parent))
    n = n.parent;
  const parent = n.parent;
  if ((ts.isAsExpression(parent) || ts.isSatisfiesExpression(parent)) && !isBooleanType(parent.type)) return parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    const other = parent.left === n ? parent.right : parent.left;
    const comparison =
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken;
    const fallback =
      parent.left === n && (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken);
    if ((comparison || fallback) && isStringLiteral(other)) return parent;
  }
  if (ts.isCaseClause(parent) && isStringLiteral(parent.expression)) return parent;
  if (
    ts.isSwitchStatement(parent) &&
    parent.caseBlock.clauses.some((c) => ts.isCaseClause(c) && isStringLiteral(c.expression))
  )
    return parent;
  return undefined;
}

function declaredName(node: ts.Node): ts.Identifier | undefined {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent)) n = n.parent;
  const parent = n.parent;
  return ts.isVariableDeclaration(parent) && parent.initializer === n && ts.isIdentifier(parent.name)
    ? parent.name
    : undefined;
}

function enclosingScope(node: ts.Node): ts.Node {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent)
    if (ts.isFunctionLike(n) || ts.isSourceFile(n)) return n;
  return node.getSourceFile();
}

function isStringLiteral(e: ts.Node): boolean {
  let x = e;
  while (ts.isParenthesizedExpression(x)) x = x.expression;
  return ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x);
}

function isBooleanType(type: ts.TypeNode): boolean {
  return (
    type.kind === ts.SyntaxKind.BooleanKeyword ||
    (ts.isLiteralTypeNode(type) &&
      (type.literal.kind === ts.SyntaxKind.TrueKeyword || type.literal.kind === ts.SyntaxKind.FalseKeyword))
  );
}
