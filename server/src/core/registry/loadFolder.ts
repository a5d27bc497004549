import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, isSeq } from 'yaml';
import type { Registry, RegistryProblem } from '../model';
import { isRecord, readFlagEntry } from './entry';
import { loadFile } from './loadFile';
import { FOLDER_SETTINGS_FILES } from './locate';
import { parse, readText, reportDuplicate, reportDuplicateKeys, stripBom, unreadable } from './parseFile';
import type { LoadOptions } from './types';
import { flagFileLabeller, validateData } from './validate';
import { fileStart } from './yamlPositions';
import { findPair, resolve, toPlain } from './yamlTree';

/** The folder form: one YAML file per flag, and an optional `_registry.yaml` for the other sections. */

const FLAG_FILE = /\.ya?ml$/i;
const MAX_DEPTH = 8;

function listFlagFiles(dir: string, depth: number, out: string[], problems: RegistryProblem[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    problems.push(unreadable(dir, e));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    // `_`-prefixed files are settings or templates, dot files are editor and VCS litter.
    if (e.name.startsWith('.') || e.name.startsWith('_') || e.name === 'node_modules') continue;
    const full = path.join(dir, e.name);
    // Symbolic links to folders are not followed, so a link loop cannot trap the walk.
    // Anything else named like a flag file (a folder, a FIFO, a device) is listed too, so that
    // reading it reports what it is instead of the flag going missing without a word.
    if (FLAG_FILE.test(e.name)) out.push(full);
    else if (e.isDirectory() && depth < MAX_DEPTH) listFlagFiles(full, depth + 1, out, problems);
  }
}

export function loadFolder(registry: Registry, options: LoadOptions): void {
  const folder = registry.path;
  const read = (file: string) => {
    const buffered = options.buffers?.get(file);
    return buffered !== undefined ? stripBom(buffered) : readText(file, registry.problems);
  };
  for (const name of FOLDER_SETTINGS_FILES) {
    const file = path.join(folder, name);
    if (!options.buffers?.has(file) && !fs.existsSync(file)) continue;
    const text = read(file);
    if (text !== undefined) loadFile(registry, file, text);
    break;
  }
  const files: string[] = [];
  listFlagFiles(folder, 0, files, registry.problems);
  for (const file of files) {
    const text = read(file);
    if (text !== undefined) loadFlagFile(registry, file, text);
  }
}

function loadFlagFile(registry: Registry, file: string, text: string): void {
  const ctx = parse(file, text, registry.problems);
  const root = resolve(ctx.doc.contents, ctx.doc);
  const data = toPlain(root, ctx.doc);
  reportDuplicateKeys(ctx, undefined);
  const keyPair = isMap(root) ? findPair(root, 'key') : undefined;
  const explicitKey =
    keyPair && isScalar(keyPair.value) && typeof keyPair.value.value === 'string' ? keyPair.value.value.trim() : '';
  const key = explicitKey || path.basename(file).replace(/\.ya?ml$/i, '');
  const location = (explicitKey && ctx.nodeLocation(keyPair!.value)) || fileStart(file);
  if (data !== null && !isRecord(data)) {
    const what = isSeq(root) ? 'a list' : 'a single value';
    ctx.report(
      'invalid-registry',
      'error',
      `The file of flag "${key}" must hold the flag's fields as a mapping (description:, owner:, …), not ${what}.`,
      ctx.nodeLocation(root) ?? fileStart(file),
      key,
    );
  } else if (data !== null) {
    validateData(ctx, 'flagFile', data, flagFileLabeller(key));
  }
  const existing = registry.flags.get(key);
  if (existing) {
    reportDuplicate(ctx, key, location, existing.location);
    return;
  }
  registry.flags.set(key, readFlagEntry(ctx, key, data, [], location, flagFileLabeller(key)));
}
