import { ts } from 'ts-morph';
import { memberChain, unwrap } from './syntax';

/**
 * What one read of a would-be flag collection says about it (for discover.ts). A name that says
 * flags is not enough: trigger.dev's `plan.features.hasStagingEnvironment.enabled` is a plan's
 * limits and its `requestedFlags` a request body, and proposing them made removal rewrite them.
 * A read supports the collection when it is used as a flag is (tested as a boolean, keyed by a
 * flag constant, or named like a flag); it counts against it when the member is itself an object
 * (unless the name says flag: flag objects are a common API).
 */
export type ReadEvidence = 'supports' | 'object-member' | 'neutral';

/** Member names that read as a flag's: `hasSso`, `isMultiOrgEnabled`, `queueMetricsUiEnabled`, `canExport`. */
export const FLAG_MEMBER = /^(is|has|can|enable|enabled|use|show|allow|disable)[A-Z0-9_]|(Enabled|Disabled|Access)$/;

/** Names that say flag or toggle outright; `features` may be a plan's or a licence's. */
const SAYS_FLAG = /flag|toggle/i;

export function readEvidence(
  site: ts.Node,
  collection: string,
  member: string | undefined,
  flagConstantKey: boolean,
): ReadEvidence {
  // Flags may be objects (`flags.enable_ai.$`, `flags.x.value`); features that are objects are a plan's.
  if (isObjectMember(site) && !SAYS_FLAG.test(collection)) return 'object-member';
  if (
    flagConstantKey ||
    usedAsBoolean(site) ||
    storedAsFlag(site) ||
    (member !== undefined && FLAG_MEMBER.test(member))
  )
    return 'supports';
  return 'neutral';
}

/** `postbacksEnabled: partner.featureFlags.postbacks`, `const showAi = flags.ai ?? false`: kept under a flag's name or defaulted to a boolean. */
function storedAsFlag(site: ts.Node): boolean {
  let e = outermost(site);
  const p0 = e.parent;
  if (p0 && ts.isBinaryExpression(p0) && p0.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) {
    if (p0.right.kind === ts.SyntaxKind.TrueKeyword || p0.right.kind === ts.SyntaxKind.FalseKeyword) return true;
    e = outermost(p0);
  }
  const p = e.parent;
  if (!p) return false;
  const name =
    (ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p)) && p.initializer === e
      ? p.name.getText()
      : ts.isJsxExpression(p) && p.parent && ts.isJsxAttribute(p.parent)
        ? p.parent.name.getText()
        : '';
  return FLAG_MEMBER.test(name);
}

/** `features.hasStagingEnvironment.enabled`, `flags.x()`: the member holds an object or a function, not an on/off. */
function isObjectMember(site: ts.Node): boolean {
  const e = outermost(site);
  const p = e.parent;
  if (!p) return false;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p)) && p.expression === e) return true;
  return ts.isCallExpression(p) && p.expression === e;
}

/** The expression with the parentheses, casts and `!` around it, as its parent sees it. */
function outermost(node: ts.Node): ts.Node {
  let e = node;
  while (
    e.parent &&
    (ts.isParenthesizedExpression(e.parent) ||
      ts.isNonNullExpression(e.parent) ||
      ts.isAsExpression(e.parent) ||
      ts.isSatisfiesExpression(e.parent) ||
      ts.isTypeAssertionExpression(e.parent))
  )
    e = e.parent;
  return e;
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** Tested for truth: `!x`, `if (x)`, `x ? a : b`, `x && y`, `x || y`, `x === true`. A presence check (`x !== undefined`) is not. */
export function usedAsBoolean(node: ts.Node): boolean {
  const e = outermost(node);
  const p = e.parent;
  if (!p) return false;
  if (ts.isPrefixUnaryExpression(p)) return p.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || ts.isDoStatement(p)) return p.expression === e;
  if (ts.isConditionalExpression(p)) return p.condition === e;
  if (ts.isForStatement(p)) return p.condition === e;
  if (!ts.isBinaryExpression(p)) return false;
  const op = p.operatorToken.kind;
  if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) return true;
  if (!EQUALITY.has(op)) return false;
  const other = p.left === e ? p.right : p.left;
  return other.kind === ts.SyntaxKind.TrueKeyword || other.kind === ts.SyntaxKind.FalseKeyword;
}

/** Members that any value has (`flags.x.toString()`, `features.list.length`): they say nothing of what it holds. */
const VALUE_API = new Set(['length', 'toString', 'valueOf', 'then', 'includes', 'map', 'filter', 'some', 'every']);

/** Callees whose result is checked or parsed input: a request body, CLI arguments, a schema's output. */
const PARSE_CALL = /^(safe)?parse(Async)?$|^parseArgs$|^validate\w*$|^json$|^formData$/;

/**
 * The names this file treats as data rather than as a set of flags: the last name of each chain
 * that is iterated (`for … of`, `Object.entries(x)`), filled by computed keys (`x[k] = v`), handed
 * to a parser, declared from a parser's or a request's output (`const { …rest } = result.data`), or
 * whose members are objects (`x.member.field`).
 */
export function dataNames(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const add = (e: ts.Expression | undefined): void => {
    const chain = e && memberChain(e);
    if (chain) names.add([chain.root.getText(sf), ...chain.path].at(-1) ?? '');
  };
  const stack: ts.Node[] = [sf];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) add(node.expression);
    else if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : ts.isIdentifier(callee)
          ? callee.text
          : '';
      const object = ts.isPropertyAccessExpression(callee) ? callee.expression.getText(sf) : '';
      if (object === 'Object' && /^(keys|values|entries)$/.test(name)) add(node.arguments[0]);
      else if (PARSE_CALL.test(name)) for (const a of node.arguments) add(a);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isElementAccessExpression(node.left) &&
      !ts.isStringLiteralLike(node.left.argumentExpression)
    ) {
      add(node.left.expression);
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isPropertyAccessExpression(unwrap(node.expression)) &&
      !VALUE_API.has(node.name.text)
    ) {
      // `features.hasStagingEnvironment.enabled`: in this file `features` holds objects, not on/offs.
      // A name that says flag may hold flag objects (AFFiNE's `flags.enable_ai.$`, a live value).
      const holder = (unwrap(node.expression) as ts.PropertyAccessExpression).expression;
      const chain = memberChain(holder);
      const last = chain ? ([chain.root.getText(sf), ...chain.path].at(-1) ?? '') : '';
      if (!SAYS_FLAG.test(last)) names.add(last);
    } else if (ts.isVariableDeclaration(node) && node.initializer && isParsedInput(node.initializer)) {
      for (const id of boundNames(node.name)) names.add(id);
    }
    node.forEachChild((c) => {
      stack.push(c);
    });
  }
  names.delete('');
  return names;
}

/** `schema.parse(x)`, `await request.json()`, `result.data`, `ok ? result.data : {}`. */
function isParsedInput(init: ts.Expression): boolean {
  let e = unwrap(init);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isConditionalExpression(e)) return isParsedInput(e.whenTrue) || isParsedInput(e.whenFalse);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'data' || e.name.text === 'body';
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  return PARSE_CALL.test(name);
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : boundNames(el.name)));
}
