import * as assert from 'node:assert/strict';
import { dynamicKeyAdvice } from '../../../server/src/core/rules/dynamicKeyAdvice';

describe('dynamic-key advice: what would let Flaglint follow the key', () => {
  it('a key passed through the project’s own helper: name the helper in scan.functions', () => {
    const advice = dynamicKeyAdvice({
      expression: 'flagName',
      reason: 'it comes from a parameter of isLicensed',
      callee: 'posthog.isFeatureEnabled',
    });
    assert.match(
      advice,
      /If isLicensed is your own flag helper, name it in the registry's `scan\.functions` \(with `keyArg`\)/,
    );
    assert.doesNotMatch(advice, /string literal/);
  });

  it('an enum member from a package outside the scan: include the folder that defines it', () => {
    const advice = dynamicKeyAdvice({
      expression: 'FeatureFlagsKeysEnum.IS_NEW_EDITOR',
      reason: "'FeatureFlagsKeysEnum' comes from the package '@acme/shared'",
      callee: 'getFeatureFlag.execute',
    });
    assert.match(advice, /scan\.include/);
    assert.doesNotMatch(advice, /string literal/);
  });

  it('a key inside an argument object: keyPath in the function spec, with the callee named', () => {
    assert.match(
      dynamicKeyAdvice({
        expression: '{ key: flag }',
        reason: 'the key is an object, not a string',
        callee: 'flags.evaluate',
      }),
      /`keyPath`.*\{ name: "flags\.evaluate", keyArg: 0, keyPath: "key" \}/,
    );
  });

  it('a key read from a row of a table: scan.collections or the table beside its evaluation', () => {
    assert.match(
      dynamicKeyAdvice({
        expression: 'route.flag',
        reason: "'route' is a parameter of an anonymous function",
        callee: 'isEnabled',
      }),
      /scan\.collections/,
    );
  });

  it('a key built at run time: a literal or a constant', () => {
    assert.match(
      dynamicKeyAdvice({
        expression: '`checkout-${variant}`',
        reason: 'part of the template is not constant: the key is computed at run time',
        callee: 'ldClient.variation',
      }),
      /Use a string literal or a constant/,
    );
  });
});
