import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSourceFile } from '../engine/fileWalker';
import { FOLDER_SETTINGS_FILES, REGISTRY_FILE_NAMES, REGISTRY_FOLDER_NAME } from '../registry';
import { GitError, gitText, openRepository, readBlobs } from './git';

/** Blobs per `cat-file --batch` run, so a large tree is never held in memory at once. */
const BATCH = 2000;

/** Files besides sources that change what a scan finds: registries, package names, ignores, owners, tsconfig paths. */
function matters(rel: string): boolean {
  const name = path.posix.basename(rel);
  if (isSourceFile(name)) return true;
  if (REGISTRY_FILE_NAMES.includes(name) || name === 'package.json' || name === '.gitignore' || name === 'CODEOWNERS')
    return true;
  if (/^tsconfig.*\.json$/.test(name) || name === 'jsconfig.json') return true;
  const parent = path.posix.basename(path.posix.dirname(rel));
  return parent === REGISTRY_FOLDER_NAME && (/\.ya?ml$/.test(name) || FOLDER_SETTINGS_FILES.includes(name));
}

export interface BaseTree {
  /** The temporary folder holding the revision's files (outside the workspace); remove it with `dispose`. */
  dir: string;
  /** The repository top inside `dir` corresponds to this folder of the working tree. */
  repoTop: string;
  commit: string;
  files: number;
  dispose(): void;
}

/**
 * Writes the files of a revision that a scan reads into a fresh temp folder, straight from git's
 * object store (`ls-tree` + `cat-file --batch`): nothing is checked out, no filter or hook runs.
 * Symlinks and submodules are left out, and every path is checked to stay inside the folder.
 */
export async function materialiseRevision(workDir: string, rev: string): Promise<BaseTree> {
  const repo = await openRepository(workDir);
  let commit: string;
  try {
    commit = (
      await gitText(repo.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
    ).trim();
  } catch {
    commit = '';
  }
  if (!/^[0-9a-f]{40,64}$/.test(commit))
    throw new GitError(
      `'${rev}' is not a commit in ${repo.top}${repo.shallow ? ' (this is a shallow clone: fetch the base, e.g. `git fetch --depth=1 origin <branch>`)' : ''}`,
      'failed',
    );
  const listing = await gitText(repo.top, ['ls-tree', '-r', '-z', '--full-tree', commit]);
  const wanted: string[] = [];
  for (const record of listing.split('\0')) {
    const m = /^(\d+) blob [0-9a-f]+\t(.+)$/s.exec(record);
    if (!m || m[1] === '120000' || !matters(m[2]!)) continue;
    if (m[2]!.split('/').some((seg) => seg === '..' || seg === '.git' || seg === 'node_modules')) continue;
    wanted.push(m[2]!);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaglint-base-'));
  const dispose = (): void => fs.rmSync(dir, { recursive: true, force: true });
  try {
    for (let i = 0; i < wanted.length; i += BATCH) {
      const chunk = wanted.slice(i, i + BATCH);
      const blobs = await readBlobs(
        repo.top,
        chunk.map((p) => `${commit}:${p}`),
      );
      chunk.forEach((rel, j) => {
        const text = blobs[j];
        if (text === undefined) return;
        const target = path.resolve(dir, rel);
        if (!target.startsWith(dir + path.sep)) return;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, text);
      });
    }
  } catch (e) {
    dispose();
    throw e;
  }
  return { dir, repoTop: repo.top, commit, files: wanted.length, dispose };
}
