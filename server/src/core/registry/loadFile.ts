import { isMap, isPair } from 'yaml';
import type { YAMLMap } from 'yaml';
import type { Registry } from '../model';
import type { DocContext } from './docContext';
import { isRecord, readFlagEntry } from './entry';
import { parse, reportDuplicate, reportDuplicateKeys, stripBom } from './parseFile';
import { readOwners, readPolicy, readScan } from './sections';
import { registryLabeller, validateData } from './validate';
import { fileStart } from './yamlPositions';
import { findPair, keyText, resolve, toPlain } from './yamlTree';

/** A registry file (`flags:`, `owners:`, `policy:`, `scan:`), also a folder registry's settings file. */
export function loadFile(registry: Registry, file: string, rawText: string): void {
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

function readFlagMap(registry: Registry, ctx: DocContext, flagsNode: YAMLMap, plainFlags: unknown): void {
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
