import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { removeFlag } from '../../../server/src/core/remove';
import { applyResult, assertMatchesAfter, copyWorkspace, FIXTURES, scanned } from './fixtureWorkspace';

/**
 * One before/after pair per case under test/fixtures/remove/<case>/: the engine scans `before/`,
 * the flag named in case.json is removed keeping its value, and the result must equal `after/`
 * byte for byte, with the verification outcome and the warnings case.json expects.
 */
interface Case {
  description: string;
  key: string;
  value: unknown;
  /** Expected verification outcome (default true). */
  verifies?: boolean;
  /** Substrings of expected new type errors. */
  errors?: string[];
  /** Substrings each of which some warning must contain. */
  warnings?: string[];
  /** Substrings each of which some hint (TODOs, functions no longer called) must contain. */
  hints?: string[];
  /** Substrings no hint may contain. */
  noHints?: string[];
  /** Expected number of references rewritten. */
  references?: number;
}

describe('remove: before/after fixtures', function () {
  this.timeout(120_000);
  const cases = fs.readdirSync(FIXTURES).filter((d) => fs.existsSync(path.join(FIXTURES, d, 'case.json')));

  for (const name of cases) {
    const spec = JSON.parse(fs.readFileSync(path.join(FIXTURES, name, 'case.json'), 'utf8')) as Case;
    it(`${name}: ${spec.description}`, async () => {
      const root = copyWorkspace(name);
      try {
        const index = await scanned(root);
        const result = await removeFlag({ index, key: spec.key, value: spec.value });
        if (spec.references !== undefined) assert.equal(result.references, spec.references, 'references rewritten');
        const expectOk = spec.verifies ?? true;
        assert.equal(
          result.verification.ok,
          expectOk,
          `verification: ${JSON.stringify(result.verification.newErrors, null, 2)}`,
        );
        for (const e of spec.errors ?? []) {
          assert.ok(
            result.verification.newErrors.some((n) => n.message.includes(e)),
            `expected a new error containing "${e}", got ${JSON.stringify(result.verification.newErrors)}`,
          );
        }
        for (const w of spec.warnings ?? []) {
          assert.ok(
            result.warnings.some((x) => x.includes(w)),
            `expected a warning containing "${w}", got ${JSON.stringify(result.warnings)}`,
          );
        }
        for (const h of spec.hints ?? []) {
          assert.ok(
            result.hints.some((x) => x.includes(h)),
            `expected a hint containing "${h}", got ${JSON.stringify(result.hints)}`,
          );
        }
        for (const h of spec.noHints ?? []) {
          assert.ok(
            !result.hints.some((x) => x.includes(h)),
            `unexpected hint "${h}" in ${JSON.stringify(result.hints)}`,
          );
        }
        applyResult(result);
        assertMatchesAfter(root, name);
      } finally {
        fs.rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
