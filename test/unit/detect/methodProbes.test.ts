import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFile } from '../../../server/src/core/detect/analyzeFile';
import { createDetectorConfig, type DetectorConfig } from '../../../server/src/core/detect/detectorConfig';
import { methodProbesOf } from '../../../server/src/core/detect/methodProbes';
import { defaultScan } from '../../../server/src/core/registry/defaults';

/**
 * The wrapper catch-up skips re-analysing a file when its analysis asked about none of the new
 * method wrapper names (engine/flagIndex.ts, detect/methodProbes.ts). That rests on one claim:
 * method wrapper names that the analysis did not look up leave a file's facts exactly as they were.
 * Checked on every detection fixture, with every word of the file that was not looked up.
 */
describe('method wrapper names an analysis did not look up', () => {
  const repo = path.resolve(__dirname, '../../../..');
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(p);
      return /\.(ts|tsx|js|jsx|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
    });
  const files = [
    ...sources(path.join(repo, 'test/fixtures/detect')),
    ...sources(path.join(repo, 'test/fixtures/parser-only')),
  ];
  const base = createDetectorConfig([{ ...defaultScan(), collections: ['features', 'flags.*'] }]);
  const withMethods = (names: Iterable<string>): DetectorConfig => ({ ...base, methodWrappers: new Set(names) });

  it('leave the facts of every fixture file as they are', () => {
    assert.ok(files.length > 50);
    let probedSome = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const before = analyzeFile(file, text, base);
      const probed = methodProbesOf(before);
      assert.ok(probed, file);
      if (probed.size > 0) probedSome++;
      const others = [...new Set(text.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((w) => !probed.has(w));
      assert.deepEqual(analyzeFile(file, text, withMethods(others)), before, file);
    }
    assert.ok(probedSome > 10, 'the fixtures call methods that the analysis looks up');
  });

  it('a looked-up name can change them: a method wrapper call becomes a candidate', () => {
    const file = '/app/src/billing.ts';
    const text = "import { flags } from './flags';\nexport const on = flags.gateOn('new-billing');\n";
    const before = analyzeFile(file, text, base);
    assert.ok(methodProbesOf(before)?.has('gateOn'));
    const after = analyzeFile(file, text, withMethods(['gateOn']));
    assert.equal(after.calls.length, before.calls.length + 1);
  });
});
