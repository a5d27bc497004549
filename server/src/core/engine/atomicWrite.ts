import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * All-or-nothing writes of several files. Commands that change many files (remove, init, import)
 * used to write them one after another, so a failure half-way left a deleted registry entry next
 * to code that still used it. Here every target is checked first, every new text is staged in a
 * temporary file beside its target, and only then are the temporaries renamed over the targets;
 * when any step fails, what was already replaced is put back and the error names the file.
 */

/** One file's new content; `text: undefined` deletes the file. */
export interface PlannedWrite {
  file: string;
  text: string | undefined;
}

/** The file-system calls that change the disk, a seam so tests can fail the k-th one. */
export interface WriteSeam {
  writeFile(file: string, data: string | Buffer): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
}

export const nodeWriteSeam: WriteSeam = {
  writeFile: (file, data) => fs.writeFileSync(file, data),
  rename: (from, to) => fs.renameSync(from, to),
  remove: (file) => fs.rmSync(file),
};

/** A write that was refused or failed; nothing on disk was changed. */
export class AtomicWriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly restored: boolean = true,
  ) {
    super(
      `cannot write ${file}: ${reason}; ${restored ? 'nothing was changed' : 'some files could not be restored, check them'}.`,
    );
    this.name = 'AtomicWriteError';
  }
}

function reasonOf(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The nearest existing ancestor of a path (the folder a new file's missing folders would go in). */
function existingAncestor(dir: string): string {
  let current = dir;
  while (!fs.existsSync(current) && path.dirname(current) !== current) current = path.dirname(current);
  return current;
}

interface Target {
  file: string;
  text: string | undefined;
  /** The bytes before the write, undefined for a file that does not exist yet. */
  original: Buffer | undefined;
  temp?: string;
  replaced?: boolean;
}

/** Refuses links, folders and anything whose real location is outside the root: never write through a link. */
function checkTarget(write: PlannedWrite, realRoot: string | undefined): Target {
  const file = path.resolve(write.file);
  let original: Buffer | undefined;
  let stat: fs.Stats | undefined;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new AtomicWriteError(file, reasonOf(e));
  }
  if (stat?.isSymbolicLink())
    throw new AtomicWriteError(file, 'it is a symbolic link (flaglint does not write through links)');
  if (stat && !stat.isFile()) throw new AtomicWriteError(file, 'it is not a regular file');
  if (realRoot !== undefined) {
    const realDir = fs.realpathSync(existingAncestor(path.dirname(file)));
    if (!isInside(realRoot, realDir))
      throw new AtomicWriteError(file, `its folder resolves to ${realDir}, outside the workspace ${realRoot}`);
  }
  if (stat) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
      original = fs.readFileSync(file);
    } catch (e) {
      throw new AtomicWriteError(file, reasonOf(e));
    }
  } else if (write.text === undefined) {
    original = undefined;
  }
  return { file, text: write.text, original };
}

let counter = 0;

/**
 * Writes every planned file or none. `root` (when given) is the folder every target must really
 * be in, links resolved. Throws AtomicWriteError naming the file and the reason.
 */
export function writeFilesAtomically(
  writes: readonly PlannedWrite[],
  options: { root?: string; seam?: WriteSeam } = {},
): void {
  const seam = options.seam ?? nodeWriteSeam;
  const realRoot = options.root === undefined ? undefined : fs.realpathSync(options.root);
  const targets = writes.map((w) => checkTarget(w, realRoot));
  const createdDirs: string[] = [];
  const undo = (failed: string, e: unknown): never => {
    let restored = true;
    for (const t of [...targets].reverse()) {
      try {
        if (t.temp !== undefined && fs.existsSync(t.temp)) fs.rmSync(t.temp, { force: true });
        if (!t.replaced) continue;
        if (t.original === undefined) fs.rmSync(t.file, { force: true });
        else seam.writeFile(t.file, t.original);
      } catch {
        restored = false;
      }
    }
    for (const dir of createdDirs.reverse()) fs.rmSync(dir, { recursive: true, force: true });
    throw new AtomicWriteError(failed, reasonOf(e), restored);
  };
  // Stage: every new text in a temporary file beside its target, so the rename cannot cross disks.
  for (const t of targets) {
    if (t.text === undefined) continue;
    try {
      const dir = path.dirname(t.file);
      if (!fs.existsSync(dir)) {
        const first = fs.mkdirSync(dir, { recursive: true });
        if (first !== undefined) createdDirs.push(first);
      }
      t.temp = path.join(dir, `.${path.basename(t.file)}.flaglint-${process.pid}-${counter++}.tmp`);
      seam.writeFile(t.temp, t.text);
    } catch (e) {
      undo(t.file, e);
    }
  }
  // Commit: rename (or delete) in order; a failure puts back everything replaced so far.
  for (const t of targets) {
    try {
      if (t.text === undefined) {
        if (t.original !== undefined) seam.remove(t.file);
      } else seam.rename(t.temp as string, t.file);
      t.replaced = true;
      t.temp = undefined;
    } catch (e) {
      undo(t.file, e);
    }
  }
}
