import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { WrapperCatchUp } from '../../../server/src/core/engine/wrapperCatchUp';
import { NOW, copyWorkspace, summarize } from '../../helpers/workspace';

/**
 * Wrappers learnt during a cold scan send the files that call them to the parser (flagIndex.ts,
 * wrapperCatchUp.ts). A wrapper that reads its key from an options property (`withTeam(handler,
 * { featureFlag })`, the shape of dub's withWorkspace) yields a reference only where a call names
 * that property: the routes that pass no flag must cost no parse, and the answer must be the one
 * every file analysed on its own gives.
 */
describe('the catch-up for wrapper names learnt during a scan', function () {
  this.timeout(60_000);
  const FIXTURE = 'test/fixtures/workspaces/team-routes';
  const NO_FLAG_ROUTES = ['projects', 'members', 'billing', 'domains'].map((r) => `src/app/api/${r}/route.ts`);

  const scan = async (root: string) => {
    const index = new FlagIndex({ root, cacheDir: false, now: NOW });
    const result = await index.scan();
    return { index, result };
  };

  it('finds the key where a route passes it, inline or by shorthand through a constant', async () => {
    const ws = copyWorkspace(FIXTURE);
    try {
      const { result } = await scan(ws.root);
      assert.deepEqual(
        summarize(result).references.map((r) => r.split(' ').slice(0, 2).join(' ')),
        [
          'team-audit-log->team-audit-log src/app/api/audit-log/route.ts:5:41',
          'team-webhooks->team-webhooks src/app/api/webhooks/route.ts:7:3',
        ],
      );
    } finally {
      ws.cleanup();
    }
  });

  it('parses none of the routes that call the wrapper without the property', async () => {
    const ws = copyWorkspace(FIXTURE);
    try {
      const all = (await scan(ws.root)).result;
      for (const route of NO_FLAG_ROUTES) {
        assert.match(fs.readFileSync(path.join(ws.root, route), 'utf8'), /withTeam\(/, route);
        fs.rmSync(path.join(ws.root, route));
      }
      const without = (await scan(ws.root)).result;
      assert.equal(all.stats.files, without.stats.files + NO_FLAG_ROUTES.length);
      assert.equal(all.stats.parsed, without.stats.parsed, 'the four routes without featureFlag were parsed');
      assert.deepEqual(summarize(without), summarize(all));
    } finally {
      ws.cleanup();
    }
  });

  it('lists references in walk order, not in the order the scan came to analyse their files', async () => {
    const ws = copyWorkspace(FIXTURE);
    try {
      // A direct evaluation in lib/, which the first pass analyses before the routes' round.
      fs.writeFileSync(
        path.join(ws.root, 'src/lib/auditRetention.ts'),
        [
          "import { ldClient } from './launchdarkly';",
          '',
          'export async function auditRetentionDays(teamId: string): Promise<number> {',
          "  const on = await ldClient().boolVariation('team-audit-log', { kind: 'team', key: teamId }, false);",
          '  return on ? 90 : 0;',
          '}',
          '',
        ].join('\n'),
      );
      const { result } = await scan(ws.root);
      const files = result.references.map((r) => path.relative(ws.root, r.location.file));
      // The routes are analysed in a round after lib/ (where the wrapper is learnt), yet come first.
      assert.ok(
        files.some((f) => f.startsWith('src/app/')) && files.some((f) => f.startsWith('src/lib/')),
        files.join(', '),
      );
      assert.deepEqual(files, [...files].sort());
    } finally {
      ws.cleanup();
    }
  });

  it('gives what analysing every file on its own gives', async () => {
    const ws = copyWorkspace(FIXTURE);
    try {
      const { index, result } = await scan(ws.root);
      const scanned = summarize(result).references;
      const oneByOne: string[] = [];
      for (const file of index.sourceFiles()) {
        // An editor buffer's text is always analysed, whatever the prefilter would say of it.
        const r = index.fileResult(file, fs.readFileSync(file, 'utf8') + '\n');
        oneByOne.push(...summarize({ ...result, references: r.references, dynamic: [], findings: [] }).references);
      }
      assert.deepEqual(oneByOne.sort(), scanned);
      assert.equal(scanned.length, 2);
    } finally {
      ws.cleanup();
    }
  });

  it('tests the bytes before decoding them without ever ruling out a file the decoded text calls a wrapper in', () => {
    const wrappers = new WrapperCatchUp([
      { name: 'withTeam', method: false, props: ['featureFlag'] },
      { name: 'FeatureGate', method: false },
      { name: 'isOn', method: true },
    ]);
    // Spaces, type arguments and text around the call, non-ASCII among them (UTF-8 bytes in the gate's view).
    const gap = fc.constantFrom('', ' ', '\n  ', '\u00a0', '\u2028', '\t');
    const typeArgs = fc.constantFrom('', '<Props>', '<{ label: "Überschrift" }>', `<${'Ä'.repeat(110)}>`);
    const name = fc.constantFrom('withTeam', 'FeatureGate', 'isOn', 'withTeams', 'xisOn');
    const call = fc
      .tuple(fc.constantFrom('', 'flags.', 'é', ' '), name, gap, typeArgs, gap, fc.constantFrom('(', '?.(', ''))
      .map(([before, n, g1, t, g2, open]) => `${before}${n}${g1}${t}${g2}${open}`);
    const piece = fc.oneof(call, fc.constantFrom('<FeatureGate flag="x" />', '{ featureFlag: "beta" }', 'ünïcödé'));
    let wanted = 0;
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }), (pieces) => {
        const text = pieces.join(' ');
        if (!wrappers.wants(text)) return;
        wanted++;
        assert.equal(wrappers.mayBeIn(Buffer.from(text, 'utf8')), true, JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    assert.ok(wanted > 300, `${wanted} texts call a wrapper`);
    assert.equal(wrappers.mayBeIn(Buffer.from('// withTeam is in app/lib\nconst isOnline = true;')), false);
  });
});
