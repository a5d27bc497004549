import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Support for the acceptance tests over the planted workspaces (examples/shop,
 * test/fixtures/workspaces/*): each workspace carries `.flaglint-expected.json`, the exact list of
 * findings the CLI must report for it, and these helpers run the real CLI and compare.
 */

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO_ROOT, 'out/server/src/cli/main.js');

export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line: number;
  flagKey?: string;
}

export interface ExpectedRow {
  key: string;
  registry?: string;
  registered: boolean;
  references: number;
}

export interface ExpectedNote {
  kind: string;
  file: string;
  line?: number;
}

export interface Expected {
  now: string;
  exitCode?: number;
  /** When present, only findings of these rules are compared. */
  rules?: string[];
  findings: ExpectedFinding[];
  inventory?: ExpectedRow[];
  notes?: ExpectedNote[];
}

export function loadExpected(workspace: string): Expected {
  const file = path.join(workspace, '.flaglint-expected.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Expected;
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  json: unknown;
}

/** Runs the built CLI the way CI would, with colour off and no cache, and parses its JSON output. */
export function runCli(args: string[]): CliRun {
  if (!fs.existsSync(CLI)) {
    throw new Error(`The CLI is not built (${path.relative(REPO_ROOT, CLI)} is missing); run \`npx tsc -b\` first.`);
  }
  // The date comes from --now only, so a FLAGLINT_NOW in the caller's environment cannot skew results.
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  delete env.FLAGLINT_NOW;
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw res.error;
  let json: unknown;
  try {
    json = JSON.parse(res.stdout);
  } catch {
    throw new Error(
      `flaglint ${args.join(' ')} did not print JSON (exit ${res.status}).\n--- stdout ---\n${res.stdout.slice(0, 4000)}\n--- stderr ---\n${res.stderr.slice(0, 4000)}`,
    );
  }
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, json };
}

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A path as the expected files write it: relative to the workspace, forward slashes. */
function relativeFile(workspace: string, file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(workspace, file) : file;
  return rel.split(path.sep).join('/').replace(/^\.\//, '');
}

/**
 * Reads one finding from the JSON report (`file` relative, `line` 1-based) or from a model
 * `Finding` (`location.file` absolute, `location.range.start.line` 0-based).
 */
function readFinding(workspace: string, raw: Json): ExpectedFinding & { message?: string } {
  let file: string;
  let line: number;
  if (isObject(raw.location)) {
    const loc = raw.location as { file: string; range: { start: { line: number } } };
    file = loc.file;
    line = loc.range.start.line + 1;
  } else {
    file = String(raw.file);
    line = Number(raw.line);
  }
  const out: ExpectedFinding & { message?: string } = {
    ruleId: String(raw.ruleId),
    file: relativeFile(workspace, file),
    line,
  };
  if (typeof raw.flagKey === 'string') out.flagKey = raw.flagKey;
  if (typeof raw.message === 'string') out.message = raw.message;
  return out;
}

export function reportedFindings(workspace: string, report: unknown): (ExpectedFinding & { message?: string })[] {
  if (!isObject(report) || !Array.isArray(report.findings)) {
    throw new Error(
      `The JSON report has no \`findings\` array; its top-level keys are: ${isObject(report) ? Object.keys(report).join(', ') : typeof report}`,
    );
  }
  return (report.findings as Json[]).map((f) => readFinding(workspace, f));
}

export function reportedNotes(workspace: string, report: unknown): ExpectedNote[] {
  if (!isObject(report) || !Array.isArray(report.notes)) return [];
  return (report.notes as Json[]).map((n) => {
    const loc = isObject(n.location) ? (n.location as { range: { start: { line: number } } }) : undefined;
    const note: ExpectedNote = { kind: String(n.kind), file: relativeFile(workspace, String(n.file)) };
    const line = loc ? loc.range.start.line + 1 : typeof n.line === 'number' ? n.line : undefined;
    if (line !== undefined) note.line = line;
    return note;
  });
}

/** The inventory rows of `flaglint list --format json`: a bare array, or `{ inventory | flags: [...] }`. */
export function reportedInventory(workspace: string, output: unknown): ExpectedRow[] {
  const rows = Array.isArray(output)
    ? output
    : isObject(output) && Array.isArray(output.inventory)
      ? output.inventory
      : isObject(output) && Array.isArray(output.flags)
        ? output.flags
        : undefined;
  if (!rows) {
    throw new Error(
      `\`flaglint list --format json\` printed no inventory array; top-level keys: ${isObject(output) ? Object.keys(output).join(', ') : typeof output}`,
    );
  }
  return (rows as Json[]).map((r) => {
    const refs = r.references;
    const row: ExpectedRow = {
      key: String(r.key),
      registered: r.registered === true,
      references: Array.isArray(refs) ? refs.length : Number(refs),
    };
    if (typeof r.registry === 'string') row.registry = relativeFile(workspace, r.registry);
    return row;
  });
}

export function findingId(f: ExpectedFinding): string {
  return `${f.ruleId.padEnd(24)} ${`${f.file}:${f.line}`.padEnd(52)} ${f.flagKey ?? '(no flag key)'}`;
}

export function rowId(r: ExpectedRow): string {
  return `${r.key.padEnd(26)} ${(r.registry ?? '(no registry)').padEnd(30)} ${r.registered ? 'registered  ' : 'unregistered'} ${r.references} reference(s)`;
}

export function noteId(n: ExpectedNote): string {
  return `${n.kind} ${n.file}${n.line !== undefined ? `:${n.line}` : ''}`;
}

/**
 * Compares two lists as multisets (a finding reported twice is one too many) and describes the
 * difference for a failure message; empty when they agree.
 */
export function describeDifference<T>(
  what: string,
  expected: readonly T[],
  actual: readonly T[],
  id: (t: T) => string,
  detail?: (t: T) => string,
): string {
  const remaining = new Map<string, number>();
  for (const e of expected) remaining.set(id(e), (remaining.get(id(e)) ?? 0) + 1);
  const unexpected: T[] = [];
  for (const a of actual) {
    const n = remaining.get(id(a)) ?? 0;
    if (n > 0) remaining.set(id(a), n - 1);
    else unexpected.push(a);
  }
  const missing = [...remaining].flatMap(([k, n]) => Array<string>(n).fill(k));
  if (missing.length === 0 && unexpected.length === 0) return '';
  const lines = [
    `${what}: ${missing.length} missing, ${unexpected.length} unexpected (${expected.length} expected, ${actual.length} reported)`,
  ];
  if (missing.length) lines.push('  missing (expected, not reported):', ...missing.sort().map((m) => `    - ${m}`));
  if (unexpected.length) {
    lines.push('  unexpected (reported, not expected):');
    for (const u of unexpected) lines.push(`    + ${id(u)}${detail ? `\n        ${detail(u)}` : ''}`);
  }
  return lines.join('\n');
}
