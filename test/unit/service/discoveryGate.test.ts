import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { ScanDiscovery } from '../../../server/src/core/detect/discover';
import { isTestFile } from '../../../server/src/core/detect/testFiles';
import { walkWorkspace } from '../../../server/src/core/engine/fileWalker';
import { DISCOVERY_WORDS, proposeScan } from '../../../server/src/core/service/discovery';
import { REPO_ROOT } from '../../helpers/workspace';

/**
 * `proposeScan` decodes only files whose bytes hold one of a few words: that must never leave out a
 * file the discovery prefilter would have selected.
 */
describe('discovery reads only the files its prefilter can select', () => {
  it('every text the discovery prefilter selects holds one of the gate words', () => {
    const names = [
      'getFlag',
      'isFeatureOn',
      'useToggle',
      'flags',
      'features',
      'toggles',
      'Flags',
      'hasFeature',
      'readSettings',
      'getConfig',
      'x',
    ];
    const tail = fc.constantFrom('(', '<string>(', ' (', '.', '?.', '[', ')', ' ', '\n', '');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...names), tail, fc.string({ maxLength: 4 })), { maxLength: 6 }),
        (parts) => {
          const text = parts.map(([n, t, s]) => n + t + s).join(' ');
          if (ScanDiscovery.wants(text))
            assert.ok(
              DISCOVERY_WORDS.some((w) => text.includes(w)),
              text,
            );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('proposes what reading every file would, on the fixture workspaces', () => {
    for (const rel of ['test/fixtures/detect/discovery', 'examples/shop']) {
      const root = path.join(REPO_ROOT, rel);
      const all = new ScanDiscovery(root, new Set());
      for (const file of walkWorkspace(root).files)
        if (!isTestFile(file, undefined, root)) all.addFile(path.resolve(file), fs.readFileSync(file, 'utf8'));
      const noResult = {
        root,
        registries: [],
        references: [],
        dynamic: [],
        findings: [],
        notes: [],
        stats: { files: 0, parsed: 0, cached: 0, ms: 0 },
      };
      assert.deepEqual(proposeScan(root, noResult), all.proposals(), rel);
    }
  });
});
