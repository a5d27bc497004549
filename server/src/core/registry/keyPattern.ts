import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';

/** A compiled `policy.keyPattern`: does a whole key match it. */
export interface KeyPattern {
  test(key: string): boolean;
}

/**
 * Compiles `policy.keyPattern` for RE2 (re2js), which matches in time linear in the key: a
 * registry is user input, and a backtracking pattern such as `^(a+)+$` would hang the CLI and
 * freeze the language server on one long key. The whole key must match, so the pattern is
 * anchored; it is first checked on its own so that `a)|(b` cannot balance the anchoring group.
 * Returns why the pattern cannot be used instead of throwing.
 */
export function compileKeyPattern(source: string): { pattern: KeyPattern } | { error: string } {
  try {
    RE2JS.compile(source);
    const re = RE2JS.compile(`^(?:${source})$`);
    return { pattern: { test: (key) => re.matches(key) } };
  } catch (e) {
    if (!(e instanceof RE2JSException)) throw e;
    return { error: whyNot(e) };
  }
}

/** The reason, in words: RE2 lacks backreferences and lookaround on purpose, which a user needs told. */
function whyNot(e: RE2JSException): string {
  const near = e instanceof RE2JSSyntaxException ? (e.input ?? '') : '';
  const unsupported = /^\\[1-9k]/.test(near)
    ? 'a backreference'
    : /^\(\?[=!]/.test(near)
      ? 'a lookahead'
      : /^\(\?<[=!]/.test(near)
        ? 'a lookbehind'
        : undefined;
  if (unsupported) {
    return `it uses ${unsupported} (\`${near.slice(0, 20)}\`), which Flaglint's linear-time matcher (RE2) does not support; write the pattern without it`;
  }
  const reason = e instanceof RE2JSSyntaxException ? e.error : e.message.replace(/^error parsing regexp: /, '');
  return near ? `${reason} at \`${near.slice(0, 20)}\`` : reason;
}
