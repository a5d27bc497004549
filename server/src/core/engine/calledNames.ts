/**
 * What the files the prefilter skipped call, kept as sorted lists of 32-bit hashes of names, so that
 * wrapper names learnt later in the scan are looked up without reading every file again. Each round
 * of new names used to read all the skipped files (12k on a real corpus, for 27 that called one):
 * two rounds cost more than the first read of the files. Building the lists takes one look around
 * each `(` and `<` of the text already decoded for the prefilter.
 *
 * The list holds every name that the catch-up's pattern (calledPattern in detectorConfig.ts, and
 * `<Name\b` for components) can match before a `(`: the name right before it (through spaces and
 * `?.`), and the name before every `<` of a type argument list that may end there. A name is a run
 * of the regular expression's word characters, [A-Za-z0-9_], as `\b` sees them: in `$flag(` the
 * pattern matches `flag`. A learnt name with other characters cannot be looked up (nameHash).
 */
export class CalledNames {
  /**
   * All files' lists in one buffer (each file's a sorted, unique run of it), found by `runs`: one
   * typed array per file cost ~5 MB more peak memory on a 13.7k-file scan than the hashes themselves.
   */
  private pool = new Uint32Array(1 << 16);
  private used = 0;
  /** File → start * 2^21 + length of its run in the pool. */
  private readonly runs = new Map<string, number>();

  /** Records what `text` (the file's whole text) calls. */
  add(file: string, text: string): void {
    const start = this.used;
    for (let i = text.indexOf('('); i !== -1; i = text.indexOf('(', i + 1)) {
      let j = i - 1;
      if (text.charCodeAt(j) === DOT && text.charCodeAt(j - 1) === QUESTION) j -= 2;
      j = skipSpacesBack(text, j);
      const direct = hashBack(text, j + 1);
      if (direct !== undefined) this.push(direct);
      else if (text.charCodeAt(j) === GREATER) {
        // `name<T>(`: `<[^()\n]{0,120}>`, so every `<` up to 121 characters back may open the list.
        for (let k = j - 1; k >= 0 && j - k <= MAX_TYPE_ARGS + 1; k--) {
          const c = text.charCodeAt(k);
          if (c === OPEN || c === CLOSE || c === NEWLINE) break;
          if (c === LESS) {
            const h = hashBack(text, skipSpacesBack(text, k - 1) + 1);
            if (h !== undefined) this.push(h);
          }
        }
      }
    }
    // Components: `<Name` followed by a boundary, the name being the whole run of word characters.
    // Only capitalised names are looked for as tags (`<div`, `<string>` never are).
    for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
      const first = text.charCodeAt(i + 1);
      if (first < 65 || first > 90) continue;
      let end = i + 1;
      while (end < text.length && isWordChar(text.charCodeAt(end))) end++;
      if (end > i + 1) this.push(hashBack(text, end)!);
    }
    const run = this.pool.subarray(start, this.used).sort();
    let n = 0;
    for (let i = 0; i < run.length; i++) if (i === 0 || run[i] !== run[n - 1]) run[n++] = run[i]!;
    this.used = start + n;
    this.runs.set(file, start * RUN_SPLIT + n);
  }

  /** Whether the file may call one of the names (hashed by nameHash); undefined when it was not recorded. */
  mayCall(file: string, hashes: readonly number[]): boolean | undefined {
    const run = this.runs.get(file);
    if (run === undefined) return undefined;
    const start = Math.floor(run / RUN_SPLIT);
    const end = start + (run % RUN_SPLIT);
    for (const h of hashes) {
      let lo = start;
      let hi = end - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = this.pool[mid]!;
        if (v === h) return true;
        if (v < h) lo = mid + 1;
        else hi = mid - 1;
      }
    }
    return false;
  }

  clear(): void {
    this.runs.clear();
    this.used = 0;
    this.pool = new Uint32Array(1 << 16);
  }

  private push(h: number): void {
    if (this.used === this.pool.length) {
      const bigger = new Uint32Array(this.pool.length * 2);
      bigger.set(this.pool);
      this.pool = bigger;
    }
    this.pool[this.used++] = h;
  }
}

/** Lengths are below 2^21 (a 1 MB file holds fewer calls); starts stay exact in a double. */
const RUN_SPLIT = 2 ** 21;

/** The hash of a learnt name, or undefined when the name holds a character `\b` does not treat as part of a word. */
export function nameHash(name: string): number | undefined {
  if (!/^\w+$/.test(name)) return undefined;
  return hashBack(name, name.length);
}

const MAX_TYPE_ARGS = 120;
const OPEN = 0x28;
const CLOSE = 0x29;
const NEWLINE = 0x0a;
const LESS = 0x3c;
const GREATER = 0x3e;
const DOT = 0x2e;
const QUESTION = 0x3f;

/** [A-Za-z0-9_] as a table: this test runs for every character of every name before a `(`. */
const WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) WORD[c] = /\w/.test(String.fromCharCode(c)) ? 1 : 0;

function isWordChar(c: number): boolean {
  return c < 128 && WORD[c] === 1;
}

/** JavaScript's `\s`: the line terminators, ASCII spaces and the Unicode space separators. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function skipSpacesBack(text: string, j: number): number {
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  return j;
}

/** FNV-1a over the run of word characters that ends before `end`, read backwards; undefined when there is none. */
function hashBack(text: string, end: number): number | undefined {
  let k = end - 1;
  if (k < 0 || !isWordChar(text.charCodeAt(k))) return undefined;
  let h = 0x811c9dc5;
  for (; k >= 0; k--) {
    const c = text.charCodeAt(k);
    if (!isWordChar(c)) break;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}
