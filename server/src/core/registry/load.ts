import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Registry } from '../model';
import { checkCollisions } from './collisions';
import { defaultPolicy, defaultScan } from './defaults';
import { loadFile } from './loadFile';
import { loadFolder } from './loadFolder';
import { REGISTRY_FILE_NAMES } from './locate';
import { readText, unreadable } from './parseFile';
import type { LoadOptions } from './types';
import { fileStart } from './yamlPositions';

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
    if (stat.isDirectory() && REGISTRY_FILE_NAMES.includes(path.basename(abs))) {
      // A folder called flags.yaml is a mistake, not the folder form (that is flags/): say so.
      registry.problems.push({
        ruleId: 'invalid-registry',
        severity: 'error',
        message: `The registry ${abs} is a folder, not a file; it was not read. Replace it with a YAML file, or use a flags/ folder for one file per flag.`,
        location: fileStart(abs),
      });
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
