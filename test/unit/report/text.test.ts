import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildInventory, formatInventoryText, formatJson, formatText } from '../../../server/src/core/report';
import type { JsonReport } from '../../../server/src/core/report';
import { NOW, packageOf, ROOT, sampleScan } from './sampleScan';
import { must } from '../../helpers/must';

const ANSI = /\u001b\[/;

describe('text report', () => {
  const scan = sampleScan();
  const text = formatText(scan, { baseDir: ROOT, color: false });

  it('prints one line per finding as file:line:col  severity  message  [rule]', () => {
    const lines = text.split('\n').filter((l) => /\[[a-z-]+\]$/.test(l) && !l.startsWith(' '));
    assert.equal(lines.length, scan.findings.length);
    assert.ok(
      lines.includes(
        `apps/web/src/theme/useTheme.ts:4:21  error    ${scan.findings.find((f) => f.location.file.endsWith('useTheme.ts'))!.message}  [unregistered-flag]`,
      ),
    );
  });

  it('groups lines by file with a blank line between files', () => {
    const blocks = text.split('\n\n').slice(0, -2);
    for (const block of blocks) {
      const files = new Set(block.split('\n').map((l) => l.split(':')[0]));
      assert.equal(files.size, 1, block);
    }
  });

  it('lists skipped files and ends with a summary line', () => {
    assert.match(
      text,
      /Skipped or partly read \(1\):\n {2}apps\/web\/src\/broken\.ts:5:13 {2}'\)' expected\. {2}\[syntax-error\]/,
    );
    const errors = scan.findings.filter((f) => f.severity === 'error').length;
    const warnings = scan.findings.filter((f) => f.severity === 'warning').length;
    assert.match(
      text.trimEnd().split('\n').pop()!,
      new RegExp(
        `^✖ ${errors + warnings} problems \\(${errors} errors, ${warnings} warnings\\): 42 files scanned, 5 flags \\(1 unregistered\\), 7 references, 1 dynamic key\\.$`,
      ),
    );
  });

  it('prints paths relative to the given folder', () => {
    const fromApps = formatText(scan, { baseDir: path.join(ROOT, 'apps'), color: false });
    assert.match(fromApps, /^web\/src\/theme\/useTheme\.ts:4:21/m);
    assert.match(fromApps, /^\.\.\/flags\.yaml:/m);
  });

  it('uses colour only when asked', () => {
    assert.doesNotMatch(text, ANSI);
    assert.match(formatText(scan, { baseDir: ROOT, color: true }), ANSI);
  });

  it('says so when there is nothing to report', () => {
    const clean = { ...scan, findings: [], notes: [] };
    assert.equal(
      formatText(clean, { baseDir: ROOT, color: false }),
      '✔ No problems: 42 files scanned, 5 flags (1 unregistered), 7 references, 1 dynamic key.\n',
    );
  });
});

describe('inventory text table', () => {
  it('aligns columns and summarises', () => {
    const out = formatInventoryText(buildInventory(sampleScan(), { packageOf, now: NOW }), { color: false });
    const lines = out.split('\n');
    assert.match(must(lines[0]), /^FLAG +OWNER +TYPE +STATUS +AGE +EXPIRES +REFS +PACKAGES +PROBLEMS$/);
    const ownerColumn = must(lines[0]).indexOf('OWNER');
    for (const line of lines.slice(1, 6)) assert.equal(line[ownerColumn - 1], ' ', line);
    assert.match(out, /^dark-mode +unregistered +2 +@shop\/web +2E 0W$/m);
    assert.match(out, /^search-ranking .* expired 15d ago /m);
    assert.match(out, /5 flags: 4 registered, 1 unregistered, 0 registered but not referenced\.\n$/);
  });
});

describe('JSON report', () => {
  const scan = sampleScan();
  const report = JSON.parse(formatJson(scan, buildInventory(scan, { packageOf, now: NOW }))) as JsonReport;

  it('has the documented top-level shape', () => {
    assert.deepEqual(Object.keys(report), [
      'version',
      'tool',
      'root',
      'summary',
      'findings',
      'inventory',
      'references',
      'dynamic',
      'notes',
      'stats',
    ]);
    assert.equal(report.version, 2);
    assert.equal(report.tool.name, 'flaglint');
    assert.equal(report.summary.errors, scan.findings.filter((f) => f.severity === 'error').length);
    assert.deepEqual(report.stats, scan.stats);
  });

  it('uses root-relative paths and 1-based positions', () => {
    const f = report.findings.find((x) => x.ruleId === 'unregistered-flag' && x.file.endsWith('useTheme.ts'))!;
    assert.deepEqual(
      [f.file, f.line, f.column, f.endLine, f.endColumn],
      ['apps/web/src/theme/useTheme.ts', 4, 21, 4, 32],
    );
    assert.equal(f.flagKey, 'dark-mode');
    assert.deepEqual(report.dynamic[0], {
      file: 'apps/api/src/flags.ts',
      line: 13,
      column: 31,
      source: 'launchdarkly',
      callee: 'variation',
      expression: 'name',
      reason: 'the key is a function parameter',
    });
    assert.deepEqual(report.notes[0], {
      file: 'apps/web/src/broken.ts',
      kind: 'syntax-error',
      message: "')' expected.",
      line: 5,
      column: 13,
    });
    assert.equal(report.inventory.find((r) => r.key === 'new-checkout')?.registry, 'flags.yaml');
  });
});
