import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FlagIndex } from '../../../server/src/core/engine/flagIndex';
import { attachTimelines } from '../../../server/src/core/history';

/**
 * The editor rescans a folder in the same process (settings change, a new day, a new `scan:`
 * section). Its registries come from the registry cache then; dating an undated flag from git must
 * not write into the cached entry, or the second scan sees a `created` the file does not have and
 * the "git says" hint disappears.
 */
describe('rescan with the registry history', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-rescan-'));
    const root = path.join(dir, 'ws');
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'flags.yaml'),
      [
        'policy:',
        '  maxAgeDays:',
        '    release: 90',
        'flags:',
        '  search-v2:',
        '    description: The new search backend',
        '    owner: "@acme/search"',
        '    type: release',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({ name: 'search', dependencies: { '@launchdarkly/node-server-sdk': '^9.0.0' } }),
    );
    fs.writeFileSync(
      path.join(root, 'src/search.ts'),
      [
        "import { init } from '@launchdarkly/node-server-sdk';",
        '',
        "const ld = init(process.env.LD_SDK_KEY ?? '');",
        '',
        "export const searchV2 = (key: string) => ld.variation('search-v2', { key }, false);",
        '',
      ].join('\n'),
    );
    const git = (...args: string[]): void => {
      execFileSync(
        'git',
        ['-c', 'core.hooksPath=/dev/null', '-c', 'user.name=Dana', '-c', 'user.email=dana@acme.example', ...args],
        { cwd: root, stdio: 'ignore' },
      );
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'search-v2 behind a flag');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the git-dated hint on every scan, and leaves the entry undated', async function () {
    this.timeout(20000);
    const index = new FlagIndex({
      root: path.join(dir, 'ws'),
      cacheDir: path.join(dir, 'cache'),
      now: new Date('2026-12-02T00:00:00Z'),
      beforeFindings: async (registries) => (await attachTimelines(registries)).registries,
    });
    const hints = (findings: { ruleId: string; message: string }[]): string[] =>
      findings.filter((f) => f.ruleId === 'missing-created').map((f) => f.message);
    const first = await index.scan();
    assert.equal(hints(first.findings).length, 1);
    assert.match(hints(first.findings)[0]!, /git says its entry was added on \d{4}-\d{2}-\d{2} by Dana/);
    const second = await index.scan();
    assert.deepEqual(hints(second.findings), hints(first.findings));
  });

  it('keeps the history through an edit of the registry buffer, and drops the hint once the entry is dated', async function () {
    this.timeout(20000);
    const root = path.join(dir, 'ws');
    const index = new FlagIndex({
      root,
      cacheDir: false,
      now: new Date('2026-12-02T00:00:00Z'),
      beforeFindings: async (registries) => (await attachTimelines(registries)).registries,
    });
    const hints = (): string[] =>
      index
        .result()
        .findings.filter((f) => f.ruleId === 'missing-created')
        .map((f) => f.message);
    await index.scan();
    const before = hints();
    assert.equal(before.length, 1);
    const registry = path.join(root, 'flags.yaml');
    const text = fs.readFileSync(registry, 'utf8');
    await index.updateRegistry(
      registry,
      text.replace(
        '    description: The new search backend\n',
        '    description: The new search backend (ranked results)\n',
      ),
    );
    assert.deepEqual(hints(), before, 'a description edit leaves the git-dated hint as it was');
    await index.updateRegistry(
      registry,
      text.replace('    type: release\n', '    type: release\n    created: 2026-11-30\n'),
    );
    assert.deepEqual(hints(), [], 'dated by hand: nothing to hint');
  });
});
