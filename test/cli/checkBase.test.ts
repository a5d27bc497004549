import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flaglint, requireBuiltCli } from './helpers/flaglint';
import { gitRepo, type GitRepo } from './helpers/gitRepo';

const MAIN_REGISTRY = `owners: ["@payments", "@growth"]
flags:
  new-checkout:
    description: One-page checkout
    owner: "@payments"
    type: release
    status: active
    created: 2026-09-01
    expires: 2027-01-15
    rollback: Turn the flag off; carts are kept.
  promo-banner:
    description: Black Friday banner on the home page
    owner: "@growth"
    type: ops
    status: active
    created: 2026-10-01
    rollback: Turn it off.
  legacy-banner:
    description: The old banner, replaced by promo-banner
    owner: "@growth"
    type: ops
    status: archived
    created: 2025-01-10
  old-search:
    description: Elastic search backend
    owner: "@growth"
    type: release
    status: rolled-out
    created: 2026-02-01
    expires: 2026-06-01
    rollback: Switch back to Postgres full-text search.
`;

const CHECKOUT_TS = `import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function checkoutSteps(userId: string): Promise<string[]> {
  if (await client.getBooleanValue('new-checkout', false, { targetingKey: userId })) return ['cart', 'pay'];
  return ['cart', 'address', 'shipping', 'pay'];
}
`;

const HOME_TS = `import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function homeBanners(): Promise<string[]> {
  const banners: string[] = [];
  if (await client.getBooleanValue('promo-banner', false)) banners.push('black-friday');
  return banners;
}
`;

/** The feature branch: registers search-v2 sloppily, drops promo-banner though home.ts still reads it, adds a cycle, evaluates retired flags. */
const BRANCH_REGISTRY =
  MAIN_REGISTRY.replace(/ {2}promo-banner:\n( {4}.*\n)+?(?= {2}legacy-banner)/, '') +
  `  search-v2:
    description: Typo-tolerant search
    type: release
    status: active
    created: 2026-11-10
  pay-later:
    description: Pay in 30 days
    owner: "@payments"
    type: release
    status: proposed
    created: 2026-11-12
    expires: 2027-03-01
    rollback: Hide the option.
    dependsOn: [credit-check]
  credit-check:
    description: Credit check before pay-later
    owner: "@payments"
    type: ops
    status: proposed
    created: 2026-11-12
    rollback: Skip the check.
    dependsOn: [pay-later]
`;

const SEARCH_TS = `import { OpenFeature } from '@openfeature/server-sdk';

const client = OpenFeature.getClient();

export async function searchBackend(): Promise<string> {
  if (await client.getBooleanValue('search-v2', false)) return 'typo-tolerant';
  if (await client.getBooleanValue('search-v2-typo-boost', false)) return 'boosted';
  if (await client.getBooleanValue('legacy-banner', false)) return 'legacy';
  return (await client.getBooleanValue('old-search', true)) ? 'elastic' : 'postgres';
}
`;

interface Report {
  findings: { ruleId: string; flagKey?: string; file: string }[];
  change: {
    base: { rev: string; commit: string };
    resolved: number;
    evaluations: { added: Record<string, number>; removed: Record<string, number> };
    registry: { added: string[]; removed: string[]; removedStillEvaluated: string[]; changed: { key: string }[] };
  };
}

describe('flaglint check --base (PR gate)', () => {
  before(requireBuiltCli);
  let repo: GitRepo;
  let mainCommit: string;

  before(() => {
    repo = gitRepo();
    mainCommit = repo.commit(
      {
        'flags.yaml': MAIN_REGISTRY,
        'src/checkout.ts': CHECKOUT_TS,
        'src/home.ts': HOME_TS,
        'package.json': '{ "name": "shop" }\n',
      },
      'Ana Lima',
      '2026-11-01',
      'Shop with flags',
    );
    repo.git('checkout', '-q', '-b', 'search-v2');
    // Moving code down the file must not count as new evaluations or new problems.
    repo.commit(
      {
        'flags.yaml': BRANCH_REGISTRY,
        'src/search.ts': SEARCH_TS,
        'src/checkout.ts': `// Checkout flow.\n\n${CHECKOUT_TS}`,
      },
      'Bo Chen',
      '2026-11-15',
      'Search v2',
    );
  });
  after(() => repo.remove());

  const run = (...args: string[]) =>
    flaglint(['check', '.', '--base', 'main', '--no-cache', '--now', '2026-11-21', ...args], { cwd: repo.dir });

  it('reports only what the branch introduces, and exits 1 for the errors it brings in', () => {
    const result = run('--format', 'json');
    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as Report;
    const introduced = report.findings.map((f) => `${f.ruleId} ${f.flagKey ?? ''}`).sort();
    assert.deepEqual(introduced, [
      'archived-flag-in-use legacy-banner',
      'dependency-cycle pay-later',
      'missing-expiry search-v2',
      'missing-owner search-v2',
      'missing-rollback-plan search-v2',
      'rolled-out-too-long old-search',
      'stale-flag old-search',
      'stale-flag old-search',
      'unregistered-flag promo-banner',
      'unregistered-flag search-v2-typo-boost',
    ]);
    assert.ok(!report.findings.some((f) => f.file === 'src/checkout.ts'), 'moved code introduces nothing');
    assert.equal(report.change.base.commit, mainCommit);
    assert.deepEqual(report.change.registry.added, ['credit-check', 'pay-later', 'search-v2']);
    assert.deepEqual(report.change.registry.removed, ['promo-banner']);
    assert.deepEqual(report.change.registry.removedStillEvaluated, ['promo-banner']);
    assert.deepEqual(report.change.evaluations.added, {
      'search-v2': 1,
      'search-v2-typo-boost': 1,
      'legacy-banner': 1,
      'old-search': 1,
    });
    assert.deepEqual(report.change.evaluations.removed, {});
  });

  it('writes a Markdown summary for the PR comment, also appended to a job summary file', () => {
    const summary = path.join(repo.dir, '..', `${path.basename(repo.dir)}-summary.md`);
    fs.writeFileSync(summary, '# Earlier step\n');
    try {
      const result = run('--format', 'markdown', '--summary', summary);
      assert.equal(result.status, 1, result.stderr);
      assert.match(result.stdout, /^## Flaglint: changes against `main` \([0-9a-f]{7}\)\n/);
      assert.match(
        result.stdout,
        /This change adds 4 evaluations of 4 flags \(`search-v2`, `search-v2-typo-boost`, `legacy-banner` and `old-search`\), registers `credit-check`, `pay-later` and `search-v2` and removes flag `promo-banner` from the registry \(`promo-banner` still evaluated\)\./,
      );
      assert.match(result.stdout, /It introduces \*\*5 errors, 5 warnings\*\*/);
      assert.match(result.stdout, /\| ❌ \| `unregistered-flag` \| `src\/home\.ts:7` \| `promo-banner` \|/);
      assert.equal(fs.readFileSync(summary, 'utf8'), `# Earlier step\n${result.stdout}`);
    } finally {
      fs.rmSync(summary, { force: true });
    }
  });

  it('SARIF carries the introduced findings only', () => {
    const result = run('--format', 'sarif');
    const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.runs[0]!.results.length, 10);
    assert.ok(sarif.runs[0]!.results.every((r) => r.ruleId !== 'unused-flag'));
  });

  it('exits 0 when the change only resolves problems', () => {
    repo.git('checkout', '-q', '-b', 'cleanup', 'main');
    try {
      fs.writeFileSync(
        path.join(repo.dir, 'flags.yaml'),
        MAIN_REGISTRY.replace(/(promo-banner:\n(?: {4}.*\n)*? {4}status: )active/, '$1archived'),
      );
      fs.writeFileSync(
        path.join(repo.dir, 'src/home.ts'),
        HOME_TS.replace(
          "  if (await client.getBooleanValue('promo-banner', false)) banners.push('black-friday');\n",
          '',
        ),
      );
      const result = run();
      assert.equal(result.status, 0, result.stdout + result.stderr);
      assert.match(
        result.stdout,
        /removes 1 evaluation of 1 flag \('promo-banner'\) and changes 'promo-banner' \(status: active → archived\)\./,
      );
      assert.match(result.stdout, /It introduces no flag problems\./);
    } finally {
      repo.git('checkout', '-q', '--', '.');
      repo.git('checkout', '-q', 'search-v2');
    }
  });

  it('says what is wrong with a base that is not a commit, and exits 2', () => {
    const result = flaglint(['check', '.', '--base', 'no-such-branch', '--no-cache'], { cwd: repo.dir });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--base no-such-branch: 'no-such-branch' is not a commit in /);
  });
});
