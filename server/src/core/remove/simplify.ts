import { ts } from 'ts-morph';
import { isFlagSchemaParse, PARSE_RESULT_MEMBERS, parseResultMember } from './parseResults';
import { isPure, literalValue, skipInnerTransparent } from './syntax';

/**
 * Partial evaluation of expressions once the flag's evaluations are known constants, the way
 * Piranha folds them: `!`, `&&`, `||`, `??`, comparisons, `typeof`, ternaries. Only expressions
 * that contain a flag evaluation are folded; other code keeps its shape.
 *
 * An expression's `mode` says how much of its value matters: `value` (all of it), `bool` (only its
 * truthiness: conditions, `!` operands) or `stmt` (nothing: an expression statement). `x && true`
 * can become `x` only when just its truthiness matters.
 */
export type Mode = 'value' | 'bool' | 'stmt';

export type Simplified =
  /** Unchanged at this level (children may still change). */
  | { kind: 'same' }
  /** A known value; `node` is the literal that spells it in the source, when there is one. */
  | { kind: 'const'; value: unknown; node?: ts.Expression }
  /** Equivalent to this sub-expression (which is itself 'same' at its level). */
  | { kind: 'node'; node: ts.Expression }
  /** `!node`, or `!!node` (`c ? true : false` once the branches are literals and c's type is unknown). */
  | { kind: 'negation'; node: ts.Expression; double: boolean }
  /**
   * The truthiness of `node` as a boolean, where the slot needs one (`x && true` in a `disabled=`
   * or a `: boolean` slot): spelled `!!` only on the operands that are not boolean already
   * (`!a && b && true` → `!a && !!b`).
   */
  | { kind: 'truthiness'; node: ts.Expression };

export interface EvalContext {
  /** A flag evaluation or a variable that only held the flag's value. */
  knownValue(node: ts.Node): { value: unknown } | undefined;
  /** A member of a local `as const` object (`STORES.CLICKHOUSE`), which compares like its literal. */
  constantMember?(node: ts.Expression): { value: unknown } | undefined;
  /** The node contains a flag evaluation (only such nodes are folded). */
  isDirty(node: ts.Node): boolean;
  /** The expression's static type is boolean, so its truthiness is its value. */
  isBoolean?(node: ts.Expression): boolean;
  /** The slot takes a boolean (its contextual type, or a name such as `isOpen` or `disabled`). */
  needsBoolean?(node: ts.Expression): boolean;
  /** How this file's evaluations spell the flag's key (`FEATURE_FLAG.x`, `'x'`): finds the flag's own schema. */
  readonly flagKeyTexts?: ReadonlySet<string>;
}

const SAME: Simplified = { kind: 'same' };

export class Simplifier {
  private readonly memo = new Map<ts.Node, Simplified>();

  constructor(private readonly ctx: EvalContext) {}

  simplify(node: ts.Expression): Simplified {
    let result = this.memo.get(node);
    if (!result) {
      result = this.compute(node);
      this.memo.set(node, result);
    }
    return result;
  }

  /** The mode of an expression, from the construct around it. */
  modeOf(node: ts.Node): Mode {
    const parent = node.parent;
    if (!parent) return 'value';
    switch (parent.kind) {
      case ts.SyntaxKind.IfStatement:
      case ts.SyntaxKind.WhileStatement:
      case ts.SyntaxKind.DoStatement:
        return (parent as ts.IfStatement).expression === node ? 'bool' : 'value';
      case ts.SyntaxKind.ForStatement:
        return (parent as ts.ForStatement).condition === node
          ? 'bool'
          : (parent as ts.ForStatement).incrementor === node
            ? 'stmt'
            : 'value';
      case ts.SyntaxKind.ExpressionStatement:
        return 'stmt';
      case ts.SyntaxKind.ConditionalExpression: {
        const p = parent as ts.ConditionalExpression;
        return p.condition === node ? 'bool' : this.modeOf(p);
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
        return (parent as ts.PrefixUnaryExpression).operator === ts.SyntaxKind.ExclamationToken ? 'bool' : 'value';
      case ts.SyntaxKind.ParenthesizedExpression:
        return this.modeOf(parent);
      case ts.SyntaxKind.VoidExpression:
        return 'stmt';
      case ts.SyntaxKind.BinaryExpression: {
        const p = parent as ts.BinaryExpression;
        const op = p.operatorToken.kind;
        const outer = this.modeOf(p);
        if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
          return p.right === node ? outer : outer === 'value' ? 'value' : 'bool';
        }
        if (op === ts.SyntaxKind.QuestionQuestionToken) return p.right === node ? outer : 'value';
        if (op === ts.SyntaxKind.CommaToken) return p.right === node ? outer : 'stmt';
        return 'value';
      }
      default:
        return 'value';
    }
  }

  private operand(node: ts.Expression): Simplified {
    if (!this.ctx.isDirty(node)) {
      const lit = literalValue(node) ?? this.ctx.constantMember?.(node);
      return lit ? { kind: 'const', value: lit.value, node } : SAME;
    }
    return this.simplify(node);
  }

  /** The operand's result as a stand-alone replacement ('same' becomes the node itself). */
  private asResult(node: ts.Expression): Simplified {
    const r = this.operand(node);
    return r.kind === 'same' ? { kind: 'node', node } : r;
  }

  private compute(node: ts.Expression): Simplified {
    const known = this.ctx.knownValue(node);
    if (known) return { kind: 'const', value: known.value };
    const lit = literalValue(node);
    if (lit) return { kind: 'const', value: lit.value, node };
    if (!this.ctx.isDirty(node)) return SAME;

    if (ts.isParenthesizedExpression(node)) {
      const inner = this.operand(node.expression);
      if (inner.kind === 'const') return inner;
      if (inner.kind === 'node' && isAtomic(inner.node)) return inner;
      return SAME;
    }
    if (
      ts.isAsExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isTypeAssertionExpression(node)
    ) {
      // `flags.x as boolean` once `flags.x` is `true`: the literal stands alone.
      const inner = this.operand(node.expression);
      return inner.kind === 'const' && !inner.node ? inner : SAME;
    }
    if (ts.isPrefixUnaryExpression(node)) return this.prefix(node);
    if (ts.isTypeOfExpression(node)) {
      const inner = this.operand(node.expression);
      return inner.kind === 'const'
        ? { kind: 'const', value: inner.value === null ? 'object' : typeof inner.value }
        : SAME;
    }
    if (ts.isBinaryExpression(node)) return this.binary(node);
    if (ts.isPropertyAccessExpression(node) && PARSE_RESULT_MEMBERS.has(node.name.text) && !node.questionDotToken) {
      // `Catalog[FEATURE_FLAG.x].safeParse(true).success`: see parseResults.ts.
      const call = skipInnerTransparent(node.expression);
      if (!isFlagSchemaParse(call, this.ctx.flagKeyTexts ?? new Set())) return SAME;
      const arg = this.operand(call.arguments[0]!);
      return arg.kind === 'const' ? { kind: 'const', value: parseResultMember(node.name.text, arg.value) } : SAME;
    }
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.arguments.length === 1 &&
      !node.questionDotToken
    ) {
      // `Boolean(flag)`, `String(variant)`: the conversions of a known value are known.
      const arg = this.operand(node.arguments[0]!);
      if (arg.kind === 'const' && !isSpread(node.arguments[0]!)) {
        if (node.expression.text === 'Boolean') return { kind: 'const', value: Boolean(arg.value) };
        if (node.expression.text === 'String' && isPrimitive(arg.value))
          return { kind: 'const', value: String(arg.value) };
      }
      return SAME;
    }
    if (ts.isConditionalExpression(node)) {
      const cond = this.operand(node.condition);
      if (cond.kind === 'const') return this.asResult(cond.value ? node.whenTrue : node.whenFalse);
      // `user ? true : false` once the branches became literals: the condition's truthiness.
      const yes = this.operand(node.whenTrue);
      const no = this.operand(node.whenFalse);
      if (
        yes.kind !== 'const' ||
        no.kind !== 'const' ||
        typeof yes.value !== 'boolean' ||
        typeof no.value !== 'boolean'
      )
        return SAME;
      if (yes.value === no.value) return isPure(node.condition) ? { kind: 'const', value: yes.value } : SAME;
      if (!yes.value) return { kind: 'negation', node: node.condition, double: false };
      return this.modeOf(node) !== 'value' || this.ctx.isBoolean?.(node.condition)
        ? this.asResult(node.condition)
        : { kind: 'negation', node: node.condition, double: true };
    }
    return SAME;
  }

  private prefix(node: ts.PrefixUnaryExpression): Simplified {
    const inner = this.operand(node.operand);
    if (inner.kind !== 'const') return SAME;
    switch (node.operator) {
      case ts.SyntaxKind.ExclamationToken:
        return { kind: 'const', value: !inner.value };
      case ts.SyntaxKind.MinusToken:
        return typeof inner.value === 'number' ? { kind: 'const', value: -inner.value } : SAME;
      case ts.SyntaxKind.PlusToken:
        return typeof inner.value === 'number' ? { kind: 'const', value: inner.value } : SAME;
      default:
        return SAME;
    }
  }

  private binary(node: ts.BinaryExpression): Simplified {
    const op = node.operatorToken.kind;
    const mode = this.modeOf(node);
    switch (op) {
      case ts.SyntaxKind.AmpersandAmpersandToken: {
        const left = this.operand(node.left);
        if (left.kind === 'const') return left.value ? this.asResult(node.right) : left;
        if (mode === 'value' && !this.ctx.isBoolean?.(node.left)) {
          // `(x && true) && y` is `x && y`: a truthy left operand is dropped, a falsy one is x itself.
          // Elsewhere `x && true` is x's falsy value or `true`: only a slot that wants a boolean
          // lets it become x's truthiness; any other slot keeps the author's exact value.
          const right = this.operand(node.right);
          if (right.kind !== 'const' || right.value !== true) return SAME;
          if (isLeftOfAnd(node)) return this.asResult(node.left);
          return this.ctx.needsBoolean?.(node) ? { kind: 'truthiness', node: node.left } : SAME;
        }
        const right = this.operand(node.right);
        if (right.kind !== 'const') return SAME;
        if (right.value) return this.asResult(node.left); // `x && true` is as true as x
        return isPure(node.left) ? { kind: 'const', value: false } : SAME;
      }
      case ts.SyntaxKind.BarBarToken: {
        const left = this.operand(node.left);
        if (left.kind === 'const') return left.value ? left : this.asResult(node.right);
        if (mode === 'value' && !this.ctx.isBoolean?.(node.left)) {
          // `x || false` is x's truthy value or `false`: x's truthiness where a boolean is wanted.
          // `(x || true) && y` is always truthy on the left, so the `&&` is y.
          const right = this.operand(node.right);
          if (right.kind === 'const' && right.value === true && isLeftOfAnd(node) && isPure(node.left))
            return { kind: 'const', value: true };
          return right.kind === 'const' && right.value === false && this.ctx.needsBoolean?.(node)
            ? { kind: 'truthiness', node: node.left }
            : SAME;
        }
        const right = this.operand(node.right);
        if (right.kind !== 'const') return SAME;
        if (!right.value) return this.asResult(node.left);
        return isPure(node.left) ? { kind: 'const', value: true } : SAME;
      }
      case ts.SyntaxKind.QuestionQuestionToken: {
        const left = this.operand(node.left);
        if (left.kind !== 'const') return SAME;
        return left.value === null || left.value === undefined ? this.asResult(node.right) : left;
      }
      case ts.SyntaxKind.CommaToken: {
        // `(flag, x)`: the left side is only kept for its effects.
        const left = this.operand(node.left);
        return left.kind === 'const' ? this.asResult(node.right) : SAME;
      }
      default: {
        const left = this.operand(node.left);
        const right = this.operand(node.right);
        if (left.kind !== 'const' || right.kind !== 'const') return SAME;
        const folded = foldComparison(op, left.value, right.value);
        return folded ? { kind: 'const', value: folded.value } : SAME;
      }
    }
  }
}

/** The left operand of an `&&` (through parentheses). */
function isLeftOfAnd(node: ts.Node): boolean {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  const p = current.parent;
  return (
    ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.left === current
  );
}

function isSpread(node: ts.Node): boolean {
  return ts.isSpreadElement(node);
}

export function isPrimitive(v: unknown): v is string | number | boolean | null | undefined {
  return v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v);
}

/** Comparisons and arithmetic between two primitive constants. */
function foldComparison(op: ts.SyntaxKind, a: unknown, b: unknown): { value: unknown } | undefined {
  const primitive = (v: unknown): boolean =>
    v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v);
  if (!primitive(a) || !primitive(b)) return undefined;
  const x = a as string | number;
  const y = b as string | number;
  switch (op) {
    case ts.SyntaxKind.EqualsEqualsEqualsToken:
      return { value: a === b };
    case ts.SyntaxKind.ExclamationEqualsEqualsToken:
      return { value: a !== b };
    case ts.SyntaxKind.EqualsEqualsToken:
      // eslint-disable-next-line eqeqeq
      return { value: a == b };
    case ts.SyntaxKind.ExclamationEqualsToken:
      // eslint-disable-next-line eqeqeq
      return { value: a != b };
    case ts.SyntaxKind.LessThanToken:
      return { value: x < y };
    case ts.SyntaxKind.GreaterThanToken:
      return { value: x > y };
    case ts.SyntaxKind.LessThanEqualsToken:
      return { value: x <= y };
    case ts.SyntaxKind.GreaterThanEqualsToken:
      return { value: x >= y };
    default:
      return undefined;
  }
}

/** Expressions that need no parentheses anywhere an expression may stand. */
export function isAtomic(node: ts.Expression): boolean {
  const inner = node;
  return (
    ts.isIdentifier(inner) ||
    ts.isStringLiteral(inner) ||
    ts.isNumericLiteral(inner) ||
    ts.isNoSubstitutionTemplateLiteral(inner) ||
    inner.kind === ts.SyntaxKind.TrueKeyword ||
    inner.kind === ts.SyntaxKind.FalseKeyword ||
    inner.kind === ts.SyntaxKind.NullKeyword ||
    inner.kind === ts.SyntaxKind.ThisKeyword ||
    ((ts.isPropertyAccessExpression(inner) || ts.isCallExpression(inner) || ts.isElementAccessExpression(inner)) &&
      !inner.getText().includes('\n') &&
      skipInnerTransparent(inner) === inner)
  );
}
