import { isMap, isScalar } from 'yaml';
import type { Node } from 'yaml';
import type { Change } from './change';
import { flowInsert, flowLayout, flowRemove } from './flowEdits';
import { neighbourOf } from './neighbours';
import { fieldRank, orderedFields, sortOrder } from './keyOrder';
import type { FlagFields } from './types';
import { blankSeparated, blockItems, isBlank } from './yamlBlock';
import type { BlockItem } from './yamlBlock';
import { TextPositions } from '../text';
import { detectStyle, renderBlock, renderField, renderInline, renderKey } from './yamlStyle';
import type { YamlStyle } from './yamlStyle';
import { findPair, parseYaml, span } from './yamlTree';
import type { YamlDoc } from './yamlTree';

export interface NewFlag {
  key: string;
  fields?: FlagFields;
}

/** A YAML registry text ready for editing; undefined when it has syntax errors (edits could corrupt it). */
export interface YamlText {
  text: string;
  pos: TextPositions;
  doc: YamlDoc;
  style: YamlStyle;
}

export function openYaml(file: string, text: string): YamlText | undefined {
  const doc = parseYaml(text);
  if (doc.errors.length > 0) return undefined;
  const pos = new TextPositions(file, text);
  const root = doc.contents;
  const flags = isMap(root) ? findPair(root, 'flags')?.value : undefined;
  return { text, pos, doc, style: detectStyle(text, pos, isMap(flags) ? flags : root) };
}

function isEmptyValue(node: unknown): boolean {
  return (
    node === null ||
    node === undefined ||
    (isScalar(node) && node.value === null) ||
    (isMap(node) && node.items.length === 0)
  );
}

/** Offset of the end of a line's content (before its line break). */
function lineEnd(pos: TextPositions, line: number): number {
  return pos.lineStart(line) + pos.lineText(line).length;
}

/** At the end of the text, after adding the line break it may lack. */
function appendAtEnd(y: YamlText, text: string): Change {
  const needsBreak = y.text.length > 0 && !y.text.endsWith('\n');
  return { start: y.text.length, end: y.text.length, text: (needsBreak ? y.style.eol : '') + text };
}

function withoutFinalBreak(s: string, eol: string): string {
  return s.endsWith(eol) ? s.slice(0, -eol.length) : s;
}

/**
 * Fills an empty value (`key:`, `key: ~`, `key: {}`) with block lines under its key: the empty token
 * goes, the lines are added after the key's line (after any comment on it).
 */
function fillEmpty(y: YamlText, keyNode: Node, value: Node | null, lines: string): Change[] {
  const changes: Change[] = [];
  const vs = span(value);
  if (vs && vs[1] > vs[0]) {
    // `key: {}` becomes `key:`, not `key: ` with a trailing space.
    let start = vs[0];
    while (start > 0 && (y.text[start - 1] === ' ' || y.text[start - 1] === '\t')) start--;
    changes.push({ start, end: vs[1], text: '' });
  }
  const keyLine = y.pos.position(span(keyNode)![0]).line;
  const at = lineEnd(y.pos, keyLine);
  changes.push({ start: at, end: at, text: y.style.eol + withoutFinalBreak(lines, y.style.eol) });
  return changes;
}

function renderEntry(key: string, fields: FlagFields, indent: string, style: YamlStyle): string {
  const ordered = orderedFields(fields);
  if (ordered.length === 0) return `${indent}${renderKey(key, style)}: {}${style.eol}`;
  let out = `${indent}${renderKey(key, style)}:${style.eol}`;
  for (const [name, value] of ordered) out += renderField(name, value, indent + style.unit, style);
  return out;
}

function renderFlowEntry(key: string, fields: FlagFields, style: YamlStyle): string {
  const parts = orderedFields(fields).map(
    ([n, v]) => `${renderKey(n, style)}: ${renderInline(v, style) ?? JSON.stringify(v)}`,
  );
  return `${renderKey(key, style)}: {${parts.join(', ')}}`;
}

/** Adds flag entries to `flags:` (created if absent), sorted in if the keys are sorted, else at the end. */
export function yamlAddFlags(y: YamlText, flags: NewFlag[]): Change[] | undefined {
  const { style, pos } = y;
  const eol = style.eol;
  const root = y.doc.contents;
  const firstRootItem = isMap(root) ? root.items[0] : undefined;
  const columnOfRoot = firstRootItem ? pos.position(span(firstRootItem.key)?.[0] ?? 0).character : 0;
  const rootIndent = ' '.repeat(columnOfRoot);
  const entriesAt = (indent: string) => flags.map((f) => renderEntry(f.key, f.fields ?? {}, indent, style)).join('');

  if (isEmptyValue(root) && !(isMap(root) && root.flow)) {
    return [appendAtEnd(y, `flags:${eol}${entriesAt(style.unit)}`)];
  }
  if (!isMap(root) || root.flow) return undefined;
  const flagsPair = findPair(root, 'flags');
  if (!flagsPair) return [appendAtEnd(y, `${rootIndent}flags:${eol}${entriesAt(rootIndent + style.unit)}`)];
  const value = flagsPair.value;
  const flagsColumn = pos.position(span(flagsPair.key)![0]).character;
  if (isEmptyValue(value)) {
    return fillEmpty(y, flagsPair.key, value, entriesAt(' '.repeat(flagsColumn) + style.unit));
  }
  if (!isMap(value)) return undefined;
  if (value.flow) {
    const layout = flowLayout(pos, value, style.unit);
    if (!layout) return undefined;
    return flags.map((f) =>
      flowInsert(layout, undefined, renderFlowEntry(f.key, f.fields ?? {}, style), eol, false, ' '),
    );
  }
  return insertSorted(y, blockItems(pos, value), flags);
}

function insertSorted(y: YamlText, items: BlockItem[], flags: NewFlag[]): Change[] | undefined {
  const { pos, style } = y;
  const eol = style.eol;
  // A non-empty mapping (empty ones are filled, not sorted into) that has no item we can place is not ours to edit.
  const [first] = items;
  const last = items.at(-1);
  if (!first || !last) return undefined;
  const indent = ' '.repeat(first.keyColumn);
  const blank = blankSeparated(pos, items) ? eol : '';
  const cmp = sortOrder(items.map((i) => i.key));
  const ordered = cmp ? [...flags].sort((a, b) => cmp(a.key, b.key)) : flags;
  const changes: Change[] = [];
  const endOffset = pos.nextLineStart(last.lastLine);
  let appended = false;
  for (const f of ordered) {
    const entry = renderEntry(f.key, f.fields ?? {}, indent, style);
    const before = cmp ? items.find((it) => cmp(f.key, it.key) < 0) : undefined;
    // Unsorted: next to the entries of the same owner or key prefix (see neighbours.ts).
    const after = cmp
      ? undefined
      : neighbourOf(items, f.key, typeof f.fields?.owner === 'string' ? f.fields.owner : undefined);
    if (after && after !== last) {
      const at = pos.nextLineStart(after.lastLine);
      changes.push({ start: at, end: at, text: blank + entry });
    } else if (before) {
      const at = pos.lineStart(before.firstLine);
      changes.push({ start: at, end: at, text: entry + blank });
    } else {
      const needsBreak = !appended && endOffset === y.text.length && !y.text.endsWith('\n');
      changes.push({ start: endOffset, end: endOffset, text: (needsBreak ? eol : '') + blank + entry });
      appended = true;
    }
  }
  return changes;
}

/** The mapping that holds a flag's fields: under `flags:` (file registries) or the whole document (folder registries). */
type EntryTarget = { key: string } | 'document';

interface Container {
  value: Node | null;
  /** The entry's key (undefined for a whole document). */
  keyNode?: Node;
}

function findEntry(y: YamlText, target: EntryTarget): Container | undefined {
  const root = y.doc.contents as Node | null;
  if (target === 'document') return { value: root };
  if (!isMap(root)) return undefined;
  const flags = findPair(root, 'flags')?.value;
  if (!isMap(flags)) return undefined;
  const pair = findPair(flags, target.key);
  return pair ? { value: pair.value, keyNode: pair.key } : undefined;
}

/** Adds, replaces or (with `value` undefined) removes one field of a flag. Undefined: no such flag. */
export function yamlSetField(y: YamlText, target: EntryTarget, field: string, value: unknown): Change[] | undefined {
  const found = findEntry(y, target);
  if (!found) return undefined;
  const { pos, style } = y;
  const { value: entry, keyNode } = found;
  if (isEmptyValue(entry) && !(isMap(entry) && entry.flow && !keyNode)) {
    if (value === undefined) return [];
    if (!keyNode) {
      const vs = span(entry);
      const line = renderField(field, value, '', style);
      if (vs && vs[1] > vs[0]) return [{ start: vs[0], end: vs[1], text: withoutFinalBreak(line, style.eol) }];
      return [appendAtEnd(y, line)];
    }
    const indent = ' '.repeat(pos.position(span(keyNode)![0]).character) + style.unit;
    return fillEmpty(y, keyNode, entry, renderField(field, value, indent, style));
  }
  if (!isMap(entry)) return undefined;
  if (entry.flow) {
    const layout = flowLayout(pos, entry, style.unit);
    if (!layout) return undefined;
    const i = layout.items.findIndex((it) => it.key === field);
    const item = layout.items[i];
    if (value === undefined) return item ? [flowRemove(layout, i)] : [];
    const inline = renderInline(value, style) ?? JSON.stringify(value);
    if (item) return [{ start: item.valueStart, end: item.valueEnd, text: inline }];
    return [flowInsert(layout, undefined, `${renderKey(field, style)}: ${inline}`, style.eol, false, ' ')];
  }
  const items = blockItems(pos, entry);
  const existing = items.find((it) => it.key === field);
  if (value === undefined) return existing ? [deleteLines(y, existing.firstLine, existing.lastLine)] : [];
  const [first] = items;
  if (!first) return undefined; // a block mapping whose items we cannot place
  const indent = ' '.repeat(first.keyColumn);
  if (existing) return [replaceValue(y, existing, value, indent)];
  const rank = fieldRank(field);
  const anchor = [...items].reverse().find((it) => fieldRank(it.key) <= rank);
  const line = renderField(field, value, indent, style);
  if (!anchor) {
    const at = pos.lineStart(first.firstLine);
    return [{ start: at, end: at, text: line }];
  }
  const at = pos.nextLineStart(anchor.lastLine);
  const needsBreak = at === y.text.length && !y.text.endsWith('\n');
  return [{ start: at, end: at, text: (needsBreak ? style.eol : '') + line }];
}

function replaceValue(y: YamlText, item: BlockItem, value: unknown, indent: string): Change {
  const { text, pos, style } = y;
  let colonEnd = span(item.pair.key)![1];
  while (colonEnd < text.length && text[colonEnd] !== ':') colonEnd++;
  colonEnd = Math.min(colonEnd + 1, text.length);
  const vs = span(item.pair.value);
  const hasValue = vs !== undefined && vs[1] > vs[0];
  const inline = renderInline(value, style);
  if (inline !== undefined) {
    if (!hasValue) return { start: colonEnd, end: colonEnd, text: ` ${inline}` };
    if (pos.position(vs[0]).line === item.keyLine) return { start: vs[0], end: item.valueEnd, text: inline };
    return { start: colonEnd, end: item.valueEnd, text: ` ${inline}` };
  }
  const block = withoutFinalBreak(renderBlock(value, indent + style.unit, style), style.eol);
  return { start: colonEnd, end: hasValue ? item.valueEnd : colonEnd, text: style.eol + block };
}

function deleteLines(y: YamlText, first: number, last: number): Change {
  return { start: y.pos.lineStart(first), end: y.pos.nextLineStart(last), text: '' };
}

/**
 * Removes a flag's entry (every duplicate of it) with the comment lines that belong to it, leaving
 * the blank-line layout as it was: when blank lines separated it from both neighbours, one goes too.
 */
export function yamlRemoveFlag(y: YamlText, key: string): Change[] {
  const root = y.doc.contents;
  if (!isMap(root)) return [];
  const flagsPair = findPair(root, 'flags');
  const flags = flagsPair?.value;
  if (!flagsPair || !isMap(flags)) return [];
  if (flags.flow) {
    const layout = flowLayout(y.pos, flags, y.style.unit);
    const i = layout ? layout.items.findIndex((it) => it.key === key) : -1;
    return layout && i !== -1 ? [flowRemove(layout, i)] : [];
  }
  const { pos } = y;
  const parentLine = pos.position(span(flagsPair.key)![0]).line;
  const changes: Change[] = [];
  for (const item of blockItems(pos, flags)) {
    if (item.key !== key) continue;
    let first = item.firstLine;
    let last = item.lastLine;
    const blankBefore = first - 1 > parentLine && isBlank(pos.lineText(first - 1));
    // The empty "line" after a final line break is not a blank line.
    const blankAfter =
      last + 1 < pos.lineCount && pos.lineStart(last + 1) < y.text.length && isBlank(pos.lineText(last + 1));
    const restIsBlank = (() => {
      for (let j = last + 1; j < pos.lineCount; j++) if (!isBlank(pos.lineText(j))) return false;
      return true;
    })();
    if (blankAfter && (blankBefore || first - 1 === parentLine)) last++;
    else if (blankBefore && restIsBlank) first--;
    changes.push(deleteLines(y, first, last));
  }
  return changes;
}
