import type { TextEdit } from '../model';
import { TextPositions, type OffsetEdit } from '../text';

/** A replacement of [start, end) of one text, by offsets. */
export type Change = OffsetEdit;

/**
 * Changes as text edits: sorted, and insertions at the same place joined in the order given (LSP
 * clients disagree on the order of same-position inserts).
 */
export function toTextEdits(file: string, text: string, changes: readonly Change[]): TextEdit[] {
  const pos = new TextPositions(file, text);
  const sorted = changes.map((c, i) => ({ ...c, i })).sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  const merged: Change[] = [];
  for (const c of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.start === c.start && last.end === last.start && c.end === c.start) last.text += c.text;
    else if (last && c.start < last.end) {
      // Overlapping deletions (duplicate entries next to each other) become one.
      if (c.text === '' && last.text === '') last.end = Math.max(last.end, c.end);
      else throw new Error(`internal: overlapping registry edits at offset ${c.start}`);
    } else merged.push({ start: c.start, end: c.end, text: c.text });
  }
  return merged.map((c) => ({ file, range: pos.range(c.start, c.end), newText: c.text }));
}
