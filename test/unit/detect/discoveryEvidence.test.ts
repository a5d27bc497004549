import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ScanDiscovery } from '../../../server/src/core/detect/discover';
import { renderScanProposal } from '../../../server/src/core/service/discovery';
import { fixturePath } from './scanFixture';
import { must } from '../../helpers/must';

/**
 * Discovery proposes a collection only when its reads look like flag reads, not when a name merely
 * says features or flags (trigger.dev's plan features and admin request body were proposed, and
 * removal then rewrote them). Fixture: test/fixtures/detect/discoveryEvidence (no registry): a
 * workspace's flags read by flag constant and as booleans; a plan's features whose members are
 * objects; an admin request body that is validated, iterated and stored; a licence type whose
 * members are booleans and a limits type named like features whose members are mostly numbers.
 */
describe('detection: discovery proposes only what the evidence supports', () => {
  const root = fixturePath('discoveryEvidence');
  const files = [
    'src/workspace/flags.ts',
    'src/workspace/toolbar.ts',
    'src/billing/limits.ts',
    'src/admin/saveFlags.ts',
    'src/license/types.ts',
    'src/license/gates.ts',
    'src/editor/exportMenu.ts',
    'tools/build.ts',
    'tools/release.ts',
    'src/cli/links.ts',
    'src/billing/planCards.ts',
  ];
  const proposals = (): ReturnType<ScanDiscovery['proposals']> => {
    const d = new ScanDiscovery(root, new Set());
    for (const rel of files) {
      const file = path.join(root, rel);
      d.addFile(file, fs.readFileSync(file, 'utf8'));
    }
    return d.proposals();
  };
  const named = (name: string) => proposals().find((p) => p.name === name);

  it('proposes a flags collection read by flag constant and tested as a boolean, with the place that shows it', () => {
    const p = must(named('workspaceFlags'));
    assert.equal(p.kind, 'collection');
    assert.equal(p.sites, 2);
    assert.equal(p.example, 'src/workspace/toolbar.ts:6');
    assert.match(p.why, /read as flags/);
  });

  it('proposes flags that are live objects (flags.enable_html_export.value) under a name that says flags', () => {
    const p = must(named('featureFlagService.flags'));
    assert.equal(p.sites, 3);
    assert.equal(p.example, 'src/editor/exportMenu.ts:13');
  });

  it('does not propose command-line options called flags, read as values (flags.mode) or from argv (readFlag)', () => {
    assert.equal(named('flags'), undefined);
    assert.equal(named('readFlag'), undefined);
    // Nor a library's function (`has-flag`), though its name and its string argument look like a flag read.
    assert.equal(named('hasFlag'), undefined);
  });

  it("does not propose a plan's features whose members are objects (features.hasAuditLog.enabled)", () => {
    const names = proposals().map((p) => p.name);
    assert.ok(!names.includes('features'), names.join(', '));
    assert.ok(!names.includes('plan.features'), names.join(', '));
  });

  it("does not propose lists tested for a row's field (includeFeatures.includes(feature.id)) from one place each", () => {
    assert.equal(named('includeFeatures'), undefined);
    assert.equal(named('highlightFeatures'), undefined);
  });

  it('does not propose a request body that is validated, iterated and stored, though it is named like flags', () => {
    assert.equal(named('requestedFlags'), undefined);
  });

  it('proposes a type named like features whose members are booleans and whose values are tested by member', () => {
    const p = must(named('LicenseFeatures'));
    assert.equal(p.kind, 'collection');
    assert.equal(p.sites, 3);
    assert.equal(p.example, 'src/license/gates.ts:5');
    assert.match(p.why, /type named like flags whose members are booleans/);
    // A type named like features whose members are mostly numbers is a set of limits.
    assert.equal(named('PlanFeatures'), undefined);
  });

  it('writes the proposals as a scan section with one comment per entry saying why', () => {
    const yaml = renderScanProposal(proposals());
    assert.match(
      yaml,
      /# an object or list named like flags[^\n]*: 2 places, e.g. src\/workspace\/toolbar.ts:6\n {4}- "workspaceFlags"/,
    );
    assert.match(
      yaml,
      /# a type named like flags[^\n]*: 3 places, e.g. src\/license\/gates.ts:5\n {4}- "LicenseFeatures"/,
    );
    assert.doesNotMatch(yaml, /"(plan\.)?features"|requestedFlags/);
  });
});
