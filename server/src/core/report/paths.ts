import * as path from 'node:path';

/** A path as reports print it: relative to `baseDir` with forward slashes (absolute when on another drive). */
export function displayPath(file: string, baseDir: string): string {
  const rel = path.relative(baseDir, file);
  if (rel === '') return '.';
  if (path.isAbsolute(rel)) return file.split(path.sep).join('/');
  return rel.split(path.sep).join('/');
}
