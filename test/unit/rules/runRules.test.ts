import * as assert from 'node:assert/strict';
import { RULES, runRules } from '../../../server/src/core/rules';
import { FLAG_TYPES } from '../../../server/src/core/model';
import { context, dynamicRef, entry, ref, registeredRef, registry } from './builders';
import { must } from '../../helpers/must';

describe('runRules', () => {
  const ownerless = () => entry('ownerless', { type: 'ops', rollback: 'off', status: 'proposed' });

  it('has one rule per rule id, each documented', () => {
    const ids = RULES.map((r) => r.id);
    assert.equal(new Set(ids).size, 22);
    for (const rule of RULES) {
      assert.ok(rule.summary.length > 10 && rule.description.length > 40, rule.id);
    }
  });

  it('applies policy.severity overrides and drops rules set to off', () => {
    const reg = registry([ownerless()], {
      policy: { severity: { 'missing-owner': 'warning', 'unregistered-flag': 'off', 'dynamic-key': 'error' } },
    });
    const findings = runRules(
      context(reg, [ref('mystery', 'src/a.ts', 1)], { dynamic: [dynamicRef('src/a.ts', 2, 'key')] }),
    );
    assert.deepEqual(findings.map((f) => [f.ruleId, f.severity]).sort(), [
      ['dynamic-key', 'error'],
      ['missing-owner', 'warning'],
    ]);
  });

  it('overrides the severity of registry load problems too', () => {
    const reg = registry([], { policy: { severity: { 'duplicate-flag': 'warning' } } });
    reg.problems.push({ ruleId: 'duplicate-flag', severity: 'error', message: 'dup', location: entry('x').location });
    assert.equal(must(runRules(context(reg))[0]).severity, 'warning');
  });

  it('sorts findings by file, line and column', () => {
    const reg = registry([entry('known', { owner: '@a', valueType: 'boolean' })]);
    const refs = [
      ref('zeta', 'src/b.ts', 9),
      ref('alpha', 'src/b.ts', 2),
      registeredRef('known', 'src/a.ts', 5, { valueType: 'string' }),
      ref('beta', 'src/a.ts', 5, {
        location: {
          file: '/repo/src/a.ts',
          range: { start: { line: 5, character: 2 }, end: { line: 5, character: 8 } },
        },
      }),
    ];
    const order = runRules(context(reg, refs)).map(
      (f) => `${f.location.file.slice(-4)}:${f.location.range.start.line}:${f.location.range.start.character}`,
    );
    assert.deepEqual(order, ['a.ts:5:2', 'a.ts:5:20', 'b.ts:2:20', 'b.ts:9:20']);
  });

  it('an almost empty registry with the default policy only asks for what matters', () => {
    const reg = registry(
      FLAG_TYPES.map((type) =>
        entry(`flag-${type}`, {
          owner: '@team',
          type,
          created: '2026-10-01',
          expires: '2026-12-01',
          rollback: 'Turn it off.',
        }),
      ),
    );
    const refs = FLAG_TYPES.map((type, i) => registeredRef(`flag-${type}`, 'src/a.ts', i));
    assert.deepEqual(runRules(context(reg, refs)), []);
  });
});
