import * as assert from 'node:assert/strict';
import { checkFlagValue, parseValueArgument, RemoveError } from '../../../server/src/core/remove';
import { literalText } from '../../../server/src/core/remove/flagValue';
import type { FlagEntry } from '../../../server/src/core/model';

const entry: FlagEntry = {
  key: 'new-checkout',
  valueType: 'boolean',
  location: { file: '/repo/flags.yaml', range: { start: { line: 6, character: 2 }, end: { line: 6, character: 14 } } },
  fieldLocations: {},
};

describe('remove: the kept value', () => {
  it('reads --value by the flag type', () => {
    assert.equal(parseValueArgument('k', 'true', 'boolean'), true);
    assert.equal(parseValueArgument('k', 'false', 'boolean'), false);
    assert.equal(parseValueArgument('k', 'true', 'string'), 'true');
    assert.equal(parseValueArgument('k', '12.5', 'number'), 12.5);
    assert.deepEqual(parseValueArgument('k', '{"max": 3}', 'json'), { max: 3 });
    // Without a known type, JSON first, then a plain string.
    assert.equal(parseValueArgument('k', 'true', undefined), true);
    assert.equal(parseValueArgument('k', 'compact', undefined), 'compact');
  });

  it('says what is wrong, naming the registry entry, when the value does not fit', () => {
    assert.throws(
      () => parseValueArgument('new-checkout', 'yes', 'boolean', entry),
      (e: unknown) =>
        e instanceof RemoveError &&
        e.code === 'bad-value' &&
        /must be true or false, got 'yes'/.test(e.message) &&
        e.message.includes('/repo/flags.yaml:7:3'),
    );
    assert.throws(() => parseValueArgument('k', 'ten', 'number'), /must be a number, got 'ten'/);
    assert.throws(() => parseValueArgument('k', '{oops', 'json'), /not valid JSON/);
    assert.throws(
      () => checkFlagValue('new-checkout', 'on', 'boolean', entry),
      /boolean flag \(registered as boolean at \/repo\/flags\.yaml:7:3\); the value to keep must be true or false, got "on"/,
    );
    assert.throws(() => checkFlagValue('k', Number.NaN, 'number'), /finite number/);
    assert.throws(() => checkFlagValue('k', new Date(), 'json'), /JSON value/);
    assert.equal(checkFlagValue('k', 'wide', 'string'), 'wide');
  });

  it('writes the value as source text in the file’s quote style', () => {
    assert.equal(literalText("it's", "'"), "'it\\'s'");
    assert.equal(literalText('say "hi"', '"'), '"say \\"hi\\""');
    assert.equal(literalText('say "hi"', "'"), `'say "hi"'`);
    assert.equal(literalText(false, "'"), 'false');
    assert.equal(literalText(-3, "'"), '-3');
    assert.equal(literalText(null, "'"), 'null');
    assert.equal(literalText({ max: [1, 2], 'x-y': 'z' }, "'"), "{ max: [1, 2], 'x-y': 'z' }");
  });
});
