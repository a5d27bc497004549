import * as assert from 'node:assert/strict';
import { loadRegistry } from '../../../server/src/core/registry';
import { brief, fixture, read, textAt } from './helpers';
import { must } from '../../helpers/must';

describe('registry: syntax errors', () => {
  it('an unclosed quote is reported where it starts, and the flags around it survive', () => {
    const file = fixture('broken', 'flags.yaml');
    const reg = loadRegistry(file);
    assert.deepEqual(reg.problems.map(brief), [
      'error invalid-registry 5:24-6:0 Syntax error: Missing closing "quote.',
    ]);
    assert.equal(must(reg.problems[0]).location.file, file);
    // The flags before and after the broken line are still registered, so their references are not "unregistered".
    assert.deepEqual([...reg.flags.keys()], ['new-checkout', 'search-typo-tolerance', 'beta-dashboard']);
    assert.equal(reg.flags.get('beta-dashboard')!.owner, '@acme/platform');
  });

  it('a mis-indented line is reported at its line and column', () => {
    const reg = loadRegistry(fixture('broken', 'bad-indent.yaml'));
    const syntax = reg.problems.filter((p) => p.message.startsWith('Syntax error'));
    assert.deepEqual(syntax.map(brief), [
      'error invalid-registry 3:0-3:1 Syntax error: All mapping items must start at the same column.',
    ]);
    assert.ok(reg.flags.has('new-checkout') && reg.flags.has('beta-dashboard'));
  });

  it('a second YAML document in the file is an error, not silently ignored', () => {
    const reg = loadRegistry('/repo/flags.yaml', 'flags:\n  a: {}\n---\nflags:\n  b: {}\n');
    assert.equal(reg.problems.length, 1);
    assert.match(must(reg.problems[0]).message, /^Syntax error: Source contains multiple documents/);
    assert.equal(must(reg.problems[0]).location.range.start.line, 2);
  });
});

describe('registry: schema violations', () => {
  const file = fixture('invalid', 'flags.yaml');
  const text = read(file);
  const reg = loadRegistry(file);

  it('reports each violation once, at the offending value, with what is wrong and what is allowed', () => {
    assert.deepEqual(reg.problems.map(brief), [
      'error invalid-registry 0:8-0:24 "owners" must be a list, not the text "@acme/payments".',
      'error invalid-registry 5:10-5:16 "type" of flag "new-checkout" must be one of release, experiment, ops, permission, kill-switch, not "relase" (did you mean "release"?).',
      'error invalid-registry 6:15-6:19 "valueType" of flag "new-checkout" must be one of boolean, string, number, json, not "bool" (did you mean "boolean"?).',
      'error invalid-registry 8:13-8:23 "created" of flag "new-checkout" must be a date written YYYY-MM-DD (like 2026-12-01), not "01/03/2026".',
      'error invalid-registry 9:13-9:23 The expires date of flag "new-checkout" is 2026-02-30, which is not a day of the calendar.',
      'error invalid-registry 10:15-10:20 "permanent" of flag "new-checkout" must be true or false, not the text "yes".',
      'warning invalid-registry 12:4-12:8 Unknown field "ownr" in flag "new-checkout" (did you mean "owner"?); Flaglint ignores it.',
      'error invalid-registry 14:11-14:13 "owner" of flag "payments-api-v2" must be text, not the number 42.',
      'error invalid-registry 17:18-17:25 The defaultValue of flag "payments-api-v2" is "false", which is not a boolean (its valueType).',
      'warning invalid-registry 20:6-20:12 Unknown field "runbok" in "rollback" of flag "payments-api-v2" (did you mean "runbook"?); Flaglint ignores it.',
      'error invalid-registry 21:18-21:28 Flag "beta-dashboard" must be a mapping, not the text "yes please".',
      'error invalid-registry 24:13-24:14 "policy.maxAgeDays.release" must be at least 1, not 0.',
      'warning invalid-registry 25:2-25:13 Unknown field "gracePeriod" in "policy" (did you mean "gracePeriodDays"?); Flaglint ignores it.',
      'error invalid-registry 27:16-27:20 "policy.severity.stale-flag" must be one of error, warning, info, hint, off, not "warn" (did you mean "warning"?).',
      'error invalid-registry 29:26-29:34 "scan.presets[1]" must be one of openfeature, launchdarkly, unleash, growthbook, posthog, statsig, flagsmith, configcat, split, devcycle, not "flagsmit" (did you mean "flagsmith"?).',
      'error invalid-registry 31:6-31:15 "scan.functions[0]" needs a "name" field.',
      'warning invalid-registry 32:0-32:11 Unknown field "experiments"; Flaglint ignores it.',
    ]);
    assert.equal(textAt(text, must(reg.problems[1]).location), 'relase');
    assert.equal(textAt(text, must(reg.problems[15]).location), 'keyArg: 1');
  });

  it('names the flag each problem is about', () => {
    assert.deepEqual(
      [...new Set(reg.problems.map((p) => p.flagKey).filter(Boolean))],
      ['new-checkout', 'payments-api-v2', 'beta-dashboard'],
    );
  });

  it('keeps every flag, and every field that is valid', () => {
    assert.deepEqual([...reg.flags.keys()], ['new-checkout', 'payments-api-v2', 'beta-dashboard']);
    const checkout = reg.flags.get('new-checkout')!;
    assert.equal(checkout.type, undefined);
    assert.equal(checkout.valueType, undefined);
    assert.equal(checkout.created, undefined);
    assert.equal(checkout.expires, undefined);
    assert.equal(checkout.permanent, undefined);
    assert.equal(checkout.owner, '@acme/payments');
    assert.equal(checkout.status, 'active');
    assert.deepEqual(checkout.dependsOn, ['payments-api-v2']);
    const payments = reg.flags.get('payments-api-v2')!;
    assert.equal(payments.owner, undefined);
    assert.equal(payments.type, 'ops');
    assert.equal(payments.rollback, 'Switch back to v1.');
  });

  it('invalid policy and scan values fall back to the defaults; valid siblings are kept', () => {
    assert.deepEqual(reg.owners, []);
    assert.deepEqual(reg.policy.maxAgeDays, { release: 90, experiment: 60 });
    assert.equal(reg.policy.gracePeriodDays, 14);
    assert.deepEqual(reg.policy.severity, {});
    assert.deepEqual(reg.scan.presets, ['launchdarkly']);
    assert.deepEqual(reg.scan.functions, []);
  });

  it('an invalid keyPattern is reported with the regular expression error', () => {
    const r = loadRegistry('/repo/flags.yaml', 'policy:\n  keyPattern: "^[a-z(+$"\n');
    assert.equal(r.problems.length, 1);
    assert.equal(
      brief(must(r.problems[0])),
      'error invalid-registry 1:14-1:24 policy.keyPattern is not a usable regular expression: missing closing ] at `[a-z(+$`.',
    );
    assert.equal(r.policy.keyPattern, undefined);
  });

  it('a keyPattern with a backreference or lookaround is an error at its line saying RE2 lacks it', () => {
    const cases: [string, RegExp][] = [
      ['^(team-[a-z]+)-\\\\1$', /uses a backreference \(`\\1`\)/],
      ['^(?!tmp-)[a-z-]+$', /uses a lookahead \(`\(\?!/],
      ['^[a-z-]+(?<!-)$', /uses a lookbehind \(`\(\?<!/],
    ];
    for (const [pattern, why] of cases) {
      const r = loadRegistry('/repo/flags.yaml', `# naming rules\npolicy:\n  keyPattern: "${pattern}"\n`);
      assert.equal(r.problems.length, 1, pattern);
      assert.equal(must(r.problems[0]).location.range.start.line, 2, pattern);
      assert.match(must(r.problems[0]).message, why);
      assert.match(must(r.problems[0]).message, /linear-time matcher \(RE2\) does not support/);
      assert.equal(r.policy.keyPattern, undefined);
    }
  });

  it('a value nested 20,000 levels deep is a syntax error saying so, not a crash', () => {
    const r = loadRegistry(
      '/repo/flags.yaml',
      `flags:\n  deep:\n    description: ${'['.repeat(20000)}x${']'.repeat(20000)}\n`,
    );
    assert.ok(
      r.problems.some((p) => p.severity === 'error' && /nested too deeply to read/.test(p.message)),
      r.problems.map((p) => p.message).join('\n'),
    );
  });

  it('a keyPattern that only balances inside the anchoring group is still rejected', () => {
    const r = loadRegistry('/repo/flags.yaml', 'policy:\n  keyPattern: "a)|(b"\n');
    assert.equal(r.problems.length, 1);
    assert.match(must(r.problems[0]).message, /not a usable regular expression: unexpected \)/);
  });

  it('warns when a flag expires before it was created', () => {
    const r = loadRegistry('/repo/flags.yaml', 'flags:\n  a:\n    created: 2026-05-01\n    expires: 2026-04-01\n');
    assert.deepEqual(r.problems.map(brief), [
      'warning invalid-registry 3:13-3:23 Flag "a" expires (2026-04-01) before it was created (2026-05-01).',
    ]);
  });

  it('a duplicate key inside an entry or a section is an error at the second key', () => {
    const r = loadRegistry(
      '/repo/flags.yaml',
      'flags:\n  a:\n    owner: "@x"\n    owner: "@y"\npolicy:\n  gracePeriodDays: 3\npolicy: {}\n',
    );
    assert.deepEqual(r.problems.map(brief), [
      'error invalid-registry 3:4-3:9 Duplicate key "owner": the one on line 3 is used and this one is ignored.',
      'error invalid-registry 6:0-6:6 Duplicate key "policy": the one on line 5 is used and this one is ignored.',
    ]);
    assert.equal(r.flags.get('a')!.owner, '@x');
    assert.equal(r.policy.gracePeriodDays, 3);
  });
});

describe('registry: duplicate and colliding keys', () => {
  const reg = loadRegistry(fixture('duplicates', 'flags.yaml'));

  it('reports the same key twice, two keys that are case variants, and aliases that collide', () => {
    assert.deepEqual(reg.problems.map(brief), [
      'warning duplicate-flag 4:2-4:13 Flag "newCheckout" is a case variant of flag "new-checkout" (line 2); code that spells either may mean the other. Merge them or rename one.',
      'warning duplicate-flag 10:29-10:38 Alias "rankingV2" of flag "search-ranking" is a case variant of flag "ranking-v2" (line 12); code spelled "rankingV2" is matched to "search-ranking", which may not be meant.',
      'error duplicate-flag 13:14-13:23 Alias "rankingV2" of flag "ranking-v2" is already an alias of flag "search-ranking" (line 11); a reference spelled "rankingV2" cannot belong to both.',
      'error duplicate-flag 14:2-14:14 Flag "new-checkout" is defined twice: the entry at line 2 is used and this one is ignored.',
    ]);
    assert.deepEqual(
      reg.problems.map((p) => p.flagKey),
      ['newCheckout', 'search-ranking', 'ranking-v2', 'new-checkout'],
    );
  });

  it('the first of two entries with the same key is the one used', () => {
    assert.equal(reg.flags.get('new-checkout')!.owner, '@acme/payments');
    assert.equal(reg.flags.get('new-checkout')!.location.range.start.line, 1);
  });

  it("an alias that is another flag's key is an error", () => {
    const r = loadRegistry('/repo/flags.yaml', 'flags:\n  a:\n    aliases: [b]\n  b: {}\n');
    assert.deepEqual(r.problems.map(brief), [
      'error duplicate-flag 2:14-2:15 Alias "b" of flag "a" is the key of flag "b" (line 4); a reference spelled "b" cannot belong to both.',
    ]);
  });
});
