import { isPair } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import type { TextPositions } from '../text';
import { keyText, span } from './yamlTree';

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

export function isComment(line: string): boolean {
  return /^\s*#/.test(line);
}

export function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)![0].length;
}

/**
 * One key of a block mapping, as lines: comment lines directly above it at its own indentation
 * belong to it (they describe it), and so do comment lines after its value that are indented deeper
 * than the key (they are inside it). Everything else belongs to the neighbours.
 */
export interface BlockItem {
  key: string;
  pair: Pair<Node, Node | null>;
  keyStart: number;
  keyLine: number;
  keyColumn: number;
  /** The first line of its leading comment block (or the key's line). */
  firstLine: number;
  /** The key's line, or the last line of its value and of the comments inside it. */
  lastLine: number;
  /** Offset just past the value's last character (before any trailing comment). */
  valueEnd: number;
}

/** Offset just past the last non-space character before `end`. */
export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return e;
}

export function blockItems(pos: TextPositions, map: YAMLMap): BlockItem[] {
  const text = pos.text;
  const items: BlockItem[] = [];
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const key = keyText(item.key);
    const keySpan = span(item.key);
    if (key === undefined || !keySpan) continue;
    const keyStart = keySpan[0];
    const keyPos = pos.position(keyStart);
    const valueSpan = span(item.value);
    const valueEnd = valueSpan && valueSpan[1] > valueSpan[0] ? trimEnd(text, valueSpan[0], valueSpan[1]) : keySpan[1];
    let lastLine = Math.max(keyPos.line, pos.position(Math.max(valueEnd - 1, keyStart)).line);
    for (let j = lastLine + 1; j < pos.lineCount; j++) {
      const line = pos.lineText(j);
      if (isBlank(line)) continue;
      if (isComment(line) && indentOf(line) > keyPos.character) lastLine = j;
      else break;
    }
    let firstLine = keyPos.line;
    for (let j = keyPos.line - 1; j >= 0; j--) {
      const line = pos.lineText(j);
      if (isComment(line) && indentOf(line) === keyPos.character) firstLine = j;
      else break;
    }
    items.push({
      key,
      pair: item as Pair<Node, Node | null>,
      keyStart,
      keyLine: keyPos.line,
      keyColumn: keyPos.character,
      firstLine,
      lastLine,
      valueEnd,
    });
  }
  // A previous item's inner comments cannot also be the next one's leading comments.
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    const previous = items[i - 1]!;
    if (item.firstLine <= previous.lastLine) item.firstLine = previous.lastLine + 1;
  }
  return items;
}

/** Whether consecutive items are mostly separated by blank lines (the file's layout). */
export function blankSeparated(pos: TextPositions, items: BlockItem[]): boolean {
  let blank = 0;
  let tight = 0;
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!;
    if (isBlank(pos.lineText(item.firstLine - 1)) && item.firstLine - 1 > items[i - 1]!.lastLine) blank++;
    else tight++;
  }
  return blank > tight;
}
