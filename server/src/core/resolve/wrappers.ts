import type { ValueType } from '../model';
import { own, type ArgFact, type CallFact, type FileFacts } from '../detect/facts';
import type { KeyResolver } from './keyResolver';
import { brandWords } from '../sdks';

/** A function whose parameter reaches a flag call's key: its call sites are references. */
export interface WrapperInfo {
  keyParam: number;
  /** The key is a property of that parameter (`{ flag }` props, `options.key`). */
  prop?: string;
  /** The SDK (preset id) or 'custom'/'pattern' at the end of the chain. */
  source: string;
  valueType?: ValueType;
  /** The parameter that carries the fallback value through to the SDK (`flagValue(flag, fallback)`). */
  defaultParam?: number;
  /** The literal fallback the wrapper itself passes (`isFeatureOn(key)` → `variation(key, ctx, false)`). */
  fallback?: { value: unknown };
  /** Wrapper names from this one inwards, ending at the SDK call (`useFeature` → `isOn` → `variation`). */
  via: string[];
}

const METHOD = 'method:';
/** The suffix of a closure a function returns (see returnedName in detect/callCollector.ts). */
const RETURNED = '()';
const baseName = (fn: string): string => (fn.endsWith(RETURNED) ? fn.slice(0, -RETURNED.length) : fn);

/**
 * Words that mark a receiver as a flag client or service, for wrapper methods known only by name:
 * the generic ones here, and every SDK's brand words (core/sdks).
 */
const FLAG_WORDS = new Set([
  'flag',
  'flags',
  'feature',
  'features',
  'toggle',
  'toggles',
  'experiment',
  'experiments',
  'gate',
  'gates',
  'variation',
  'variations',
  'rollout',
  'rollouts',
  ...brandWords(),
]);

/**
 * The workspace's wrappers, found to a fixed point: a function that forwards a parameter to a flag
 * call's key is a wrapper, and so is one that forwards a parameter to a wrapper's key.
 */
export class WrapperTable {
  private readonly byFile = new Map<string, Map<string, WrapperInfo>>();
  private readonly byMethod = new Map<string, WrapperInfo>();
  /** Names a call can reach a wrapper by: wrappers' own names, and names known files export them under. */
  private reachable = new Set<string>();
  private aliases = new Map<string, Set<string>>();

  static infer(files: Iterable<FileFacts>, resolver: KeyResolver): WrapperTable {
    const table = new WrapperTable();
    const all = [...files];
    table.aliases = exportAliases(all);
    for (let round = 0; round < 8; round++) {
      let changed = false;
      table.reachable = table.reachableNames();
      for (const facts of all) {
        for (const call of facts.calls) {
          // The wrapper is the function whose parameter the key is, even when the call sits in a
          // closure it returns (`gate(flag) { return (next) => isEnabled(flag) && next() }`).
          if (call.source !== 'candidate') {
            if (call.key.k === 'param') {
              changed =
                table.add(facts.file, call.key.fn, {
                  keyParam: call.key.index,
                  ...(call.key.prop ? { prop: call.key.prop } : {}),
                  source: call.source,
                  ...(call.valueType ? { valueType: call.valueType } : {}),
                  ...sdkFallbackOf(call, call.key.fn),
                  via: [call.callee],
                }) || changed;
            }
            continue;
          }
          const inner = table.wrapperFor(facts.file, call, resolver);
          const arg = inner && argFor(call, inner);
          if (inner && arg && arg.key.k === 'param') {
            changed =
              table.add(facts.file, arg.key.fn, {
                keyParam: arg.key.index,
                ...(arg.key.prop ? { prop: arg.key.prop } : {}),
                source: inner.source,
                ...(inner.valueType ? { valueType: inner.valueType } : {}),
                ...forwardedFallbackOf(call, inner, arg.key.fn),
                via: [call.callee, ...inner.via],
              }) || changed;
          } else if (!inner && call.sdkFallback && call.key.k === 'param' && isExternal(facts.file, call, resolver)) {
            changed =
              table.add(facts.file, call.key.fn, {
                keyParam: call.key.index,
                ...(call.key.prop ? { prop: call.key.prop } : {}),
                source: call.sdkFallback.source,
                ...(call.sdkFallback.valueType ? { valueType: call.sdkFallback.valueType } : {}),
                ...sdkFallbackOf(call, call.key.fn),
                via: [call.callee],
              }) || changed;
          }
        }
      }
      if (!changed) break;
    }
    return table;
  }

  private add(file: string, fn: string, info: WrapperInfo): boolean {
    let map = this.byFile.get(file);
    if (!map) this.byFile.set(file, (map = new Map<string, WrapperInfo>()));
    if (map.has(fn)) return false;
    map.set(fn, info);
    if (fn.startsWith(METHOD) && !this.byMethod.has(fn.slice(METHOD.length)))
      this.byMethod.set(fn.slice(METHOD.length), info);
    return true;
  }

  wrapperFor(file: string, call: CallFact, resolver: KeyResolver): WrapperInfo | undefined {
    if (call.method) {
      // Methods are known by name; when the receiver is declared in a file that has a method wrapper
      // of that name (`export const flagService = new FlagService()`), that one is meant.
      const declared = call.receiver ? resolver.target(file, call.receiver, []) : undefined;
      const own =
        declared && 'file' in declared ? this.byFile.get(declared.file)?.get(METHOD + call.method) : undefined;
      if (own) return own;
      // `this.isOn(…)` inside the class that declares the wrapper.
      if (call.receiverWords?.[0] === 'this' && call.receiverWords.length === 1)
        return this.byFile.get(file)?.get(METHOD + call.method);
      // Otherwise a method is known only by its name: `cache.getVariant('k')` on an unrelated object
      // must not count, so the receiver has to name flags (`this.flagResolver`, `featureService`).
      return call.receiverWords?.some((w) => FLAG_WORDS.has(w)) ? this.byMethod.get(call.method) : undefined;
    }
    if (!call.target) return undefined;
    // Resolving a call's target may parse modules along the way: only worth it for a name a wrapper has.
    const name = resolver.importedName(file, call.target.name, call.target.path);
    if (name !== undefined && !this.reachable.has(name)) return undefined;
    const t = resolver.target(file, call.target.name, call.target.path);
    if (!t || !('file' in t)) return undefined;
    if (call.target.returned) return this.byFile.get(t.file)?.get(`${t.local}${RETURNED}`);
    return this.byFile.get(t.file)?.get(t.local) ?? this.byFile.get(t.file)?.get(METHOD + t.local);
  }

  private reachableNames(): Set<string> {
    const names = new Set<string>(['default']);
    for (const map of this.byFile.values())
      for (const fn of map.keys()) names.add(baseName(fn.startsWith(METHOD) ? fn.slice(METHOD.length) : fn));
    // `export { isFeatureOn as isOn }`: follow renames to a fixed point.
    for (let grew = true; grew;) {
      grew = false;
      for (const [source, exported] of this.aliases) {
        if (!names.has(source)) continue;
        for (const e of exported) {
          if (names.has(e)) continue;
          names.add(e);
          grew = true;
        }
      }
    }
    return names;
  }

  /** Names for the prefilter: a file that calls none of these (nor an SDK) holds no reference. */
  functionNames(): string[] {
    const out = new Set<string>();
    for (const map of this.byFile.values())
      for (const fn of map.keys()) if (!fn.startsWith(METHOD) && fn !== 'default') out.add(baseName(fn));
    return [...out].sort();
  }

  methodNames(): string[] {
    return [...this.byMethod.keys()].sort();
  }

  /**
   * The properties a call of wrapper `name` (a function or a method) must name for its key to be read
   * (`withWorkspace(handler, { featureFlag })`), or undefined when one of that name's wrappers takes
   * the key as a whole argument. argFor reads a prop-keyed key only from an object literal or JSX
   * attribute that names the property, so a file without the word holds no such call.
   */
  keyPropsOf(name: string): string[] | undefined {
    const props = new Set<string>();
    for (const map of this.byFile.values()) {
      for (const [fn, w] of map) {
        if (baseName(fn.startsWith(METHOD) ? fn.slice(METHOD.length) : fn) !== name) continue;
        if (w.prop === undefined) return undefined;
        props.add(w.prop);
      }
    }
    return props.size > 0 ? [...props].sort() : undefined;
  }

  /** A stable description, to tell whether a change to one file changed the wrappers. */
  signature(): string {
    const parts: string[] = [];
    for (const [file, map] of [...this.byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const [fn, w] of [...map].sort(([a], [b]) => (a < b ? -1 : 1))) {
        parts.push(
          `${file}#${fn}:${w.keyParam}:${w.prop ?? ''}:${w.source}:${w.valueType ?? ''}:${w.defaultParam ?? ''}:${w.fallback ? JSON.stringify(w.fallback.value) : ''}`,
        );
      }
    }
    return parts.join('\n');
  }
}

/** The fallback of an SDK call inside wrapper `fn`: a literal it passes, or one of `fn`'s parameters. */
function sdkFallbackOf(call: CallFact, fn: string): Pick<WrapperInfo, 'defaultParam' | 'fallback'> {
  if (call.hasDefault) return { fallback: { value: call.defaultValue } };
  return call.defaultParam?.fn === fn ? { defaultParam: call.defaultParam.index } : {};
}

/** The fallback of a wrapper-of-a-wrapper: what `fn` passes where the inner wrapper takes its fallback. */
function forwardedFallbackOf(
  call: CallFact,
  inner: WrapperInfo,
  fn: string,
): Pick<WrapperInfo, 'defaultParam' | 'fallback'> {
  if (inner.defaultParam === undefined) return inner.fallback ? { fallback: inner.fallback } : {};
  const arg = call.args?.[inner.defaultParam];
  if (arg?.literal) return { fallback: arg.literal };
  if (arg?.key.k === 'param' && arg.key.fn === fn && arg.key.prop === undefined) return { defaultParam: arg.key.index };
  return {};
}

/** The fallback a wrapper call site gets: its own literal argument, or the one the wrapper passes. */
export function fallbackAt(call: CallFact, w: WrapperInfo): { value: unknown } | undefined {
  if (w.defaultParam !== undefined) return call.args?.[w.defaultParam]?.literal;
  return w.fallback;
}

/** The argument of a call that carries the key, for a given wrapper. */
export function argFor(call: CallFact, w: WrapperInfo): ArgFact | undefined {
  const arg = call.args?.[w.keyParam];
  if (!arg) return undefined;
  if (w.prop === undefined) return arg;
  const p = own(arg.props, w.prop);
  return p ? { key: p.key, range: p.range } : undefined;
}

export function isExternal(file: string, call: CallFact, resolver: KeyResolver): boolean {
  if (!call.target) return true;
  const t = resolver.target(file, call.target.name, call.target.path);
  return !t || 'external' in t;
}

/** Source name → the names it is exported under elsewhere (renaming exports and re-exports of known files). */
function exportAliases(files: readonly FileFacts[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of files) {
    for (const [exported, binding] of Object.entries(f.exports)) {
      const source = 'local' in binding ? binding.local : binding.name;
      if (source === exported) continue;
      let set = out.get(source);
      if (!set) out.set(source, (set = new Set()));
      set.add(exported);
    }
  }
  return out;
}
