import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { copyFixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

interface Draft {
  owner: string;
  type: string;
  valueType?: string;
  defaultValue?: unknown;
  status: string;
  created: string;
}

describe('flaglint init', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('writes flags.yaml with an entry per flag found, merging spellings, guessing types, commented', () => {
    const dir = copyFixture('no-registry');
    fs.mkdirSync(path.join(dir, '.github'));
    fs.writeFileSync(path.join(dir, '.github', 'CODEOWNERS'), '# Owners\n*   @travel/platform\n/src/ @travel/web\n');
    const run = flaglint(['init', dir, '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /Wrote .*flags\.yaml with 3 flags\. Review the owners/);
    const text = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    assert.match(text, /^# Flaglint registry: one entry per feature flag the code evaluates\./);
    assert.match(
      text,
      /^ {2}# evaluated in 2 places: server\/search\.ts:7, src\/components\/SearchBar\.tsx:4\n {2}flexible-dates:$/m,
    );
    const flags = (parse(text) as { flags: Record<string, Draft> }).flags;
    assert.deepEqual(Object.keys(flags), ['flexible-dates', 'kill-search-suggestions', 'search-ranking-experiment']);
    assert.deepEqual(flags['flexible-dates'], {
      owner: '@travel/platform',
      type: 'release',
      valueType: 'boolean',
      defaultValue: false,
      status: 'active',
      created: NOW,
    });
    assert.equal(must(flags['kill-search-suggestions']).type, 'kill-switch');
    assert.equal(must(flags['kill-search-suggestions']).owner, '@travel/web');
    assert.equal(must(flags['search-ranking-experiment']).type, 'experiment');
    assert.equal(must(flags['search-ranking-experiment']).defaultValue, 'control');
  });

  it('leaves owners empty (with a TODO) without CODEOWNERS, and the new registry then governs check', () => {
    const dir = copyFixture('no-registry');
    assert.equal(flaglint(['init', dir, '--now', NOW, '--no-cache']).status, 0);
    const text = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    assert.match(text, /owner: "" # TODO: the team or person responsible/);
    const check = flaglint(['check', dir, '--format', 'json', '--now', NOW, '--no-cache']);
    const findings = (JSON.parse(check.stdout) as { findings: { ruleId: string; flagKey?: string }[] }).findings;
    assert.equal(
      findings.filter((f) => f.ruleId === 'unregistered-flag').length,
      0,
      'every flag in the code is now registered',
    );
    assert.deepEqual([...new Set(findings.filter((f) => f.ruleId === 'missing-owner').map((f) => f.flagKey))].sort(), [
      'flexible-dates',
      'kill-search-suggestions',
      'search-ranking-experiment',
    ]);
    assert.equal(check.status, 1, 'missing owners are errors');
  });

  it('refuses to overwrite an existing registry unless --force', () => {
    const dir = copyFixture('bookings');
    const before = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    const run = flaglint(['init', dir, '--now', NOW, '--no-cache']);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /flags\.yaml already exists; .* pass --force to replace it\./);
    assert.equal(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8'), before);
    assert.equal(flaglint(['init', dir, '--force', '--now', NOW, '--no-cache']).status, 0);
    assert.match(fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8'), /^ {2}waitlist-notifications:$/m);
  });

  it('--dry-run prints the registry and writes nothing', () => {
    const dir = copyFixture('no-registry');
    const run = flaglint(['init', dir, '--dry-run', '--now', NOW, '--no-cache']);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^flags:$/m);
    assert.ok(!fs.existsSync(path.join(dir, 'flags.yaml')));
  });

  it('writes JSON when --registry names a .json file', () => {
    const dir = copyFixture('no-registry');
    const target = path.join(dir, 'config', 'flags.json');
    assert.equal(flaglint(['init', dir, '--registry', target, '--now', NOW, '--no-cache']).status, 0);
    const data = JSON.parse(fs.readFileSync(target, 'utf8')) as { flags: Record<string, Draft> };
    assert.equal(must(data.flags['flexible-dates']).type, 'release');
  });
});
