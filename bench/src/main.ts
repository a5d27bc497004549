import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { walkWorkspace } from '../../server/src/core/engine/fileWalker';
import { generateRepo } from './generate';
import { readFloorCommand, runSideBySide, shellQuote, type SideBySideResult } from './sideBySide';

/**
 * `npm run bench [-- --sizes 1000,20000] [--repo <folder>] [--runs 3] [--compare "<cmd>"] [--out file.json]`
 *
 * For each workspace (generated monorepos of the given sizes, and any real folder):
 * - side by side, alternating, medians: the read floor of the files the scan lists, the CLI
 *   (`flaglint check`) cold and warm as whole processes, and every `--compare` command (`{root}` in
 *   it is replaced by the folder, e.g. `--compare "rg -c getFlag {root}"`);
 * - in-process phases: module load, walk, prefilter, parse, resolve, findings of cold and warm scans;
 * - time to one file's findings before any scan, and edit latency on a large file;
 * - on real folders, the removal of the most referenced flag (without and with verification).
 * Every phase runs in its own process (peak memory per phase); each is repeated and the median
 * reported, because this machine is noisy.
 */
interface Args {
  sizes: number[];
  repos: string[];
  runs: number;
  out: string;
  compare: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    sizes: [1000, 20000],
    repos: [],
    runs: 3,
    out: path.resolve('bench/results/latest.json'),
    compare: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--no-synthetic') {
      args.sizes = [];
      continue;
    }
    if (v === undefined) throw new Error(`${a} needs a value`);
    if (a === '--sizes') args.sizes = v.split(',').filter(Boolean).map(Number);
    else if (a === '--repo') args.repos.push(path.resolve(v));
    else if (a === '--runs') args.runs = Number(v);
    else if (a === '--out') args.out = path.resolve(v);
    else if (a === '--compare') args.compare.push(v);
    else throw new Error(`unknown argument ${a} (expected --sizes, --repo, --runs, --out, --compare, --no-synthetic)`);
    i++;
  }
  return args;
}

const phaseScript = path.join(__dirname, 'phase.js');

function runPhase(...argv: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, [phaseScript, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

/** The median; NaN for no values (a phase that reported nothing shows as NaN, not as 0). */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

function medianOf(runs: Record<string, number>[], key: string): number {
  return median(runs.map((r) => r[key] ?? NaN));
}

/** A count that every run reports alike (files, references): the first run's. */
function firstRun(runs: Record<string, number>[], key: string): number {
  return runs[0]?.[key] ?? NaN;
}

/** The largest source file that holds a flag evaluation (or the largest file): what a user edits. */
function pickEditFile(root: string): string {
  let best = '';
  let bestSize = -1;
  for (const f of walkWorkspace(root).files) {
    const size = fs.statSync(f).size;
    if (size > bestSize && size < 1024 * 1024) {
      best = f;
      bestSize = size;
    }
  }
  return best;
}

/** The CLI as installed (the bundle) when it has been built, else the compiled one. */
function cliPath(): string {
  const bundle = path.resolve(__dirname, '../../../dist/cli.js');
  return fs.existsSync(bundle) ? bundle : path.resolve(__dirname, '../../server/src/cli/main.js');
}

function sideBySide(root: string, runs: number, compare: readonly string[]): SideBySideResult[] {
  const files = walkWorkspace(root).files;
  const floor = readFloorCommand(files);
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-bench-home-'));
  const cli = `${shellQuote(process.execPath)} ${shellQuote(cliPath())} check {root} --format json --output /dev/null`;
  const warm = `FLAGLINT_CACHE_DIR=${shellQuote(cacheHome)} ${cli}`;
  try {
    // Untimed: fills the warm cache.
    execFileSync('sh', ['-c', warm.split('{root}').join(shellQuote(root))], { stdio: 'ignore' }).toString();
  } catch {
    // check exits 1 when it finds problems; the cache is written all the same.
  }
  try {
    return runSideBySide(
      root,
      [
        { label: 'read floor', command: floor.command },
        { label: 'flaglint cold', command: `${cli} --no-cache` },
        { label: 'flaglint warm', command: warm },
        ...compare.map((command) => ({ label: command.split(/\s+/)[0] ?? command, command })),
      ],
      runs,
    );
  } finally {
    floor.cleanup();
    fs.rmSync(cacheHome, { recursive: true, force: true });
  }
}

function benchWorkspace(
  label: string,
  root: string,
  editFile: string,
  runs: number,
  compare: readonly string[],
  removal = false,
): Record<string, unknown> {
  const cacheDir = path.join(os.tmpdir(), `flaglint-bench-cache-${process.pid}-${label}`);
  const floor: Record<string, number>[] = [];
  const cold: Record<string, number>[] = [];
  const warm: Record<string, number>[] = [];
  const first: Record<string, number>[] = [];
  const edit: Record<string, number>[] = [];
  const remove: Record<string, number>[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push(runPhase('floor', root, cacheDir));
    cold.push(runPhase('cold', root, cacheDir));
    warm.push(runPhase('warm', root, cacheDir));
    first.push(runPhase('first', root, cacheDir, editFile));
    edit.push(runPhase('edit', root, cacheDir, editFile, '40'));
    if (removal) remove.push(runPhase('remove', root, cacheDir));
  }
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const processes = sideBySide(root, Math.max(runs, 5), compare);
  const phases = (runsOf: Record<string, number>[]): Record<string, number> => ({
    moduleLoadMs: Math.round(medianOf(runsOf, 'loadMs')),
    walkMs: Math.round(medianOf(runsOf, 'walkMs')),
    prefilterMs: Math.round(medianOf(runsOf, 'prefilterMs')),
    parseMs: Math.round(medianOf(runsOf, 'parseMs')),
    resolveMs: Math.round(medianOf(runsOf, 'resolveMs')),
    findingsMs: Math.round(medianOf(runsOf, 'findingsMs')),
  });
  const floorMs = medianOf(floor, 'floorMs');
  const readMs = medianOf(floor, 'readMs');
  const coldMs = medianOf(cold, 'ms');
  const warmMs = medianOf(warm, 'ms');
  const files = firstRun(floor, 'files');
  const result = {
    label,
    root,
    files,
    megabytes: +(firstRun(floor, 'bytes') / 1048576).toFixed(1),
    parsedCold: firstRun(cold, 'parsed'),
    references: firstRun(cold, 'references'),
    dynamic: firstRun(cold, 'dynamic'),
    findings: firstRun(cold, 'findings'),
    floorMs: Math.round(floorMs),
    readOnlyMs: Math.round(readMs),
    coldMs: Math.round(coldMs),
    warmMs: Math.round(warmMs),
    coldFilesPerSec: Math.round(files / (coldMs / 1000)),
    coldVsFloor: +(coldMs / floorMs).toFixed(2),
    warmVsFloor: +(warmMs / floorMs).toFixed(2),
    firstFileMs: Math.round(medianOf(first, 'ms')),
    editFile: path.relative(root, editFile),
    editLines: edit[0]!.lines,
    editMedianMs: +medianOf(edit, 'medianMs').toFixed(2),
    editP95Ms: +medianOf(edit, 'p95Ms').toFixed(2),
    moduleLoadMs: Math.round(medianOf(cold, 'loadMs')),
    ...(remove.length > 0 && remove[0]!.key !== undefined
      ? {
          removeKey: remove[0]!.key,
          removeMs: Math.round(medianOf(remove, 'noVerifyMs')),
          removeVerifyMs: Math.round(medianOf(remove, 'verifyMs')),
          removeVerifyWarmMs: Math.round(medianOf(remove, 'verifyWarmMs')),
        }
      : {}),
    peakRssMb: {
      floor: medianOf(floor, 'maxRssMb'),
      cold: medianOf(cold, 'maxRssMb'),
      warm: medianOf(warm, 'maxRssMb'),
      edit: medianOf(edit, 'maxRssMb'),
    },
    phases: { cold: phases(cold), warm: phases(warm) },
    processes,
  };
  return result;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const results: Record<string, unknown>[] = [];
  const machine = `${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  console.log(`flaglint bench — ${machine}; medians of ${args.runs} runs; every phase in its own process`);
  for (const size of args.sizes) {
    const root = path.join(os.tmpdir(), `flaglint-bench-${size}`);
    const repo = generateRepo(root, size);
    console.log(`\ngenerated ${repo.files} files (${(repo.bytes / 1048576).toFixed(1)} MB) in ${root}`);
    results.push(print(benchWorkspace(`synthetic-${size}`, root, repo.largeFile, args.runs, args.compare)));
  }
  for (const repo of args.repos) {
    results.push(print(benchWorkspace(path.basename(repo), repo, pickEditFile(repo), args.runs, args.compare, true)));
  }
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(
    args.out,
    JSON.stringify({ machine, date: new Date().toISOString(), runs: args.runs, results }, null, 2),
  );
  console.log(`\nresults written to ${args.out}`);
}

function print(r: Record<string, unknown>): Record<string, unknown> {
  const rss = r.peakRssMb as Record<string, number>;
  console.log(
    `${r.label}: ${r.files} files, ${r.megabytes} MB, ${r.parsedCold} parsed; ${r.references} references, ${r.dynamic} dynamic, ${r.findings} findings`,
  );
  console.log(`  read floor (list + read)  ${r.floorMs} ms   (read alone ${r.readOnlyMs} ms)`);
  console.log(
    `  cold scan                 ${r.coldMs} ms   ${r.coldFilesPerSec} files/s   ${r.coldVsFloor}x floor   peak ${rss.cold} MB`,
  );
  console.log(`  warm scan (cache)         ${r.warmMs} ms   ${r.warmVsFloor}x floor   peak ${rss.warm} MB`);
  console.log(`  one file before the scan  ${r.firstFileMs} ms`);
  console.log(`  edit ${r.editFile} (${r.editLines} lines): median ${r.editMedianMs} ms, p95 ${r.editP95Ms} ms`);
  if (r.removeKey !== undefined) {
    console.log(
      `  remove '${r.removeKey}'        ${r.removeMs} ms; verified ${r.removeVerifyMs} ms, again in the same process ${r.removeVerifyWarmMs} ms`,
    );
  }
  console.log(`  module load               ${r.moduleLoadMs} ms (not in the scan times)`);
  const phases = r.phases as Record<'cold' | 'warm', Record<string, number>>;
  for (const kind of ['cold', 'warm'] as const) {
    const p = phases[kind];
    console.log(
      `  ${kind} phases (ms)          load ${p.moduleLoadMs}  walk ${p.walkMs}  prefilter ${p.prefilterMs}  parse ${p.parseMs}  resolve ${p.resolveMs}  findings ${p.findingsMs}`,
    );
  }
  const processes = r.processes as SideBySideResult[];
  const floorMs = processes[0]!.medianMs;
  console.log('  side by side (whole processes, alternating, medians):');
  for (const p of processes) {
    const mem = p.peakRssMb === undefined ? '' : `   peak ${p.peakRssMb} MB   cpu ${p.cpuMs} ms`;
    console.log(
      `    ${p.label.padEnd(22)} ${String(p.medianMs).padStart(6)} ms   ${(p.medianMs / floorMs).toFixed(2)}x floor${mem}`,
    );
  }
  return r;
}

main();
