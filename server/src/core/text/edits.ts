/**
 * The one edit type of the core and the one way to apply edits. A `TextEdit` (core/model) replaces a
 * line/character range of one file; a `FileEdit` may also create or delete its file; an `OffsetEdit`
 * is the same replacement by offsets, as the rewriting passes compute them.
 */
import type { TextEdit } from '../model';
import { TextPositions } from './positions';

/**
 * A text edit that may also create or delete its file. Folder registries keep one file per flag, so
 * adding a flag creates a file (`createFile`, range 0:0-0:0, newText = the whole file) and removing one
 * deletes it (`deleteFile`). Front ends that only apply text edits must honour these two flags.
 */
export interface FileEdit extends TextEdit {
  createFile?: boolean;
  deleteFile?: boolean;
}

/** A replacement of `[start, end)` offsets of one text. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping offset edits to a text (`base`: the offset the text starts at, for a slice
 * of a larger text). Insertions at one place keep the order given. Overlaps are a programming error
 * in the caller (two rewrites claimed the same code), so they throw rather than produce a silently
 * wrong file.
 */
export function applyOffsetEdits(text: string, edits: readonly OffsetEdit[], base = 0): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = base;
  for (const edit of sorted) {
    if (edit.start < cursor) {
      throw new Error(`overlapping edits at offset ${edit.start} (previous edit ends at ${cursor})`);
    }
    out += text.slice(cursor - base, edit.start - base) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor - base);
}

/** Applies one file's line/character edits to its text, the way an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const pos = new TextPositions('', text);
  return applyOffsetEdits(
    text,
    edits.map((e) => ({ start: pos.offset(e.range.start), end: pos.offset(e.range.end), text: e.newText })),
  );
}
