import { diffLineHunks, splitLinesKeepEnds } from './textEdits';

/**
 * A unified diff (`diff -u` / `git diff` style) of one file, with `context` lines around each change.
 * Returns '' when the texts are equal.
 */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const a = splitLinesKeepEnds(before);
  const b = splitLinesKeepEnds(after);
  const hunks = diffLineHunks(a, b);
  if (hunks.length === 0) return '';

  // Merge hunks whose context windows touch.
  const groups: (typeof hunks)[] = [];
  for (const h of hunks) {
    const last = groups[groups.length - 1];
    if (last && h.aStart - last[last.length - 1]!.aEnd <= 2 * context) last.push(h);
    else groups.push([h]);
  }

  let out = `--- ${oldName}\n+++ ${newName}\n`;
  for (const group of groups) {
    const first = group[0]!;
    const last = group[group.length - 1]!;
    const aFrom = Math.max(0, first.aStart - context);
    const aTo = Math.min(a.length, last.aEnd + context);
    const bFrom = first.bStart - (first.aStart - aFrom);
    const bTo = last.bEnd + (aTo - last.aEnd);
    out += `@@ -${range(aFrom, aTo - aFrom)} +${range(bFrom, bTo - bFrom)} @@\n`;
    let ai = aFrom;
    for (const h of group) {
      for (; ai < h.aStart; ai++) out += line(' ', a[ai]!);
      for (let i = h.aStart; i < h.aEnd; i++) out += line('-', a[i]!);
      for (let j = h.bStart; j < h.bEnd; j++) out += line('+', b[j]!);
      ai = h.aEnd;
    }
    for (; ai < aTo; ai++) out += line(' ', a[ai]!);
  }
  return out;
}

function range(start: number, count: number): string {
  // Unified diff numbers lines from 1; an empty range names the line before it.
  const first = count === 0 ? start : start + 1;
  return count === 1 ? `${first}` : `${first},${count}`;
}

function line(prefix: string, text: string): string {
  return text.endsWith('\n') ? prefix + text : `${prefix}${text}\n\\ No newline at end of file\n`;
}
