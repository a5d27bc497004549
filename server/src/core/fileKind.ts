import type * as fs from 'node:fs';

/**
 * What a path that is not a regular file is, in words for a message ("a folder", "a FIFO"), or
 * undefined for a regular file. Callers stat before they open: opening a FIFO for reading blocks
 * until some writer appears, and reading a device such as /dev/zero never ends.
 */
export function nonFileKind(st: fs.Stats): string | undefined {
  if (st.isFile()) return undefined;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'a special file';
}
