import type { Range, TextEdit } from '../model';
import { lineStarts, offsetToPosition } from '../text';

/**
 * The edits that turn `before` into `after`, one per changed region, each trimmed to the characters
 * that actually differ, so a client applying them leaves every untouched byte alone.
 */
export function diffToTextEdits(file: string, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLinesKeepEnds(before);
  const b = splitLinesKeepEnds(after);
  const hunks = diffLineHunks(a, b);
  const starts = lineStarts(before);
  const edits: TextEdit[] = [];
  for (const hunk of hunks) {
    // `starts` has an entry per line of `a`, so an index below a.length is in range.
    let start = hunk.aStart < a.length ? starts[hunk.aStart]! : before.length;
    let end = hunk.aEnd < a.length ? starts[hunk.aEnd]! : before.length;
    let newText = b.slice(hunk.bStart, hunk.bEnd).join('');
    // Trim the common prefix and suffix inside the hunk to keep the range minimal.
    let p = 0;
    while (p < newText.length && start + p < end && before.charCodeAt(start + p) === newText.charCodeAt(p)) p++;
    start += p;
    newText = newText.slice(p);
    let s = 0;
    while (
      s < newText.length &&
      end - s > start &&
      before.charCodeAt(end - 1 - s) === newText.charCodeAt(newText.length - 1 - s)
    )
      s++;
    end -= s;
    newText = newText.slice(0, newText.length - s);
    edits.push({ file, range: rangeOf(starts, start, end), newText });
  }
  return edits;
}

function rangeOf(starts: readonly number[], start: number, end: number): Range {
  return { start: offsetToPosition(starts, start), end: offsetToPosition(starts, end) };
}

export function splitLinesKeepEnds(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/(?<=\n)/);
  return lines;
}

export interface LineHunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Changed regions between two line arrays (Myers' O(ND) algorithm with a linear-space-free trace,
 * fine for source files: D is small because a removal touches few lines).
 */
export function diffLineHunks(a: readonly string[], b: readonly string[]): LineHunk[] {
  // Common prefix and suffix first: most of a file is untouched.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const a1 = a.slice(pre, a.length - suf);
  const b1 = b.slice(pre, b.length - suf);
  const ops = myers(a1, b1);
  const hunks: LineHunk[] = [];
  let i = 0;
  let j = 0;
  let current: LineHunk | undefined;
  for (const op of ops) {
    if (op === '=') {
      if (current) {
        hunks.push(current);
        current = undefined;
      }
      i++;
      j++;
      continue;
    }
    current ??= { aStart: pre + i, aEnd: pre + i, bStart: pre + j, bEnd: pre + j };
    if (op === '-') {
      i++;
      current.aEnd = pre + i;
    } else {
      j++;
      current.bEnd = pre + j;
    }
  }
  if (current) hunks.push(current);
  return hunks;
}

/** Edit script as '=', '-' (delete from a), '+' (insert from b), deletions before insertions. */
export function myers(a: readonly string[], b: readonly string[]): string[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)) x = v[offset + k + 1]!;
      else x = v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Backtrack through the saved frontiers.
  const ops: string[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    let prevK: number;
    if (k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!)) prevK = k + 1;
    else prevK = k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) {
        ops.push('+');
        y--;
      } else {
        ops.push('-');
        x--;
      }
    }
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  return ops.reverse();
}
