import * as assert from 'node:assert/strict';
import type { ScanResult } from '../../../server/src/core/engine/types';
import { filesWithFindings, refsIn, scanFixture } from './scanFixture';

/**
 * Wrapper functions found by inference: a function that passes its parameter to an SDK call's key
 * is itself a flag function, and its call sites are the references. Fixture:
 * test/fixtures/detect/wrappers (an Express API and React components over LaunchDarkly and Unleash).
 */
describe('detection: wrappers', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('wrappers');
  });

  it('function, arrow, wrapper-of-wrapper, class method and key-object wrappers: the call sites are the references, with the fallback the wrapper passes or forwards', () => {
    assert.deepEqual(refsIn(result, 'src/routes/uploads.ts'), [
      "L9 'bulk-upload' → bulk-upload wrapper-call/literal launchdarkly:isFeatureOn boolean =false",
      "L13 'audit-trail' → audit-trail wrapper-call/literal launchdarkly:isFeatureOn boolean =false",
      "L14 'harbor-beta' → harbor-beta wrapper-call/literal launchdarkly:isBetaOn boolean =false",
      "L15 'dock-scheduling' → dock-scheduling wrapper-call/literal launchdarkly:isOn boolean =false",
      `L16 'upload-storage-tier' → upload-storage-tier wrapper-call/literal launchdarkly:flagValue string ="standard"`,
      "L17 'upload-virus-scan' → upload-virus-scan wrapper-call/literal launchdarkly:checkFlag boolean =false",
    ]);
  });

  it('records the chain of wrappers each key passed through, innermost last', () => {
    const via = (key: string) => result.references.find((r) => r.key === key)?.via;
    assert.deepEqual(via('bulk-upload'), ['isFeatureOn', 'variation']);
    assert.deepEqual(via('harbor-beta'), ['isBetaOn', 'isFeatureOn', 'variation']);
    assert.deepEqual(via('dock-scheduling'), ['isOn', 'boolVariation']);
    assert.deepEqual(via('upload-virus-scan'), ['checkFlag', 'boolVariation']);
    assert.deepEqual(via('compact-toolbar'), ['useFeature', 'useFlag']);
    assert.deepEqual(via('dock-map'), ['Feature', 'useFlag']);
  });

  it('a React component that passes its `flag` prop to a hook, and a hook wrapper re-exported through a barrel', () => {
    assert.deepEqual(refsIn(result, 'src/components/Toolbar.tsx'), [
      "L7 'compact-toolbar' → compact-toolbar wrapper-call/literal unleash:useFeature boolean",
      'L10 "dock-map" → dock-map jsx/literal unleash:Feature boolean',
      'L13 "berth-search" → berth-search jsx/literal unleash:Feature boolean',
      'L16 TOOLBAR_FLAGS.tideTable → tide-table jsx/object unleash:Feature boolean',
    ]);
  });

  it('CommonJS wrappers: module.exports object methods, module.exports = function, exports.X = function / arrow', () => {
    assert.deepEqual(refsIn(result, 'src/legacy/reports.js'), [
      "L10 'report-charts' → report-charts wrapper-call/literal launchdarkly:flags.isOn boolean =false",
      `L11 'report-format' → report-format wrapper-call/literal launchdarkly:flagValue string ="pdf"`,
      "L12 'report-sharing' → report-sharing wrapper-call/literal launchdarkly:isFeatureEnabled boolean =false",
      "L13 'report-archive' → report-archive wrapper-call/literal launchdarkly:toggles.isToggled boolean =false",
      "L14 'report-legacy-footer' → report-legacy-footer wrapper-call/literal launchdarkly:toggles.isUntoggled boolean =false",
    ]);
  });

  it("the wrappers' own SDK calls, whose key is the parameter, are neither references nor dynamic keys", () => {
    // Only the call sites hold references; isFeatureOn.ts, values.ts, beta.ts, flagService.ts,
    // useFeature.ts and Feature.tsx evaluate a parameter and are silent.
    assert.deepEqual(filesWithFindings(result), [
      'src/components/Toolbar.tsx',
      'src/legacy/reports.js',
      'src/routes/uploads.ts',
    ]);
    assert.deepEqual(result.dynamic, []);
  });
});
