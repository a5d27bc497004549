import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * One benchmark phase in a process of its own, so that each phase's peak memory is its own.
 * Prints one JSON line. Usage: phase.js <floor|cold|warm|first|edit|remove> <root> <cacheDir> [file] [edits]
 */
async function main(): Promise<void> {
  const [phase, root, cacheDir, file = '', editsArg] = process.argv.slice(2);
  // The bench (main.ts) always passes the phase, the root and the cache folder; `file` only to the
  // phases that read one ('first', 'edit').
  if (!phase || !root || !cacheDir) throw new Error('usage: phase.js <phase> <root> <cacheDir> [file] [edits]');
  const loadStart = performance.now();
  // Loaded here, not at the top, so that module load time is measured apart from the scan.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { FlagIndex } =
    require('../../server/src/core/engine/flagIndex') as typeof import('../../server/src/core/engine/flagIndex');
  const { walkWorkspace } =
    require('../../server/src/core/engine/fileWalker') as typeof import('../../server/src/core/engine/fileWalker');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const loadMs = performance.now() - loadStart;
  const out: Record<string, unknown> = { phase, loadMs };
  const now = new Date('2026-11-21T00:00:00Z');
  if (phase === 'floor') {
    const t0 = performance.now();
    const walk = walkWorkspace(root);
    const t1 = performance.now();
    let bytes = 0;
    for (const f of walk.files) bytes += fs.readFileSync(f).length;
    const t2 = performance.now();
    Object.assign(out, { files: walk.files.length, bytes, listMs: t1 - t0, readMs: t2 - t1, floorMs: t2 - t0 });
  } else if (phase === 'cold' || phase === 'warm') {
    if (phase === 'cold') fs.rmSync(cacheDir, { recursive: true, force: true });
    const index = new FlagIndex({ root, cacheDir, now });
    const t0 = performance.now();
    const r = await index.scan();
    const t = index.timings;
    Object.assign(out, {
      ms: performance.now() - t0,
      files: r.stats.files,
      parsed: r.stats.parsed,
      cached: r.stats.cached,
      references: r.references.length,
      dynamic: r.dynamic.length,
      findings: r.findings.length,
      // The prefilter phase includes the parsing it triggers; reported apart here.
      walkMs: t.walk,
      prefilterMs: Math.max(0, t.prefilter - t.parse),
      parseMs: t.parse,
      resolveMs: t.resolve,
      findingsMs: t.findings,
    });
  } else if (phase === 'first') {
    const index = new FlagIndex({ root, cacheDir: false, now });
    const t0 = performance.now();
    const r = index.fileResult(file);
    Object.assign(out, { ms: performance.now() - t0, references: r.references.length, findings: r.findings.length });
  } else if (phase === 'edit') {
    const index = new FlagIndex({ root, cacheDir, now });
    await index.scan();
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const edits = Number(editsArg ?? 40);
    const times: number[] = [];
    const at = Math.floor(lines.length / 2);
    for (let i = 0; i < edits; i++) {
      // What a user does in one place of a big file: type a flag read in, change it, take it out again.
      if (i % 4 === 0) lines.splice(at, 0, `  const extra = useFlags().orderLoad${i};`);
      else if (i % 4 === 1) lines[at] = `  const extra = useFlags().cartSync${i};`;
      else if (i % 4 === 2) lines[at] = `  const extra = 42; // was a flag ${i}`;
      else lines.splice(at, 1);
      const text = lines.join('\n');
      const t0 = performance.now();
      index.updateFile(file, text);
      index.findingsFor(file);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    Object.assign(out, {
      edits,
      medianMs: times[Math.floor(times.length / 2)],
      p95Ms: times[Math.floor(times.length * 0.95)],
      lines: lines.length,
    });
  } else if (phase === 'remove') {
    // Removal of the most referenced flag (planned, nothing written), as `flaglint remove` and the
    // editor do it: without and with verification, then verification again in the same process
    // (an editor session; parsed files are reused).
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const { removeFlag } = require('../../server/src/core/remove') as typeof import('../../server/src/core/remove');
    const index = new FlagIndex({ root, cacheDir, now });
    const r = await index.scan();
    const counts = new Map<string, number>();
    for (const ref of r.references)
      if (ref.valueType === undefined || ref.valueType === 'boolean')
        counts.set(ref.registryKey ?? ref.key, (counts.get(ref.registryKey ?? ref.key) ?? 0) + 1);
    const key = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
    if (key) {
      const time = async (verify: boolean): Promise<number> => {
        const t0 = performance.now();
        await removeFlag({ index, key, value: true, verify });
        return performance.now() - t0;
      };
      const noVerifyMs = await time(false);
      const verifyMs = await time(true);
      const verifyWarmMs = await time(true);
      Object.assign(out, { key, references: counts.get(key), noVerifyMs, verifyMs, verifyWarmMs });
    }
  }
  out.maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
