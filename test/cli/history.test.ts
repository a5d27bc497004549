import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { flaglint, requireBuiltCli } from './helpers/flaglint';
import { gitRepo, type GitRepo } from './helpers/gitRepo';

const REGISTRY_V1 = `owners: ["@payments", "@growth"]
flags:
  new-checkout:
    description: One-page checkout
    owner: "@payments"
    type: release
    status: active
    rollback: Turn the flag off; orders placed meanwhile stay valid.
    expires: 2026-06-01
  search-ranking-test:
    description: Ranks search results by margin
    owner: "@growth"
    type: experiment
    status: active
`;

const CHECKOUT_TS = `import { OpenFeature } from '@openfeature/server-sdk';
const client = OpenFeature.getClient();
export async function checkoutPage(user: { id: string }): Promise<string> {
  const onePage = await client.getBooleanValue('new-checkout', false, { targetingKey: user.id });
  return onePage ? 'one-page' : 'classic';
}
`;

const SEARCH_TS = `import { OpenFeature } from '@openfeature/server-sdk';
const client = OpenFeature.getClient();
export async function rank(ids: string[]): Promise<string[]> {
  return (await client.getBooleanValue('search-ranking-test', false)) ? [...ids].reverse() : ids;
}
`;

interface HistoryJson {
  key: string;
  shallow: boolean;
  truncated: boolean;
  added?: { author: string; date: string; subject: string };
  lastChanged?: { author: string; date: string };
  statusSince?: { author: string; date: string };
  firstInCode?: { author: string; date: string };
  changes: {
    kind: string;
    stamp?: { author: string; date: string };
    fields: { field: string; from?: unknown; to?: unknown }[];
  }[];
}

/** A shop whose registry Ana started, Cy wired into the code, and Bo rolled out and re-owned. */
function shopRepo(): GitRepo {
  const repo = gitRepo();
  repo.commit({ 'flags.yaml': REGISTRY_V1 }, 'Ana Lima', '2026-03-02', 'Register new-checkout and the ranking test');
  repo.commit(
    { 'src/checkout.ts': CHECKOUT_TS, 'src/search.ts': SEARCH_TS },
    'Cy Park',
    '2026-03-04',
    'Evaluate the flags',
  );
  const v2 = REGISTRY_V1.replace('status: active\n    rollback', 'status: rolled-out\n    rollback').replace(
    'expires: 2026-06-01',
    'expires: 2026-07-01',
  );
  repo.commit({ 'flags.yaml': v2 }, 'Bo Chen', '2026-05-10', 'Roll out new-checkout');
  const v3 = v2.replace('owners: ["@payments", "@growth"]', 'owners: ["@payments"]');
  repo.commit({ 'flags.yaml': v3 }, 'Ana Lima', '2026-06-20', 'Growth team disbanded');
  return repo;
}

describe('flaglint history', () => {
  before(requireBuiltCli);
  let repo: GitRepo;
  before(() => (repo = shopRepo()));
  after(() => repo.remove());

  const history = (key: string, cwd: string, ...extra: string[]): HistoryJson => {
    const run = flaglint(['history', key, '--format', 'json', ...extra], { cwd });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as HistoryJson;
  };

  it('tells who added the entry, who changed what, and when the code first evaluated it', () => {
    const h = history('new-checkout', repo.dir);
    assert.equal(h.added?.author, 'Ana Lima');
    assert.match(h.added.date, /^2026-03-02/);
    assert.equal(h.lastChanged?.author, 'Bo Chen');
    assert.match(h.statusSince!.date, /^2026-05-10/);
    assert.equal(h.firstInCode?.author, 'Cy Park');
    assert.deepEqual(
      h.changes.map((c) => [c.kind, c.stamp?.author]),
      [
        ['added', 'Ana Lima'],
        ['changed', 'Bo Chen'],
      ],
    );
    assert.deepEqual(h.changes[1]!.fields, [
      { field: 'status', from: 'active', to: 'rolled-out' },
      { field: 'expires', from: '2026-06-01', to: '2026-07-01' },
    ]);
    assert.equal(h.truncated, false);
  });

  it('prints the trail as text, uncommitted edits last, and finds an entry by its alias-free key from a subfolder', () => {
    fs.writeFileSync(
      path.join(repo.dir, 'flags.yaml'),
      fs.readFileSync(path.join(repo.dir, 'flags.yaml'), 'utf8').replace('owner: "@payments"', 'owner: "@web"'),
    );
    try {
      const run = flaglint(['history', 'new-checkout', '--path', 'src'], { cwd: repo.dir });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, /^new-checkout \(flags\.yaml\)\n/);
      assert.match(
        run.stdout,
        /added {9}2026-03-02 by Ana Lima in [0-9a-f]{7} "Register new-checkout and the ranking test"/,
      );
      assert.match(
        run.stdout,
        /2026-05-10 {2}[0-9a-f]{7} {2}Bo Chen {2}status: active → rolled-out; expires: 2026-06-01 → 2026-07-01/,
      );
      assert.match(run.stdout, /uncommitted {2}owner: @payments → @web\n/);
    } finally {
      repo.git('checkout', '--', 'flags.yaml');
    }
  });

  it('says clearly when a key was never registered', () => {
    const run = flaglint(['history', 'no-such-flag'], { cwd: repo.dir });
    assert.equal(run.status, 2);
    assert.match(run.stderr, /'no-such-flag' has never been in flags\.yaml \(3 commits read\)/);
  });

  it('on a shallow clone, says the history is cut instead of dating the flag by the clone', () => {
    const clone = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-shallow-'));
    try {
      execFileSync('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone], {
        env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
      });
      const h = history('new-checkout', clone);
      assert.equal(h.shallow, true);
      assert.equal(h.truncated, true);
      assert.equal(h.added, undefined);
      assert.equal(h.firstInCode, undefined);
      const text = flaglint(['history', 'new-checkout'], { cwd: clone });
      assert.match(text.stdout, /added {9}before the oldest commit this shallow clone holds \(history cut/);
    } finally {
      fs.rmSync(clone, { recursive: true, force: true });
    }
  });

  it('outside a git repository, exits 2 saying so', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-nogit-'));
    try {
      fs.writeFileSync(path.join(dir, 'flags.yaml'), REGISTRY_V1);
      const run = flaglint(['history', 'new-checkout'], { cwd: dir });
      assert.equal(run.status, 2);
      assert.match(run.stderr, /no history for flags\.yaml: .* is not inside a git repository/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flaglint check with the git history', () => {
  before(requireBuiltCli);
  let repo: GitRepo;
  before(() => (repo = shopRepo()));
  after(() => repo.remove());

  const findings = (
    now: string,
    cwd = repo.dir,
    ...extra: string[]
  ): { ruleId: string; message: string; flagKey?: string }[] => {
    const run = flaglint(['check', '.', '--format', 'json', '--no-cache', '--now', now, ...extra], { cwd });
    assert.ok(run.status === 0 || run.status === 1, run.stderr);
    return (JSON.parse(run.stdout) as { findings: { ruleId: string; message: string; flagKey?: string }[] }).findings;
  };

  it('infers a missing `created` from the commit that added the entry, and the age rules use it', () => {
    const all = findings('2026-06-15');
    const hint = all.find((f) => f.ruleId === 'missing-created' && f.flagKey === 'search-ranking-test');
    assert.match(hint?.message ?? '', /git says its entry was added on 2026-03-02 by Ana Lima \(commit [0-9a-f]{7}\)/);
    // 105 days after 2026-03-02, over the default 60-day limit for experiments.
    const stale = all.find((f) => f.ruleId === 'stale-flag' && f.flagKey === 'search-ranking-test');
    assert.match(stale?.message ?? '', /it is 105 days old, over the 60-day limit for experiment flags/);
    assert.match(
      all.find((f) => f.ruleId === 'experiment-ended')?.message ?? '',
      /Experiment 'search-ranking-test' ended on 2026-05-01 \(60 days after `created` 2026-03-02, 45 days ago\) but is still active/,
    );
    // --no-history leaves the flag undated: no age judged, no experiment end known.
    const without = findings('2026-06-15', repo.dir, '--no-history');
    assert.ok(!without.some((f) => f.ruleId === 'experiment-ended' || /days old/.test(f.message)));
  });

  it('reports a flag rolled out longer ago than the grace period, dated by the commit that rolled it out', () => {
    assert.equal(findings('2026-05-20').filter((f) => f.ruleId === 'rolled-out-too-long').length, 0);
    const late = findings('2026-06-15').filter((f) => f.ruleId === 'rolled-out-too-long');
    assert.equal(late.length, 1);
    assert.match(
      late[0]!.message,
      /'new-checkout' has been rolled out since 2026-05-10 \(36 days; the registry says so since Bo Chen's commit [0-9a-f]{7}\), past the 14-day grace period, and is still evaluated in 1 place/,
    );
  });

  it('reports flags whose owner was taken out of `owners:`, instead of calling the owner unknown', () => {
    const all = findings('2026-06-25');
    const departed = all.filter((f) => f.ruleId === 'departed-owner');
    assert.deepEqual(
      departed.map((f) => f.flagKey),
      ['search-ranking-test'],
    );
    assert.match(departed[0]!.message, /owned by '@growth', who was removed from `owners:` on 2026-06-20 by Ana Lima/);
    assert.equal(all.filter((f) => f.ruleId === 'unknown-owner').length, 0);
  });

  it('outside a git repository, says once that undated flags are not judged by age', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-nogit-'));
    try {
      fs.writeFileSync(path.join(dir, 'flags.yaml'), REGISTRY_V1);
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src/search.ts'), SEARCH_TS);
      const run = flaglint(['check', '.', '--no-cache', '--now', '2026-06-15'], { cwd: dir });
      assert.equal((run.stderr.match(/git cannot date them/g) ?? []).length, 1, run.stderr);
      assert.match(
        run.stderr,
        /2 flags have no `created` date and git cannot date them \(.* is not inside a git repository\)/,
      );
      const json = flaglint(['check', '.', '--format', 'json', '--no-cache', '--now', '2026-06-15'], { cwd: dir });
      const ids = (JSON.parse(json.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
      assert.ok(!ids.some((f) => /days old/.test(f.message)), 'no age judged without a date');
      assert.match(
        ids.find((f) => f.ruleId === 'missing-created')?.message ?? '',
        /has no `created` date, so its age is not judged/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('flaglint history of a folder registry (one file per flag)', () => {
  before(requireBuiltCli);
  let repo: GitRepo;
  before(() => {
    repo = gitRepo();
    repo.commit(
      {
        'flags/_registry.yaml': 'owners: ["@payments", "@growth"]\n',
        'flags/new-checkout.yaml':
          'description: One-page checkout\nowner: "@payments"\ntype: release\nstatus: active\nrollback: Turn it off.\n',
        'flags/search/ranking-test.yaml':
          'key: search-ranking-test\nowner: "@growth"\ntype: experiment\nstatus: active\n',
        'src/checkout.ts': CHECKOUT_TS,
      },
      'Ana Lima',
      '2026-03-02',
      'Flag folder',
    );
    repo.commit(
      {
        'flags/new-checkout.yaml':
          'description: One-page checkout\nowner: "@payments"\ntype: release\nstatus: rolled-out\nrollback: Turn it off.\n',
        'flags/search/ranking-test.yaml': null,
        'flags/_registry.yaml': 'owners: ["@payments"]\n',
      },
      'Bo Chen',
      '2026-05-10',
      'Roll out checkout, end the ranking test',
    );
  });
  after(() => repo.remove());

  it('rebuilds each commit from the files it touched: additions, changes and deletions', () => {
    const run = flaglint(['history', 'new-checkout', '--format', 'json', '--no-code', '--registry', 'flags'], {
      cwd: repo.dir,
    });
    assert.equal(run.status, 0, run.stderr);
    const h = JSON.parse(run.stdout) as HistoryJson;
    assert.equal(h.added?.author, 'Ana Lima');
    assert.deepEqual(h.changes[1], {
      kind: 'changed',
      stamp: h.changes[1]!.stamp,
      fields: [{ field: 'status', from: 'active', to: 'rolled-out' }],
    });
    const gone = JSON.parse(
      flaglint(['history', 'search-ranking-test', '--format', 'json', '--no-code', '--registry', 'flags'], {
        cwd: repo.dir,
      }).stdout,
    ) as HistoryJson;
    assert.deepEqual(
      gone.changes.map((c) => [c.kind, c.stamp?.author]),
      [
        ['added', 'Ana Lima'],
        ['removed', 'Bo Chen'],
      ],
    );
  });
});
