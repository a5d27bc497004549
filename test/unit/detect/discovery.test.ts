import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ScanDiscovery } from '../../../server/src/core/detect/discover';
import { fixturePath } from './scanFixture';
import { must } from '../../helpers/must';

/**
 * Discovery of an in-house flag API from the code alone (what `flaglint init` proposes for the
 * registry's scan section). Fixture: test/fixtures/detect/discovery (no registry).
 */
describe('detection: discovering the in-house flag API', () => {
  const root = fixturePath('discovery');
  const discover = (known = new Set<string>()): ScanDiscovery => {
    const d = new ScanDiscovery(root, known);
    for (const rel of ['src/licensing/flags.ts', 'src/licensing/gates.ts', 'src/settings/menu.ts']) {
      const file = path.join(root, rel);
      d.addFile(file, fs.readFileSync(file, 'utf8'));
    }
    return d;
  };

  it('proposes functions named like a flag read that get a key, and collections tested for a key, each with a reason and a place', () => {
    assert.deepEqual(
      discover()
        .proposals()
        .map((p) => [p.kind, p.name, p.sites, p.example]),
      [
        ['function', 'getLicenseFeatureFlag', 2, 'src/licensing/gates.ts:4'],
        ['collection', 'organization.features', 2, 'src/settings/menu.ts:8'],
        ['function', 'evaluateFlag', 1, 'src/licensing/gates.ts:12'],
      ],
    );
    assert.match(must(discover().proposals()[1]).why, /tests it with \.includes\(\)/);
  });

  it('proposes no setter (setFeatureFlag), no list that is not named like flags (tags), and nothing for places already counted', () => {
    const names = discover()
      .proposals()
      .map((p) => p.name);
    assert.ok(!names.includes('setFeatureFlag'));
    assert.ok(!names.some((n) => n.includes('tags')));
    const known = new Set([
      `${path.join(root, 'src/licensing/gates.ts')}:4`,
      `${path.join(root, 'src/licensing/gates.ts')}:8`,
    ]);
    assert.ok(
      !discover(known)
        .proposals()
        .some((p) => p.name === 'getLicenseFeatureFlag'),
    );
  });

  it('does not parse a file whose text names no flag read', () => {
    assert.equal(ScanDiscovery.wants('export const total = (a: number, b: number) => a + b;\n'), false);
    assert.equal(ScanDiscovery.wants("if (isFeatureOn('x')) go();\n"), true);
  });
});
