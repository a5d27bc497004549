/**
 * The editor's first diagnostics: an open document is answered from its buffer and the registry
 * before the workspace scan ends, through the wrappers its calls import, and those diagnostics are
 * the ones the scan publishes for it; after the scan, every file's findings are the CLI's.
 * Ordering of notifications, never timings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { LspSession, NOW, REPO, copyFixture, uriOf, type SessionEvent } from './lspSession';

const INVOICES = 'src/billing/invoices.ts';

interface JsonFinding {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  message: string;
}

function checkJson(root: string): JsonFinding[] {
  const cli = path.join(REPO, 'out/server/src/cli/main.js');
  const run = spawnSync(process.execPath, [cli, 'check', root, '--format', 'json', '--no-cache'], {
    encoding: 'utf8',
    env: { ...process.env, FLAGLINT_NOW: NOW },
  });
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

describe('language server: the open document first', function () {
  let session: LspSession;
  let root: string;
  let uri: string;

  before(async function () {
    root = copyFixture('wrapped');
    session = await LspSession.start(root);
    // As an editor restores its tabs: the document opens right after `initialized`.
    uri = await session.open(INVOICES);
    await session.ready();
  });

  after(async function () {
    await session?.stop();
  });

  const isScanEnd = (e: SessionEvent): boolean => e.kind === 'status' && !e.scanning;
  const firstFor = (u: string): number =>
    session.events.findIndex((e) => e.kind === 'diagnostics' && e.uri === u && e.diagnostics.length > 0);

  it('publishes the open document’s diagnostics before the scan ends, and shows the scan’s progress until it ends', function () {
    const first = firstFor(uri);
    const scanEnd = session.events.findIndex(isScanEnd);
    assert.ok(first >= 0, 'the open document got diagnostics');
    assert.ok(
      scanEnd > first,
      `diagnostics at event ${first}, scan end at ${scanEnd}: ${session.events.map((e) => e.kind).join(', ')}`,
    );
    const begin = session.events.findIndex((e) => e.kind === 'progress' && e.progress === 'begin');
    const end = session.events.findIndex((e) => e.kind === 'progress' && e.progress === 'end');
    // The document is answered as soon as it opens, the scan's progress runs until the scan is done.
    assert.ok(
      begin >= 0 && begin < end && end > first,
      `progress begin ${begin}, end ${end}, first diagnostics ${first}`,
    );
    // Files nobody opened wait for the scan.
    const other = firstFor(uriOf(session.abs('flags.yaml')));
    assert.ok(other > first, 'the registry’s findings (they need the whole inventory) come with the scan');
  });

  it('gives the open document, before the scan, the diagnostics the scan gives it (wrapper calls included)', function () {
    const early = session.events[firstFor(uri)];
    assert.ok(early?.kind === 'diagnostics');
    const final = session.diagnosticsOf(INVOICES);
    assert.deepEqual(early.diagnostics, final);
    // Both come through `isFeatureOn`, a wrapper defined two imports away (a barrel, then isOn.ts).
    assert.deepEqual(final.map((d) => String(d.code)).sort(), ['stale-flag', 'unregistered-flag']);
  });

  it('ends with the findings of `flaglint check` on the same tree, in every file', function () {
    const fromServer = [...session.diagnostics].flatMap(([u, diagnostics]) =>
      diagnostics.map(
        (d) =>
          `${path.relative(root, new URL(u).pathname)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`,
      ),
    );
    const fromCli = checkJson(root).map((f) => `${f.file}:${f.line}:${f.column} ${f.ruleId}`);
    assert.ok(fromCli.length >= 5);
    assert.deepEqual(fromServer.sort(), fromCli.sort());
  });
});
