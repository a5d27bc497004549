import { ts } from 'ts-morph';
import type { FlagReference } from '../model';
import { booleanReadIsAnyVariant, readsVariantKey } from '../sdks';
import type { FlagValue } from './flagValue';
import { jsxGateFor, type JsxGate } from './jsxGates';
import { isKeyListReference } from './keyLists';
import { missingMemberRead } from './memberReads';
import { isFlagSchemaParse, PARSE_RESULT_MEMBERS, parseResultMember } from './parseResults';
import { resultObjectProperties, resultPropertyValue, type ResultProperty } from './resultObjects';
import { Simplifier, type EvalContext } from './simplify';
import { readAsVariant } from './variantReads';
import {
  findInnermostNode,
  findNodeBySpan,
  hasExportModifier,
  isAssignmentOperator,
  isModuleFile,
  isReferenceIdentifier,
  literalValue,
  skipInnerTransparent,
  skipOuterTransparent,
} from './syntax';

/**
 * What removing the flag changes in one file before any text is produced: which expressions become
 * the flag's value (the evaluations, then the uses of variables that only held the value), which
 * declarations and destructured bindings go, which gate components unwrap.
 */
export class RewriteState implements EvalContext {
  readonly exprSeeds = new Map<ts.Node, unknown>();
  /** Evaluations whose promise the code uses (`.then`, returned as a Promise): they become `Promise.resolve(value)`. */
  readonly promiseSeeds = new Set<ts.Node>();
  readonly removedDeclarations = new Set<ts.VariableDeclaration>();
  readonly removedBindings = new Set<ts.BindingElement>();
  /** Elements of a `Promise.all([...])` whose binding in the destructuring went with the flag. */
  readonly removedElements = new Set<ts.Expression>();
  readonly gates = new Map<ts.JsxElement | ts.JsxSelfClosingElement, JsxGate>();
  readonly dirty = new Set<ts.Node>();
  readonly warnings: string[] = [];
  /** Evaluations left in the code (a reason is in `warnings`): the flag is then still in use. */
  leftInPlace = 0;

  /** Uses that read a member the frozen value lacks (`true.enabled`): the file is then left as it is. */
  readonly memberReads: string[] = [];
  readonly flagKeyTexts = new Set<string>();

  private leave(warning: string): void {
    this.warnings.push(warning);
    this.leftInPlace++;
  }
  /** Callees of the removed references (`useFlags`): their now unused results may be dropped. */
  readonly callees = new Set<string>();
  simplifier: Simplifier = new Simplifier(this);
  private readonly rejected = new Set<ts.VariableDeclaration>();

  constructor(
    readonly sf: ts.SourceFile,
    readonly checker: ts.TypeChecker,
    readonly value: FlagValue,
  ) {}

  knownValue(node: ts.Node): { value: unknown } | undefined {
    return this.exprSeeds.has(node) ? { value: this.exprSeeds.get(node) } : undefined;
  }

  constantMember(node: ts.Expression): { value: unknown } | undefined {
    if (!ts.isPropertyAccessExpression(node) || !ts.isIdentifier(node.expression) || node.questionDotToken)
      return undefined;
    const decl = this.checker.getSymbolAtLocation(node.expression)?.valueDeclaration;
    if (!decl || !ts.isVariableDeclaration(decl) || !decl.initializer) return undefined;
    if (!(ts.getCombinedNodeFlags(decl) & ts.NodeFlags.Const)) return undefined;
    // Only `as const`: the members of a plain object can be written.
    const init = decl.initializer;
    if (!ts.isAsExpression(init) || init.type.getText(this.sf) !== 'const') return undefined;
    const object = skipInnerTransparent(init.expression);
    if (!ts.isObjectLiteralExpression(object)) return undefined;
    const property = object.properties.find(
      (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === node.name.text,
    );
    return property && ts.isPropertyAssignment(property) ? literalValue(property.initializer) : undefined;
  }

  isDirty(node: ts.Node): boolean {
    return this.dirty.has(node);
  }

  isBoolean(node: ts.Expression): boolean {
    // Primitive types need no lib, so the binding program's checker knows them.
    return isBooleanType(this.checker.getTypeAtLocation(node));
  }

  needsBoolean(node: ts.Expression): boolean {
    const contextual = this.checker.getContextualType(node);
    if (contextual && isBooleanType(contextual)) return true;
    // Imported component props and annotations the binding program cannot see: the slot's name.
    let slot: ts.Node = node;
    while (ts.isParenthesizedExpression(slot.parent)) slot = slot.parent;
    const parent = slot.parent;
    const name =
      (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.initializer === slot
        ? parent.name
        : ts.isJsxExpression(parent) && ts.isJsxAttribute(parent.parent)
          ? parent.parent.name
          : ts.isBinaryExpression(parent) &&
              parent.right === slot &&
              parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
            ? ts.isPropertyAccessExpression(parent.left)
              ? parent.left.name
              : parent.left
            : undefined;
    if (name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name)) && BOOLEAN_NAME.test(name.text))
      return true;
    // `return license.active && true;` in a function declared to return a boolean (or a promise of
    // one): the binding program has no lib to resolve `Promise<boolean>`, the annotation says it.
    const fn = ts.isReturnStatement(parent)
      ? ts.findAncestor(parent, ts.isFunctionLike)
      : ts.isArrowFunction(parent) && parent.body === slot
        ? parent
        : undefined;
    if (fn && 'type' in fn && fn.type && /^(Promise<\s*boolean\s*>|boolean)$/.test(fn.type.getText(this.sf)))
      return true;
    // `const showHistory = draft.revisions && true` read only as a condition: its truthiness is all that is used.
    if (
      ts.isVariableDeclaration(parent) &&
      parent.initializer === slot &&
      ts.isIdentifier(parent.name) &&
      ts.isVariableDeclarationList(parent.parent) &&
      parent.parent.flags & ts.NodeFlags.Const
    ) {
      const uses = this.usesOf(parent.name);
      return uses !== undefined && uses.length > 0 && uses.every((u) => this.simplifier.modeOf(u) === 'bool');
    }
    return false;
  }

  where(node: ts.Node): string {
    const { line, character } = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf));
    return `${this.sf.fileName}:${line + 1}:${character + 1}`;
  }

  private markDirty(node: ts.Node): void {
    for (let n: ts.Node | undefined = node; n && !this.dirty.has(n); n = n.parent) this.dirty.add(n);
  }

  private addSeed(node: ts.Node, value: unknown): void {
    // A use inside another evaluation that is already replaced (nested wrapper calls) adds nothing.
    for (let n = node.parent; n; n = n.parent) if (this.exprSeeds.has(n)) return;
    const member = missingMemberRead(node, value);
    if (member !== undefined) {
      this.memberReads.push(
        `${this.where(node)}: '${node.getText(this.sf)}.${member}' reads '${member}' of the flag's value, which ${JSON.stringify(value)} does not have (the code holds an object with the flag, not its value)`,
      );
    }
    this.exprSeeds.set(node, value);
    this.markDirty(node);
  }

  /** Registers one reference the engine found in this file. */
  addReference(ref: FlagReference): void {
    this.callees.add(ref.callee);
    const sf = this.sf;
    let evStart: number;
    let evEnd: number;
    let keyStart: number;
    let keyEnd: number;
    try {
      evStart = sf.getPositionOfLineAndCharacter(ref.evaluation.range.start.line, ref.evaluation.range.start.character);
      evEnd = sf.getPositionOfLineAndCharacter(ref.evaluation.range.end.line, ref.evaluation.range.end.character);
      keyStart = sf.getPositionOfLineAndCharacter(ref.location.range.start.line, ref.location.range.start.character);
      keyEnd = sf.getPositionOfLineAndCharacter(ref.location.range.end.line, ref.location.range.end.character);
    } catch {
      this.leave(
        `${sf.fileName}:${ref.evaluation.range.start.line + 1}: the reference no longer matches the file (it changed since the scan); not rewritten.`,
      );
      return;
    }
    const node = findNodeBySpan(sf, evStart, evEnd) ?? findInnermostNode(sf, evStart, evEnd);
    // `flags.isEnabled(KEY)` on `const flags = await posthog.evaluateFlags(user, { flagKeys: [KEY] })`:
    // the variable the read went through only held what the SDK handed out, so its call goes with
    // its last read (unusedCleanup.ts), as a collection's holder does.
    const receiver = ts.isCallExpression(node) ? node.expression : undefined;
    if (receiver && ts.isPropertyAccessExpression(receiver) && ts.isIdentifier(receiver.expression))
      this.callees.add(receiver.expression.text);
    if (ref.shape === 'data') {
      // `features[row.key]` over a table of rows: the same expression evaluates every row's flag, so
      // it cannot become this one's value. Which rows stay is the author's call.
      const row = sf.getLineAndCharacterOfPosition(keyStart).line + 1;
      this.leave(
        `${this.where(node)}: ${node.getText(sf).replace(/\s+/g, ' ').slice(0, 60)} evaluates the flag of each row of a table (this one's row is at line ${row}), not only '${ref.key}'; edit the table or its use by hand.`,
      );
      return;
    }
    if (isAssertedValue(node)) {
      // `expect(await hasEntitlement(org, 'workflows')).toBe(false)`: a test of the flag API for one
      // input, which stays true after the removal (the API stays). As a literal it would assert
      // `expect(true).toBe(false)`.
      this.leave(
        `${this.where(node)}: a test asserts what ${node.getText(sf).replace(/\s+/g, ' ').slice(0, 60)} returns (it tests the flag API, not a use of the flag); left as it is: delete or keep the test by hand.`,
      );
      return;
    }
    const variant = typeof this.value === 'boolean' && readsVariantKey(ref) ? readAsVariant(node) : undefined;
    if (variant !== undefined) {
      // `(useFeatureFlagVariantKey('hero') as HeroVariant) || 'control'` kept as `true`: the code reads
      // a multivariate flag's variant, which no boolean is (a new type error, or a silent change).
      this.leave(
        `${this.where(node)}: ${ref.callee}() reads the variant of '${ref.key}' (\`${variant.replace(/\s+/g, ' ').slice(0, 60)}\`), which the boolean ${JSON.stringify(this.value)} is not; remove it with --value set to the variant that stays, or rewrite this use by hand.`,
      );
      return;
    }
    this.flagKeyTexts.add(ref.key).add(sf.text.slice(keyStart, keyEnd));
    if (
      ts.isCallExpression(node) &&
      isKeyListReference(ref) &&
      inArrayLiteral(findInnermostNode(sf, keyStart, keyEnd), node)
    ) {
      this.leave(
        `${this.where(node)}: ${ref.callee}([...]) returns a map of the flags it names, not the value of '${ref.key}'; remove '${ref.key}' from the list and its reads from the map by hand.`,
      );
      return;
    }

    // `useFeatureFlagEnabled('hero')` of a flag kept at its variant 'save-hours': a variant is on.
    const value = booleanReadIsAnyVariant(ref, this.value) ? true : this.value;
    const binding =
      enclosingBindingElement(node) ??
      (ref.kind === 'destructure' ? enclosingBindingElement(findInnermostNode(sf, keyStart, keyEnd)) : undefined);
    if (binding) {
      this.addBinding(binding, value);
      return;
    }
    const element = ts.isJsxOpeningElement(node) ? node.parent : node;
    if (ts.isJsxElement(element) || ts.isJsxSelfClosingElement(element)) {
      const gate = jsxGateFor(element);
      if (gate) {
        this.gates.set(element, gate);
        this.markDirty(element);
      } else {
        this.leave(
          `${this.where(element)}: <${tagName(element)}> evaluates the flag in a way Flaglint cannot rewrite; edit it by hand.`,
        );
      }
      return;
    }
    if (!ts.isExpression(node)) {
      this.leave(`${this.where(node)}: the evaluation is not an expression Flaglint can rewrite; edit it by hand.`);
      return;
    }
    const properties = ts.isCallExpression(node) ? resultObjectProperties(ref.callee, ref.source) : undefined;
    if (properties) {
      this.addResultObject(node, properties);
      return;
    }
    this.addEvaluation(node, value);
  }

  private addEvaluation(node: ts.Expression, value: unknown): void {
    let target = skipOuterTransparent(node);
    // `await client.getBooleanValue(...)`: the await only existed to get the value.
    if (ts.isAwaitExpression(target.parent)) target = skipOuterTransparent(target.parent);
    if (isWriteTarget(target) || isInTypePosition(target)) {
      this.leave(`${this.where(node)}: the flag is assigned or used as a type here, not evaluated; left as is.`);
      return;
    }
    // `const [a, variant] = await Promise.all([load(), getFlag(...)])`: the element and its binding
    // go together, and the binding's uses become the value.
    const tuple =
      promiseAllBinding(target) ?? (ts.isExpression(target) ? this.guardedPromiseAllBinding(target) : undefined);
    if (tuple) {
      if (this.addBinding(tuple.binding, value)) {
        this.removedElements.add(tuple.element);
        this.markDirty(tuple.element);
      }
      return;
    }
    if (ts.isCallExpression(target) && expectsPromise(target)) {
      // `client.getBooleanValue(...).then(…)`: the code needs a promise of the value, not the value.
      this.promiseSeeds.add(target);
      this.markDirty(target);
      return;
    }
    this.addSeed(target, value);
  }

  /**
   * `const [a, variant] = await Promise.all([load(), isHobby ? getFlag(...) : Promise.resolve(null)])`
   * where every use of `variant` is behind `isHobby` (`isHobby && variant === 'test'`): there the
   * variant is the flag's value, so the element and its binding go as for a plain element. A use
   * not behind the condition could see the other branch's value: then the element stays.
   */
  private guardedPromiseAllBinding(
    target: ts.Expression,
  ): { element: ts.Expression; binding: ts.BindingElement } | undefined {
    const conditional = target.parent;
    if (
      !ts.isConditionalExpression(conditional) ||
      conditional.whenTrue !== target ||
      !ts.isIdentifier(conditional.condition)
    )
      return undefined;
    if (!isResolvedConstant(conditional.whenFalse)) return undefined;
    const guard = conditional.condition;
    const guardSymbol = this.checker.getSymbolAtLocation(guard);
    const guardDecl = guardSymbol?.valueDeclaration;
    if (
      !guardDecl ||
      !ts.isVariableDeclaration(guardDecl) ||
      !(ts.getCombinedNodeFlags(guardDecl) & ts.NodeFlags.Const)
    )
      return undefined;
    const tuple = promiseAllBinding(conditional);
    if (!tuple || !ts.isIdentifier(tuple.binding.name)) return undefined;
    const uses = this.usesOf(tuple.binding.name);
    const guarded = (use: ts.Node): boolean => {
      for (let n: ts.Node = use; n.parent && !ts.isFunctionLike(n.parent) && !ts.isSourceFile(n.parent); n = n.parent) {
        const p = n.parent;
        const test =
          ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && p.right === n
            ? p.left
            : ts.isConditionalExpression(p) && p.whenTrue === n
              ? p.condition
              : ts.isIfStatement(p) && p.thenStatement === n
                ? p.expression
                : undefined;
        if (test && this.conjunctsInclude(test, guardSymbol)) return true;
      }
      return false;
    };
    return uses && uses.length > 0 && uses.every(guarded) ? tuple : undefined;
  }

  /** `a && b && guard`: one of the `&&` operands is the guard variable itself. */
  private conjunctsInclude(test: ts.Expression, symbol: ts.Symbol | undefined): boolean {
    const inner = skipInnerTransparent(test);
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
      return this.conjunctsInclude(inner.left, symbol) || this.conjunctsInclude(inner.right, symbol);
    return ts.isIdentifier(inner) && this.checker.getSymbolAtLocation(inner) === symbol;
  }

  private addResultObject(call: ts.Expression, properties: Record<string, ResultProperty>): void {
    let target = skipOuterTransparent(call);
    if (ts.isAwaitExpression(target.parent)) target = skipOuterTransparent(target.parent);
    const parent = target.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === target && properties[parent.name.text]) {
      this.addEvaluation(parent, resultPropertyValue(properties[parent.name.text]!, this.value));
      return;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === target) {
      if (ts.isObjectBindingPattern(parent.name)) {
        const handled = parent.name.elements.every((el) => {
          const prop = bindingPropertyName(el);
          if (!prop || !properties[prop]) return false;
          this.addBinding(el, resultPropertyValue(properties[prop], this.value));
          return true;
        });
        if (handled) return;
      } else if (ts.isIdentifier(parent.name)) {
        // `const feature = useFeature('x')`: each `feature.on` is an evaluation.
        const uses = this.usesOf(parent.name);
        const reads = uses?.map((u) =>
          ts.isPropertyAccessExpression(u.parent) && u.parent.expression === u ? u.parent : undefined,
        );
        if (reads && reads.every((r) => r && properties[r.name.text])) {
          for (const r of reads) this.addEvaluation(r!, resultPropertyValue(properties[r!.name.text]!, this.value));
          this.removedDeclarations.add(parent);
          this.markDirty(parent);
          return;
        }
      }
    }
    this.leave(
      `${this.where(call)}: the evaluation's result object is used in a way Flaglint cannot rewrite; edit it by hand.`,
    );
  }

  /** `const { newCheckout } = useFlags()`: the binding goes, its uses become the value. */
  private addBinding(element: ts.BindingElement, value: unknown): boolean {
    if (!ts.isIdentifier(element.name)) {
      this.leave(`${this.where(element)}: a nested destructuring of the flag; edit it by hand.`);
      return false;
    }
    const uses = this.usesOf(element.name);
    if (!uses || uses.some(isWriteTarget)) {
      this.leave(`${this.where(element)}: '${element.name.text}' is reassigned or exported; edit it by hand.`);
      return false;
    }
    this.removedBindings.add(element);
    this.markDirty(element);
    for (const use of uses) this.addSeed(use, value);
    return true;
  }

  /**
   * Every reference to the variable a declaration name binds, or undefined when a use cannot take a
   * literal (an export, a type query).
   */
  usesOf(name: ts.Identifier): ts.Identifier[] | undefined {
    const symbol = this.checker.getSymbolAtLocation(name);
    if (!symbol) return undefined;
    const uses: ts.Identifier[] = [];
    let blocked = false;
    const visit = (node: ts.Node): void => {
      if (blocked) return;
      if (ts.isIdentifier(node) && node !== name && node.text === name.text && isReferenceIdentifier(node)) {
        const parent = node.parent;
        const sym = ts.isShorthandPropertyAssignment(parent)
          ? this.checker.getShorthandAssignmentValueSymbol(parent)
          : this.checker.getSymbolAtLocation(node);
        if (sym === symbol) {
          if (ts.isExportSpecifier(parent) || ts.isExportAssignment(parent) || isInTypePosition(node)) blocked = true;
          else uses.push(node);
        }
        return;
      }
      node.forEachChild(visit);
    };
    visit(this.sf);
    return blocked ? undefined : uses;
  }

  /**
   * Variables that only held the flag's value (`const enabled = client.variation(...)`, or
   * `const showNew = enabled && isDesktop` once that folds): their uses become the value too and the
   * declaration goes. Repeats until nothing new folds.
   */
  derive(): void {
    for (;;) {
      this.simplifier = new Simplifier(this);
      let changed = false;
      for (const node of [...this.dirty]) {
        if (!ts.isVariableDeclaration(node) || this.removedDeclarations.has(node) || this.rejected.has(node)) continue;
        if (node.initializer && this.dirty.has(node.initializer) && ts.isObjectBindingPattern(node.name)) {
          if (this.deriveDestructuring(node)) changed = true;
          continue;
        }
        if (!node.initializer || !this.dirty.has(node.initializer) || !ts.isIdentifier(node.name)) continue;
        if (this.deriveParseResult(node)) {
          changed = true;
          continue;
        }
        const folded = this.simplifier.simplify(node.initializer);
        // A JSON value stays in its variable: copying an object literal into every use would change identity.
        if (folded.kind !== 'const' || (typeof folded.value === 'object' && folded.value !== null)) continue;
        const uses = this.derivableUses(node);
        if (!uses) {
          this.rejected.add(node);
          continue;
        }
        this.removedDeclarations.add(node);
        for (const use of uses) this.addSeed(use, folded.value);
        changed = true;
      }
      if (!changed) break;
    }
    this.simplifier = new Simplifier(this);
  }

  /**
   * `const { a, b } = flag ? load() : { a: false, b: false }` once the flag picks the literal: each
   * binding is a known constant, so its uses fold and the declaration goes (the object only existed
   * to be taken apart). Only plain bindings of literal-valued properties; anything else stays.
   */
  private deriveDestructuring(decl: ts.VariableDeclaration): boolean {
    const pattern = decl.name as ts.ObjectBindingPattern;
    const folded = this.simplifier.simplify(decl.initializer!);
    const source = folded.kind === 'node' ? skipInnerTransparent(folded.node) : undefined;
    const values = new Map<string, unknown>();
    if (
      folded.kind === 'const' &&
      typeof folded.value === 'object' &&
      folded.value !== null &&
      !Array.isArray(folded.value)
    ) {
      for (const [k, v] of Object.entries(folded.value)) if (v === null || typeof v !== 'object') values.set(k, v);
    } else if (source && ts.isObjectLiteralExpression(source)) {
      for (const p of source.properties) {
        if (!ts.isPropertyAssignment(p) || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
          return this.reject(decl);
        const v = literalValue(skipInnerTransparent(p.initializer));
        if (!v) return this.reject(decl);
        values.set(p.name.text, v.value);
      }
    } else {
      return false;
    }
    const seeds: { uses: ts.Identifier[]; value: unknown }[] = [];
    for (const el of pattern.elements) {
      const prop = bindingPropertyName(el);
      if (el.dotDotDotToken || el.initializer || !ts.isIdentifier(el.name) || prop === undefined || !values.has(prop))
        return this.reject(decl);
      const uses = this.derivableUses(decl, el.name);
      if (!uses) return this.reject(decl);
      seeds.push({ uses, value: values.get(prop) });
    }
    if (seeds.length === 0) return this.reject(decl);
    this.removedDeclarations.add(decl);
    for (const { uses, value } of seeds) for (const use of uses) this.addSeed(use, value);
    return true;
  }

  /**
   * `const parsed = Catalog[FEATURE_FLAG.x].safeParse(override)` once the override is the kept value,
   * read only as `parsed.success` and `parsed.data`: each read is known (parseResults.ts) and the
   * declaration goes.
   */
  private deriveParseResult(decl: ts.VariableDeclaration): boolean {
    const call = skipInnerTransparent(decl.initializer!);
    if (!isFlagSchemaParse(call, this.flagKeyTexts)) return false;
    const arg = this.simplifier.simplify(call.arguments[0]!);
    if (arg.kind !== 'const') return false;
    const uses = this.derivableUses(decl);
    const reads = uses?.map((u) => u.parent);
    if (
      !uses ||
      uses.length === 0 ||
      !reads?.every(
        (r, i) =>
          ts.isPropertyAccessExpression(r) &&
          r.expression === uses[i] &&
          !r.questionDotToken &&
          PARSE_RESULT_MEMBERS.has(r.name.text) &&
          !isWriteTarget(r),
      )
    )
      return false;
    this.removedDeclarations.add(decl);
    for (const read of reads as ts.PropertyAccessExpression[])
      this.addSeed(read, parseResultMember(read.name.text, arg.value));
    return true;
  }

  private reject(decl: ts.VariableDeclaration): false {
    this.rejected.add(decl);
    return false;
  }

  private derivableUses(
    decl: ts.VariableDeclaration,
    name: ts.Identifier = decl.name as ts.Identifier,
  ): ts.Identifier[] | undefined {
    const list = decl.parent;
    if (!ts.isVariableDeclarationList(list) || !ts.isVariableStatement(list.parent)) return undefined;
    const statement = list.parent;
    if (
      hasExportModifier(statement) ||
      (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)
    )
      return undefined;
    // A module-level variable of a script file is a global other files may read.
    if (ts.isSourceFile(statement.parent) && !isModuleFile(this.sf)) return undefined;
    const uses = this.usesOf(name);
    if (!uses) return undefined;
    if (!(list.flags & ts.NodeFlags.Const) && uses.some(isWriteTarget)) return undefined;
    return uses;
  }
}

/** The evaluation is what a test assertion checks: `expect(x)`, `expect(await x)`, `assert.equal(x, …)`. */
function isAssertedValue(node: ts.Node): boolean {
  let n = node;
  while (ts.isParenthesizedExpression(n.parent) || ts.isAwaitExpression(n.parent) || ts.isAsExpression(n.parent))
    n = n.parent;
  const call = n.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(n as ts.Expression)) return false;
  const callee = call.expression;
  const root = ts.isPropertyAccessExpression(callee) ? callee.expression : callee;
  return ts.isIdentifier(root) && ASSERTION_ROOTS.has(root.text);
}

const ASSERTION_ROOTS = new Set(['expect', 'assert']);

/** The key sits in an array literal inside the call (its key list), not in a plain key argument. */
function inArrayLiteral(key: ts.Node, call: ts.CallExpression): boolean {
  for (let n: ts.Node | undefined = key; n && n !== call; n = n.parent) if (ts.isArrayLiteralExpression(n)) return true;
  return false;
}

/**
 * The evaluation's result is used as a promise: chained with `.then`/`.catch`/`.finally`, or returned
 * from a function that is not `async` but declares a Promise return type.
 */
function expectsPromise(call: ts.Expression): boolean {
  const parent = call.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === call)
    return ['then', 'catch', 'finally'].includes(parent.name.text);
  const fn = ts.isReturnStatement(parent)
    ? ts.findAncestor(parent, ts.isFunctionLike)
    : ts.isArrowFunction(parent) && parent.body === call
      ? parent
      : undefined;
  if (!fn || !('type' in fn) || !fn.type) return false;
  const isAsync = (ts.getModifiers(fn as ts.FunctionLikeDeclaration) ?? []).some(
    (m) => m.kind === ts.SyntaxKind.AsyncKeyword,
  );
  return !isAsync && /^Promise\b|^PromiseLike\b/.test(fn.type.getText());
}

/** `Promise.resolve(null)`, `Promise.resolve()`, `null`: the other branch of a guarded element. */
function isResolvedConstant(node: ts.Expression): boolean {
  const inner = skipInnerTransparent(node);
  if (literalValue(inner)) return true;
  if (!ts.isCallExpression(inner) || inner.arguments.length > 1) return false;
  const callee = inner.expression;
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    callee.name.text === 'resolve' &&
    inner.arguments.every((a) => literalValue(a) !== undefined)
  );
}

function isBooleanType(type: ts.Type): boolean {
  return (
    (type.flags & ts.TypeFlags.BooleanLike) !== 0 ||
    (type.isUnion() && type.types.every((t) => (t.flags & ts.TypeFlags.BooleanLike) !== 0))
  );
}

/** Names that say the value is a yes/no: `isOpen`, `canEdit`, `showBanner`, `disabled`. */
const BOOLEAN_NAME =
  /^(is|has|can|should|show|hide|enable|disable|allow|needs)[A-Z_]|^(disabled|enabled|checked|open|visible|hidden|required|readOnly|loading|selected|active|defaultChecked|defaultOpen)$/;

function enclosingBindingElement(node: ts.Node): ts.BindingElement | undefined {
  for (let n: ts.Node | undefined = node; n && !ts.isStatement(n); n = n.parent) {
    if (ts.isBindingElement(n)) return n;
    if (ts.isExpression(n) && !ts.isIdentifier(n) && !ts.isStringLiteral(n)) return undefined;
  }
  return undefined;
}

function bindingPropertyName(el: ts.BindingElement): string | undefined {
  const prop = el.propertyName ?? el.name;
  return ts.isIdentifier(prop) || ts.isStringLiteral(prop) ? prop.text : undefined;
}

function tagName(element: ts.JsxElement | ts.JsxSelfClosingElement): string {
  return (ts.isJsxElement(element) ? element.openingElement.tagName : element.tagName).getText();
}

/** The expression is written to: `x = …`, `x++`, `for (x of …)`, `[x] = …`. */
export function isWriteTarget(node: ts.Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    if (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
      current = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent))
      return parent.left === current && isAssignmentOperator(parent.operatorToken.kind);
    if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) {
      return parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken;
    }
    if (ts.isDeleteExpression(parent)) return true;
    if (ts.isForInStatement(parent) || ts.isForOfStatement(parent)) return parent.initializer === current;
    // Inside a destructuring assignment target.
    if (
      ts.isShorthandPropertyAssignment(parent) ||
      ts.isSpreadElement(parent) ||
      ts.isSpreadAssignment(parent) ||
      ts.isArrayLiteralExpression(parent) ||
      ts.isObjectLiteralExpression(parent) ||
      (ts.isPropertyAssignment(parent) && parent.initializer === current)
    ) {
      current = parent;
      continue;
    }
    return false;
  }
}

function isInTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeQueryNode(n) || ts.isTypeReferenceNode(n)) return true;
    if (ts.isStatement(n) || (ts.isExpression(n) && !ts.isIdentifier(n) && !ts.isPropertyAccessExpression(n)))
      return false;
  }
  return false;
}

/**
 * The binding that receives `element`'s value in `const [a, b] = await Promise.all([x, element])`,
 * when the element and its binding can go together: same index, no spread or rest before it, and
 * other elements left (an emptied `Promise.all([])` is for a person to tidy).
 */
function promiseAllBinding(element: ts.Node): { element: ts.Expression; binding: ts.BindingElement } | undefined {
  const list = element.parent;
  if (!ts.isArrayLiteralExpression(list) || list.elements.length < 2) return undefined;
  const call = list.parent;
  if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== list) return undefined;
  const callee = call.expression;
  if (
    !ts.isPropertyAccessExpression(callee) ||
    !ts.isIdentifier(callee.expression) ||
    callee.expression.text !== 'Promise' ||
    callee.name.text !== 'all'
  )
    return undefined;
  const awaited = skipOuterTransparent(call).parent;
  if (!ts.isAwaitExpression(awaited)) return undefined;
  const declaration = skipOuterTransparent(awaited).parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isArrayBindingPattern(declaration.name)) return undefined;
  const index = list.elements.indexOf(element as ts.Expression);
  if (index < 0 || list.elements.slice(0, index + 1).some(ts.isSpreadElement)) return undefined;
  const pattern = declaration.name.elements;
  const binding = pattern[index];
  if (
    !binding ||
    ts.isOmittedExpression(binding) ||
    pattern.slice(0, index + 1).some((e) => !ts.isOmittedExpression(e) && e.dotDotDotToken)
  )
    return undefined;
  return { element: element as ts.Expression, binding };
}
