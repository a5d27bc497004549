import { ts } from 'ts-morph';
import { indentAt, lineStartAt, reindent, removeListElements, statementRemovals } from './layout';
import { isStatementContainer } from './reachability';
import { foldRedundantGuard } from './redundantGuards';
import { canUnwrapBlock } from './scoping';
import { isPure, literalValue, parseFile, skipInnerTransparent } from './syntax';
import { applyOffsetEdits, type OffsetEdit } from '../text';

/** Hooks whose last argument is a dependency list: a constant in it never changes, so it means nothing. */
const DEPENDENCY_HOOKS = new Set([
  'useEffect',
  'useLayoutEffect',
  'useInsertionEffect',
  'useMemo',
  'useCallback',
  'useImperativeHandle',
]);
/** Effects that do nothing when their callback is empty: the whole call can go. */
const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);

/**
 * Folds the literals a flag's value leaves where an element should be, the way the author would have
 * written the code without the flag: `...([])` and `...({})` disappear, `...({ a: 1 })` becomes its
 * properties, a constant leaves a hook's dependency list (`[roles, false]` → `[roles]`), a JSX
 * attribute set to `undefined` goes and `={true}` becomes the bare attribute, `x: x` becomes `x`,
 * an effect whose callback is now empty goes, a pure guard returning the literal the next
 * statement returns goes (redundantGuards.ts), and a bare block the removal left (an `if` unwrapped
 * while a dead sibling still declared its names) gives its statements to the enclosing block.
 *
 * Only code the rewrite produced is folded: a candidate whose text already stood in the original
 * file is the author's and stays (an explicit `label={undefined}` may override a spread).
 */
export function foldLeftLiterals(file: string, original: string, current: string): string {
  if (current === original) return current;
  let text = current;
  const authorsBlocks = lazyBareBlocks(file, original);
  for (let round = 0; round < 10; round++) {
    const sf = parseFile(file, text);
    const edits = collectFolds(sf, (node) => !original.includes(node.getText(sf)), original, authorsBlocks);
    if (edits.length === 0) break;
    text = applyOffsetEdits(text, edits);
  }
  return text;
}

function collectFolds(
  sf: ts.SourceFile,
  produced: (node: ts.Node) => boolean,
  original: string,
  authorsBlocks: () => ReadonlySet<string>,
): OffsetEdit[] {
  const edits: OffsetEdit[] = [];
  // One fold per region and round: nested folds see the result of the outer one next round.
  const claim = (list: OffsetEdit[] | undefined): void => {
    if (!list || list.length === 0) return;
    if (list.some((e) => edits.some((x) => e.start < x.end && x.start < e.end))) return;
    edits.push(...list);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node) || ts.isObjectLiteralExpression(node)) claim(foldSpreads(sf, node, produced));
    else if (ts.isCallExpression(node)) claim(foldHookCall(sf, node, produced));
    else if (ts.isJsxAttributes(node)) claim(foldJsxAttributes(node, produced));
    else if (ts.isBlock(node) && isBareBlock(node) && !authorsBlocks().has(node.getText(sf)))
      claim(unwrapBareBlock(sf, node));
    else if (ts.isBlock(node) && produced(node)) claim(foldRedundantGuard(sf, node, original));
    else if (ts.isVariableDeclaration(node) && produced(node)) claim(foldSinglePromiseAll(sf, node));
    else if (ts.isTryStatement(node) && produced(node)) claim(unwrapSafeTry(sf, node));
    else if (ts.isVariableStatement(node)) claim(foldOverwrittenLet(sf, node, produced));
    else if (ts.isParenthesizedExpression(node) && produced(node))
      claim(foldDoubleParentheses(sf, node) ?? foldNeedlessParentheses(node, sf));
    else if (ts.isBinaryExpression(node) && produced(node)) claim(joinJsxOperand(sf, node));
    else if (
      ts.isPropertyAssignment(node) &&
      ts.isIdentifier(node.name) &&
      ts.isIdentifier(node.initializer) &&
      node.name.text === node.initializer.text &&
      produced(node)
    ) {
      claim([{ start: node.getStart(sf), end: node.end, text: node.name.text }]);
    }
    node.forEachChild(visit);
  };
  visit(sf);
  return edits;
}

/**
 * `a && (cond ? (<X … />) : (<Y … />))` kept at cond: the branch brings its own parentheses into
 * the operand's, `((<X … />))`. The inner pair keeps the JSX's lines; the outer goes.
 */
function foldDoubleParentheses(sf: ts.SourceFile, node: ts.ParenthesizedExpression): OffsetEdit[] | undefined {
  if (!ts.isParenthesizedExpression(node.expression)) return undefined;
  const start = node.getStart(sf);
  return [
    { start, end: start + 1, text: '' },
    { start: node.end - 1, end: node.end, text: '' },
  ];
}

/**
 * `sum + (flag ? round(c) : Math.round(c))` kept at the flag: `sum + (round(c))`. Parentheses
 * around a name, a literal, a call or a member read change nothing and go, except where they do:
 * around an optional chain (`(a?.b).c` is not `a?.b.c`) or as the target of `new` or a tag.
 */
function foldNeedlessParentheses(node: ts.ParenthesizedExpression, sf: ts.SourceFile): OffsetEdit[] | undefined {
  const inner = node.expression;
  const simple =
    ts.isIdentifier(inner) ||
    ts.isStringLiteral(inner) ||
    ts.isNumericLiteral(inner) ||
    ts.isNoSubstitutionTemplateLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    inner.kind === ts.SyntaxKind.ThisKeyword ||
    ((ts.isCallExpression(inner) || ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) &&
      !hasOptionalChain(inner));
  if (!simple) return undefined;
  const parent = node.parent;
  if ((ts.isNewExpression(parent) && parent.expression === node) || ts.isTaggedTemplateExpression(parent))
    return undefined;
  // A negative number keeps its parentheses before a member read (`(-1).toFixed()`).
  if (ts.isNumericLiteral(inner) && (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)))
    return undefined;
  if (sf.text.slice(node.getStart(sf), node.end).includes('\n')) return undefined;
  const start = node.getStart(sf);
  return [
    { start, end: start + 1, text: '' },
    { start: node.end - 1, end: node.end, text: '' },
  ];
}

function hasOptionalChain(expr: ts.Expression): boolean {
  let e: ts.Expression = expr;
  for (;;) {
    if ((e.flags & ts.NodeFlags.OptionalChain) !== 0) return true;
    if (ts.isCallExpression(e) || ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = e.expression;
    else if (ts.isNonNullExpression(e)) e = e.expression;
    else return false;
  }
}

/**
 * `a &&\n  b &&\n  (\n    <X … />\n  )`: a multi-line JSX operand that the removal left on a line
 * of its own after its `&&` joins the operator's line, as the project's formatter writes it
 * (`b && (`); its lines are already indented for that.
 */
function joinJsxOperand(sf: ts.SourceFile, node: ts.BinaryExpression): OffsetEdit[] | undefined {
  const right = node.right;
  if (node.operatorToken.kind !== ts.SyntaxKind.AmpersandAmpersandToken || !ts.isParenthesizedExpression(right))
    return undefined;
  const inner = right.expression;
  const jsx = ts.isJsxElement(inner) || ts.isJsxSelfClosingElement(inner) || ts.isJsxFragment(inner);
  const between = sf.text.slice(node.operatorToken.end, right.getStart(sf));
  const opening = sf.text.slice(right.getStart(sf) + 1, inner.getStart(sf));
  if (!jsx || !/^[ \t]*\r?\n[ \t]*$/.test(between) || !opening.includes('\n')) return undefined;
  return [{ start: node.operatorToken.end, end: right.getStart(sf), text: ' ' }];
}

/** A block standing as a statement of its own (not an if's, a loop's or a function's body). */
function isBareBlock(node: ts.Block): boolean {
  return isStatementContainer(node.parent);
}

/** The texts of the bare blocks the author wrote (parsed only when the result has one). */
function lazyBareBlocks(file: string, original: string): () => ReadonlySet<string> {
  let texts: Set<string> | undefined;
  return () => {
    if (texts) return texts;
    const sf = parseFile(file, original);
    const found = new Set<string>();
    const visit = (n: ts.Node): void => {
      if (ts.isBlock(n) && isBareBlock(n)) found.add(n.getText(sf));
      n.forEachChild(visit);
    };
    visit(sf);
    texts = found;
    return found;
  };
}

/**
 * `{ const { repository } = await load('v2'); return repository; }` standing alone in a function
 * body: its statements move out when their names clash with nothing there (scoping.ts), comments
 * kept, re-indented one level out.
 */
function unwrapBareBlock(sf: ts.SourceFile, node: ts.Block): OffsetEdit[] | undefined {
  const statements = node.statements;
  if (statements.length === 0 || !canUnwrapBlock(node, node)) return undefined;
  const text = sf.text;
  const first = statements[0]!;
  let start = first.getFullStart();
  while (/\s/.test(text[start] ?? '')) start++;
  const close = node.end - 1;
  const body = text.slice(start, close).trimEnd();
  const indent = indentAt(text, node.getStart(sf));
  return [
    {
      start: node.getStart(sf),
      end: node.end,
      text: reindent(body, indentAt(text, first.getStart(sf)), indent, sf.fileName),
    },
  ];
}

/**
 * `try { backend = 'native'; } catch (error) { … }` once the flag's lookup left the try block: what
 * is left cannot throw (assignments of literals and names to local variables, the return of one),
 * so the catch is dead and the statements stand on their own.
 */
function unwrapSafeTry(sf: ts.SourceFile, node: ts.TryStatement): OffsetEdit[] | undefined {
  if (node.finallyBlock || (!ts.isBlock(node.parent) && !ts.isSourceFile(node.parent))) return undefined;
  const statements = node.tryBlock.statements;
  if (statements.length === 0 || !statements.every(cannotThrow)) return undefined;
  // `try { return true; } catch { … }`: the return stands alone only where nothing follows the try,
  // which the catch could have fallen through to (it would be left dead after the return).
  const siblings = ts.isBlock(node.parent) ? node.parent.statements : node.parent.statements;
  if (statements.some(ts.isReturnStatement) && siblings[siblings.length - 1] !== node) return undefined;
  const text = sf.text;
  const first = statements[0]!;
  const last = statements[statements.length - 1]!;
  const body = text.slice(first.getStart(sf), last.end);
  const indent = indentAt(text, node.getStart(sf));
  return [
    {
      start: node.getStart(sf),
      end: node.end,
      text: reindent(body, indentAt(text, first.getStart(sf)), indent, sf.fileName),
    },
  ];
}

function cannotThrow(statement: ts.Statement): boolean {
  if (ts.isExpressionStatement(statement)) {
    const e = statement.expression;
    return (
      ts.isBinaryExpression(e) &&
      e.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(e.left) &&
      isInert(e.right)
    );
  }
  if (ts.isReturnStatement(statement)) return !statement.expression || isInert(statement.expression);
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.every(
      (d) => ts.isIdentifier(d.name) && (!d.initializer || isInert(d.initializer)),
    );
  return false;
}

/** A literal or a plain name: evaluating it cannot throw (a property read could, through a getter). */
function isInert(expr: ts.Expression): boolean {
  const inner = skipInnerTransparent(expr);
  return (
    literalValue(inner) !== undefined ||
    (ts.isIdentifier(inner) && inner.text !== 'undefined') ||
    inner.kind === ts.SyntaxKind.UndefinedKeyword
  );
}

/**
 * `let backend: Backend = env.DEFAULT;` directly followed by the `backend = 'native';` the removal
 * left: the first value is never read, so the declaration takes the second.
 */
function foldOverwrittenLet(
  sf: ts.SourceFile,
  statement: ts.VariableStatement,
  produced: (node: ts.Node) => boolean,
): OffsetEdit[] | undefined {
  const list = statement.declarationList;
  if (!(list.flags & ts.NodeFlags.Let) || list.declarations.length !== 1) return undefined;
  const decl = list.declarations[0]!;
  if (!ts.isIdentifier(decl.name) || !decl.initializer || !isPure(decl.initializer)) return undefined;
  const siblings: readonly ts.Statement[] =
    ts.isBlock(statement.parent) || ts.isSourceFile(statement.parent) ? statement.parent.statements : [];
  const next = siblings[siblings.indexOf(statement) + 1];
  if (!next || !ts.isExpressionStatement(next) || !produced(next)) return undefined;
  const e = next.expression;
  if (
    !ts.isBinaryExpression(e) ||
    e.operatorToken.kind !== ts.SyntaxKind.EqualsToken ||
    !ts.isIdentifier(e.left) ||
    e.left.text !== decl.name.text ||
    !isInert(e.right) ||
    (ts.isIdentifier(skipInnerTransparent(e.right)) && skipInnerTransparent(e.right).getText(sf) === decl.name.text)
  )
    return undefined;
  return [
    { start: decl.initializer.getStart(sf), end: decl.initializer.end, text: e.right.getText(sf) },
    ...statementRemovals(sf, new Set([next])),
  ];
}

/**
 * `const [runs] = await Promise.all([countRuns(org)])`, what is left when the flag's element went
 * from the tuple: `const runs = await countRuns(org)`.
 */
function foldSinglePromiseAll(sf: ts.SourceFile, decl: ts.VariableDeclaration): OffsetEdit[] | undefined {
  const pattern = decl.name;
  if (!ts.isArrayBindingPattern(pattern) || pattern.elements.length !== 1 || decl.type) return undefined;
  const binding = pattern.elements[0]!;
  if (ts.isOmittedExpression(binding) || binding.dotDotDotToken || binding.initializer) return undefined;
  const awaited = decl.initializer && skipInnerTransparent(decl.initializer);
  if (!awaited || !ts.isAwaitExpression(awaited)) return undefined;
  const call = skipInnerTransparent(awaited.expression);
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.typeArguments) return undefined;
  const callee = call.expression;
  if (
    !ts.isPropertyAccessExpression(callee) ||
    !ts.isIdentifier(callee.expression) ||
    callee.expression.text !== 'Promise' ||
    callee.name.text !== 'all'
  )
    return undefined;
  const list = call.arguments[0]!;
  if (!ts.isArrayLiteralExpression(list) || list.elements.length !== 1) return undefined;
  const element = list.elements[0]!;
  if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) return undefined;
  // `await Promise.resolve(x)` is `await x`, and a plain value needs no await at all.
  const resolved = promiseResolveArgument(element);
  const value = resolved && isPlainValue(resolved) ? resolved : undefined;
  return [
    { start: pattern.getStart(sf), end: pattern.end, text: binding.name.getText(sf) },
    value
      ? { start: awaited.getStart(sf), end: awaited.end, text: value.getText(sf) }
      : { start: call.getStart(sf), end: call.end, text: (resolved ?? element).getText(sf) },
  ];
}

function promiseResolveArgument(expr: ts.Expression): ts.Expression | undefined {
  const inner = skipInnerTransparent(expr);
  if (!ts.isCallExpression(inner) || inner.arguments.length !== 1) return undefined;
  const callee = inner.expression;
  return ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    callee.name.text === 'resolve'
    ? inner.arguments[0]
    : undefined;
}

/** A value that is never a promise: a literal, a template, a String()/Number()/Boolean() conversion. */
function isPlainValue(expr: ts.Expression): boolean {
  const inner = skipInnerTransparent(expr);
  if (literalValue(inner) || ts.isTemplateExpression(inner)) return true;
  return (
    ts.isCallExpression(inner) &&
    ts.isIdentifier(inner.expression) &&
    ['String', 'Number', 'Boolean'].includes(inner.expression.text)
  );
}

/** `[...([]), a]` → `[a]`; `{ ...({ a: 1 }), b }` → `{ a: 1, b }`; `{ ...(undefined) }` → `{}`. */
function foldSpreads(
  sf: ts.SourceFile,
  list: ts.ArrayLiteralExpression | ts.ObjectLiteralExpression,
  produced: (node: ts.Node) => boolean,
): OffsetEdit[] | undefined {
  const elements: readonly ts.Node[] = ts.isArrayLiteralExpression(list) ? list.elements : list.properties;
  const empty = new Set<ts.Node>();
  const inline: OffsetEdit[] = [];
  for (const el of elements) {
    const spread =
      ts.isSpreadElement(el) || ts.isSpreadAssignment(el) ? skipInnerTransparent(el.expression) : undefined;
    if (!spread || !produced(el)) continue;
    const inner = ts.isArrayLiteralExpression(list)
      ? ts.isArrayLiteralExpression(spread)
        ? spread.elements
        : undefined
      : objectSpreadContents(spread);
    if (!inner) continue;
    if (inner.length === 0) empty.add(el);
    else if (!inner.some((e) => ts.isOmittedExpression(e)) && !redeclares(inner, elements, el))
      inline.push({ start: el.getStart(sf), end: el.end, text: elementsText(sf, el, inner) });
  }
  if (inline.length > 0) return inline;
  if (empty.size === 0) return undefined;
  return removeListElements(sf, elements, empty) ?? [{ start: list.getStart(sf) + 1, end: list.end - 1, text: '' }];
}

/**
 * Inlined properties that a sibling also names would make duplicate keys (TS1117); the spread stays
 * there, since the order of the two decides the value.
 */
function redeclares(inner: readonly ts.Node[], siblings: readonly ts.Node[], spread: ts.Node): boolean {
  const nameOf = (n: ts.Node): string | undefined =>
    (ts.isPropertyAssignment(n) || ts.isShorthandPropertyAssignment(n) || ts.isMethodDeclaration(n)) &&
    (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name))
      ? n.name.text
      : undefined;
  const names = new Set(inner.map(nameOf).filter((n): n is string => n !== undefined));
  return names.size > 0 && siblings.some((s) => s !== spread && names.has(nameOf(s) ?? '\0'));
}

/** What spreading the expression into an object adds: an object literal's properties, nothing for null/undefined/false. */
function objectSpreadContents(expr: ts.Expression): readonly ts.Node[] | undefined {
  if (ts.isObjectLiteralExpression(expr)) return expr.properties;
  const literal = literalValue(expr);
  if (literal && (literal.value === undefined || literal.value === null || literal.value === false)) return [];
  return undefined;
}

/** The spread literal's elements in its place: one per line when the spread stood on its own line or they did. */
function elementsText(sf: ts.SourceFile, spread: ts.Node, inner: readonly ts.Node[]): string {
  const text = sf.text;
  const indent = indentAt(text, spread.getStart(sf));
  const ownLine = text.slice(lineStartAt(text, spread.getStart(sf)), spread.getStart(sf)).trim() === '';
  const multiline = ownLine || text.slice(inner[0]!.getStart(sf), inner[inner.length - 1]!.end).includes('\n');
  if (!multiline) return inner.map((e) => e.getText(sf)).join(', ');
  return inner
    .map((e) => reindent(e.getText(sf), indentAt(text, e.getStart(sf)), indent, sf.fileName))
    .join(`,\n${indent}`);
}

/** Constants out of a hook's dependency list; an effect with an empty callback goes entirely. */
function foldHookCall(
  sf: ts.SourceFile,
  call: ts.CallExpression,
  produced: (node: ts.Node) => boolean,
): OffsetEdit[] | undefined {
  const name = hookName(call);
  if (!name || !DEPENDENCY_HOOKS.has(name)) return undefined;
  const deps = call.arguments[call.arguments.length - 1];
  const callback = call.arguments[0];
  if (
    EFFECT_HOOKS.has(name) &&
    callback &&
    isEmptyCallback(callback) &&
    ts.isExpressionStatement(call.parent) &&
    produced(call)
  ) {
    if (ts.isBlock(call.parent.parent) || ts.isSourceFile(call.parent.parent))
      return statementRemovals(sf, new Set([call.parent]));
  }
  if (call.arguments.length < 2 || !deps || !ts.isArrayLiteralExpression(deps) || !produced(deps)) return undefined;
  const constants = new Set<ts.Node>(deps.elements.filter((e) => literalValue(e) !== undefined));
  if (constants.size === 0) return undefined;
  return (
    removeListElements(sf, deps.elements, constants) ?? [{ start: deps.getStart(sf) + 1, end: deps.end - 1, text: '' }]
  );
}

function hookName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'React')
    return callee.name.text;
  return undefined;
}

/** `() => {}`, `() => { return; }`: running it does nothing (and it returns no cleanup). */
function isEmptyCallback(node: ts.Expression): boolean {
  if (!ts.isArrowFunction(node) && !ts.isFunctionExpression(node)) return false;
  if (node.parameters.length > 0 || !ts.isBlock(node.body)) return false;
  // Text, not statements: a comment left in the callback (a TODO, a reason) keeps the effect.
  return /^\{\s*(return;?\s*)?\}$/.test(node.body.getText());
}

/**
 * `label={undefined}` goes (unless a spread before it could have set the prop, which the explicit
 * undefined overrides); `topLabel={true}` becomes `topLabel`.
 */
function foldJsxAttributes(
  attributes: ts.JsxAttributes,
  produced: (node: ts.Node) => boolean,
): OffsetEdit[] | undefined {
  const edits: OffsetEdit[] = [];
  let spreadBefore = false;
  for (const attr of attributes.properties) {
    if (ts.isJsxSpreadAttribute(attr)) {
      spreadBefore = true;
      continue;
    }
    const init = attr.initializer;
    if (!init || !ts.isJsxExpression(init) || !init.expression || !produced(attr)) continue;
    const value = literalValue(skipInnerTransparent(init.expression));
    if (!value) continue;
    if (value.value === undefined && !spreadBefore) edits.push({ start: attr.pos, end: attr.end, text: '' });
    else if (value.value === true) edits.push({ start: attr.name.end, end: init.end, text: '' });
  }
  return edits;
}
