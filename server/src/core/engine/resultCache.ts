import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileDiscovery } from '../detect/discoverySites';
import type { DynamicReference, Finding, FlagReference, Registry, ScanNote } from '../model';
import { prepareForWrite, readSealed, writeSealed, type CacheFolder } from './cacheFolder';

/**
 * A whole scan's result, kept for the next run of the same command on the same tree: a warm
 * `check` whose files, registries and day are unchanged takes its references and findings from
 * here and reads, parses and resolves nothing (no facts are loaded, the compiler is never loaded).
 *
 * What a result depends on, and how each is checked before it is believed:
 * - the listed files (the walk's list, registries and package.json files, hashed) and each file's
 *   size and mtime, the very ones its analysis was made from (the analysis cache's entry), none of
 *   them modified within the racy window before the result was written;
 * - every other file the scan looked at outside the listed sources (tsconfig/jsconfig files,
 *   package.json files, JSON modules, import targets probed on disk): its state then (missing, a
 *   folder, or size and mtime), noted by the index while it resolved (`InputLog`);
 * - the loaded registries, the day, the detector configuration, the include/exclude globs and
 *   discovery's mode (`before`, a hash of them, compared before anything is stat'ed), and the
 *   registries as the rules judged them (after `beforeFindings`, e.g. the git history) with the
 *   CODEOWNERS lines (`after`).
 * Anything different: the scan runs as without this file (the analysis cache still spares parsing).
 *
 * The file is line-delimited, so that loading it costs a split and one small JSON.parse per item:
 * a header, one `size \t mtime` line per listed file (in walk order), the inputs, then the items.
 * Sealed like the rest of the cache (cacheFolder.ts): a forged result would be reported as is.
 */

/** Bump when the result's shape or what it depends on changes. */
const RESULT_CACHE_VERSION = 1;
/** One file per discovery mode, so that `check` (text, discovery's hint) and `check --format json` do not replace each other's. */
const fileFor = (discovering: boolean): string => (discovering ? 'results-discovery.jsonl' : 'results.jsonl');

/** See cache.ts. */
export const RACY_WINDOW_MS = 2000;

interface ResultHeader {
  version: number;
  root: string;
  before: string;
  after: string;
  /** Hash of the walk's outcome: files, registries, package manifests. */
  listing: string;
  files: number;
  cached: number;
  writtenAt: number;
}

/** What the rules judged and the index reports, as `FlagIndex.result()` returns it. */
export interface StoredResult {
  references: FlagReference[];
  dynamic: DynamicReference[];
  findings: Finding[];
  notes: ScanNote[];
  /** Files whose analysis a scan from the analysis cache would take from it (the others were skipped: too large, binary). */
  cached: number;
  discovery?: FileDiscovery[];
}

/** Files read or probed outside the listed sources, with their state when first looked at. */
export class InputLog {
  readonly states = new Map<string, string>();

  /** Notes a file the scan reads or probes (a no-op for one already noted). */
  readonly note = (file: string): void => {
    if (!this.states.has(file)) this.states.set(file, inputState(file));
  };
}

/**
 * Which build of the engine made a kept result or walk: the tool version seals them (cacheFolder.ts),
 * but a rebuilt engine of the same version may judge differently. The file this code runs from (the
 * whole CLI, bundled) and, compiled by tsc, the server project's build info, which every build that
 * changed anything rewrites.
 */
export function engineBuild(): string {
  return `${inputState(__filename)} ${inputState(path.join(__dirname, '../../../../server.tsbuildinfo'))}`;
}

function inputState(file: string): string {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(file, { throwIfNoEntry: false });
  } catch {
    return '?';
  }
  if (!st) return '-';
  if (st.isDirectory()) return 'd';
  return `${st.size}:${st.mtimeMs}`;
}

/** The hash of the parts a result depends on that are known before any file is looked at. */
export function resultKey(parts: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(parts, (_k, v: unknown) => (v instanceof Map ? [...v] : v instanceof Set ? [...v] : v)))
    .digest('hex');
}

/** The registries as the rules judge them, and the CODEOWNERS lines. */
export function judgedKey(registries: readonly Registry[], codeowners: readonly string[]): string {
  return resultKey([registries, codeowners]);
}

export function listingHash(
  files: readonly string[],
  registries: readonly string[],
  manifests: readonly string[],
): string {
  return createHash('sha1')
    .update(files.join('\n'))
    .update('\0')
    .update(registries.join('\n'))
    .update('\0')
    .update(manifests.join('\n'))
    .digest('hex');
}

/** A stored result, loaded once its header and file stats agree with the tree; `after` is for the caller to check. */
export interface LoadedResult {
  after: string;
  result: () => StoredResult | undefined;
}

/**
 * The stored result when it was made from the same listing and every listed file and input is as it
 * was. `files` are the walk's files in walk order.
 */
export function loadResult(
  folder: CacheFolder,
  root: string,
  discovering: boolean,
  before: string,
  listing: string,
  files: readonly string[],
): LoadedResult | undefined {
  const body = readSealed(folder, fileFor(discovering));
  if (body === undefined) return undefined;
  let lines: string[];
  let header: ResultHeader;
  try {
    lines = body.split('\n');
    header = JSON.parse(lines[0] ?? '') as ResultHeader;
  } catch {
    return undefined;
  }
  if (
    header.version !== RESULT_CACHE_VERSION ||
    header.root !== root ||
    header.before !== before ||
    header.listing !== listing ||
    header.files !== files.length ||
    lines.length < files.length + 1
  )
    return undefined;
  for (let i = 0; i < files.length; i++) {
    const line = lines[i + 1]!;
    const tab = line.indexOf('\t');
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(files[i]!, { throwIfNoEntry: false });
    } catch {
      return undefined;
    }
    if (!st || st.mtimeMs !== Number(line.slice(tab + 1)) || st.size !== Number(line.slice(0, tab))) return undefined;
  }
  let i = files.length + 1;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.startsWith('I\t')) break;
    const tab = line.indexOf('\t', 2);
    if (inputState(line.slice(tab + 1)) !== line.slice(2, tab)) return undefined;
  }
  const items = i;
  return {
    after: header.after,
    result: () => {
      const out: StoredResult = { references: [], dynamic: [], findings: [], notes: [], cached: header.cached };
      try {
        for (let k = items; k < lines.length; k++) {
          const line = lines[k]!;
          if (line.length < 2 || line.charCodeAt(1) !== 9) continue;
          const value: unknown = JSON.parse(line.slice(2));
          switch (line.charCodeAt(0)) {
            case 82 /* R */:
              out.references.push(value as FlagReference);
              break;
            case 89 /* Y */:
              out.dynamic.push(value as DynamicReference);
              break;
            case 70 /* F */:
              out.findings.push(value as Finding);
              break;
            case 78 /* N */:
              out.notes.push(value as ScanNote);
              break;
            case 83 /* S */:
              (out.discovery ??= []).push(value as FileDiscovery);
              break;
            case 69 /* E: discovery was gathered and found nothing */:
              out.discovery ??= [];
              break;
            default:
              return undefined;
          }
        }
      } catch {
        return undefined;
      }
      return out;
    },
  };
}

export interface ResultToSave {
  root: string;
  discovering: boolean;
  before: string;
  after: string;
  listing: string;
  /** Each listed file's size and mtime as its analysis was made (walk order). */
  stats: readonly { size: number; mtimeMs: number }[];
  /** When the scan started: an input modified after it may have been read before the change. */
  startedAt: number;
  inputs: ReadonlyMap<string, string>;
  result: StoredResult;
}

/** Writes a result, unless a file or input is too recently modified to be trusted next time. */
export function saveResult(folder: CacheFolder, save: ResultToSave): void {
  const writtenAt = Date.now();
  const header: ResultHeader = {
    version: RESULT_CACHE_VERSION,
    root: save.root,
    before: save.before,
    after: save.after,
    listing: save.listing,
    files: save.stats.length,
    cached: save.result.cached,
    writtenAt,
  };
  const lines = [JSON.stringify(header)];
  for (const st of save.stats) {
    if (st.mtimeMs >= writtenAt - RACY_WINDOW_MS) return;
    lines.push(`${st.size}\t${st.mtimeMs}`);
  }
  for (const [file, state] of save.inputs) {
    if (file.includes('\n') || state === '?') return;
    const mtime = state.includes(':') ? Number(state.slice(state.indexOf(':') + 1)) : 0;
    if (mtime >= save.startedAt - RACY_WINDOW_MS) return;
    lines.push(`I\t${state}\t${file}`);
  }
  const { references, dynamic, findings, notes, discovery } = save.result;
  for (const r of references) lines.push(`R\t${JSON.stringify(r)}`);
  for (const d of dynamic) lines.push(`Y\t${JSON.stringify(d)}`);
  for (const f of findings) lines.push(`F\t${JSON.stringify(f)}`);
  for (const n of notes) lines.push(`N\t${JSON.stringify(n)}`);
  if (discovery) {
    lines.push('E\t0');
    for (const d of discovery) lines.push(`S\t${JSON.stringify(d)}`);
  }
  try {
    if (!prepareForWrite(folder, save.root)) return;
    writeSealed(folder, fileFor(save.discovering), lines.join('\n'));
  } catch {
    // Only speed is lost.
  }
}
