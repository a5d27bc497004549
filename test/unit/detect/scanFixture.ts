import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import type { ScanResult } from '../../../server/src/core/engine/types';
import type { DynamicReference, FlagReference, Location } from '../../../server/src/core/model';
import { must } from '../../helpers/must';

/** test/fixtures/detect, from out/test/unit/detect at run time. */
export const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/detect');

export function fixturePath(name: string): string {
  return path.join(FIXTURES, name);
}

/** A full scan of a folder, as the CLI and the editor run it (no cache, fixed date). */
export async function scanFolder(root: string): Promise<ScanResult> {
  return new FlagIndex({ root, cacheDir: false, now: new Date('2026-10-01T00:00:00Z') }).scan();
}

export async function scanFixture(name: string): Promise<ScanResult> {
  return scanFolder(fixturePath(name));
}

/** The source text a location covers (positions are 0-based lines and UTF-16 columns). */
export function textAt(location: Location): string {
  const lines = fs.readFileSync(location.file, 'utf8').split('\n');
  const { start, end } = location.range;
  if (start.line === end.line) return must(lines[start.line]).slice(start.character, end.character);
  return [
    must(lines[start.line]).slice(start.character),
    ...lines.slice(start.line + 1, end.line),
    must(lines[end.line]).slice(0, end.character),
  ].join('\n');
}

/**
 * One line per reference, with what a user would check: the 1-based line, the text the key
 * location covers, the key, kind/keyForm, source:callee, value type and literal fallback.
 * `L14 'new-checkout' → new-checkout call/literal launchdarkly:variation boolean =false`
 */
export function describeReference(ref: FlagReference): string {
  const parts = [
    `L${ref.location.range.start.line + 1}`,
    textAt(ref.location),
    '→',
    ref.key,
    `${ref.kind}/${ref.keyForm}`,
    `${ref.source}:${ref.callee}`,
  ];
  if (ref.valueType) parts.push(ref.valueType);
  if ('defaultValue' in ref) parts.push(`=${JSON.stringify(ref.defaultValue)}`);
  return parts.join(' ');
}

/** `L5 `beta-${name}` launchdarkly:variation — part of the template is not constant: …` */
export function describeDynamic(d: DynamicReference): string {
  return `L${d.location.range.start.line + 1} ${textAt(d.location)} ${d.source}:${d.callee} — ${d.reason}`;
}

function inFile<T extends { location: Location }>(items: T[], root: string, rel: string): T[] {
  const file = path.join(root, rel);
  return items
    .filter((i) => i.location.file === file)
    .sort(
      (a, b) =>
        a.location.range.start.line - b.location.range.start.line ||
        a.location.range.start.character - b.location.range.start.character,
    );
}

/** The references of one file (path relative to the scanned root), in source order. */
export function refsIn(result: ScanResult, rel: string): string[] {
  return inFile(result.references, result.root, rel).map(describeReference);
}

export function dynamicIn(result: ScanResult, rel: string): string[] {
  return inFile(result.dynamic, result.root, rel).map(describeDynamic);
}

/** Files (relative, posix) that hold at least one reference or dynamic reference. */
export function filesWithFindings(result: ScanResult): string[] {
  const files = new Set(
    [...result.references, ...result.dynamic].map((r) =>
      path.relative(result.root, r.location.file).split(path.sep).join('/'),
    ),
  );
  return [...files].sort();
}
