import * as assert from 'node:assert/strict';
import type { Finding, RuleId } from '../../../server/src/core/model';
import { runRules } from '../../../server/src/core/rules';
import { at, context, entry, registry, REGISTRY_FILE } from './builders';
import { must } from '../../helpers/must';

function only(findings: Finding[], id: RuleId): Finding[] {
  return findings.filter((f) => f.ruleId === id);
}

describe('rules on registry entries', () => {
  it("missing-owner: an error for absent or blank owners, at the flag's entry", () => {
    const reg = registry([
      entry('owned', { owner: '@web' }),
      entry('ownerless', { type: 'permission' }),
      entry('blank', { owner: '  ' }),
    ]);
    const blank = reg.flags.get('blank')!;
    const found = only(runRules(context(reg)), 'missing-owner');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['ownerless', 'blank'],
    );
    assert.equal(must(found[0]).severity, 'error');
    assert.deepEqual(must(found[1]).location, blank.location);
    assert.match(must(found[0]).message, /'ownerless' has no owner\. Add `owner:`/);
  });

  describe('unknown-owner', () => {
    const entries = () => [
      entry('a', { owner: '@payments' }),
      entry('b', { owner: '@Growth' }),
      entry('c', { owner: '@paymnts' }),
      entry('d', { owner: 'team-search' }),
    ];

    it('never reports when no owners are known', () => {
      assert.equal(only(runRules(context(registry(entries()))), 'unknown-owner').length, 0);
      assert.equal(
        only(runRules(context(registry(entries(), { policy: { useCodeowners: true } }))), 'unknown-owner').length,
        0,
      );
    });

    it('checks against owners:, ignoring case and a leading @, and suggests the nearest owner', () => {
      const found = only(runRules(context(registry(entries(), { owners: ['@payments', 'growth'] }))), 'unknown-owner');
      assert.deepEqual(
        found.map((f) => f.flagKey),
        ['c', 'd'],
      );
      assert.equal(must(found[0]).severity, 'warning');
      assert.match(
        must(found[0]).message,
        /owned by '@paymnts', who is not a known owner\. Did you mean '@payments'\?/,
      );
      assert.match(must(found[1]).message, /Known owners: @payments, growth\./);
    });

    it('adds CODEOWNERS owners only when policy.useCodeowners is on', () => {
      const codeowners = ['@payments', '@growth', '@team-search'];
      assert.equal(only(runRules(context(registry(entries()), [], { codeowners })), 'unknown-owner').length, 0);
      const found = only(
        runRules(context(registry(entries(), { policy: { useCodeowners: true } }), [], { codeowners })),
        'unknown-owner',
      );
      assert.deepEqual(
        found.map((f) => f.flagKey),
        ['c'],
      );
    });
  });

  it('missing-rollback-plan: only for policy.requireRollback types; a runbook or a runbook link counts', () => {
    const reg = registry([
      entry('rel', { owner: '@a', type: 'release' }),
      entry('ops-with-runbook', { owner: '@a', type: 'ops', runbook: 'https://wiki.example.com/runbooks/cache' }),
      entry('kill-with-link', { owner: '@a', type: 'kill-switch', rollback: 'https://wiki.example.com/runbooks/kill' }),
      entry('exp', { owner: '@a', type: 'experiment' }),
      entry('old', { owner: '@a', type: 'release', status: 'archived' }),
    ]);
    const found = only(runRules(context(reg)), 'missing-rollback-plan');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['rel'],
    );
    assert.equal(must(found[0]).severity, 'warning');
    assert.match(must(found[0]).message, /'rel' \(release\) has no rollback plan/);
    const custom = registry([entry('exp', { owner: '@a', type: 'experiment' })], {
      policy: { requireRollback: ['experiment'] },
    });
    assert.equal(only(runRules(context(custom)), 'missing-rollback-plan').length, 1);
  });

  it('missing-expiry: for policy.requireExpiry types unless permanent or archived', () => {
    const reg = registry([
      entry('rel', { owner: '@a', type: 'release' }),
      entry('exp', { owner: '@a', type: 'experiment', expires: '2026-12-01' }),
      entry('perm', { owner: '@a', type: 'release', permanent: true }),
      entry('ops', { owner: '@a', type: 'ops' }),
      entry('gone', { owner: '@a', type: 'experiment', status: 'archived' }),
    ]);
    const found = only(runRules(context(reg)), 'missing-expiry');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['rel'],
    );
    assert.match(must(found[0]).message, /Add `expires: YYYY-MM-DD`.*or `permanent: true`/);
  });

  it('invalid-key: every registry key must match the whole policy.keyPattern', () => {
    const reg = registry([entry('checkout.new-flow'), entry('NewFlow'), entry('new-flow-x')], {
      policy: { keyPattern: '[a-z]+(-[a-z]+)*' },
    });
    const found = only(runRules(context(reg)), 'invalid-key');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      ['checkout.new-flow', 'NewFlow'],
    );
    assert.match(
      must(found[0]).message,
      /does not match the naming pattern \/\[a-z\]\+\(-\[a-z\]\+\)\*\/ \(policy\.keyPattern\)/,
    );
  });

  it('invalid-key: a pattern that is not a regular expression is reported, not thrown', () => {
    const found = only(runRules(context(registry([entry('a')], { policy: { keyPattern: '[a-z' } }))), 'invalid-key');
    assert.equal(found.length, 1);
    assert.equal(must(found[0]).location.file, REGISTRY_FILE);
    assert.match(must(found[0]).message, /is not a usable regular expression/);
  });

  it('invalid-key: a catastrophic-backtracking pattern against a 50,000-character key completes with the right answer', () => {
    const long = 'a'.repeat(50000);
    const reg = registry([entry(long), entry(`${long}!`)], { policy: { keyPattern: '^(a+)+$' } });
    const found = only(runRules(context(reg)), 'invalid-key');
    assert.deepEqual(
      found.map((f) => f.flagKey),
      [`${long}!`],
    );
  });

  it('passes registry problems through as invalid-registry and duplicate-flag findings, keeping their severity', () => {
    const reg = registry([]);
    reg.problems.push(
      {
        ruleId: 'invalid-registry',
        severity: 'error',
        message: "Unexpected ':' in flags.yaml",
        location: at(REGISTRY_FILE, 7, 3),
      },
      {
        ruleId: 'invalid-registry',
        severity: 'warning',
        message: 'Unknown field "ownr"',
        location: at(REGISTRY_FILE, 3, 4),
        flagKey: 'a',
      },
      {
        ruleId: 'duplicate-flag',
        severity: 'error',
        message: "Flag 'a' is registered twice",
        location: at(REGISTRY_FILE, 9, 2),
        flagKey: 'a',
      },
    );
    const found = runRules(context(reg));
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.severity, f.location.range.start.line]),
      [
        ['invalid-registry', 'warning', 3],
        ['invalid-registry', 'error', 7],
        ['duplicate-flag', 'error', 9],
      ],
    );
    assert.equal(must(found[0]).flagKey, 'a');
  });
});
