import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Location, RegistryProblem } from '../../../server/src/core/model';
import { must } from '../../helpers/must';

export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/registry');

export function fixture(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export function read(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

/** `line:character-line:character`, zero-based as in the model. */
export function span(loc: Location): string {
  const { start, end } = loc.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** A problem as one comparable line: severity, rule, range and message. */
export function brief(p: RegistryProblem): string {
  return `${p.severity} ${p.ruleId} ${span(p.location)} ${p.message}`;
}

/** The text a location covers. */
export function textAt(text: string, loc: Location): string {
  const lines = text.split('\n');
  const { start, end } = loc.range;
  if (start.line === end.line) return must(lines[start.line]).slice(start.character, end.character);
  return [
    must(lines[start.line]).slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    must(lines[end.line]).slice(0, end.character),
  ].join('\n');
}

/** A scratch copy of a fixture folder (tests that write files never touch the fixtures). */
export function scratchCopy(src: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-registry-'));
  fs.cpSync(src, dir, { recursive: true });
  return dir;
}

export function scratchDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-registry-'));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * What an edit changed, as lines: the longest common run of lines at the start and at the end are
 * byte-identical to the original; `removed` and `added` are what lies between. Asserting these
 * proves that everything else in the file was left exactly as it was.
 */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

/** Comment lines of a YAML text, in order. */
export function commentLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s*#/.test(l) || /\s#\s/.test(l));
}
