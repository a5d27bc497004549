import * as fs from 'node:fs';
import type { ScanNote } from '../model';

/** Larger files are generated bundles or data, never hand-written flag code. */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export type SourceRead = { text: string; size: number; mtimeMs: number } | { note: ScanNote };

/** Reads a source file, turning every way it can go wrong into a note instead of an exception. */
export function readSource(file: string): SourceRead {
  let buf: Buffer;
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
    if (st.size > MAX_SOURCE_BYTES) {
      return { note: { file, kind: 'too-large', message: `${file} is ${(st.size / 1048576).toFixed(1)} MB (over ${MAX_SOURCE_BYTES / 1048576} MB); skipped as generated code` } };
    }
    buf = fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { note: { file, kind: 'vanished', message: `${file} disappeared during the scan` } };
    return { note: { file, kind: 'unreadable', message: `cannot read ${file}: ${(err as Error).message}` } };
  }
  if (buf.subarray(0, 8192).includes(0)) {
    return { note: { file, kind: 'binary', message: `${file} looks binary (it contains NUL bytes); skipped` } };
  }
  return { text: buf.toString('utf8'), size: st.size, mtimeMs: st.mtimeMs };
}
