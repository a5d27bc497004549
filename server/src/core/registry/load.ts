import * as fs from 'fs';
import * as path from 'path';
import { isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Location, Registry, RegistryProblem } from '../model';
import { defaultPolicy, defaultScan } from './defaults';
import { DocContext } from './docContext';
import { isRecord, readFlagEntry } from './entry';
import { checkCollisions } from './collisions';
import { readOwners, readPolicy, readScan } from './sections';
import type { LoadOptions } from './types';
import { flagFileLabeller, registryLabeller, validateData } from './validate';
import { fileStart } from './yamlPositions';
import { findPair, keyText, parseYaml, resolve, toPlain } from './yamlTree';
import { FOLDER_SETTINGS_FILES } from './locate';

/**
 * Reads a registry file (YAML or JSON) or folder (one YAML file per flag). Never throws on what the
 * files contain: syntax and schema errors, duplicates and unreadable files become `problems` with
 * positions, and everything that can be salvaged is kept.
 *
 * `text` is an unsaved editor buffer for a file registry; `options.buffers` does the same for any
 * file, including the files of a folder registry.
 */
export function loadRegistry(registryPath: string, text?: string, options: LoadOptions = {}): Registry {
  const abs = path.resolve(registryPath);
  const registry: Registry = {
    path: abs,
    format: /\.json$/i.test(abs) ? 'json' : 'yaml',
    root: path.dirname(abs),
    flags: new Map(),
    owners: [],
    policy: defaultPolicy(),
    scan: defaultScan(),
    problems: [],
  };
  const buffered = text ?? options.buffers?.get(abs);
  if (buffered === undefined) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch (e) {
      registry.problems.push(unreadable(abs, e));
      return registry;
    }
    if (stat.isDirectory()) {
      registry.format = 'folder';
      loadFolder(registry, options);
      return finish(registry);
    }
  }
  const content = buffered ?? readText(abs, registry.problems);
  if (content !== undefined) loadFile(registry, abs, content);
  return finish(registry);
}

function finish(registry: Registry): Registry {
  checkCollisions(registry);
  registry.problems.sort(
    (a, b) =>
      (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
      a.location.range.start.line - b.location.range.start.line ||
      a.location.range.start.character - b.location.range.start.character,
  );
  return registry;
}

function unreadable(file: string, e: unknown): RegistryProblem {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === 'ENOENT' ? 'it does not exist' : err.code === 'EACCES' ? 'permission denied' : err.message;
  return { ruleId: 'invalid-registry', severity: 'error', message: `Cannot read the registry ${file}: ${why}.`, location: fileStart(file) };
}

function readText(file: string, problems: RegistryProblem[]): string | undefined {
  try {
    return stripBom(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(unreadable(file, e));
    return undefined;
  }
}

// Editors drop the byte-order mark, so positions only agree without it.
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Parses one file and reports syntax errors, duplicate keys and (for .json) what JSON forbids. */
function parse(file: string, text: string, problems: RegistryProblem[]): DocContext {
  const doc = parseYaml(text);
  const ctx = new DocContext(file, text, doc, problems);
  for (const e of doc.errors) {
    ctx.report('invalid-registry', 'error', `Syntax error: ${firstLine(e.message)}.`, ctx.positions.location(e.pos[0], e.pos[1]));
  }
  for (const w of doc.warnings) {
    ctx.report('invalid-registry', 'warning', `${firstLine(w.message)}.`, ctx.positions.location(w.pos[0], w.pos[1]));
  }
  if (/\.json$/i.test(file) && doc.errors.length === 0) checkJson(ctx);
  return ctx;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}

/** YAML accepts comments, trailing commas and unquoted keys; other tools reading a .json file do not. */
function checkJson(ctx: DocContext): void {
  try {
    JSON.parse(ctx.text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : 0;
    ctx.report(
      'invalid-registry',
      'warning',
      `Not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')}); other tools reading this file may reject it.`,
      ctx.positions.location(offset, Math.min(offset + 1, ctx.text.length)),
    );
  }
}

/** Duplicate keys outside `flags:` (there they are duplicate flags, reported where flags are read). */
function reportDuplicateKeys(ctx: DocContext, flagsMap: unknown): void {
  visit(ctx.doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const item of map.items) {
        const k = keyText(item.key);
        if (k === undefined || k === '<<') continue;
        const first = seen.get(k);
        const keyStart = (item.key as { range?: number[] } | null)?.range?.[0] ?? 0;
        if (first === undefined) {
          seen.set(k, keyStart);
          continue;
        }
        if (map === flagsMap) continue;
        const line = ctx.positions.position(first).line + 1;
        ctx.report(
          'invalid-registry',
          'error',
          `Duplicate key "${k}": the one on line ${line} is used and this one is ignored.`,
          ctx.nodeLocation(item.key) ?? fileStart(ctx.file),
        );
      }
    },
  });
}

function loadFile(registry: Registry, file: string, rawText: string): void {
  const ctx = parse(file, stripBom(rawText), registry.problems);
  const root = resolve(ctx.doc.contents, ctx.doc);
  const data = toPlain(root, ctx.doc) ?? {};
  if (!isRecord(data)) {
    ctx.report(
      'invalid-registry',
      'error',
      'The registry must be a mapping with a "flags:" section (and optionally owners, policy and scan).',
      ctx.nodeLocation(root) ?? fileStart(file),
    );
    return;
  }
  validateData(ctx, 'registry', data, registryLabeller);
  const flagsPair = isMap(root) ? findPair(root, 'flags') : undefined;
  const flagsNode = flagsPair ? resolve(flagsPair.value, ctx.doc) : undefined;
  reportDuplicateKeys(ctx, flagsNode);
  readSettings(registry, ctx, data);
  if (isMap(flagsNode)) readFlagMap(registry, ctx, flagsNode, data.flags);
}

function readSettings(registry: Registry, ctx: DocContext, data: Record<string, unknown>): void {
  registry.owners = readOwners(data.owners);
  registry.policy = readPolicy(ctx, data.policy, ['policy']);
  registry.scan = readScan(data.scan);
}

function readFlagMap(registry: Registry, ctx: DocContext, flagsNode: import('yaml').YAMLMap, plainFlags: unknown): void {
  const plain = isRecord(plainFlags) ? plainFlags : {};
  for (const item of flagsNode.items) {
    if (!isPair(item)) continue;
    const key = keyText(item.key);
    const keyLocation = ctx.nodeLocation(item.key) ?? fileStart(ctx.file);
    if (key === undefined || key === '<<') {
      if (key === undefined) {
        ctx.report('invalid-registry', 'error', 'A flag key must be plain text, not a list or mapping.', keyLocation);
      }
      continue;
    }
    if (key.trim() === '') {
      ctx.report('invalid-registry', 'error', 'A flag key must not be empty.', keyLocation);
      continue;
    }
    const existing = registry.flags.get(key);
    if (existing) {
      reportDuplicate(ctx, key, keyLocation, existing.location);
      continue;
    }
    const entry = readFlagEntry(ctx, key, plain[key], ['flags', key], keyLocation, registryLabeller);
    registry.flags.set(key, entry);
  }
}

function reportDuplicate(ctx: DocContext, key: string, here: Location, first: Location): void {
  const where =
    first.file === here.file ? `line ${first.range.start.line + 1}` : `${first.file}:${first.range.start.line + 1}`;
  ctx.report(
    'duplicate-flag',
    'error',
    `Flag "${key}" is defined twice: the entry at ${where} is used and this one is ignored.`,
    here,
    key,
  );
}

// ---------------------------------------------------------------------------------------------
// The folder form

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
    if (e.isDirectory() && depth < MAX_DEPTH) listFlagFiles(full, depth + 1, out, problems);
    else if ((e.isFile() || e.isSymbolicLink()) && FLAG_FILE.test(e.name)) out.push(full);
  }
}

function loadFolder(registry: Registry, options: LoadOptions): void {
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
  const explicitKey = keyPair && isScalar(keyPair.value) && typeof keyPair.value.value === 'string' ? keyPair.value.value.trim() : '';
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
