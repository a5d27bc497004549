import type { TextEdit } from '../model';
import { TextPositions } from './yamlPositions';

/** A replacement of [start, end) of one text, by offsets. */
export interface Change {
  start: number;
  end: number;
  text: string;
}

/**
 * Changes as text edits: sorted, and insertions at the same place joined in the order given (LSP
 * clients disagree on the order of same-position inserts).
 */
export function toTextEdits(file: string, text: string, changes: readonly Change[]): TextEdit[] {
  const pos = new TextPositions(file, text);
  const sorted = changes
    .map((c, i) => ({ ...c, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
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

/** Applies one file's edits to its text (the way an editor would). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const pos = new TextPositions('', text);
  const changes = edits
    .map((e, i) => ({ start: pos.offset(e.range.start), end: pos.offset(e.range.end), text: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.end - a.end || b.i - a.i);
  let out = text;
  for (const c of changes) out = out.slice(0, c.start) + c.text + out.slice(c.end);
  return out;
}
