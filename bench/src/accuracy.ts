import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * `npm run accuracy -- <repo-dir> [--list bench/accuracy/<name>.tsv] [--registry file] [--no-registry]`
 *
 * Scores Flaglint's detection on a real repository against a hand-checked list of evaluations
 * (`bench/accuracy/<name>.tsv`: file, line, key, form; facts read from the code by a person, never
 * produced by Flaglint). The list covers every evaluation of a sample of flags, so:
 * - recall: listed evaluations that Flaglint reports at that file and line with that key;
 * - precision: of Flaglint's references whose key is one of the sampled flags, those on the list.
 * `bench/accuracy/<name>.flags.yaml`, when present, is the registry a user would write from the
 * README for that repository. `--no-registry` scores what Flaglint finds with none at all: the scan
 * section that discovery proposes (`flaglint init --dry-run`) counts, the flags it drafts do not.
 */
interface Expected {
  file: string;
  line: number;
  key: string;
  form: string;
}

interface ReportedReference {
  file: string;
  line: number;
  key: string;
  registryKey?: string;
}

interface Args {
  repo: string;
  list: string;
  registry?: string;
  /** No registry: use the scan section `flaglint init` proposes. */
  discover: boolean;
}

const benchDir = path.resolve(__dirname, '../../../bench');
const cli = path.resolve(__dirname, '../../server/src/cli/main.js');

function parseArgs(argv: string[]): Args {
  let repo: string | undefined;
  let list: string | undefined;
  let registry: string | undefined;
  let noRegistry = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--no-registry') noRegistry = true;
    else if (a === '--list' || a === '--registry') {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      if (a === '--list') list = path.resolve(v);
      else registry = path.resolve(v);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a} (expected --list, --registry, --no-registry)`);
    else repo = path.resolve(a);
  }
  if (repo === undefined)
    throw new Error('usage: npm run accuracy -- <repo-dir> [--list file.tsv] [--registry flags.yaml] [--no-registry]');
  const name = path.basename(repo);
  list ??= path.join(benchDir, 'accuracy', `${name}.tsv`);
  const ownRegistry = path.join(benchDir, 'accuracy', `${name}.flags.yaml`);
  if (!noRegistry && registry === undefined && fs.existsSync(ownRegistry)) registry = ownRegistry;
  return { repo, list, registry: noRegistry ? undefined : registry, discover: noRegistry };
}

/** Reads the hand-checked list; `#` lines are comments, the header row names the columns. */
export function readList(file: string): Expected[] {
  const rows: Expected[] = [];
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('file\t')) continue;
    const [f, l, key, form] = raw.split('\t');
    if (f === undefined || l === undefined || key === undefined || !/^\d+$/.test(l)) {
      throw new Error(`${file}: bad row '${raw}' (expected file<TAB>line<TAB>key<TAB>form)`);
    }
    rows.push({ file: f, line: Number(l), key, form: form ?? '' });
  }
  return rows;
}

/** The scan section `flaglint init` proposes for the repository, as a registry file under bench/results. */
function discoveredRegistry(repo: string): string | undefined {
  const text = execFileSync(process.execPath, [cli, 'init', repo, '--dry-run', '--no-cache'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const scanSection = text.split(/^flags:/m)[0] ?? '';
  if (!/^scan:/m.test(scanSection)) return undefined;
  const dir = path.join(benchDir, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${path.basename(repo)}.discovered.yaml`);
  fs.writeFileSync(file, scanSection);
  return file;
}

function scan(args: Args): ReportedReference[] {
  const argv = [cli, 'check', args.repo, '--format', 'json', '--no-cache'];
  if (args.registry !== undefined) argv.push('--registry', args.registry);
  let out: string;
  try {
    out = execFileSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  } catch (error) {
    // Exit 1 means problems were found: the report is still on stdout.
    const e = error as { status?: number; stdout?: string };
    if (e.status !== 1 || e.stdout === undefined) throw error;
    out = e.stdout;
  }
  const report = JSON.parse(out) as { references?: ReportedReference[] };
  if (report.references === undefined)
    throw new Error('the JSON report has no references list (a Flaglint older than report version 2)');
  return report.references;
}

export interface Score {
  expected: number;
  found: number;
  recall: number;
  sampledReported: number;
  correct: number;
  precision: number;
  missesByForm: Record<string, number>;
  misses: Expected[];
  extras: ReportedReference[];
}

export function score(expected: readonly Expected[], reported: readonly ReportedReference[]): Score {
  const at = (file: string, line: number, key: string): string => `${file}:${line}:${key}`;
  const reportedAt = new Set(reported.map((r) => at(r.file, r.line, r.registryKey ?? r.key)));
  const expectedAt = new Set(expected.map((e) => at(e.file, e.line, e.key)));
  const sampledKeys = new Set(expected.map((e) => e.key));
  const misses = expected.filter((e) => !reportedAt.has(at(e.file, e.line, e.key)));
  const sampled = reported.filter((r) => sampledKeys.has(r.registryKey ?? r.key));
  const extras = sampled.filter((r) => !expectedAt.has(at(r.file, r.line, r.registryKey ?? r.key)));
  const missesByForm: Record<string, number> = {};
  for (const m of misses) missesByForm[m.form] = (missesByForm[m.form] ?? 0) + 1;
  const found = expected.length - misses.length;
  const correct = sampled.length - extras.length;
  return {
    expected: expected.length,
    found,
    recall: expected.length === 0 ? 1 : found / expected.length,
    sampledReported: sampled.length,
    correct,
    precision: sampled.length === 0 ? 1 : correct / sampled.length,
    missesByForm,
    misses,
    extras,
  };
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.discover) args.registry = discoveredRegistry(args.repo);
  const expected = readList(args.list);
  const s = score(expected, scan(args));
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  const with_ = args.discover
    ? `no registry, scan section discovered${args.registry === undefined ? ': none' : ` (${path.relative(process.cwd(), args.registry)})`}`
    : args.registry === undefined
      ? 'no registry'
      : `registry ${path.relative(process.cwd(), args.registry)}`;
  console.log(`${path.basename(args.repo)} (${with_})`);
  console.log(`recall    ${pct(s.recall)}  (${s.found}/${s.expected} listed evaluations found)`);
  console.log(
    `precision ${pct(s.precision)}  (${s.correct}/${s.sampledReported} references of the sampled flags on the list)`,
  );
  if (s.misses.length > 0) {
    console.log(
      `misses by form: ${Object.entries(s.missesByForm)
        .map(([f, n]) => `${f} ${n}`)
        .join(', ')}`,
    );
    for (const m of s.misses) console.log(`  missed ${m.file}:${m.line} ${m.key} (${m.form})`);
  }
  for (const r of s.extras) console.log(`  not on the list ${r.file}:${r.line} ${r.registryKey ?? r.key}`);
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    process.stderr.write(`accuracy: ${(error as Error).message}\n`);
    process.exitCode = 2;
  }
}
