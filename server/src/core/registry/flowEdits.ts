import { isPair } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Change } from './change';
import { trimEnd } from './yamlBlock';
import type { TextPositions } from '../text';
import { keyText, span } from './yamlTree';

export interface FlowItem {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

/** A `{ … }` mapping (JSON objects, YAML flow maps) and how it is laid out. */
export interface FlowLayout {
  open: number;
  close: number;
  items: FlowItem[];
  multiline: boolean;
  itemIndent: string;
  closeIndent: string;
}

function lineIndent(pos: TextPositions, offset: number): string {
  return /^[ \t]*/.exec(pos.lineText(pos.position(offset).line))![0];
}

export function flowLayout(pos: TextPositions, map: YAMLMap, unit: string): FlowLayout | undefined {
  const s = span(map);
  if (!s) return undefined;
  const text = pos.text;
  const open = s[0];
  let close = s[1] - 1;
  while (close > open && text[close] !== '}') close--;
  if (text[open] !== '{' || text[close] !== '}') return undefined;
  const items: FlowItem[] = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyText(item.key);
    const ks = span(item.key);
    if (key === undefined || !ks) continue;
    const vs = span(item.value);
    const valueStart = vs ? vs[0] : ks[1];
    const valueEnd = vs && vs[1] > vs[0] ? trimEnd(text, vs[0], vs[1]) : ks[1];
    items.push({ key, keyStart: ks[0], valueStart, valueEnd });
  }
  const openLine = pos.position(open).line;
  const first = items[0];
  const multiline = first !== undefined && pos.position(first.keyStart).line !== openLine;
  const closeLine = pos.lineText(pos.position(close).line);
  const closeOnOwnLine = closeLine.trim().startsWith('}');
  return {
    open,
    close,
    items,
    multiline,
    itemIndent: first && multiline ? lineIndent(pos, first.keyStart) : lineIndent(pos, open) + unit,
    closeIndent: closeOnOwnLine ? /^[ \t]*/.exec(closeLine)![0] : lineIndent(pos, open),
  };
}

/**
 * Inserts `entry` (`"key": value`) before item `before`, or at the end. An empty mapping is opened
 * up over several lines when `expand` (JSON files are), else written `{ entry }`.
 */
export function flowInsert(
  layout: FlowLayout,
  before: number | undefined,
  entry: string,
  eol: string,
  expand: boolean,
  pad: string,
): Change {
  const { items, multiline, itemIndent } = layout;
  const last = items.at(-1);
  if (last === undefined) {
    const inner = expand ? `${eol}${itemIndent}${entry}${eol}${layout.closeIndent}` : `${pad}${entry}${pad}`;
    return { start: layout.open, end: layout.close + 1, text: `{${inner}}` };
  }
  const sep = multiline ? `${eol}${itemIndent}` : ' ';
  const next = before === undefined ? undefined : items[before];
  if (next) return { start: next.keyStart, end: next.keyStart, text: `${entry},${sep}` };
  return { start: last.valueEnd, end: last.valueEnd, text: `,${sep}${entry}` };
}

/** Removes item `i` and the comma that went with it. */
export function flowRemove(layout: FlowLayout, i: number): Change {
  const { items } = layout;
  if (items.length === 1) return { start: layout.open + 1, end: layout.close, text: '' };
  // Callers pass the index of an item they found in `items`; with two or more items it has a neighbour.
  const item = items[i]!;
  if (i < items.length - 1) return { start: item.keyStart, end: items[i + 1]!.keyStart, text: '' };
  return { start: items[i - 1]!.valueEnd, end: item.valueEnd, text: '' };
}

/** Indents every line after the first (a multi-line JSON value placed at some column). */
export function indentRest(s: string, indent: string, eol: string): string {
  return s.split('\n').join(`${eol}${indent}`);
}
