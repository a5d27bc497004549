/**
 * Control characters made visible in human-readable output. File names, flag keys and registry
 * text reach reports verbatim, and a newline in a file name would forge a report line, an ESC
 * would drive the terminal (clear the screen, recolour, retitle), a bidi override would show
 * text in an order other than the bytes'. C0 and C1 controls, DEL, the Unicode line and paragraph
 * separators and the bidi embedding/override/isolate/mark characters are written as escapes.
 * Machine formats (JSON, SARIF, CSV) have their own quoting and are left alone.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_BUT_NEWLINE =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

function escapeOne(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One field of a line (a path, a key, a message): every control character escaped, newlines included. */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeOne);
}

/** A message whose own line breaks are meant (stderr status text): everything but `\n` escaped. */
export function escapeControlKeepingLines(text: string): string {
  return text.replace(CONTROL_BUT_NEWLINE, escapeOne);
}
