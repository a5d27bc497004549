import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { dynamicIn, scanFixture } from './scanFixture';

/**
 * Keys that cannot be resolved statically are reported as dynamic references, each with the
 * expression and the reason, and never dropped. Fixture: test/fixtures/detect/dynamic.
 */
describe('detection: dynamic keys', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('dynamic');
  });

  it('a template with a parameter, a let variable, a conditional and a function result', () => {
    assert.deepEqual(dynamicIn(result, 'src/experiments.ts'), [
      'L5 `beta-${name}` launchdarkly:variation — part of the template is not constant: it comes from a parameter of betaFeature',
      "L11 key launchdarkly:variation — 'key' is not a constant",
      "L15 isEnterprise ? 'pricing-enterprise' : 'pricing-self-serve' launchdarkly:variation — the key is chosen at run time",
      'L19 keyFromEnv() launchdarkly:variation — the key is computed at run time',
    ]);
  });

  it('a parameter of an anonymous callback, and a request field read in a named handler', () => {
    assert.deepEqual(dynamicIn(result, 'src/toggles.ts'), [
      "L9 toggle unleash:isEnabled — 'toggle' is a parameter of an anonymous function",
      "L15 req.params.flag launchdarkly:variation — the key is read from the parameter 'req' at run time",
    ]);
  });

  it('a constant imported from a file that is not in the workspace (generated before the build)', () => {
    assert.deepEqual(dynamicIn(result, 'src/permissions.ts'), [
      "L7 PERMISSION_FLAGS.export launchdarkly:variation — 'PERMISSION_FLAGS' comes from './generated/permissionFlags', which is not a source file in the workspace",
    ]);
  });

  it('shows the expression as written, for the dynamic-key finding', () => {
    const expressions = result.dynamic.map((d) => d.expression).sort();
    assert.deepEqual(expressions, [
      'PERMISSION_FLAGS.export',
      '`beta-${name}`',
      "isEnterprise ? 'pricing-enterprise' : 'pricing-self-serve'",
      'key',
      'keyFromEnv()',
      'req.params.flag',
      'toggle',
    ]);
    const finding = result.findings.find((f) => f.ruleId === 'dynamic-key' && f.location.range.start.line === 4);
    assert.ok(finding, 'no dynamic-key finding for the template');
    assert.match(finding.message, /Flag key `beta-\$\{name\}` passed to variation cannot be resolved statically/);
  });

  it('no dynamic key turns into a reference', () => {
    assert.deepEqual(result.references, []);
  });
});
