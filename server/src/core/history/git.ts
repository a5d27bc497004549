import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import type { GitStamp } from '../model';

/**
 * Runs the `git` binary, never through a shell and never with anything the workspace could use to
 * run code: hooks and fsmonitor are switched off, the system config is ignored, no pager, no
 * prompts, no external diff or textconv drivers (callers pass --no-ext-diff / --no-textconv where
 * git would diff). Output is read as bytes so sizes in `cat-file --batch` stay exact.
 */
const SAFE_CONFIG = [
  '-c',
  'core.fsmonitor=false',
  '-c',
  'core.hooksPath=/dev/null',
  '-c',
  'log.showSignature=false',
  '-c',
  'core.quotePath=false',
  '--no-pager',
];

/** Why git could not answer: not installed, not a repository, or it failed. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly kind: 'no-git' | 'not-a-repo' | 'failed',
  ) {
    super(message);
    this.name = 'GitError';
  }
}

const MAX_OUTPUT = 256 * 1024 * 1024;

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    LC_ALL: 'C',
  };
  // A caller's GIT_DIR or work tree would point git at another repository than the one asked about.
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_EXTERNAL_DIFF', 'GIT_CONFIG_PARAMETERS'])
    delete env[name];
  return env;
}

/** `git <args>` in `cwd`; resolves with stdout, rejects with a GitError. `input` is written to stdin. */
export function runGit(cwd: string, args: readonly string[], input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      [...SAFE_CONFIG, ...args],
      { cwd, env: gitEnv(), encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return reject(new GitError('git is not installed (no `git` on the PATH)', 'no-git'));
        const message = stderr.toString('utf8').trim().split('\n')[0] || err.message;
        if (/not a git repository/i.test(message))
          return reject(new GitError(`${cwd} is not inside a git repository`, 'not-a-repo'));
        reject(new GitError(`git ${args[0] ?? ''} failed: ${message}`, 'failed'));
      },
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

export async function gitText(cwd: string, args: readonly string[], input?: string): Promise<string> {
  return (await runGit(cwd, args, input)).toString('utf8');
}

/** The repository holding `dir`: its top folder and whether it is a shallow clone. */
export interface Repository {
  top: string;
  shallow: boolean;
  /** Commits whose parents a shallow clone left out (history before them is cut). */
  boundary: Set<string>;
}

export async function openRepository(dir: string): Promise<Repository> {
  const out = (await gitText(dir, ['rev-parse', '--show-toplevel', '--is-shallow-repository'])).split('\n');
  const top = out[0]!.trim();
  const shallow = out[1]?.trim() === 'true';
  const boundary = new Set<string>();
  if (shallow) {
    const file = (await gitText(dir, ['rev-parse', '--path-format=absolute', '--git-path', 'shallow'])).trim();
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.trim()) boundary.add(line.trim());
  }
  return { top, shallow, boundary };
}

/** One commit as `git log --format` prints it with COMMIT_FORMAT. */
export type GitCommit = GitStamp;

/** The `--format` for parseCommits: fields separated by US, records by RS (neither occurs in names or subjects). */
export const COMMIT_FORMAT = '--format=%x1e%H%x1f%an%x1f%ae%x1f%aI%x1f%s';

export function parseCommits(text: string): GitCommit[] {
  const commits: GitCommit[] = [];
  for (const record of text.split('\x1e')) {
    const line = record.split('\n')[0]!;
    const [commit, author, email, date, subject] = line.split('\x1f');
    if (!commit || author === undefined || date === undefined) continue;
    commits.push({ commit, author, email: email ?? '', date, subject: subject ?? '' });
  }
  return commits;
}

/**
 * Reads many blobs (`<commit>:<path>` specs) with one `git cat-file --batch`, which prints each as
 * `<oid> <type> <size>\n<bytes>\n` or `<spec> missing\n`. Missing ones map to undefined.
 */
export async function readBlobs(cwd: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  if (specs.length === 0) return [];
  const out = await runGit(cwd, ['cat-file', '--batch'], specs.map((s) => `${s}\n`).join(''));
  const blobs: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i++) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) throw new GitError('git cat-file --batch ended early', 'failed');
    const header = out.subarray(at, eol).toString('utf8');
    at = eol + 1;
    const m = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!m) {
      blobs.push(undefined);
      continue;
    }
    const size = Number(m[2]);
    blobs.push(m[1] === 'blob' ? out.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return blobs;
}
