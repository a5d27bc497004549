import { ts } from 'ts-morph';
import type { CustomFunction, Range, ValueType } from '../model';
import type { DetectorConfig, SpecMatch } from './detectorConfig';
import { own, type ArgFact, type CallFact, type ImportBinding, type KeyExpr } from './facts';
import { choosePosition, FLAG_MAP, keyListHookSdk, type ArgShape, type CallSpec } from '../sdks';
import { inHouseCallSpec } from '../sdks/inHouse';
import { keyExprOf } from './keyExpr';
import {
  Scope,
  declareParameters,
  declareStatements,
  declareVariableList,
  declareBindingNames,
  isFlagsHookCall,
} from './scope';
import {
  isRelativeSpecifier,
  literalValue,
  memberChain,
  propertyNameText,
  rangeOf,
  shorten,
  unwrap,
  valueTypeOf,
} from './syntax';
import { receiverPointsAt, splitWords } from './receiver';
import { commonJsExportName } from './moduleFacts';
import { keyInObject } from './keyObject';
import { collectionMember, isCollectionApi, membershipKey } from './collections';

/** The SDK whose key-list hook shares the flag-map hook's name (Flagsmith's `useFlags(['a'])`). */
const KEY_LIST_HOOK_SDK = keyListHookSdk(FLAG_MAP.name)?.id;

/** A node the walk still has to visit, with the scope it is in and its parent. */
interface Visit {
  node: ts.Node;
  scope: Scope;
  parent: ts.Node;
}

/**
 * Walks one file and records every candidate evaluation: SDK calls (presets), custom functions,
 * property patterns, LaunchDarkly React `useFlags()` reads, JSX components, and calls that are
 * references only if their target turns out to be a wrapper.
 */
export class CallCollector {
  private readonly calls: CallFact[] = [];
  /** The walk's pending nodes, and those the current visit asked for (see `collect`). */
  private readonly stack: Visit[] = [];
  private readonly scheduled: Visit[] = [];
  private readonly importedPackages: Set<string>;
  private readonly ldReact: boolean;
  /** Names destructured from a member chain (`const { features } = license`), for collection matching; file-wide, as scopes rarely reuse them. */
  private readonly destructured = new Map<string, string[]>();
  /** Names declared with a type (`features: LicenseFeatures`, a destructured prop too), for collections named by type; file-wide like `destructured`. */
  private readonly typed = new Map<string, string[]>();

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly config: DetectorConfig,
    private readonly imports: Record<string, ImportBinding>,
  ) {
    this.importedPackages = new Set(Object.values(imports).map((i) => i.from));
    this.ldReact = FLAG_MAP.packages.some((p) => this.importedPackages.has(p));
  }

  /** The method names of the calls that were looked up in `config.methodWrappers` (see methodProbes.ts). */
  readonly probedMethods = new Set<string>();

  collect(): CallFact[] {
    const scope = new Scope(undefined, undefined);
    declareStatements(this.sf.statements, scope, true);
    this.visitChildren(this.sf, scope);
    this.pushScheduled();
    // The walk is iterative: a 2,000-term `+` chain or deeply nested code is as deep as the tree,
    // and recursion that deep overflows the stack. Each visit schedules what it would have visited
    // next; scheduled nodes go on the stack in reverse, so nodes are still visited in source order.
    for (let item = this.stack.pop(); item; item = this.stack.pop()) {
      this.visit(item.node, item.scope, item.parent);
      this.pushScheduled();
    }
    return this.withoutNamesakeHelpers();
  }

  /**
   * A declared flag function named without a receiver (`flag`, `isEnabled`) can share its name with
   * a file's own helper: a CLI script's `const flag = (name) => argv.indexOf(`--${name}`)`.
   * A call is not to the declared API when its name is bound in this file to a function that is not
   * exported, whose body evaluates nothing (no flag call, no read, no call that could be a
   * wrapper), and that never uses its key parameter as a key (`x[key]`, `f(key)`, `key in x`,
   * `{ key }`, `return key`), only turned into something else (a template, a sum): that function is
   * right there, and it is no flag read. The API's own module (an exported function, one that reads
   * flags, or one that looks its key up in an object Flaglint was not told about) keeps its calls.
   */
  private withoutNamesakeHelpers(): CallFact[] {
    const helpers = localHelpers(this.sf);
    if (helpers.size === 0) return this.calls;
    const evaluating = new Set(this.calls.map((c) => c.enclosingFn));
    const namesake = new Map<string, boolean>();
    const isNamesake = (name: string): boolean => {
      let known = namesake.get(name);
      if (known === undefined) {
        const fn = helpers.get(name);
        const keyArg = this.customFor(undefined, name)?.keyArg ?? 0;
        known = fn !== undefined && !evaluating.has(name) && !usesParameterAsKey(fn, keyArg);
        namesake.set(name, known);
      }
      return known;
    };
    return this.calls.filter((c) => !(c.source === 'custom' && helpers.has(c.callee) && isNamesake(c.callee)));
  }

  /** Queues a node for the walk (see `collect`); it is visited after the current node's own work. */
  private schedule(node: ts.Node, scope: Scope, parent: ts.Node): void {
    this.scheduled.push({ node, scope, parent });
  }

  private pushScheduled(): void {
    for (let i = this.scheduled.length - 1; i >= 0; i--) this.stack.push(this.scheduled[i]!);
    this.scheduled.length = 0;
  }

  /** Trees are parsed without parent links (a third cheaper to parse), so the walk hands each node its parent. */
  private visitChildren(node: ts.Node, scope: Scope): void {
    node.forEachChild((child) => this.schedule(child, scope, node));
  }

  private visit(node: ts.Node, scope: Scope, parent: ts.Node): void {
    // One switch on the kind: this runs for every node of every analysed file.
    const K = ts.SyntaxKind;
    switch (node.kind) {
      case K.FunctionDeclaration:
      case K.FunctionExpression:
      case K.ArrowFunction:
      case K.MethodDeclaration:
      case K.Constructor:
      case K.GetAccessor:
      case K.SetAccessor: {
        const fn = node as ts.FunctionLikeDeclaration;
        if (fn.body)
          this.visitFunction(
            fn as ts.SignatureDeclaration & { body: ts.Node },
            scope,
            functionName(node, parent) ?? returnedName(node, parent, scope),
          );
        return;
      }
      case K.Block:
      case K.ModuleBlock:
      case K.CaseBlock: {
        const inner = new Scope(scope, scope.fn);
        const statements = ts.isCaseBlock(node)
          ? node.clauses.flatMap((c) => [...c.statements])
          : (node as ts.Block).statements;
        declareStatements(statements, inner, false);
        this.visitChildren(node, inner);
        return;
      }
      case K.ForStatement:
      case K.ForOfStatement:
      case K.ForInStatement: {
        const init = (node as ts.ForStatement).initializer;
        if (init && ts.isVariableDeclarationList(init)) {
          const inner = new Scope(scope, scope.fn);
          declareVariableList(init, inner, false);
          this.visitChildren(node, inner);
          return;
        }
        break;
      }
      case K.CatchClause: {
        const decl = (node as ts.CatchClause).variableDeclaration;
        if (decl) {
          const inner = new Scope(scope, scope.fn);
          declareBindingNames(decl.name, inner, { t: 'other' });
          this.visitChildren(node, inner);
          return;
        }
        break;
      }
      case K.VariableDeclaration: {
        const decl = node as ts.VariableDeclaration;
        if (ts.isObjectBindingPattern(decl.name) && isFlagsHookCall(decl.initializer))
          this.recordDestructuredFlags(decl.name, decl, scope);
        else if (ts.isObjectBindingPattern(decl.name) && decl.initializer && this.config.collections.length)
          this.noteDestructured(decl.name, decl.initializer);
        if (decl.type && this.config.collections.length) this.noteTyped(decl.name, decl.type);
        break;
      }
      case K.CallExpression:
        this.visitCall(node as ts.CallExpression, scope);
        break;
      case K.BinaryExpression: {
        const bin = node as ts.BinaryExpression;
        const chain =
          bin.operatorToken.kind === K.InKeyword && this.config.collections.length ? memberChain(bin.right) : undefined;
        const collection =
          chain && collectionMember(this.config.collections, chain, this.sf, this.destructured, this.typed);
        if (collection) this.recordMembership(bin.left, bin, scope, `in ${collection}`);
        break;
      }
      case K.PropertyAccessExpression:
      case K.ElementAccessExpression:
        if (this.visitPropertyRead(node as ts.PropertyAccessExpression | ts.ElementAccessExpression, scope, parent))
          return;
        break;
      case K.JsxOpeningElement:
      case K.JsxSelfClosingElement:
        this.visitJsx(node as ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope);
        break;
    }
    this.visitChildren(node, scope);
  }

  private visitFunction(
    node: ts.SignatureDeclaration & { body: ts.Node },
    outer: Scope,
    name: string | undefined,
  ): void {
    const scope = new Scope(outer, name);
    declareParameters(node.parameters, scope, name);
    if (this.config.collections.length) node.parameters.forEach((p) => this.noteTyped(p.name, p.type));
    node.parameters.forEach((p) => p.initializer && this.schedule(p.initializer, scope, p));
    const body = node.body;
    if (ts.isBlock(body)) {
      declareStatements(body.statements, scope, false);
      this.visitChildren(body, scope);
    } else {
      this.schedule(body, scope, node);
    }
  }

  // ---- calls -------------------------------------------------------------------------------

  private visitCall(call: ts.CallExpression, scope: Scope): void {
    const callee = unwrap(call.expression);
    const args = call.arguments;
    if (ts.isIdentifier(callee)) {
      const name = callee.text;
      if (name === FLAG_MAP.name) {
        // Flagsmith's useFlags(['a', 'b']) names its keys; LaunchDarkly's useFlags() is read through its properties.
        const list = args[0] && unwrap(args[0]);
        if (list && ts.isArrayLiteralExpression(list) && KEY_LIST_HOOK_SDK)
          this.recordKeyList(KEY_LIST_HOOK_SDK, name, list, call, scope, undefined);
        return;
      }
      const custom = this.customFor(undefined, name);
      if (custom) {
        this.recordCall('custom', name, call, scope, inHouseCallSpec(custom, name, 'function'));
        return;
      }
      const binding = scope.lookup(name);
      const imported = binding?.t === 'module' ? own(this.imports, name) : undefined;
      const matches = this.config.functions.get(name);
      if (matches && (!binding || (imported && !isRelativeSpecifier(imported.from)))) {
        // The configuration lists a name only with at least one match, so `match` is always found.
        const match = this.pickByImport(matches, imported?.from);
        const fromSdk = imported !== undefined && match !== undefined && match.preset.packages.includes(imported.from);
        // A global `isEnabled(…)` is anybody's function; a global `useFeatureIsOn(…)` is the SDK's.
        if (match && (fromSdk || (!imported && !match.spec.generic))) {
          this.recordSpecCall(match, name, call, scope);
          return;
        }
        if (match && !match.spec.generic) {
          // A hook of an SDK's name from a package we do not know: a workspace package's wrapper or the SDK itself.
          this.recordCandidate(call, scope, { name, path: [] }, undefined, {
            source: match.preset.id,
            spec: match.spec,
          });
          return;
        }
      }
      if (binding?.t === 'module' || binding?.t === 'other' || binding?.t === 'local') {
        this.recordCandidate(
          call,
          scope,
          (binding.t === 'local' && returnedBy(binding, scope)) || { name, path: [] },
          undefined,
        );
      }
      return;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = unwrap(callee.expression);
      const receiverChain = memberChain(receiver);
      const receiverText = receiverChain
        ? [receiverChain.root.getText(this.sf), ...receiverChain.path].join('.')
        : undefined;
      const custom = this.customFor(receiverText, method);
      if (custom) {
        this.recordCall(
          'custom',
          `${receiverText ?? '…'}.${method}`,
          call,
          scope,
          inHouseCallSpec(custom, method, 'method'),
        );
        return;
      }
      const collection =
        receiverChain && membershipKey(method, call)
          ? collectionMember(this.config.collections, receiverChain, this.sf, this.destructured, this.typed)
          : undefined;
      if (collection) {
        this.recordMembership(call.arguments[0], call, scope, `${collection}.${method}`);
        return;
      }
      const matches = this.config.methods.get(method);
      if (matches) {
        const picked = this.pickMethodMatch(matches, receiver, receiverChain, scope);
        if (picked) {
          this.recordSpecCall(picked.match, method, call, scope, picked.source);
          return;
        }
      }
      if (
        receiverChain &&
        ts.isIdentifier(receiverChain.root) &&
        receiverChain.path.length === 0 &&
        scope.lookup(receiverChain.root.text)?.t === 'module' &&
        own(this.imports, receiverChain.root.text)?.name === '*'
      ) {
        this.recordCandidate(call, scope, { name: receiverChain.root.text, path: [method] }, undefined);
        return;
      }
      // Everything above is the same whatever the wrapper names: this is where they decide (methodProbes.ts).
      this.probedMethods.add(method);
      if (this.config.methodWrappers.has(method)) {
        const receiverName =
          receiverChain &&
          ts.isIdentifier(receiverChain.root) &&
          receiverChain.path.length === 0 &&
          scope.lookup(receiverChain.root.text)?.t === 'module'
            ? receiverChain.root.text
            : undefined;
        this.recordCandidate(
          call,
          scope,
          undefined,
          method,
          undefined,
          receiverName,
          splitWords(receiver.getText(this.sf)),
        );
      }
    }
  }

  private pickByImport(matches: SpecMatch[], from: string | undefined): SpecMatch | undefined {
    return (
      (from && matches.find((m) => m.preset.packages.includes(from))) ||
      matches.find((m) => m.preset.packages.some((p) => this.importedPackages.has(p))) ||
      matches[0]
    );
  }

  /**
   * Generic method names count only when the receiver, its import or the file points at the SDK.
   * A receiver that only *says* flags (`FeatureFlags.isEnabled`, `this.flagService.isEnabled`) in a
   * file that imports no SDK is the project's own API: it is a reference, labelled `in-house`, not
   * the SDK whose generic words it happens to share.
   */
  private pickMethodMatch(
    matches: SpecMatch[],
    receiver: ts.Expression,
    chain: ReturnType<typeof memberChain>,
    scope: Scope,
  ): { match: SpecMatch; source: string } | undefined {
    const importedFrom =
      chain && ts.isIdentifier(chain.root) && scope.lookup(chain.root.text)?.t === 'module'
        ? own(this.imports, chain.root.text)?.from
        : undefined;
    for (const match of matches) {
      if (match.preset.packages.some((p) => this.importedPackages.has(p))) return { match, source: match.preset.id };
    }
    const receiverText = receiver.getText(this.sf);
    for (const match of matches) {
      if (receiverPointsAt(receiverText, importedFrom, brandWords(match.preset.receiverWords)))
        return { match, source: match.preset.id };
    }
    for (const match of matches) {
      // A distinctive SDK method (`getBooleanValue`) is evidence enough; a generic one (`isEnabled`) is not.
      if (receiverPointsAt(receiverText, importedFrom, match.preset.receiverWords))
        return { match, source: match.spec.generic ? IN_HOUSE : match.preset.id };
    }
    const distinct = matches.find((m) => !m.spec.generic);
    return distinct ? { match: distinct, source: distinct.preset.id } : undefined;
  }

  private customFor(receiverText: string | undefined, name: string): CustomFunction | undefined {
    for (const c of this.config.custom) {
      const parts = c.name.split('.');
      const fn = parts.pop()!;
      if (fn !== name) continue;
      if (parts.length === 0 && receiverText === undefined) return c;
      if (parts.length > 0 && receiverText !== undefined) {
        const want = parts.join('.');
        if (want === '*' || receiverText === want || receiverText.endsWith(`.${want}`)) return c;
      }
    }
    return undefined;
  }

  private argShapes(args: ts.NodeArray<ts.Expression>): ArgShape[] {
    return args.map((a) => {
      const e = unwrap(a);
      if (ts.isStringLiteral(e) || ts.isTemplateLiteral(e)) return { kind: 'string' };
      if (ts.isObjectLiteralExpression(e)) return { kind: 'object' };
      if (ts.isArrayLiteralExpression(e)) return { kind: 'array' };
      const chain = memberChain(e);
      if (chain)
        return {
          kind: 'name',
          name: chain.path.length ? chain.path[chain.path.length - 1] : chain.root.getText(this.sf),
        };
      return { kind: 'other' };
    });
  }

  private recordCall(source: string, callee: string, call: ts.CallExpression, scope: Scope, spec: CallSpec): void {
    const shapes = this.argShapes(call.arguments);
    const keyIndex = choosePosition(spec.keyArg, shapes);
    const keyNode = call.arguments[keyIndex];
    if (!keyNode) return;
    const { key, keyRange, inObject } = this.keyOf(keyNode, scope, spec.keyPath);
    const fact: CallFact = {
      kind: 'call',
      source,
      callee,
      key,
      keyRange,
      evalRange: rangeOf(call, this.sf),
      enclosingFn: scope.fn,
    };
    if (inObject) fact.shape = 'key-object';
    this.addTyping(fact, call, spec, shapes, scope);
    this.calls.push(fact);
  }

  private addTyping(fact: CallFact, call: ts.CallExpression, spec: CallSpec, shapes: ArgShape[], scope: Scope): void {
    if (spec.valueType) fact.valueType = spec.valueType;
    if (spec.defaultArg === undefined) return;
    const node = call.arguments[choosePosition(spec.defaultArg, shapes)];
    if (!node) return;
    const lit = literalValue(node);
    if (lit) {
      fact.defaultValue = lit.value;
      fact.hasDefault = true;
      fact.valueType ??= valueTypeOf(lit.value);
      return;
    }
    const e = unwrap(node);
    const b = ts.isIdentifier(e) ? scope.lookup(e.text) : undefined;
    if (b?.t === 'param' && b.fn && b.prop === undefined) fact.defaultParam = { fn: b.fn, index: b.index };
  }

  /** `{ key: FLAGS.X }` (in place, from a factory, `new`, or a local) passed where a key goes: the key is the property. */
  private keyOf(
    node: ts.Expression,
    scope: Scope,
    keyPath?: readonly string[],
  ): { key: KeyExpr; keyRange: Range; inObject?: boolean } {
    const inner = keyInObject(node, scope, keyPath);
    if (inner) return { key: keyExprOf(inner, scope, this.sf), keyRange: rangeOf(inner, this.sf), inObject: true };
    return { key: keyExprOf(node, scope, this.sf), keyRange: rangeOf(node, this.sf) };
  }

  private recordSpecCall(
    match: SpecMatch,
    callee: string,
    call: ts.CallExpression,
    scope: Scope,
    source = match.preset.id,
  ): void {
    const list = match.spec.keyList ? keyListOf(call) : undefined;
    if (list) this.recordKeyList(source, callee, list, call, scope, match.spec.valueType);
    else this.recordCall(source, callee, call, scope, match.spec);
  }

  /** `features.includes(k)`, `features.has(k)`, `k in features` on a declared flag collection. */
  private recordMembership(
    keyNode: ts.Expression | undefined,
    evaluation: ts.Node,
    scope: Scope,
    callee: string,
  ): void {
    if (!keyNode) return;
    this.calls.push({
      kind: 'call',
      source: 'collection',
      callee,
      key: keyExprOf(keyNode, scope, this.sf),
      keyRange: rangeOf(keyNode, this.sf),
      evalRange: rangeOf(evaluation, this.sf),
      enclosingFn: scope.fn,
      shape: 'membership',
      valueType: 'boolean',
    });
  }

  private recordKeyList(
    source: string,
    callee: string,
    list: ts.ArrayLiteralExpression,
    call: ts.CallExpression,
    scope: Scope,
    valueType: ValueType | undefined,
  ): void {
    for (const el of list.elements) {
      const fact: CallFact = {
        kind: 'call',
        source,
        callee,
        key: keyExprOf(el, scope, this.sf),
        keyRange: rangeOf(el, this.sf),
        evalRange: rangeOf(call, this.sf),
        enclosingFn: scope.fn,
      };
      if (valueType) fact.valueType = valueType;
      this.calls.push(fact);
    }
  }

  /** A call that is a reference if `target` (or a method of that name) is a wrapper; its arguments are kept for then. */
  private recordCandidate(
    call: ts.CallExpression,
    scope: Scope,
    target: { name: string; path: string[]; returned?: boolean } | undefined,
    method: string | undefined,
    sdk?: { source: string; spec: CallSpec },
    receiver?: string,
    receiverWords?: string[],
  ): void {
    const args = call.arguments.map((a) => this.argFact(a, scope));
    if (!sdk && !args.some(isKeyish)) return;
    const calleeText =
      method ?? (target ? [target.name, ...target.path].join('.') : shorten(call.expression.getText(this.sf), 40));
    let key: KeyExpr = { k: 'dyn', text: '', reason: '' };
    let keyRange = rangeOf(call, this.sf);
    const fact: CallFact = {
      kind: 'wrapper-call',
      source: 'candidate',
      callee: calleeText,
      key,
      keyRange,
      evalRange: rangeOf(call, this.sf),
      enclosingFn: scope.fn,
      args,
    };
    if (target) fact.target = target;
    if (method) fact.method = method;
    if (receiver) fact.receiver = receiver;
    if (receiverWords) fact.receiverWords = receiverWords;
    if (sdk) {
      const shapes = this.argShapes(call.arguments);
      const keyNode = call.arguments[choosePosition(sdk.spec.keyArg, shapes)];
      if (!keyNode) return;
      ({ key, keyRange } = this.keyOf(keyNode, scope));
      fact.key = key;
      fact.keyRange = keyRange;
      fact.sdkFallback = { source: sdk.source, ...(sdk.spec.valueType ? { valueType: sdk.spec.valueType } : {}) };
      this.addTyping(fact, call, sdk.spec, shapes, scope);
    }
    this.calls.push(fact);
  }

  private argFact(a: ts.Expression, scope: Scope): ArgFact {
    const e = unwrap(a);
    const fact: ArgFact = { key: keyExprOf(a, scope, this.sf), range: rangeOf(a, this.sf) };
    const lit = literalValue(a);
    if (lit) fact.literal = lit;
    if (ts.isObjectLiteralExpression(e)) {
      const props: NonNullable<ArgFact['props']> = {};
      for (const p of e.properties) {
        const name = propertyNameText(p.name);
        if (!name) continue;
        if (ts.isPropertyAssignment(p))
          props[name] = { key: keyExprOf(p.initializer, scope, this.sf), range: rangeOf(p.initializer, this.sf) };
        else if (ts.isShorthandPropertyAssignment(p))
          props[name] = { key: keyExprOf(p.name, scope, this.sf), range: rangeOf(p.name, this.sf) };
      }
      fact.props = props;
    }
    return fact;
  }

  // ---- property reads ----------------------------------------------------------------------

  /** Returns true when the read was recorded (its children need no visit). */
  private visitPropertyRead(
    node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    scope: Scope,
    parent: ts.Node,
  ): boolean {
    if (ts.isCallExpression(parent) && parent.expression === node) return false;
    const object = unwrap(node.expression);
    const binding = ts.isIdentifier(object) ? scope.lookup(object.text) : undefined;
    // `({ flags }) => flags.x` (the LaunchDarkly README's withLDConsumer example) and `const { flags } = props`.
    const flagsProp = (binding?.t === 'param' && binding.prop === 'flags') || binding?.t === 'propsFlags';
    const ldObject =
      isFlagsHookCall(object) || binding?.t === 'flagsObject' || (this.ldReact && (isPropsFlags(object) || flagsProp));
    if (ldObject) {
      return this.recordPropertyRead(node, scope, FLAG_MAP.sdk, FLAG_MAP.name);
    }
    const objectChain = this.config.collections.length ? memberChain(object) : undefined;
    const collection =
      objectChain &&
      !isCollectionApi(node) &&
      collectionMember(this.config.collections, objectChain, this.sf, this.destructured, this.typed);
    if (collection) return this.recordPropertyRead(node, scope, 'collection', collection);
    for (const pattern of this.config.properties) {
      const chain = memberChain(object);
      if (!chain) continue;
      const names = [chain.root.getText(this.sf), ...chain.path];
      if (endsWithPattern(names, pattern.prefix) && pattern.element === ts.isElementAccessExpression(node)) {
        return this.recordPropertyRead(node, scope, 'pattern', pattern.text);
      }
      if (!pattern.element && ts.isElementAccessExpression(node) && endsWithPattern(names, pattern.prefix)) {
        return this.recordPropertyRead(node, scope, 'pattern', pattern.text);
      }
    }
    return false;
  }

  private recordPropertyRead(
    node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
    scope: Scope,
    source: string,
    callee: string,
  ): boolean {
    const keyNode = ts.isPropertyAccessExpression(node) ? node.name : node.argumentExpression;
    const key: KeyExpr = ts.isPropertyAccessExpression(node)
      ? { k: 'str', value: node.name.text, form: 'property' }
      : keyExprOf(node.argumentExpression, scope, this.sf);
    this.calls.push({
      kind: 'property',
      source,
      callee,
      key,
      keyRange: rangeOf(keyNode, this.sf),
      evalRange: rangeOf(node, this.sf),
      enclosingFn: scope.fn,
    });
    if (ts.isElementAccessExpression(node)) this.schedule(node.argumentExpression, scope, node);
    return true;
  }

  /**
   * `features: LicenseFeatures` (a parameter or variable) and `{ features }: Readonly<Props>` where
   * this file declares `Props { features: LicenseFeatures }`: the type names each name is declared
   * with, so that a collection named by its type (`scan.collections: [LicenseFeatures]`) matches
   * the value however the code calls it. Only this file's declarations are read: no type checking.
   */
  private noteTyped(name: ts.BindingName, type: ts.TypeNode | undefined): void {
    if (!type) return;
    if (ts.isIdentifier(name)) {
      const names = typeNamesIn(type);
      if (names.length) this.typed.set(name.text, names);
      return;
    }
    if (!ts.isObjectBindingPattern(name)) return;
    const members = typeNamesIn(type).flatMap((t) => this.localTypeMembers(t));
    for (const el of name.elements) {
      const prop = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
      if (el.dotDotDotToken || prop === undefined || !ts.isIdentifier(el.name)) continue;
      const names = members.filter((m) => m.name === prop).flatMap((m) => typeNamesIn(m.type));
      if (names.length) this.typed.set(el.name.text, names);
    }
  }

  /** The typed members of an interface or object type alias of this name declared at this file's top level. */
  private localTypeMembers(typeName: string): { name: string; type: ts.TypeNode }[] {
    const out: { name: string; type: ts.TypeNode }[] = [];
    for (const st of this.sf.statements) {
      let members: ts.NodeArray<ts.TypeElement> | undefined;
      if (ts.isInterfaceDeclaration(st) && st.name.text === typeName) members = st.members;
      else if (ts.isTypeAliasDeclaration(st) && st.name.text === typeName && ts.isTypeLiteralNode(st.type))
        members = st.type.members;
      for (const m of members ?? []) {
        const n = ts.isPropertySignature(m) ? propertyNameText(m.name) : undefined;
        if (n !== undefined && ts.isPropertySignature(m) && m.type) out.push({ name: n, type: m.type });
      }
    }
    return out;
  }

  private noteDestructured(pattern: ts.ObjectBindingPattern, init: ts.Expression): void {
    let e = unwrap(init);
    if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
    const chain = memberChain(e);
    if (!chain) return;
    const base = [
      ...(this.destructured.get(chain.root.getText(this.sf)) ?? [chain.root.getText(this.sf)]),
      ...chain.path,
    ];
    for (const el of pattern.elements) {
      const prop = propertyNameText(el.propertyName ?? (ts.isIdentifier(el.name) ? el.name : undefined));
      if (!el.dotDotDotToken && prop !== undefined && ts.isIdentifier(el.name))
        this.destructured.set(el.name.text, [...base, prop]);
    }
  }

  private recordDestructuredFlags(pattern: ts.ObjectBindingPattern, decl: ts.VariableDeclaration, scope: Scope): void {
    for (const el of pattern.elements) {
      if (el.dotDotDotToken) continue;
      const nameNode = el.propertyName ?? el.name;
      const key = propertyNameText(nameNode);
      if (key === undefined) continue;
      this.calls.push({
        kind: 'destructure',
        source: FLAG_MAP.sdk,
        callee: FLAG_MAP.name,
        key: { k: 'str', value: key, form: 'property' },
        keyRange: rangeOf(nameNode, this.sf),
        evalRange: rangeOf(decl, this.sf),
        enclosingFn: scope.fn,
      });
    }
  }

  // ---- JSX ---------------------------------------------------------------------------------

  private visitJsx(node: ts.JsxOpeningElement | ts.JsxSelfClosingElement, scope: Scope): void {
    const tag = node.tagName.getText(this.sf);
    const spec = this.config.jsx.get(tag);
    const attrs = new Map<string, ts.JsxAttribute>();
    for (const a of node.attributes.properties) if (ts.isJsxAttribute(a)) attrs.set(a.name.getText(this.sf), a);
    if (spec) {
      const attr = attrs.get(spec.spec.attribute);
      const valueNode = attr && jsxValue(attr);
      if (valueNode) {
        const fact: CallFact = {
          kind: 'jsx',
          source: spec.preset.id,
          callee: tag,
          key: keyExprOf(valueNode, scope, this.sf),
          keyRange: rangeOf(valueNode, this.sf),
          evalRange: rangeOf(node, this.sf),
          enclosingFn: scope.fn,
        };
        if (spec.spec.valueType) fact.valueType = spec.spec.valueType;
        const fallback = spec.spec.defaultAttribute ? attrs.get(spec.spec.defaultAttribute) : undefined;
        const fallbackNode = fallback && jsxValue(fallback);
        const lit = fallbackNode && literalValue(fallbackNode);
        if (lit) {
          fact.defaultValue = lit.value;
          fact.hasDefault = true;
        }
        this.calls.push(fact);
      }
      return;
    }
    // A component of ours may take the key as a prop (`<Feature flag="x">`): a candidate like a call.
    if (!/^[A-Z]/.test(tag) || attrs.size === 0) return;
    const props: NonNullable<ArgFact['props']> = {};
    for (const [name, attr] of attrs) {
      const v = jsxValue(attr);
      if (v) props[name] = { key: keyExprOf(v, scope, this.sf), range: rangeOf(v, this.sf) };
    }
    if (!Object.values(props).some((p) => isKeyish({ key: p.key, range: p.range }))) return;
    const [root = '', ...path] = tag.split('.');
    const b = scope.lookup(root);
    if (!b || b.t === 'param') return;
    const range = rangeOf(node, this.sf);
    this.calls.push({
      kind: 'jsx',
      source: 'candidate',
      callee: tag,
      key: { k: 'dyn', text: '', reason: '' },
      keyRange: range,
      evalRange: range,
      enclosingFn: scope.fn,
      target: { name: root, path },
      args: [{ key: { k: 'dyn', text: '', reason: 'props' }, range, props }],
    });
  }
}

/** The source of a reference to the project's own flag API, matched by the names it uses, not an SDK import. */
const IN_HOUSE = 'in-house';

/** Receiver words that only say "flags" (`featureFlags`, `toggles`): no evidence of one vendor's SDK. */
const GENERIC_RECEIVER_WORDS = new Set([
  'feature',
  'features',
  'flag',
  'flags',
  'toggle',
  'toggles',
  'client',
  'of',
  'snapshot',
  'treatment',
  'treatments',
]);

function brandWords(words: readonly string[]): string[] {
  return words.filter((w) => !GENERIC_RECEIVER_WORDS.has(w));
}

/**
 * A closure a named function returns (`useEvaluator() { return (name) => isOn(name) }`) is named
 * after it, `useEvaluator()`, so that its parameter makes a wrapper that its callers can reach.
 */
function returnedName(node: ts.Node, parent: ts.Node, scope: Scope): string | undefined {
  if (!scope.fn || !(ts.isArrowFunction(node) || ts.isFunctionExpression(node))) return undefined;
  const returned = ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === node);
  return returned ? `${scope.fn}()` : undefined;
}

/** `const evaluate = useEvaluator()`: calling `evaluate` calls what the module-scope `useEvaluator` returns. */
function returnedBy(
  binding: { init?: ts.Expression; isConst: boolean },
  scope: Scope,
): { name: string; path: string[]; returned: true } | undefined {
  if (!binding.isConst || !binding.init) return undefined;
  let e = unwrap(binding.init);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression) || scope.lookup(e.expression.text)?.t !== 'module')
    return undefined;
  return { name: e.expression.text, path: [], returned: true };
}

function jsxValue(attr: ts.JsxAttribute): ts.Expression | undefined {
  const init = attr.initializer;
  if (!init) return undefined;
  if (ts.isStringLiteral(init)) return init;
  if (ts.isJsxExpression(init) && init.expression) return init.expression;
  return undefined;
}

/** The list of keys of a key-list call: an array argument, or the `names` array of an options object. */
function keyListOf(call: ts.CallExpression): ts.ArrayLiteralExpression | undefined {
  for (const arg of call.arguments) {
    const e = unwrap(arg);
    if (ts.isArrayLiteralExpression(e)) return e;
    if (!ts.isObjectLiteralExpression(e)) continue;
    for (const p of e.properties) {
      if (
        ts.isPropertyAssignment(p) &&
        propertyNameText(p.name) === 'names' &&
        ts.isArrayLiteralExpression(unwrap(p.initializer))
      ) {
        return unwrap(p.initializer) as ts.ArrayLiteralExpression;
      }
    }
  }
  return undefined;
}

function isKeyish(a: ArgFact): boolean {
  const k = a.key.k;
  return (
    k === 'str' ||
    k === 'ref' ||
    k === 'param' ||
    k === 'tpl' ||
    (a.props !== undefined && Object.values(a.props).some((p) => p.key.k !== 'dyn'))
  );
}

/** `props.flags` / `this.props.flags` (LaunchDarkly's withLDConsumer hands flags in as a prop). */
function isPropsFlags(e: ts.Expression): boolean {
  const chain = memberChain(e);
  if (!chain || chain.path[chain.path.length - 1] !== 'flags') return false;
  const before = chain.path.slice(0, -1);
  const root = ts.isIdentifier(chain.root) ? chain.root.text : 'this';
  return (root === 'props' && before.length === 0) || (root === 'this' && before.length === 1 && before[0] === 'props');
}

function endsWithPattern(names: string[], prefix: string[]): boolean {
  if (prefix.length === 0 || names.length < prefix.length) return false;
  const tail = names.slice(names.length - prefix.length);
  return prefix.every((p, i) => p === '*' || p === tail[i]);
}

/** The type names a type mentions: `X`, `X | null`, `Readonly<X>`, `ns.X` (as `X`). */
export function typeNamesIn(type: ts.TypeNode): string[] {
  const names: string[] = [];
  const stack: ts.Node[] = [type];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isTypeReferenceNode(node))
      names.push(ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text);
    // Object literal types and function types describe something else: their insides are not the value's type.
    if (ts.isTypeLiteralNode(node) || ts.isFunctionTypeNode(node)) continue;
    node.forEachChild((c) => {
      stack.push(c);
    });
  }
  return names;
}

/** Module-level functions of the file (declarations and `const f = () => …`) that it does not export. */
function localHelpers(sf: ts.SourceFile): Map<string, ts.SignatureDeclaration> {
  const names = new Map<string, ts.SignatureDeclaration>();
  const exported = new Set<string>();
  const isExported = (st: ts.Statement): boolean =>
    ts.canHaveModifiers(st) && (ts.getModifiers(st) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  for (const st of sf.statements) {
    if (ts.isFunctionDeclaration(st) && st.name && st.body && !isExported(st)) names.set(st.name.text, st);
    else if (ts.isVariableStatement(st) && !isExported(st)) {
      for (const d of st.declarationList.declarations) {
        const init = d.initializer && unwrap(d.initializer);
        if (ts.isIdentifier(d.name) && init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)))
          names.set(d.name.text, init);
      }
    } else if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause)) {
      for (const el of st.exportClause.elements) exported.add((el.propertyName ?? el.name).text);
    } else if (ts.isExportAssignment(st) && ts.isIdentifier(st.expression)) {
      exported.add(st.expression.text);
    }
  }
  // CommonJS `module.exports = { flag }` is not looked for: a script of that shape exports nothing else.
  for (const n of exported) names.delete(n);
  return names;
}

/** Whether a function uses its parameter at `index` as it is, where a key goes (see withoutNamesakeHelpers). */
function usesParameterAsKey(fn: ts.SignatureDeclaration, index: number): boolean {
  const param = fn.parameters[index];
  // A destructured or missing key parameter: no evidence either way, so the call is kept.
  if (!param || !ts.isIdentifier(param.name)) return true;
  const name = param.name.text;
  // Trees are parsed without parent links: the walk carries each node's parent.
  const stack: { node: ts.Node; parent: ts.Node }[] = [];
  const push = (parent: ts.Node): void => {
    parent.forEachChild((node) => {
      stack.push({ node, parent });
    });
  };
  push(fn);
  const parents = new Map<ts.Node, ts.Node>();
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    parents.set(node, parent);
    if (ts.isIdentifier(node) && node.text === name && node !== param.name && usedAsKey(node, parents)) return true;
    push(node);
  }
  return false;
}

function usedAsKey(id: ts.Identifier, parents: ReadonlyMap<ts.Node, ts.Node>): boolean {
  let node: ts.Node = id;
  let p = parents.get(node);
  // `key as Flag`, `(key)`, `key!` are still the key.
  while (
    p &&
    (ts.isAsExpression(p) ||
      ts.isParenthesizedExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isSatisfiesExpression(p))
  ) {
    node = p;
    p = parents.get(node);
  }
  if (!p) return true;
  if (ts.isElementAccessExpression(p)) return p.argumentExpression === node;
  if (ts.isCallExpression(p) || ts.isNewExpression(p)) return (p.arguments ?? []).some((a) => a === node);
  if (ts.isBinaryExpression(p)) return p.operatorToken.kind === ts.SyntaxKind.InKeyword && p.left === node;
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) return true;
  return ts.isReturnStatement(p) || ts.isArrowFunction(p);
}

function functionName(node: ts.Node, parent: ts.Node | undefined): string | undefined {
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessor(node)) {
    const n = propertyNameText(node.name);
    return n ? `method:${n}` : undefined;
  }
  if (ts.isFunctionDeclaration(node)) return 'default';
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) {
    const n = propertyNameText(parent.name);
    return n ? `method:${n}` : undefined;
  }
  if (parent && ts.isPropertyDeclaration(parent)) {
    const n = propertyNameText(parent.name);
    return n ? `method:${n}` : undefined;
  }
  if (parent && ts.isExportAssignment(parent)) return 'default';
  // CommonJS: `exports.isOn = function (key) {…}`, `module.exports = (key) => …`.
  if (
    parent &&
    ts.isBinaryExpression(parent) &&
    parent.right === node &&
    parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
  ) {
    return commonJsExportName(parent.left);
  }
  return undefined;
}
