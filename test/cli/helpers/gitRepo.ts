import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** A real git repository in a temp folder, committed to with chosen authors and dates. */
export interface GitRepo {
  dir: string;
  git(...args: string[]): string;
  /** Writes the files (a null content deletes one) and commits them as `author` on `date` (YYYY-MM-DD). */
  commit(files: Record<string, string | null>, author: string, date: string, message: string): string;
  remove(): void;
}

export function gitRepo(prefix = 'flaglint-git-'): GitRepo {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const env = (author?: string, date?: string): NodeJS.ProcessEnv => {
    const e: NodeJS.ProcessEnv = {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      HOME: dir,
    };
    if (author !== undefined) {
      const email = `${author.toLowerCase().replace(/\s+/g, '.')}@example.com`;
      Object.assign(e, {
        GIT_AUTHOR_NAME: author,
        GIT_AUTHOR_EMAIL: email,
        GIT_COMMITTER_NAME: author,
        GIT_COMMITTER_EMAIL: email,
      });
    }
    if (date !== undefined)
      Object.assign(e, { GIT_AUTHOR_DATE: `${date}T10:00:00+00:00`, GIT_COMMITTER_DATE: `${date}T10:00:00+00:00` });
    return e;
  };
  const run = (args: string[], e = env()): string => execFileSync('git', args, { cwd: dir, env: e, encoding: 'utf8' });
  run(['init', '-q', '-b', 'main']);
  return {
    dir,
    git: (...args) => run(args),
    commit(files, author, date, message) {
      for (const [file, text] of Object.entries(files)) {
        const abs = path.join(dir, file);
        if (text === null) {
          run(['rm', '-q', file]);
          continue;
        }
        fs.mkdirSync(path.dirname(abs), { recursive: true });
        fs.writeFileSync(abs, text);
        run(['add', file]);
      }
      run(['commit', '-q', '--allow-empty', '-m', message], env(author, date));
      return run(['rev-parse', 'HEAD']).trim();
    },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
