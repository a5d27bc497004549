import * as assert from 'node:assert/strict';
import {
  buildInventory,
  csvField,
  formatInventoryCsv,
  formatMarkdown,
  inventoryMarkdown,
} from '../../../server/src/core/report';
import { NOW, packageOf, ROOT, sampleScan } from './sampleScan';
import { must } from '../../helpers/must';

/** A strict RFC 4180 reader, to check that what we write reads back as the same fields. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else if (ch === '"' || ch === '\n' || ch === '\r') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      field += ch;
    }
  }
  assert.equal(field + record.join(''), '', 'the last record ends with CRLF');
  return records;
}

describe('CSV inventory', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180) and nothing else', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('two\nlines'), '"two\nlines"');
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(['@shop/web', '@shop/api']), '@shop/web;@shop/api');
  });

  it('reads back row for row and field for field', () => {
    const inventory = buildInventory(sampleScan(), { packageOf, now: NOW });
    must(inventory[0]).description = 'Line one,\r\nline "two"';
    const records = parseCsv(formatInventoryCsv(inventory, ROOT));
    assert.equal(records.length, inventory.length + 1);
    assert.ok(
      records.every((r) => r.length === must(records[0]).length),
      "every record has the header's column count",
    );
    const header = must(records[0]);
    const checkout = records.find((r) => r[0] === 'new-checkout')!;
    const get = (row: string[], col: string) => row[header.indexOf(col)];
    assert.equal(get(checkout, 'description'), 'One-page checkout, with "express" pay');
    assert.equal(get(checkout, 'owner'), '@payments');
    assert.equal(get(checkout, 'packages'), '@shop/api;@shop/web');
    assert.equal(get(checkout, 'registry'), 'flags.yaml');
    assert.equal(get(checkout, 'ageDays'), '44');
    assert.equal(get(must(records[1]), 'description'), 'Line one,\r\nline "two"');
    assert.equal(
      get(
        records.find((r) => r[0] === 'search-ranking')!,
        'owner',
      ),
      '@search, @growth',
    );
  });
});

describe('Markdown report', () => {
  const scan = sampleScan();
  const md = formatMarkdown(scan, buildInventory(scan, { packageOf, now: NOW }));

  /** Splits a table row on unescaped pipes. */
  const cells = (line: string) =>
    line
      .trim()
      .slice(1, -1)
      .split(/(?<!\\)\|/);

  it('opens with the counts and a table of problems per rule', () => {
    const errors = scan.findings.filter((f) => f.severity === 'error').length;
    const warnings = scan.findings.filter((f) => f.severity === 'warning').length;
    assert.match(
      md,
      new RegExp(`^## Flaglint\\n\\n\\*\\*${errors} errors, ${warnings} warnings\\*\\* in 42 files scanned`),
    );
    assert.match(md, /\| `unregistered-flag` \| 2 \| 0 \| 0 \|/);
  });

  it('groups findings under one heading per rule, with file:line locations', () => {
    assert.match(md, /### `unregistered-flag` \(2\)/);
    assert.match(md, /\| ❌ \| `apps\/web\/src\/theme\/useTheme\.ts:4` \| `dark-mode` \|/);
  });

  it("keeps every table well-formed: pipes in values are escaped, rows have the header's cell count", () => {
    const lines = md.split('\n');
    let columns = 0;
    for (const line of lines) {
      if (!line.startsWith('|')) {
        columns = 0;
        continue;
      }
      const n = cells(line).length;
      if (columns === 0) columns = n;
      assert.equal(n, columns, line);
    }
    const table = inventoryMarkdown([
      { ...must(buildInventory(scan, { packageOf, now: NOW })[0]), owner: 'a|b', registered: true },
    ]);
    assert.match(must(table[2]), /a\\\|b/);
    assert.equal(cells(must(table[2])).length, cells(must(table[0])).length);
  });

  it('puts the inventory in a collapsed block', () => {
    assert.match(md, /<details><summary>Flag inventory \(5\)<\/summary>/);
    assert.match(
      md,
      /\| `search-ranking` \| @search, @growth \| experiment \| active \| 136 d \| 2026-09-30 \(expired\) \|/,
    );
  });
});
