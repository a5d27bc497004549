import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import type { ScanResult } from '../../../server/src/core/engine/types';
import {
  buildInventory,
  buildJsonReport,
  formatReferencesCsv,
  referenceForm,
  referenceRecords,
} from '../../../server/src/core/report';
import { REPO_ROOT } from '../../helpers/workspace';
import { scanFixture } from '../detect/scanFixture';
import { must } from '../../helpers/must';

const SCHEMA = path.join(REPO_ROOT, 'schema', 'report.schema.json');

/** The located references of the JSON report (version 2) and `flaglint list --references --format csv`. */
describe('report: the references list', () => {
  let result: ScanResult;
  before(async () => {
    result = await scanFixture('custom');
  });

  it('gives every reference with its place, key as written, registry key, function and form, valid against schema/report.schema.json', () => {
    const report = buildJsonReport(
      result,
      buildInventory(result, { packageOf: () => undefined, now: new Date('2026-10-01T00:00:00Z') }),
    );
    assert.equal(report.version, 2);
    assert.equal(report.references.length, result.references.length);
    const validate = new Ajv({ allErrors: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object,
    );
    assert.ok(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors, null, 2));
    const alias = report.references.find((r) => r.key === 'newCheckoutFlow');
    assert.ok(alias, 'the alias spelling is listed');
    assert.equal(alias.registryKey, 'new-checkout');
    assert.equal(alias.form, 'property', 'a destructured useFlags() read is a property read, whatever its spelling');
    const literal = result.references.find((r) => r.keyForm === 'literal' && r.kind === 'call')!;
    assert.equal(referenceForm({ ...literal, key: 'newCheckoutFlow', registryKey: 'new-checkout' }), 'alias');
    assert.equal(referenceForm({ ...literal, registryKey: literal.key }), 'literal');
    const toggle = report.references.find((r) => r.callee === 'config.featureToggles.*');
    assert.ok(toggle);
    assert.deepEqual(
      [toggle.key, toggle.form, toggle.source, toggle.inTest],
      ['instantClose', 'property', 'pattern', false],
    );
    for (const r of report.references) {
      assert.ok(!path.isAbsolute(r.file) && !r.file.includes('\\'), r.file);
      assert.ok(
        r.endLine > r.line || (r.endLine === r.line && r.endColumn > r.column),
        `${r.file}:${r.line} has a non-empty range`,
      );
    }
  });

  it('is rejected by the schema when a reference lacks its place or has an unknown form', () => {
    const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')) as object);
    const report = JSON.parse(JSON.stringify(buildJsonReport(result, []))) as { references: Record<string, unknown>[] };
    must(report.references[0]).form = 'guess';
    assert.equal(validate(report), false);
    delete must(report.references[0]).form;
    must(report.references[0]).line = 0;
    assert.equal(validate(report), false);
  });

  it('marks references in test files, by the default test globs or by scan.tests', () => {
    const ref = must(result.references[0]);
    const inSpec = {
      ...ref,
      location: { ...ref.location, file: path.join(result.root, 'src/jobs/closeMonth.spec.ts') },
    };
    const inTestsDir = {
      ...ref,
      location: { ...ref.location, file: path.join(result.root, 'src/__tests__/toggles.ts') },
    };
    const records = referenceRecords([inSpec, inTestsDir, ref], [], result.root);
    assert.deepEqual(
      records.map((r) => [r.file, r.inTest]),
      [
        ['src/__tests__/toggles.ts', true],
        ['src/jobs/closeMonth.spec.ts', true],
        [path.relative(result.root, ref.location.file), false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const registry = {
      ...must(result.registries[0]),
      scan: { ...must(result.registries[0]).scan, tests: ['src/jobs/**'] },
    };
    const own = referenceRecords([inSpec, inTestsDir], [registry], result.root);
    assert.deepEqual(
      own.map((r) => [r.file, r.inTest]),
      [
        ['src/__tests__/toggles.ts', false],
        ['src/jobs/closeMonth.spec.ts', true],
      ],
    );
  });

  it('writes the CSV one row per reference, in file and line order', () => {
    const records = referenceRecords(result.references, result.registries, result.root);
    const lines = formatReferencesCsv(records).split('\r\n');
    assert.equal(lines[0], 'file,line,column,endLine,endColumn,key,registryKey,source,callee,form,via,inTest');
    assert.equal(lines.length, records.length + 2, 'a header, one line per reference and the final CRLF');
    const first = must(records[0]);
    assert.equal(
      lines[1],
      [
        first.file,
        first.line,
        first.column,
        first.endLine,
        first.endColumn,
        first.key,
        first.registryKey ?? '',
        first.source,
        first.callee,
        first.form,
        (first.via ?? []).join(';'),
        first.inTest,
      ].join(','),
    );
  });
});
