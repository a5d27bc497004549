import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Runs the built CLI (`out/server/src/cli/main.js`) as a user would, and copies fixture workspaces to scratch folders. */

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const CLI = path.join(REPO_ROOT, 'out/server/src/cli/main.js');
export const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/cli');
/** The date every test judges expiry and age by. */
export const NOW = '2026-11-21';

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `timeoutMs`: kill the run after that long (for inputs that used to hang it); `status` is then null. */
export function flaglint(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FLAGLINT_NOW;
  delete env.FORCE_COLOR;
  if (options.env?.FORCE_COLOR !== undefined) env.FORCE_COLOR = options.env.FORCE_COLOR;
  const res = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: options.timeoutMs,
  });
  if (res.error && (res.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw res.error;
  return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export function fixture(name: string): string {
  return path.join(FIXTURES, name);
}

const scratch: string[] = [];

/** A private copy of a fixture workspace, for commands that write (init, import, --output, the cache). */
export function copyFixture(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `flaglint-cli-${name}-`));
  scratch.push(dir);
  fs.cpSync(fixture(name), dir, { recursive: true });
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** Fails fast with a useful message when the CLI has not been built. */
export function requireBuiltCli(): void {
  if (!fs.existsSync(CLI)) throw new Error(`${path.relative(REPO_ROOT, CLI)} is missing; run \`npx tsc -b\` first.`);
}
