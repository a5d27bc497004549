import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Registry } from '../model';

/**
 * Where a project's tests live when `scan.tests` does not say: test and spec files, and the test,
 * mock and fixture folders of the common runners (mocha, jest, vitest, playwright, cypress).
 * Tests evaluate real flags (those stay references) but also mock clients with made-up keys, so
 * the rules report an unregistered key seen only in tests at a lower severity.
 */
export const DEFAULT_TEST_GLOBS: readonly string[] = [
  '**/*.{test,spec,servertest,clienttest,e2e,e2e-spec,cy,stories}.{ts,tsx,mts,cts,js,jsx,mjs,cjs}',
  '**/{__tests__,__mocks__,__fixtures__,test,tests,e2e,cypress,playwright,fixtures,mocks}/**',
];

const cache = new WeakMap<Registry, picomatch.Matcher>();
const defaults = picomatch([...DEFAULT_TEST_GLOBS], { dot: true });

/**
 * Whether a file is a test of the project the registry governs. Globs are relative to the
 * registry's folder; a file outside it (a registry passed with `--registry` from elsewhere) is
 * matched by the path from `scanRoot`.
 */
export function isTestFile(file: string, registry: Registry | undefined, scanRoot: string): boolean {
  let matcher = defaults;
  if (registry?.scan.tests !== undefined) {
    matcher =
      cache.get(registry) ?? picomatch(registry.scan.tests.length ? registry.scan.tests : ['\0'], { dot: true });
    cache.set(registry, matcher);
  }
  const base = registry && !path.relative(registry.root, file).startsWith('..') ? registry.root : scanRoot;
  return matcher(path.relative(base, file).split(path.sep).join('/'));
}
