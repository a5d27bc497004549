/**
 * The text of the receiver of a method named at `nameStart` (`row.original` of
 * `row.original.getValue(`), read backwards from the name without parsing, for the prefilter's
 * test of generic SDK names. It covers at least the receiver the parser would see (the analysis
 * splits that text into words), perhaps more: `(flags as Flags)` for `flags`, `new Client()` whole.
 * - `null`: the name is not called as a method (no `.` before it): a plain function call;
 * - `undefined`: no safe answer (a string, template or regular expression in the receiver, a type
 *   argument list): the caller must assume the receiver names anything.
 */
export function receiverBefore(text: string, nameStart: number): string | null | undefined {
  let i = skipSpaceBack(text, nameStart - 1);
  if (text[i] !== '.') return null;
  const end = text[i - 1] === '?' ? i - 1 : i;
  i = end - 1;
  let start = end;
  for (;;) {
    i = skipSpaceBack(text, i);
    const c = text[i];
    if (c === undefined) break;
    if (c === '!') {
      i--;
      continue;
    }
    if (c === ')' || c === ']') {
      const open = matchingOpen(text, i);
      if (open === undefined) return undefined;
      start = open;
      i = open - 1;
      // A call or element access continues with its callee (`getFlags(user)`); a bare group stops.
      const before = skipSpaceBack(text, i);
      if (text[before] === '>') return undefined;
      if (before >= 0 && (WORD_CHAR.test(text[before]!) || text[before] === ')' || text[before] === ']')) {
        i = before;
        continue;
      }
      break;
    }
    if (WORD_CHAR.test(c)) {
      let k = i;
      while (k >= 0 && WORD_CHAR.test(text[k]!)) k--;
      start = k + 1;
      const word = text.slice(k + 1, i + 1);
      const before = skipSpaceBack(text, k);
      if (text[before] === '.') {
        i = text[before - 1] === '?' ? before - 2 : before - 1;
        continue;
      }
      // `new Client().getValue(`: the parser's receiver is the whole `new` expression.
      if (word !== 'new' && before >= 2 && text.slice(before - 2, before + 1) === 'new') start = before - 2;
      break;
    }
    // A string, template, regular expression or type arguments: too much to read backwards safely.
    if (c === '"' || c === "'" || c === '`' || c === '/' || c === '>') return undefined;
    break;
  }
  return start < end ? text.slice(start, end).trimEnd() : undefined;
}

const WORD_CHAR = /[\w$]/;

function skipSpaceBack(text: string, i: number): number {
  while (i >= 0 && /\s/.test(text[i]!)) i--;
  return i;
}

/** The `(` or `[` that the bracket at `close` closes, or undefined when quotes or templates are inside. */
function matchingOpen(text: string, close: number): number | undefined {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const c = text[i];
    if (c === ')' || c === ']' || c === '}') depth++;
    else if (c === '(' || c === '[' || c === '{') {
      if (--depth === 0) return i;
    } else if (c === '"' || c === "'" || c === '`' || c === '/') return undefined;
  }
  return undefined;
}
