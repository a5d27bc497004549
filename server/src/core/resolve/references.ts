import type { DynamicReference, FlagReference, ReferenceKind, ReferenceShape, ValueType } from '../model';
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
  shape?: ReferenceShape;
}

/** Turns one file's candidate evaluations into references (keys resolved) and dynamic references. */
export function referencesOf(facts: FileFacts, resolver: KeyResolver, wrappers: WrapperTable): FileReferences {
  const out: FileReferences = { references: [], dynamic: [], deps: new Set([facts.file]) };
  for (const call of facts.calls) {
    const ev = evaluationOf(facts.file, call, resolver, wrappers);
    // A parameter key is the inside of a wrapper: its call sites are the references. When it is a
    // property of the parameter (`(row) => isOn(row.key)`), rows of this file's tables may be its data.
    if (ev?.key.k === 'param' && ev.key.prop)
      addDataReferences(out, facts, ev, ev.key.prop, { file: facts.file, range: call.evalRange }, resolver);
    if (!ev || ev.key.k === 'param') continue;
    const file = facts.file;
    const resolved = resolver.resolve(file, ev.key, out.deps);
    const evaluation = { file, range: call.evalRange };
    const location = { file, range: ev.keyRange };
    if (!resolved.ok) {
      if (
        ev.key.k === 'dyn' &&
        ev.key.dataProp &&
        addDataReferences(out, facts, ev, ev.key.dataProp, evaluation, resolver)
      )
        continue;
      out.dynamic.push({
        location,
        evaluation,
        source: ev.source,
        callee: ev.callee,
        expression: ev.key.k === 'dyn' ? ev.key.text : describe(ev.key),
        reason: resolved.reason,
      });
      continue;
    }
    // An empty key (`isEnabled('')`, or a literal still being typed) is no flag, and not a dynamic key either.
    if (resolved.value.trim() === '') continue;
    // `flags.newCheckout` is written as a name ('property'); `featureFlags[FLAGS.X]` keeps the form of its key.
    const ref: FlagReference = {
      key: resolved.value,
      location,
      evaluation,
      kind: ev.kind,
      keyForm: resolved.form,
      source: ev.source,
      callee: ev.callee,
    };
    if (ev.valueType) ref.valueType = ev.valueType;
    if (ev.hasDefault) ref.defaultValue = ev.defaultValue;
    if (resolved.definition) ref.keyDefinition = resolved.definition;
    if (ev.via) ref.via = ev.via;
    if (ev.shape) ref.shape = ev.shape;
    out.references.push(ref);
  }
  return out;
}

function evaluationOf(
  file: string,
  call: CallFact,
  resolver: KeyResolver,
  wrappers: WrapperTable,
): Evaluation | undefined {
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

/**
 * A dynamic key read from a row (`isEnabled(route.flag)`) whose file holds table rows with that
 * property: each row's value is a reference "evaluated through" the function. False if none.
 */
function addDataReferences(
  out: FileReferences,
  facts: FileFacts,
  ev: Evaluation,
  prop: string,
  evaluation: FlagReference['evaluation'],
  resolver: KeyResolver,
): boolean {
  const local = facts.tables?.[prop];
  // This file's own rows first; else the tables exported by the modules it imports.
  const tables = local?.length
    ? [{ file: facts.file, rows: local }]
    : resolver.importedRows(facts.file, prop, out.deps);
  if (tables.length === 0) return false;
  for (const { file, rows } of tables) {
    for (const row of rows) addDataReference(out, file, row, ev, evaluation);
  }
  return true;
}

function addDataReference(
  out: FileReferences,
  file: string,
  row: { value: string; range: Range },
  ev: Evaluation,
  evaluation: FlagReference['evaluation'],
): void {
  // Two sites reading the same property of the same rows name each row once.
  if (
    out.references.some(
      (r) =>
        r.shape === 'data' &&
        r.key === row.value &&
        r.location.file === file &&
        r.location.range.start.line === row.range.start.line &&
        r.location.range.start.character === row.range.start.character,
    )
  )
    return;
  const ref: FlagReference = {
    key: row.value,
    location: { file, range: row.range },
    evaluation,
    kind: ev.kind,
    keyForm: 'literal',
    source: ev.source,
    callee: ev.callee,
    shape: 'data',
    via: [...(ev.via ?? [ev.callee])],
  };
  if (ev.valueType) ref.valueType = ev.valueType;
  out.references.push(ref);
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
