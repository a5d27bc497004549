/**
 * Registry bytes to text. A registry is UTF-8 (a UTF-8 byte order mark is dropped, as editors do,
 * so positions agree with theirs). UTF-16 is refused with its name rather than decoded: every
 * writer of registries (quick fixes, remove, init, import) writes UTF-8, and half a file's
 * encoding changing under an edit is worse than one clear error. Invalid UTF-8 is reported at
 * the first bad byte, since U+FFFD replacement would turn keys into something else unseen.
 */
export type Decoded = { text: string } | { error: string; line: number; character: number };

export function decodeRegistryBytes(buf: Uint8Array): Decoded {
  if (buf[0] === 0xff && buf[1] === 0xfe) return utf16('UTF-16 LE');
  if (buf[0] === 0xfe && buf[1] === 0xff) return utf16('UTF-16 BE');
  const bad = firstInvalidUtf8(buf);
  if (bad !== undefined) {
    const { line, character } = positionOf(buf, bad);
    const byte = (buf[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return {
      error: `it is not valid UTF-8: byte 0x${byte} at line ${line + 1}, column ${character + 1} (byte ${bad}) is not part of a UTF-8 character; save the file as UTF-8`,
      line,
      character,
    };
  }
  const text = new TextDecoder('utf-8').decode(buf);
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function utf16(name: string): Decoded {
  return {
    error: `it is encoded as ${name} (it starts with a UTF-16 byte order mark); Flaglint reads and writes registries as UTF-8, so save it as UTF-8`,
    line: 0,
    character: 0,
  };
}

/** The offset of the first byte that does not start a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(buf: Uint8Array): number | undefined {
  for (let i = 0; i < buf.length;) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // Lead byte: how many continuation bytes, and the allowed range of the first one (no overlongs,
    // no surrogates, nothing above U+10FFFF), as in the Unicode standard's table 3-7.
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = buf[i + k];
      // A broken sequence is reported at its lead byte: in a Latin-1 file that is the 'é' itself.
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return undefined;
}

/** Line and column (in UTF-16 units, as every other position) of a byte offset in valid-so-far UTF-8. */
function positionOf(buf: Uint8Array, offset: number): { line: number; character: number } {
  let lineStart = 0;
  let line = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: new TextDecoder('utf-8').decode(buf.subarray(lineStart, offset)).length };
}
