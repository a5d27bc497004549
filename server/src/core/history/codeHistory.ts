import * as path from 'node:path';
import type { GitStamp } from '../model';
import { COMMIT_FORMAT, GitError, gitText, openRepository, parseCommits } from './git';

/** The source files flaglint scans (DESIGN section 3); `*` in a git pathspec also matches `/`. */
const SOURCE_PATHSPECS = ['*.ts', '*.tsx', '*.js', '*.jsx', '*.mjs', '*.cjs', '*.mts', '*.cts'];

/**
 * The oldest commit whose changes to source files add or remove the text of `key` (`git log -S`):
 * when the code first mentioned the flag. A text search, so a key that is also an ordinary word may
 * date from before the flag; undefined when no commit mentions it, git cannot tell, or a shallow
 * clone's oldest commit is the first to hold it.
 */
export async function firstMentionInCode(dir: string, key: string): Promise<GitStamp | undefined> {
  const repo = await openRepository(path.resolve(dir)).catch(() => undefined);
  if (!repo) return undefined;
  try {
    const out = await gitText(path.resolve(dir), [
      'log',
      '--no-ext-diff',
      '--no-textconv',
      '--reverse',
      `-S${key}`,
      COMMIT_FORMAT,
      '--',
      ...SOURCE_PATHSPECS,
    ]);
    const first = parseCommits(out)[0];
    // In a shallow clone the oldest commit holds everything before it: it proves nothing about when.
    return first && repo.boundary.has(first.commit) ? undefined : first;
  } catch (e) {
    if (e instanceof GitError) return undefined;
    throw e;
  }
}
