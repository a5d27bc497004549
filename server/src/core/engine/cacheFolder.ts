import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ScanNote } from '../model';
import { toolVersion } from './toolVersion';

/**
 * Where the analysis cache lives and why its contents can be believed.
 *
 * A cache inside the repository can be committed, or forged by a pull request, and CI would then
 * report what the forger wrote. So the CLI keeps it in the user's cache folder by default, every
 * cache file is sealed with an HMAC whose key derives from a per-machine secret (created 0600 in
 * that folder, never in a workspace) and the tool version, and a file whose seal does not verify
 * is ignored. A cache folder reached through a symbolic link, or one that git tracks, is refused:
 * the scan then runs without a cache and says so in a note.
 */

/** `$FLAGLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/flaglint`, else `~/.cache/flaglint`. */
export function userCacheBase(env: NodeJS.ProcessEnv = process.env): string {
  if (env.FLAGLINT_CACHE_DIR) return path.resolve(env.FLAGLINT_CACHE_DIR);
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'flaglint');
  return path.join(os.homedir(), '.cache', 'flaglint');
}

/** The cache folder of one scanned root: its real path hashed, so two checkouts never share entries. */
export function defaultCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  let real = root;
  try {
    real = fs.realpathSync(root);
  } catch {
    // A root that cannot be resolved is not scanned either; the hash of its name is as good.
  }
  return path.join(userCacheBase(env), createHash('sha256').update(real).digest('hex').slice(0, 20));
}

/** A usable cache folder and the key its files are sealed with. */
export interface CacheFolder {
  dir: string;
  key: Buffer;
}

/**
 * Opens `dir` for caching the scan of `root`, or says in a note why it cannot be used. Nothing is
 * created here; `prepareForWrite` makes the folder when there is something to save.
 */
export function openCacheFolder(dir: string, root: string): CacheFolder | { note: ScanNote } {
  const refuse = (why: string): { note: ScanNote } => ({
    note: { file: dir, kind: 'cache-refused', message: `analysis cache ${dir} not used: ${why}; scanning without it` },
  });
  const linked = symlinkOnTheWay(dir, root);
  if (linked) return refuse(`${linked} is a symbolic link (the cache is never written through one)`);
  if (trackedByGit(dir)) return refuse('git tracks it (a committed cache could hold anything)');
  // A committed secret would let anyone seal a forged cache (FLAGLINT_CACHE_DIR set inside a checkout).
  if (trackedByGit(userCacheBase()))
    return refuse(`git tracks files in ${userCacheBase()}, where the per-machine secret is kept`);
  const secret = machineSecret();
  if (!secret) return refuse(`no per-machine secret could be kept in ${userCacheBase()}`);
  return { dir, key: createHmac('sha256', secret).update(`flaglint ${toolVersion()} analysis cache`).digest() };
}

/** Makes the cache folder (0700) and checks again that no link was put in its way meanwhile. */
export function prepareForWrite(folder: CacheFolder, root: string): boolean {
  try {
    fs.mkdirSync(folder.dir, { recursive: true, mode: 0o700 });
  } catch {
    return false;
  }
  return symlinkOnTheWay(folder.dir, root) === undefined;
}

/**
 * Writes `body` sealed: a first line with its MAC, then the body. Temp file + rename, never through
 * a link: the 'wx' flag fails rather than follow anything already at the temporary name, and the
 * rename replaces a link at the target instead of writing where it points.
 */
export function writeSealed(folder: CacheFolder, name: string, body: string): void {
  const target = path.join(folder.dir, name);
  const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${sealOf(folder.key, body)}\n${body}`, { flag: 'wx', mode: 0o600 });
  fs.renameSync(tmp, target);
}

/** The body of a sealed file, or undefined when it is missing, unsealed, forged or from another version or machine. */
export function readSealed(folder: CacheFolder, name: string): string | undefined {
  let text: string;
  try {
    const file = path.join(folder.dir, name);
    if (fs.lstatSync(file).isSymbolicLink()) return undefined;
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const given = Buffer.from(text.slice(0, newline), 'utf8');
  const body = text.slice(newline + 1);
  const expected = Buffer.from(sealOf(folder.key, body), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected) ? body : undefined;
}

function sealOf(key: Buffer, body: string): string {
  return `flaglint-cache-hmac-sha256:${createHmac('sha256', key).update(body).digest('hex')}`;
}

/**
 * The first symbolic link among the cache folder and, when it lies inside the scanned root, the
 * folders between the root and it (a committed link there could aim the writes anywhere).
 */
function symlinkOnTheWay(dir: string, root: string): string | undefined {
  const rel = path.relative(root, dir);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const chain = inside ? rel.split(path.sep).map((_, i, parts) => path.join(root, ...parts.slice(0, i + 1))) : [dir];
  for (const p of chain) {
    try {
      if (fs.lstatSync(p).isSymbolicLink()) return p;
    } catch {
      // Not there yet: nothing can be linked below it either.
      return undefined;
    }
  }
  return undefined;
}

/**
 * Whether git's index lists a file under `dir`. Read from the index file itself: running git in
 * an untrusted repository could run its configured hooks or fsmonitor. Index versions 2 and 3 store
 * whole paths, so a search for the folder's path finds its entries (version 4 compresses them and
 * may be missed; the seal still protects the cache then).
 */
export function trackedByGit(dir: string): boolean {
  for (let top = path.dirname(dir); ; top = path.dirname(top)) {
    const dotGit = path.join(top, '.git');
    let gitDir: string | undefined;
    try {
      const st = fs.statSync(dotGit);
      if (st.isDirectory()) gitDir = dotGit;
      else if (st.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
        if (m?.[1]) gitDir = path.resolve(top, m[1].trim());
      }
    } catch {
      gitDir = undefined;
    }
    if (gitDir) {
      let index: Buffer;
      try {
        index = fs.readFileSync(path.join(gitDir, 'index'));
      } catch {
        return false;
      }
      const rel = path.relative(top, dir).split(path.sep).join('/');
      return index.includes(Buffer.from(`${rel}/`, 'utf8'));
    }
    if (path.dirname(top) === top) return false;
  }
}

/** 32 random bytes in `<user cache>/secret`, made on first use; readable by the user alone. */
function machineSecret(): Buffer | undefined {
  const base = userCacheBase();
  const file = path.join(base, 'secret');
  try {
    fs.mkdirSync(base, { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32), { flag: 'wx', mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const st = fs.lstatSync(file);
    // A secret others can read (or a link to one) is no secret.
    if (!st.isFile() || (process.platform !== 'win32' && (st.mode & 0o077) !== 0)) return undefined;
    const secret = fs.readFileSync(file);
    return secret.length >= 32 ? secret : undefined;
  } catch {
    return undefined;
  }
}
