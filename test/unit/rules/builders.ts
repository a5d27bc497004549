/** Small builders for rule tests: registries, entries and references as the loader and scanner produce them. */
import * as path from 'node:path';
import type {
  DynamicReference,
  FlagEntry,
  FlagReference,
  Location,
  Policy,
  Registry,
} from '../../../server/src/core/model';
import { defaultPolicy } from '../../../server/src/core/registry';
import type { RuleContext } from '../../../server/src/core/rules';

export const ROOT = path.resolve('/repo');
export const REGISTRY_FILE = path.join(ROOT, 'flags.yaml');

export function at(file: string, line: number, character = 0, length = 1): Location {
  return { file, range: { start: { line, character }, end: { line, character: character + length } } };
}

let nextLine = 1;

/** A registry entry whose key sits on its own line of flags.yaml, like a loaded one. */
export function entry(key: string, fields: Partial<Omit<FlagEntry, 'key' | 'location'>> = {}): FlagEntry {
  const line = nextLine;
  nextLine += 12;
  const fieldLocations: Record<string, Location> = {};
  Object.keys(fields).forEach((name, i) => {
    if (name !== 'fieldLocations') fieldLocations[name] = at(REGISTRY_FILE, line + 1 + i, 4, 10);
  });
  return {
    key,
    location: at(REGISTRY_FILE, line, 2, key.length),
    ...fields,
    fieldLocations: { ...fieldLocations, ...fields.fieldLocations },
  };
}

export function registry(
  entries: FlagEntry[],
  overrides: { policy?: Partial<Policy>; owners?: string[] } = {},
): Registry {
  return {
    path: REGISTRY_FILE,
    format: 'yaml',
    root: ROOT,
    flags: new Map(entries.map((e) => [e.key, e])),
    owners: overrides.owners ?? [],
    policy: { ...defaultPolicy(), ...overrides.policy },
    scan: { include: [], exclude: [], presets: 'auto', functions: [], properties: [] },
    problems: [],
  };
}

/** A reference in `file` (relative to ROOT) on `line`; `registryKey` is set by the caller when it matched. */
export function ref(key: string, file: string, line: number, extra: Partial<FlagReference> = {}): FlagReference {
  const abs = path.join(ROOT, file);
  return {
    key,
    location: at(abs, line, 20, key.length + 2),
    evaluation: at(abs, line, 10, 40),
    kind: 'call',
    keyForm: 'literal',
    source: 'openfeature',
    callee: 'getBooleanValue',
    ...extra,
  };
}

/** A reference that the engine matched to the registry entry of the same key. */
export function registeredRef(
  key: string,
  file: string,
  line: number,
  extra: Partial<FlagReference> = {},
): FlagReference {
  return ref(key, file, line, { registryKey: key, ...extra });
}

export function dynamicRef(file: string, line: number, expression: string): DynamicReference {
  const abs = path.join(ROOT, file);
  return {
    location: at(abs, line, 30, expression.length),
    evaluation: at(abs, line, 10, 40),
    source: 'launchdarkly',
    callee: 'variation',
    expression,
    reason: 'the key is a function parameter',
  };
}

export const NOW = new Date('2026-10-15T12:00:00Z');

export function context(
  reg: Registry,
  references: FlagReference[] = [],
  extra: Partial<RuleContext> = {},
): RuleContext {
  return {
    registry: reg,
    references,
    dynamic: [],
    now: NOW,
    packageOf: () => undefined,
    codeowners: [],
    ...extra,
  };
}
