import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * Whole commands timed side by side on one folder, as a user (or CI) runs them: the Node read floor
 * of the files the scan lists, `flaglint check` cold and warm, and any other command given with
 * `--compare`. Runs alternate (floor, cold, warm, A, B, floor, ...) so that a noisy neighbour slows
 * all of them alike, and the median of each is reported with its peak memory.
 */
export interface Contender {
  label: string;
  /** A shell command; `{root}` is replaced by the folder. */
  command: string;
  /** Runs before each timed run, untimed (e.g. clearing a cache). */
  before?: () => void;
}

export interface SideBySideResult {
  label: string;
  command: string;
  medianMs: number;
  minMs: number;
  peakRssMb: number | undefined;
  /** Median user + system CPU time: steadier than wall time when other work shares the cores. */
  cpuMs: number | undefined;
  /** Exit status of the last run (flaglint check exits 1 when it finds problems). */
  status: number | null;
}

const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export function runSideBySide(root: string, contenders: readonly Contender[], runs: number): SideBySideResult[] {
  const times = contenders.map(() => [] as number[]);
  const rss = contenders.map(() => [] as number[]);
  const cpu = contenders.map(() => [] as number[]);
  const status: (number | null)[] = contenders.map(() => null);
  for (let i = 0; i < runs; i++) {
    contenders.forEach((c, k) => {
      c.before?.();
      const cmd = c.command.split('{root}').join(shellQuote(root));
      const argv = TIME ? [TIME, '-f', 'BENCH_PEAK_KB %M %U %S', 'sh', '-c', cmd] : ['sh', '-c', cmd];
      const t0 = performance.now();
      const res = spawnSync(argv[0]!, argv.slice(1), {
        encoding: 'utf8',
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
      });
      times[k]!.push(performance.now() - t0);
      status[k] = res.status;
      const peak = /BENCH_PEAK_KB (\d+) ([\d.]+) ([\d.]+)/.exec(res.stderr ?? '');
      if (peak) {
        rss[k]!.push(Number(peak[1]) / 1024);
        cpu[k]!.push((Number(peak[2]) + Number(peak[3])) * 1000);
      }
    });
  }
  return contenders.map((c, k) => ({
    label: c.label,
    command: c.command,
    medianMs: Math.round(median(times[k]!)),
    minMs: Math.round(Math.min(...times[k]!)),
    peakRssMb: rss[k]!.length ? Math.round(median(rss[k]!)) : undefined,
    cpuMs: cpu[k]!.length ? Math.round(median(cpu[k]!)) : undefined,
    status: status[k] ?? null,
  }));
}

/** A script that reads every listed file and nothing else: what no scanner of these files can beat in Node. */
export function readFloorCommand(files: readonly string[]): { command: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-floor-'));
  const list = path.join(dir, 'files.txt');
  fs.writeFileSync(list, files.join('\n'));
  const script = path.join(dir, 'floor.js');
  fs.writeFileSync(
    script,
    "const fs = require('fs'); let n = 0; for (const f of fs.readFileSync(process.argv[2], 'utf8').split('\\n')) n += fs.readFileSync(f).length; process.stdout.write(String(n));\n",
  );
  return {
    command: `${shellQuote(process.execPath)} ${shellQuote(script)} ${shellQuote(list)}`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN; // no values: no median
}

export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}
