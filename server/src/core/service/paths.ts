import * as path from 'node:path';

/** Whether `file` is `folder` or inside it. */
export function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
