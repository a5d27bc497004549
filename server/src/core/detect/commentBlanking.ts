/**
 * The text with the inside of its comments blanked (each character a space, line breaks kept), for
 * the prefilter: a file whose only hits are in prose (`// … behind the billing feature (see …)`,
 * `@member {…} flags.`, `flags. See LFE-9778.`) calls nothing, yet on 13k real files such hits sent
 * more files to the parser than any SDK call did. The analysis never looks inside comments, so a
 * hit there is no reason to parse.
 *
 * A lexer without the parser's context cannot always tell a comment from text, so it blanks only
 * what is surely a comment and leaves the rest as it is (the prefilter then parses as before):
 * - strings and template literals (with `${…}` nested) are skipped, so `'https://…'` is no comment;
 * - a `/` starts a regular expression after an operator or a keyword like `return`, so `/https?:\/\//`
 *   is no comment;
 * - JSX text is not known here, and in it `//` and `/*` are text: `<a>https://docs</a>{flags.beta}`
 *   looks like a line comment. JSX text reaches code only inside `{…}` or from a `<` on, so what a
 *   comment holds there (`{@link X}`, `{number|null}`, `Array<T>` and all after it) is left;
 * - a block comment is blanked only when it ends (an unterminated `/*` is a syntax error, or text).
 */
export function blankComments(text: string): string {
  let out: string[] | undefined;
  let copied = 0;
  const blank = (from: number, to: number): void => {
    out ??= [];
    out.push(text.slice(copied, from), proseBlanked(text.slice(from, to)));
    copied = to;
  };
  /** For each open `{`: whether it opened a template's `${` (its `}` resumes the template's text). */
  const braces: boolean[] = [];
  let i = 0;
  const n = text.length;
  SPECIAL.lastIndex = 0;
  while (i < n) {
    SPECIAL.lastIndex = i;
    const m = SPECIAL.exec(text);
    if (!m) break;
    const at = m.index;
    const ch = text.charCodeAt(at);
    if (ch === SLASH) {
      const next = text.charCodeAt(at + 1);
      if (next === SLASH) {
        const end = lineEnd(text, at);
        blank(at + 2, end);
        i = end;
      } else if (next === STAR) {
        const end = text.indexOf('*/', at + 2);
        if (end === -1) break;
        blank(at + 2, end);
        i = end + 2;
      } else if (regexMayStart(text, at)) {
        i = regexEnd(text, at) ?? at + 1;
      } else i = at + 1;
    } else if (ch === QUOTE || ch === DOUBLE_QUOTE) {
      i = stringEnd(text, at, ch);
    } else if (ch === BACKTICK) {
      i = templateTextEnd(text, at + 1, braces);
    } else if (ch === OPEN_BRACE) {
      braces.push(false);
      i = at + 1;
    } else {
      // `}`: either a block's or object's end, or the end of a template's `${…}`.
      i = braces.pop() === true ? templateTextEnd(text, at + 1, braces) : at + 1;
    }
  }
  if (out === undefined) return text;
  out.push(text.slice(copied));
  return out.join('');
}

const SPECIAL = /[/'"`{}]/g;
const SLASH = 0x2f;
const STAR = 0x2a;
const BACKSLASH = 0x5c;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const BACKTICK = 0x60;
const OPEN_BRACE = 0x7b;
const NEWLINE = 0x0a;
const DOLLAR = 0x24;

/**
 * A comment's text with its prose blanked: all but what is inside braces and what follows a `<`,
 * where code could be if the comment is really JSX text.
 */
function proseBlanked(comment: string): string {
  if (!/[{<]/.test(comment)) return comment.replace(/[^\n\r]/g, ' ');
  let out = '';
  let depth = 0;
  for (let i = 0; i < comment.length; i++) {
    const c = comment[i]!;
    if (c === '<') return out + comment.slice(i);
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    out += depth > 0 || c === '{' || c === '}' || c === '\n' || c === '\r' ? c : ' ';
  }
  return out;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** Past a quoted string; a string cannot span lines (an unterminated one ends at the line's end). */
function stringEnd(text: string, at: number, quote: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === quote) return i + 1;
    else if (c === NEWLINE) return i;
  }
  return text.length;
}

/** Past a template's text from `from`: to its closing backtick, or into a `${` (recorded in `braces`). */
function templateTextEnd(text: string, from: number, braces: boolean[]): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === BACKTICK) return i + 1;
    else if (c === DOLLAR && text.charCodeAt(i + 1) === OPEN_BRACE) {
      braces.push(true);
      return i + 2;
    }
  }
  return text.length;
}

/** Past a regular expression literal starting at `at`, or undefined when none ends on its line. */
function regexEnd(text: string, at: number): number | undefined {
  let inClass = false;
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === NEWLINE) return undefined;
    else if (c === 0x5b /* [ */) inClass = true;
    else if (c === 0x5d /* ] */) inClass = false;
    else if (c === SLASH && !inClass) return i + 1;
  }
  return undefined;
}

/**
 * Whether a `/` here starts a regular expression rather than dividing: after a value (a name, a
 * number, `)`, `]`, `}`, a string's end, `x++`) it divides, except after the keywords that take an
 * expression.
 */
function regexMayStart(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && WHITESPACE.test(text[j]!)) j--;
  if (j < 0) return true;
  const c = text[j]!;
  if (c === ')' || c === ']' || c === '}' || c === '"' || c === "'" || c === '`') return false;
  if ((c === '+' || c === '-') && text[j - 1] === c) return false;
  if (!WORD_CHAR.test(c)) return true;
  let k = j;
  while (k >= 0 && WORD_CHAR.test(text[k]!)) k--;
  return EXPRESSION_KEYWORDS.has(text.slice(k + 1, j + 1));
}

const WHITESPACE = /\s/;
const WORD_CHAR = /[\w$]/;
const EXPRESSION_KEYWORDS = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
