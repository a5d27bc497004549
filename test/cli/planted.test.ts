import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  describeDifference,
  findingId,
  loadExpected,
  noteId,
  REPO_ROOT,
  reportedFindings,
  reportedInventory,
  reportedNotes,
  rowId,
  runCli,
  type CliRun,
  type Expected,
  type ExpectedNote,
} from './helpers/plantedWorkspace';

/**
 * Acceptance tests: the real CLI over realistic workspaces with planted problems. Each workspace's
 * `.flaglint-expected.json` lists every finding it must produce and nothing else; a failure prints
 * the findings that are missing and the ones nobody expected.
 */

const FULL_WORKSPACES = ['examples/shop', 'test/fixtures/workspaces/acme'];
const REGISTRY_FIXTURES = [
  'test/fixtures/workspaces/registry-syntax-error',
  'test/fixtures/workspaces/registry-schema-error',
];

function check(workspace: string, expected: Expected): CliRun {
  return runCli(['check', workspace, '--format', 'json', '--now', expected.now, '--no-cache']);
}

function assertFindings(workspace: string, expected: Expected, run: CliRun): void {
  let actual = reportedFindings(workspace, run.json);
  if (expected.rules) actual = actual.filter((f) => expected.rules!.includes(f.ruleId));
  const diff = describeDifference(
    'findings',
    expected.findings,
    actual,
    findingId,
    (f) => (f as { message?: string }).message ?? '',
  );
  assert.ok(diff === '', `${path.relative(REPO_ROOT, workspace)}:\n${diff}`);
}

for (const relative of FULL_WORKSPACES) {
  describe(`planted workspace ${relative}`, () => {
    const workspace = path.join(REPO_ROOT, relative);
    const expected = loadExpected(workspace);
    let run: CliRun;

    before(() => {
      run = check(workspace, expected);
    });

    it('reports exactly the planted findings, each at its line', () => {
      assertFindings(workspace, expected, run);
    });

    it('exits with the code CI needs (1: problems at error severity)', () => {
      assert.equal(run.status, expected.exitCode ?? 1, `stderr:\n${run.stderr}`);
    });

    it('reports unparsable files as notes without losing the other files', () => {
      const actual = reportedNotes(workspace, run.json);
      const wanted = expected.notes ?? [];
      // A note's line is compared when both sides give one; a note without a position is still a note.
      const same = (a: ExpectedNote, b: ExpectedNote) => a.kind === b.kind && a.file === b.file;
      const lineIfBoth = (n: ExpectedNote, others: ExpectedNote[]): ExpectedNote =>
        others.some((o) => same(o, n) && o.line !== undefined) ? n : { kind: n.kind, file: n.file };
      const diff = describeDifference(
        'notes',
        wanted.map((n) => lineIfBoth(n, actual)),
        actual.map((n) => lineIfBoth(n, wanted)),
        noteId,
      );
      assert.ok(diff === '', diff);
    });

    it('lists every registered flag and every unregistered key with its reference count', () => {
      assert.ok(expected.inventory, 'the expected file has no inventory');
      const listed = runCli(['list', workspace, '--format', 'json', '--now', expected.now, '--no-cache']);
      const diff = describeDifference(
        'inventory',
        expected.inventory,
        reportedInventory(workspace, listed.json),
        rowId,
      );
      assert.ok(diff === '', diff);
    });
  });
}

for (const relative of REGISTRY_FIXTURES) {
  describe(`broken registry ${relative}`, () => {
    const workspace = path.join(REPO_ROOT, relative);
    const expected = loadExpected(workspace);

    it('reports the registry problem at its line and exits with 2 instead of crashing', () => {
      const run = check(workspace, expected);
      assertFindings(workspace, expected, run);
      assert.equal(run.status, expected.exitCode, `stderr:\n${run.stderr}`);
      assert.doesNotMatch(run.stderr, /^\s+at .+:\d+:\d+\)?$/m, `the CLI printed a stack trace:\n${run.stderr}`);
    });
  });
}
