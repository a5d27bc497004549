import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitStamp } from '../model';
import { FOLDER_SETTINGS_FILES } from '../registry';
import { COMMIT_FORMAT, GitError, gitText, parseCommits, readBlobs } from './git';
import type { EntrySnapshot } from './snapshot';
import { VersionReader, type Version } from './versionReader';

const FLAG_FILE = /\.ya?ml$/i;
/** As deep as the registry loader looks into a folder registry. */
const MAX_DEPTH = 8;
const BATCH = 2000;

/** Whether a path inside the folder is a flag file as the loader sees it (no `_` or `.` names, not too deep). */
function isFlagFile(inner: string): boolean {
  const parts = inner.split('/');
  return (
    FLAG_FILE.test(inner) &&
    parts.length <= MAX_DEPTH + 1 &&
    parts.every((p) => !p.startsWith('.') && !p.startsWith('_') && p !== 'node_modules')
  );
}

interface FileChange {
  status: string;
  path: string;
}

/**
 * The versions of a folder registry, oldest first, the working tree last: each commit's version is
 * the previous one with the flag files it added, changed or deleted applied (renames count as a
 * delete and an add), and `owners:` from the settings file.
 */
export async function folderVersions(
  top: string,
  abs: string,
  rel: string,
): Promise<{ commits: GitStamp[]; versions: Version[] } | { reason: string }> {
  let log: string;
  try {
    log = await gitText(top, [
      'log',
      '--no-ext-diff',
      '--no-textconv',
      '--no-renames',
      '--name-status',
      COMMIT_FORMAT,
      '--',
      rel,
    ]);
  } catch (e) {
    if (e instanceof GitError && /does not have any commits|bad default revision/i.test(e.message)) log = '';
    else if (e instanceof GitError) return { reason: e.message };
    else throw e;
  }
  const records = log
    .split('\x1e')
    .filter((r) => r.includes('\x1f'))
    .reverse();
  const commits = parseCommits(records.map((r) => `\x1e${r}`).join(''));
  const changes: FileChange[][] = records.map((r) =>
    r
      .split('\n')
      .slice(1)
      .map((l) => /^([AMDT])\t(.+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ status: m[1]!, path: m[2]! })),
  );
  const prefix = rel === '' ? '' : `${rel}/`;
  const wanted: string[] = [];
  changes.forEach((list, i) => list.forEach((c) => c.status !== 'D' && wanted.push(`${commits[i]!.commit}:${c.path}`)));
  const texts = new Map<string, string | undefined>();
  for (let i = 0; i < wanted.length; i += BATCH) {
    const chunk = wanted.slice(i, i + BATCH);
    (await readBlobs(top, chunk)).forEach((t, j) => texts.set(chunk[j]!, t));
  }

  const reader = new VersionReader();
  const files = new Map<string, [string, EntrySnapshot]>();
  let owners: string[] = [];
  const versions: Version[] = [];
  const snapshot = (stamp?: GitStamp): Version => ({
    ...(stamp ? { stamp } : {}),
    entries: new Map([...files.values()]),
    owners,
  });
  changes.forEach((list, i) => {
    const stamp = commits[i]!;
    for (const change of list) {
      if (!change.path.startsWith(prefix)) continue;
      const inner = change.path.slice(prefix.length);
      const text = change.status === 'D' ? undefined : texts.get(`${stamp.commit}:${change.path}`);
      if (FOLDER_SETTINGS_FILES.includes(inner)) {
        owners = text === undefined ? [] : (reader.readOwners(text) ?? owners);
      } else if (isFlagFile(inner)) {
        const entry = text === undefined ? undefined : reader.readFlagFile(path.posix.basename(inner), text);
        if (entry) files.set(inner, entry);
        else files.delete(inner);
      }
    }
    versions.push(snapshot(stamp));
  });

  // The working tree, read from disk as the loader reads it.
  files.clear();
  const walk = (dir: string, inner: string, depth: number): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const child = inner === '' ? e.name : `${inner}/${e.name}`;
      if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !e.name.startsWith('_'))
        walk(path.join(dir, e.name), child, depth + 1);
      else if (e.isFile() && isFlagFile(child)) {
        const entry = reader.readFlagFile(e.name, fs.readFileSync(path.join(dir, e.name), 'utf8'));
        if (entry) files.set(child, entry);
      }
    }
  };
  walk(abs, '', 0);
  const settings = FOLDER_SETTINGS_FILES.map((n) => path.join(abs, n)).find((f) => fs.existsSync(f));
  owners = settings === undefined ? [] : (reader.readOwners(fs.readFileSync(settings, 'utf8')) ?? owners);
  versions.push(snapshot());
  return { commits, versions };
}
