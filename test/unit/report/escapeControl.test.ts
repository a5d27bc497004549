import * as assert from 'node:assert/strict';
import { escapeControl, escapeControlKeepingLines } from '../../../server/src/core/report/escapeControl';

describe('escaping control characters for human-readable output', () => {
  it('writes out C0 and C1 controls, DEL, line separators and bidi controls', () => {
    assert.equal(
      escapeControl('a\nb\rc\td\u001b[2Je\u0000f\u007fg\u0085h\u2028i\u202ej\u2066k\u200fl'),
      String.raw`a\nb\rc\td\e[2Je\x00f\x7fg\x85h\u2028i\u202ej\u2066k\u200fl`,
    );
  });

  it('leaves ordinary text alone: accents, CJK, emoji, backslashes and quotes', () => {
    const text = String.raw`café 中文 🚀 C:\path "quoted" 'single' /^(a+)+$/`;
    assert.equal(escapeControl(text), text);
  });

  it('can keep the line breaks a status message means, escaping the rest', () => {
    assert.equal(
      escapeControlKeepingLines('registry problems:\n  flags.yaml\u001b[31m: bad\r'),
      String.raw`registry problems:` + '\n' + String.raw`  flags.yaml\e[31m: bad\r`,
    );
  });
});
