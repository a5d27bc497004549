import { isMap } from 'yaml';
import type { Change } from './change';
import { flowInsert, flowLayout, flowRemove, indentRest } from './flowEdits';
import type { FlowLayout } from './flowEdits';
import { fieldRank, orderedFields, sortOrder } from './keyOrder';
import type { NewFlag } from './yamlEdits';
import { TextPositions } from '../text';
import { detectEol } from './yamlStyle';
import { findPair, parseYaml } from './yamlTree';
import type { YamlDoc } from './yamlTree';

/** A JSON registry text ready for editing (JSON is YAML, so the same parser gives the positions). */
export interface JsonText {
  text: string;
  pos: TextPositions;
  doc: YamlDoc;
  eol: string;
  unit: string;
}

export function openJson(file: string, text: string): JsonText | undefined {
  const doc = parseYaml(text);
  if (doc.errors.length > 0) return undefined;
  const pos = new TextPositions(file, text);
  // The indentation unit: the first indented line's indentation (JSON files start at column 0).
  const indented = /\n([ \t]+)\S/.exec(text);
  return { text, pos, doc, eol: detectEol(text), unit: indented?.[1] ?? '  ' };
}

function objectOf(fields: object): Record<string, unknown> {
  return Object.fromEntries(orderedFields(fields));
}

/** JSON text of a value placed in `layout` (pretty when the object is, compact when it is one line). */
function render(j: JsonText, value: unknown, layout: FlowLayout | undefined, pretty: boolean): string {
  if (!pretty) return JSON.stringify(value);
  return indentRest(JSON.stringify(value, null, j.unit), layout?.itemIndent ?? '', j.eol);
}

function member(j: JsonText, key: string, value: unknown, layout: FlowLayout, pretty: boolean): string {
  return `${JSON.stringify(key)}: ${render(j, value, layout, pretty)}`;
}

/** Whether an object (or, if empty, the file as a whole) is written over several lines. */
function isPretty(j: JsonText, layout: FlowLayout): boolean {
  return layout.items.length ? layout.multiline : j.text.includes('\n');
}

export function jsonAddFlags(j: JsonText, flags: NewFlag[]): Change[] | undefined {
  const entries = Object.fromEntries(flags.map((f) => [f.key, objectOf(f.fields ?? {})]));
  const root = j.doc.contents;
  if (root === null || root === undefined) {
    const whole = JSON.stringify({ flags: entries }, null, j.unit).split('\n').join(j.eol);
    return [{ start: 0, end: j.text.length, text: whole + j.eol }];
  }
  if (!isMap(root)) return undefined;
  const rootLayout = flowLayout(j.pos, root, j.unit);
  if (!rootLayout) return undefined;
  const flagsPair = findPair(root, 'flags');
  if (!flagsPair) {
    const pretty = isPretty(j, rootLayout);
    return [flowInsert(rootLayout, undefined, member(j, 'flags', entries, rootLayout, pretty), j.eol, pretty, '')];
  }
  const flagsNode = flagsPair.value;
  if (!isMap(flagsNode)) return undefined;
  const layout = flowLayout(j.pos, flagsNode, j.unit);
  if (!layout) return undefined;
  const pretty = isPretty(j, layout);
  if (layout.items.length === 0) {
    const sep = pretty ? `,${j.eol}${layout.itemIndent}` : ', ';
    const all = flags.map((f) => member(j, f.key, objectOf(f.fields ?? {}), layout, pretty)).join(sep);
    return [flowInsert(layout, undefined, all, j.eol, pretty, '')];
  }
  const cmp = sortOrder(layout.items.map((i) => i.key));
  const ordered = cmp ? [...flags].sort((a, b) => cmp(a.key, b.key)) : flags;
  return ordered.map((f) => {
    const before = cmp ? layout.items.findIndex((it) => cmp(f.key, it.key) < 0) : -1;
    const text = member(j, f.key, objectOf(f.fields ?? {}), layout, pretty);
    return flowInsert(layout, before === -1 ? undefined : before, text, j.eol, pretty, '');
  });
}

function flagsLayout(j: JsonText): { layout: FlowLayout; map: import('yaml').YAMLMap } | undefined {
  const root = j.doc.contents;
  if (!isMap(root)) return undefined;
  const flags = findPair(root, 'flags')?.value;
  if (!isMap(flags)) return undefined;
  const layout = flowLayout(j.pos, flags, j.unit);
  return layout ? { layout, map: flags } : undefined;
}

export function jsonSetField(j: JsonText, key: string, field: string, value: unknown): Change[] | undefined {
  const flags = flagsLayout(j);
  if (!flags) return undefined;
  const pair = findPair(flags.map, key);
  if (!pair) return undefined;
  const entry = pair.value;
  const item = flags.layout.items.find((it) => it.key === key)!;
  if (!isMap(entry)) {
    if (value === undefined) return [];
    const obj = render(j, { [field]: value }, flags.layout, flags.layout.multiline);
    return [{ start: item.valueStart, end: item.valueEnd, text: obj }];
  }
  const layout = flowLayout(j.pos, entry, j.unit);
  if (!layout) return undefined;
  const pretty = isPretty(j, layout);
  const i = layout.items.findIndex((it) => it.key === field);
  const current = layout.items[i];
  if (value === undefined) return current ? [flowRemove(layout, i)] : [];
  if (current) return [{ start: current.valueStart, end: current.valueEnd, text: render(j, value, layout, pretty) }];
  const rank = fieldRank(field);
  const before = layout.items.findIndex((it) => fieldRank(it.key) > rank);
  return [
    flowInsert(layout, before === -1 ? undefined : before, member(j, field, value, layout, pretty), j.eol, pretty, ''),
  ];
}

export function jsonRemoveFlag(j: JsonText, key: string): Change[] {
  const flags = flagsLayout(j);
  if (!flags) return [];
  const i = flags.layout.items.findIndex((it) => it.key === key);
  return i === -1 ? [] : [flowRemove(flags.layout, i)];
}

/** Whether the file is (also) an OpenFeature CLI manifest: its entries carry `flagType`. */
export function jsonIsManifest(j: JsonText): boolean {
  const flags = flagsLayout(j);
  return !!flags && flags.map.items.some((item) => isMap(item.value) && findPair(item.value, 'flagType') !== undefined);
}

/** Keys already under `flags` in the text (which may be newer than the loaded registry). */
export function jsonFlagKeys(j: JsonText): string[] {
  return flagsLayout(j)?.layout.items.map((i) => i.key) ?? [];
}
