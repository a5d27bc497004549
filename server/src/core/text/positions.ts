/**
 * Offsets ↔ line/character positions (UTF-16 code units, as TypeScript and LSP count them) for one
 * text. The one conversion of the core: registry edits, flag removal and the service all use it.
 */
import type { Location, Position, Range } from '../model';

/** Offsets of the start of every line (after each `\n`). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}

export function offsetToPosition(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo]! };
}

/** A position's offset, clamped to the text (a position past a line's end stops at the text's end). */
export function positionToOffset(starts: readonly number[], text: string, pos: Position): number {
  if (pos.line < 0) return 0;
  if (pos.line >= starts.length) return text.length;
  return Math.min(starts[pos.line]! + Math.max(0, pos.character), text.length);
}

/** One text with its line table, for repeated conversions (`file` only labels the locations it makes). */
export class TextPositions {
  private readonly starts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.starts = lineStarts(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  offset(pos: Position): number {
    return positionToOffset(this.starts, this.text, pos);
  }

  position(offset: number): Position {
    return offsetToPosition(this.starts, Math.max(0, Math.min(offset, this.text.length)));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }

  location(start: number, end: number): Location {
    return { file: this.file, range: this.range(start, end) };
  }

  /** The text a range covers. */
  slice(range: Range): string {
    return this.text.slice(this.offset(range.start), this.offset(range.end));
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))]!; // starts always holds line 0
  }

  /** Offset just past the line break ending `line` (or the end of the text on the last line). */
  nextLineStart(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1]! : this.text.length;
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.nextLineStart(line)).replace(/\r?\n$/, '');
  }
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}
