import * as assert from 'node:assert/strict';
import type { Finding, GitStamp, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { context, entry, registeredRef, registry } from './builders';

const only = (findings: Finding[], id: RuleId): Finding[] => findings.filter((f) => f.ruleId === id);

function stamp(date: string, author = 'Ana Lima'): GitStamp {
  return {
    commit: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    author,
    email: 'ana@example.com',
    date: `${date}T10:00:00+00:00`,
    subject: 'Edit flags',
  };
}

// The builders judge as of 2026-10-15.
describe('lifecycle rules', () => {
  const base = { owner: '@growth', rollback: 'turn it off' };

  it('experiment-ended: an open experiment past its expires date, not a concluded one', () => {
    const open = entry('pricing-test', {
      ...base,
      type: 'experiment',
      status: 'active',
      created: '2026-08-01',
      expires: '2026-10-01',
    });
    const concluded = entry('banner-test', {
      ...base,
      type: 'experiment',
      status: 'rolled-out',
      created: '2026-08-01',
      expires: '2026-10-01',
    });
    const running = entry('copy-test', {
      ...base,
      type: 'experiment',
      status: 'active',
      created: '2026-09-01',
      expires: '2026-11-01',
    });
    const found = only(runRules(context(registry([open, concluded, running]), [])), 'experiment-ended');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['pricing-test'],
    );
    assert.match(found[0]!.message, /ended on 2026-10-01 \(its `expires` date, 14 days ago\) but is still active/);
  });

  it('experiment-ended: without expires, the policy age limit marks the end', () => {
    const e = entry('pricing-test', { ...base, type: 'experiment', status: 'active', created: '2026-07-01' });
    const found = only(
      runRules(context(registry([e], { policy: { maxAgeDays: { experiment: 60 } } }), [])),
      'experiment-ended',
    );
    assert.match(found[0]?.message ?? '', /ended on 2026-08-30 \(60 days after `created` 2026-07-01, 46 days ago\)/);
  });

  it('rolled-out-too-long and departed-owner say nothing without a git timeline', () => {
    const e = entry('new-checkout', {
      ...base,
      owner: '@gone',
      type: 'release',
      status: 'rolled-out',
      created: '2026-01-01',
    });
    const findings = runRules(
      context(registry([e], { owners: ['@growth'] }), [registeredRef('new-checkout', 'src/a.ts', 3)]),
    );
    assert.equal(only(findings, 'rolled-out-too-long').length, 0);
    assert.equal(only(findings, 'departed-owner').length, 0);
    assert.equal(only(findings, 'unknown-owner').length, 1, 'unknown-owner still reports the handle');
  });

  it('rolled-out-too-long counts the grace period from the commit that set the status', () => {
    const e = entry('new-checkout', { ...base, type: 'release', status: 'rolled-out', created: '2026-01-01' });
    const reg = registry([e]);
    const refs = [registeredRef('new-checkout', 'src/a.ts', 3)];
    reg.timeline = {
      flags: { 'new-checkout': { truncated: false, statusSince: stamp('2026-10-05') } },
      ownersRemoved: {},
      shallow: false,
    };
    assert.equal(
      only(runRules(context(reg, refs)), 'rolled-out-too-long').length,
      0,
      '10 days is inside the 14-day grace period',
    );
    reg.timeline.flags['new-checkout']!.statusSince = stamp('2026-09-01', 'Bo Chen');
    const found = only(runRules(context(reg, refs)), 'rolled-out-too-long');
    assert.match(
      found[0]?.message ?? '',
      /rolled out since 2026-09-01 \(44 days; the registry says so since Bo Chen's commit a1b2c3d\)/,
    );
  });

  it('departed-owner replaces unknown-owner for a handle git shows was removed', () => {
    const e = entry('search-ranking', { ...base, owner: '@Growth', type: 'ops' });
    const reg = registry([e], { owners: ['@payments'] });
    reg.timeline = {
      flags: {},
      ownersRemoved: { growth: { owner: '@growth', removed: stamp('2026-09-30') } },
      shallow: false,
    };
    const findings = runRules(context(reg, []));
    assert.equal(only(findings, 'unknown-owner').length, 0);
    assert.match(
      only(findings, 'departed-owner')[0]?.message ?? '',
      /owned by '@Growth', who was removed from `owners:` on 2026-09-30 by Ana Lima \(commit a1b2c3d\)/,
    );
  });

  it('missing-created: a hint only where an age limit applies, naming the commit when git dated the flag', () => {
    const undated = entry('new-checkout', { ...base, type: 'release' });
    const ops = entry('db-failover', { ...base, type: 'ops' });
    const reg = registry([undated, ops]);
    const plain = only(runRules(context(reg, [])), 'missing-created');
    assert.deepEqual(
      plain.map((f) => [f.flagKey, f.severity]),
      [['new-checkout', 'hint']],
    );
    assert.match(plain[0]!.message, /so its age is not judged/);
    undated.created = '2026-03-02';
    reg.timeline = {
      flags: { 'new-checkout': { truncated: false, added: stamp('2026-03-02'), createdFromGit: true } },
      ownersRemoved: {},
      shallow: false,
    };
    assert.match(
      only(runRules(context(reg, [])), 'missing-created')[0]?.message ?? '',
      /git says its entry was added on 2026-03-02 by Ana Lima \(commit a1b2c3d\).*Add `created: 2026-03-02`/,
    );
  });
});
