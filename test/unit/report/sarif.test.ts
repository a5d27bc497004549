import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { buildSarif, formatSarif } from '../../../server/src/core/report';
import { RULES } from '../../../server/src/core/rules';
import { sampleScan } from './sampleScan';
import { must } from '../../helpers/must';

const SCHEMA = path.resolve(__dirname, '../../../../test/fixtures/report/sarif-schema-2.1.0.json');

let compiled: ValidateFunction | undefined;

/** The schema compiled once (compiling the 112 kB schema is the slow part). */
function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    compiled = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
  }
  return compiled;
}

describe('SARIF report', () => {
  const log = JSON.parse(formatSarif(sampleScan())) as Sarif.Log;
  const run = must(log.runs[0]);

  it('validates against the official SARIF 2.1.0 schema', () => {
    const validate = validator();
    const ok = validate(log);
    assert.ok(ok, JSON.stringify(validate.errors, null, 2));
  });

  it('the schema check is real: a broken log fails it', () => {
    const validate = validator();
    const broken = structuredClone(log);
    (
      must(must(must(must(broken.runs[0]).results?.[0]).locations?.[0])).physicalLocation!.region as {
        startLine: number;
      }
    ).startLine = 0;
    assert.equal(validate(broken), false);
  });

  it('describes the tool and every rule', () => {
    const driver = run.tool.driver;
    assert.equal(driver.name, 'flaglint');
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as {
      version: string;
    };
    assert.equal(driver.version, pkg.version);
    assert.deepEqual(
      driver.rules?.map((r) => r.id),
      RULES.map((r) => r.id),
    );
    const stale = driver.rules.find((r) => r.id === 'stale-flag')!;
    assert.equal(stale.defaultConfiguration?.level, 'warning');
    assert.equal(driver.rules.find((r) => r.id === 'unregistered-flag')!.defaultConfiguration?.level, 'error');
    assert.ok(stale.shortDescription?.text && stale.fullDescription?.text);
    assert.match(stale.helpUri ?? '', /docs\/rules\.md#stale-flag$/);
  });

  it('gives each result its rule, level, message and a 1-based region relative to %SRCROOT%', () => {
    const results = run.results!;
    assert.equal(results.length, sampleScan().findings.length);
    for (const r of results) assert.equal(driverRule(r).id, r.ruleId);
    const unregistered = results.find((r) => r.ruleId === 'unregistered-flag')!;
    assert.equal(unregistered.level, 'error');
    const loc = must(unregistered.locations![0]).physicalLocation!;
    assert.equal(loc.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.equal(loc.artifactLocation?.uri, 'apps/web/src/dir%20with%20space/Settings.tsx');
    // builders put the key at 0-based line 18, character 20, length 11.
    assert.deepEqual(loc.region, { startLine: 19, startColumn: 21, endLine: 19, endColumn: 32 });
    assert.equal(must(run.originalUriBaseIds?.['%SRCROOT%']).uri, 'file:///repo/');
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('carries related locations and reports skipped files as notifications', () => {
    const archived = run.results!.find((r) => r.ruleId === 'archived-flag-in-use')!;
    assert.equal(must(archived.relatedLocations?.[0]).physicalLocation?.artifactLocation?.uri, 'flags.yaml');
    const notes = must(run.invocations![0]).toolExecutionNotifications!;
    assert.equal(notes.length, 1);
    assert.equal(must(must(notes[0]).locations?.[0]).physicalLocation!.artifactLocation!.uri, 'apps/web/src/broken.ts');
  });

  it('fingerprints are unique per result and survive lines moving', () => {
    const prints = run.results!.map((r) => r.partialFingerprints!['flaglintFindingHash/v1']);
    assert.equal(new Set(prints).size, prints.length);
    const moved = sampleScan();
    for (const f of moved.findings) {
      f.location = {
        ...f.location,
        range: {
          start: { ...f.location.range.start, line: f.location.range.start.line + 5 },
          end: { ...f.location.range.end, line: f.location.range.end.line + 5 },
        },
      };
    }
    const again = must(buildSarif(moved).runs[0]).results!.map((r) => r.partialFingerprints!['flaglintFindingHash/v1']);
    assert.deepEqual(again, prints);
  });

  function driverRule(r: Sarif.Result): Sarif.ReportingDescriptor {
    return must(run.tool.driver.rules![r.ruleIndex!]);
  }
});
