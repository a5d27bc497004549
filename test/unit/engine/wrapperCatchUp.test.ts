import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
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
});
