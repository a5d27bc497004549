import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { refsIn, scanFixture } from './scanFixture';

/**
 * A declared flag function named without a receiver (`flag`) and a file's own helper of the same
 * name (a release script's `flag('channel')` that reads argv). Fixture: test/fixtures/detect/namesakes.
 */
describe('detection: a declared function and a local helper of the same name', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('namesakes');
  });

  it('counts the declared flag() made by a factory, with its key objects', () => {
    assert.deepEqual(refsIn(result, 'src/exportJob.ts'), [
      'L5 FLAG.batchExport → batch-export call/object custom:flag',
      'L6 FLAG.replayUi → replay-ui call/object custom:flag',
    ]);
  });

  it("does not take a script's own unexported flag(name) helper, which reads no flag, for the flag API", () => {
    assert.deepEqual(refsIn(result, 'scripts/release.ts'), []);
    assert.equal(
      result.references.some((r) => r.key === 'channel' || r.key === 'notes'),
      false,
    );
    assert.equal(
      result.dynamic.some((d) => d.location.file.endsWith('release.ts')),
      false,
    );
  });

  it('keeps calls to an unexported helper whose body reads flags, and to the exported API in its own module', () => {
    assert.deepEqual(refsIn(result, 'src/quietHours.ts'), ["L11 'quiet-hours' → quiet-hours call/literal custom:isOn"]);
    assert.deepEqual(refsIn(result, 'src/darkLaunch.ts'), ["L8 'dark-launch' → dark-launch call/literal custom:isOn"]);
  });

  it('keeps calls to an unexported helper that looks its key up as is, in an object it was not told about', () => {
    assert.deepEqual(refsIn(result, 'src/planLimits.ts'), ["L6 'replay-ui' → replay-ui call/literal custom:isOn"]);
  });
});
