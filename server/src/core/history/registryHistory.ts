import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GitStamp } from '../model';
import { normaliseOwnerHandle } from '../rules/owners';
import { COMMIT_FORMAT, GitError, openRepository, parseCommits, readBlobs, gitText, type Repository } from './git';
import { diffSnapshots, type EntrySnapshot } from './snapshot';
import { folderVersions } from './folderHistory';
import { VersionReader, type Version } from './versionReader';
import type { EntryChange, FlagHistory, RegistryHistory } from './types';

/**
 * The audit trail of a registry file from git: for each flag the commit that added its entry, the
 * last one that changed it, and every change with the fields it touched (owner, status, expiry…),
 * found by loading each committed version of the file with the registry loader and comparing the
 * entries. Uncommitted edits in the working tree come last, without a commit.
 *
 * Follows renames of the file. For a folder registry (one file per flag), the versions are rebuilt
 * commit by commit from the files each commit added, changed or deleted.
 */
export async function registryHistory(registryPath: string): Promise<RegistryHistory> {
  const abs = path.resolve(registryPath);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    return { available: false, reason: `${registryPath} does not exist` };
  }
  let repo: Repository;
  try {
    repo = await openRepository(path.dirname(abs));
  } catch (e) {
    if (e instanceof GitError) return { available: false, reason: e.message };
    throw e;
  }
  const file = path.relative(fs.realpathSync(repo.top), fs.realpathSync(abs)).split(path.sep).join('/');
  if (stat.isDirectory()) {
    const folder = await folderVersions(repo.top, abs, file);
    if ('reason' in folder) return { available: false, reason: folder.reason };
    return finish(repo, file, folder.commits, folder.versions);
  }
  let log: string;
  try {
    log = await gitText(repo.top, [
      'log',
      '--follow',
      '--no-ext-diff',
      '--no-textconv',
      '--name-only',
      COMMIT_FORMAT,
      '--',
      file,
    ]);
  } catch (e) {
    // A repository without commits yet has no history to tell.
    if (e instanceof GitError && /does not have any commits|bad default revision/i.test(e.message)) log = '';
    else if (e instanceof GitError) return { available: false, reason: e.message };
    else throw e;
  }
  const commits = parseCommits(log).reverse();
  const paths = log
    .split('\x1e')
    .filter((r) => r.includes('\x1f'))
    .map(
      (r) =>
        r
          .split('\n')
          .slice(1)
          .find((l) => l.trim() !== '')
          ?.trim() ?? file,
    )
    .reverse();
  const blobs = await readBlobs(
    repo.top,
    commits.map((c, i) => `${c.commit}:${paths[i]}`),
  );
  const reader = new VersionReader();
  const versions: Version[] = [];
  commits.forEach((stamp, i) => {
    const text = blobs[i];
    const version =
      text === undefined ? { stamp, entries: new Map(), owners: [] } : versionOf(reader, abs, text, stamp);
    if (version) versions.push(version);
  });
  const current = versionOf(reader, abs, fs.readFileSync(abs, 'utf8'));
  if (current) versions.push(current);
  return finish(repo, file, commits, versions);
}

function finish(
  repo: Repository,
  file: string,
  commits: readonly GitStamp[],
  versions: readonly Version[],
): RegistryHistory {
  const cutAt = repo.shallow && commits[0] && repo.boundary.has(commits[0].commit) ? commits[0].commit : undefined;
  return {
    available: true,
    file,
    shallow: repo.shallow,
    commits: commits.length,
    flags: flagHistories(versions, cutAt),
    ownersRemoved: ownersRemoved(versions),
  };
}

function versionOf(reader: VersionReader, file: string, text: string, stamp?: GitStamp): Version | undefined {
  const content = reader.read(file, text);
  return content && { ...(stamp ? { stamp } : {}), ...content };
}

function flagHistories(versions: readonly Version[], cutAt: string | undefined): Map<string, FlagHistory> {
  const histories = new Map<string, FlagHistory>();
  const keys = new Set(versions.flatMap((v) => [...v.entries.keys()]));
  for (const key of keys) {
    const history: FlagHistory = { key, changes: [], truncated: false };
    let before: EntrySnapshot | undefined;
    versions.forEach((v) => {
      const after = v.entries.get(key);
      const stamp = v.stamp ? { stamp: v.stamp } : {};
      let change: EntryChange | undefined;
      if (after && !before) {
        if (v.stamp && v.stamp.commit === cutAt) history.truncated = true;
        change = { kind: 'added', ...stamp, fields: diffSnapshots({}, after) };
      } else if (!after && before) change = { kind: 'removed', ...stamp, fields: [] };
      // The reader hands out one object per distinct entry text: the same object means no change.
      else if (after && before && after !== before) {
        const fields = diffSnapshots(before, after);
        if (fields.length > 0) change = { kind: 'changed', ...stamp, fields };
      }
      before = after;
      if (!change) return;
      history.changes.push(change);
      if (!v.stamp) return;
      if (change.kind === 'added' && !history.truncated) history.added ??= v.stamp;
      history.lastChanged = v.stamp;
    });
    history.statusSince = statusSince(history, before);
    histories.set(key, history);
  }
  return histories;
}

/** The commit that gave the entry its current status (its addition, when the status never changed). */
function statusSince(history: FlagHistory, latest: EntrySnapshot | undefined): GitStamp | undefined {
  if (!latest) return undefined;
  for (let i = history.changes.length - 1; i >= 0; i--) {
    const change = history.changes[i]!;
    const setsStatus = change.fields.some((f) => f.field === 'status') || change.kind === 'added';
    if (!setsStatus) continue;
    if (change.kind === 'added' && history.truncated && i === 0) return undefined;
    return change.stamp;
  }
  return undefined;
}

/** Owners listed in some committed version and missing from the latest one, with the commit that removed them. */
function ownersRemoved(versions: readonly Version[]): Map<string, { owner: string; removed: GitStamp }> {
  const removed = new Map<string, { owner: string; removed: GitStamp }>();
  const latest = versions[versions.length - 1];
  if (!latest) return removed;
  const now = new Set(latest.owners.map(normaliseOwnerHandle));
  for (let i = 1; i < versions.length; i++) {
    const here = new Set(versions[i]!.owners.map(normaliseOwnerHandle));
    for (const owner of versions[i - 1]!.owners) {
      const id = normaliseOwnerHandle(owner);
      if (here.has(id) || now.has(id)) continue;
      // An uncommitted removal has no commit to cite; unknown-owner reports it meanwhile.
      const stamp = versions[i]!.stamp;
      if (stamp) removed.set(id, { owner, removed: stamp });
    }
  }
  return removed;
}
