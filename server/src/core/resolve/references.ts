import type { DynamicReference, FlagReference, ReferenceKind, ValueType } from '../model';
import type { CallFact, FileFacts, KeyExpr } from '../detect/facts';
import type { Range } from '../model';
import type { KeyResolver } from './keyResolver';
import { argFor, fallbackAt, isExternal, type WrapperTable } from './wrappers';
import { valueTypeOf } from '../detect/plainSyntax';

export interface FileReferences {
  references: FlagReference[];
  dynamic: DynamicReference[];
  /** Files whose facts these results were derived from (for incremental updates). */
  deps: Set<string>;
}

interface Evaluation {
  kind: ReferenceKind;
  source: string;
  callee: string;
  key: KeyExpr;
  keyRange: Range;
  valueType?: ValueType;
  defaultValue?: unknown;
  hasDefault?: boolean;
  via?: string[];
}

/** Turns one file's candidate evaluations into references (keys resolved) and dynamic references. */
export function referencesOf(facts: FileFacts, resolver: KeyResolver, wrappers: WrapperTable): FileReferences {
  const out: FileReferences = { references: [], dynamic: [], deps: new Set([facts.file]) };
  for (const call of facts.calls) {
    const ev = evaluationOf(facts.file, call, resolver, wrappers);
    // A parameter key is the inside of a wrapper: its call sites are the references.
    if (!ev || ev.key.k === 'param') continue;
    const file = facts.file;
    const resolved = resolver.resolve(file, ev.key, out.deps);
    const evaluation = { file, range: call.evalRange };
    const location = { file, range: ev.keyRange };
    if (!resolved.ok) {
      out.dynamic.push({ location, evaluation, source: ev.source, callee: ev.callee, expression: ev.key.k === 'dyn' ? ev.key.text : describe(ev.key), reason: resolved.reason });
      continue;
    }
    // `flags.newCheckout` is written as a name ('property'); `featureFlags[FLAGS.X]` keeps the form of its key.
    const ref: FlagReference = { key: resolved.value, location, evaluation, kind: ev.kind, keyForm: resolved.form, source: ev.source, callee: ev.callee };
    if (ev.valueType) ref.valueType = ev.valueType;
    if (ev.hasDefault) ref.defaultValue = ev.defaultValue;
    if (resolved.definition) ref.keyDefinition = resolved.definition;
    if (ev.via) ref.via = ev.via;
    out.references.push(ref);
  }
  return out;
}

function evaluationOf(file: string, call: CallFact, resolver: KeyResolver, wrappers: WrapperTable): Evaluation | undefined {
  if (call.source !== 'candidate') return call;
  const w = wrappers.wrapperFor(file, call, resolver);
  if (w) {
    const arg = argFor(call, w);
    if (!arg) return undefined;
    const fallback = fallbackAt(call, w);
    const valueType = w.valueType ?? (fallback ? valueTypeOf(fallback.value) : undefined);
    return {
      kind: call.kind === 'jsx' ? 'jsx' : 'wrapper-call',
      source: w.source,
      callee: call.callee,
      key: arg.key,
      keyRange: arg.range,
      ...(valueType ? { valueType } : {}),
      ...(fallback ? { defaultValue: fallback.value, hasDefault: true } : {}),
      via: [call.callee, ...w.via],
    };
  }
  if (call.sdkFallback && isExternal(file, call, resolver)) {
    return { ...call, kind: 'call', source: call.sdkFallback.source };
  }
  return undefined;
}

function describe(key: KeyExpr): string {
  switch (key.k) {
    case 'ref':
      return [key.name, ...key.path].join('.');
    case 'str':
      return JSON.stringify(key.value);
    case 'tpl':
      return key.text ?? '`…${…}…`';
    default:
      return '';
  }
}
