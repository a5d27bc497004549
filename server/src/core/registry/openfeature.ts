import { isMap, isPair } from 'yaml';
import type { Registry, RegistryProblem } from '../model';
import { addFlagsEdits } from './edits';
import type { NewFlag } from './edits';
import { OPENFEATURE_TO_VALUE_TYPE, isRecord } from './entry';
import type { FlagFields, ImportConflict, ImportedFlag, ImportPlan, OpenFeatureImport } from './types';
import { ZERO, fits, flagTypeOf } from './openfeatureTypes';
import type { OpenFeatureFlagType } from './openfeatureTypes';
import { TextPositions } from '../text';
import { fileStart } from './yamlPositions';
import { findPair, keyText, parseYaml, resolve, span, toPlain } from './yamlTree';

/**
 * Interoperability with the OpenFeature CLI flag manifest (`flags.json`, used to generate typed flag
 * accessors): `{ "$schema": …, "flags": { "<key>": { "flagType", "defaultValue", "description" } } }`
 * with flagType boolean | string | integer | float | object, defaultValue required.
 */
export const OPENFEATURE_SCHEMA_URL =
  'https://raw.githubusercontent.com/open-feature/cli/refs/heads/main/schema/v0/flag-manifest.json';

export type { OpenFeatureFlagType };

export interface OpenFeatureFlag {
  flagType: OpenFeatureFlagType;
  defaultValue: unknown;
  description?: string;
}

export interface OpenFeatureManifest {
  $schema: string;
  flags: Record<string, OpenFeatureFlag>;
}

export interface ExportOptions {
  /** Archived flags are gone from the code; they are left out unless asked for. */
  includeArchived?: boolean;
}

export interface OpenFeatureExport {
  manifest: OpenFeatureManifest;
  /** Flags whose type or default value had to be guessed (the manifest requires both). */
  guessed: Array<{ key: string; reason: string }>;
}

/** The registry as an OpenFeature manifest, with the guesses it had to make. */
export function exportOpenFeatureDetailed(registry: Registry, options: ExportOptions = {}): OpenFeatureExport {
  const flags: Record<string, OpenFeatureFlag> = {};
  const guessed: OpenFeatureExport['guessed'] = [];
  for (const [key, entry] of registry.flags) {
    if (entry.status === 'archived' && !options.includeArchived) continue;
    let flagType = flagTypeOf(entry.valueType, entry.defaultValue);
    if (!flagType) {
      flagType = 'boolean';
      guessed.push({ key, reason: 'no valueType or defaultValue; exported as a boolean flag defaulting to false' });
    }
    let defaultValue = entry.defaultValue;
    if (!fits(flagType, defaultValue)) {
      if (defaultValue !== undefined) {
        guessed.push({
          key,
          reason: `defaultValue ${JSON.stringify(defaultValue)} is not a ${flagType}; exported as ${JSON.stringify(ZERO[flagType])}`,
        });
      } else if (entry.valueType) {
        guessed.push({ key, reason: `no defaultValue; exported as ${JSON.stringify(ZERO[flagType])}` });
      }
      defaultValue = ZERO[flagType];
    }
    const flag: OpenFeatureFlag = { flagType, defaultValue };
    if (entry.description) flag.description = entry.description;
    flags[key] = flag;
  }
  return { manifest: { $schema: OPENFEATURE_SCHEMA_URL, flags }, guessed };
}

export function exportOpenFeature(registry: Registry, options: ExportOptions = {}): OpenFeatureManifest {
  return exportOpenFeatureDetailed(registry, options).manifest;
}

/** Reads a manifest (JSON, or YAML), reporting every problem with its position; never throws. */
export function importOpenFeature(manifestText: string, manifestPath: string): OpenFeatureImport {
  const problems: RegistryProblem[] = [];
  const flags: ImportedFlag[] = [];
  const text = manifestText.replace(/^\uFEFF/, '');
  const pos = new TextPositions(manifestPath, text);
  const doc = parseYaml(text);
  const at = (node: unknown) => {
    const s = span(node);
    return s ? pos.location(s[0], Math.max(s[0], s[1])) : fileStart(manifestPath);
  };
  const problem = (message: string, node: unknown, flagKey?: string) => {
    const p: RegistryProblem = { ruleId: 'invalid-registry', severity: 'error', message, location: at(node) };
    if (flagKey !== undefined) p.flagKey = flagKey;
    problems.push(p);
  };
  for (const e of doc.errors) {
    problems.push({
      ruleId: 'invalid-registry',
      severity: 'error',
      message: `Syntax error: ${e.message.split('\n')[0]}`,
      location: pos.location(e.pos[0], e.pos[1]),
    });
  }
  const root = resolve(doc.contents, doc);
  const flagsPair = isMap(root) ? findPair(root, 'flags') : undefined;
  const flagsNode = flagsPair ? resolve(flagsPair.value, doc) : undefined;
  if (!isMap(flagsNode)) {
    problem(
      'An OpenFeature manifest needs a "flags" object mapping each flag key to its flagType and defaultValue.',
      flagsPair?.key ?? root,
    );
    return { flags, problems };
  }
  for (const item of flagsNode.items) {
    if (!isPair(item)) continue;
    const key = keyText(item.key);
    if (!key) {
      problem('A flag key must be non-empty text.', item.key);
      continue;
    }
    const value = resolve(item.value, doc);
    const data = toPlain(value, doc);
    if (!isRecord(data)) {
      problem(`Flag "${key}" must be an object with flagType and defaultValue.`, item.key, key);
      continue;
    }
    const flag: ImportedFlag = { key, location: at(item.key) };
    const fieldNode = (name: string) => (isMap(value) ? (findPair(value, name)?.value ?? item.key) : item.key);
    const flagType = data.flagType;
    if (typeof flagType !== 'string' || !(flagType in OPENFEATURE_TO_VALUE_TYPE)) {
      problem(
        flagType === undefined
          ? `Flag "${key}" has no flagType (boolean, string, integer, float or object).`
          : `The flagType of flag "${key}" must be boolean, string, integer, float or object, not ${JSON.stringify(flagType)}.`,
        fieldNode('flagType'),
        key,
      );
    } else {
      flag.valueType = OPENFEATURE_TO_VALUE_TYPE[flagType];
    }
    if (!('defaultValue' in data)) {
      problem(`Flag "${key}" has no defaultValue.`, item.key, key);
    } else if (
      typeof flagType === 'string' &&
      flagType in ZERO &&
      !fits(flagType as OpenFeatureFlagType, data.defaultValue)
    ) {
      problem(
        `The defaultValue of flag "${key}" is ${JSON.stringify(data.defaultValue)}, which is not ${/^[aeiou]/.test(flagType) ? 'an' : 'a'} ${flagType}.`,
        fieldNode('defaultValue'),
        key,
      );
    } else {
      flag.defaultValue = data.defaultValue;
    }
    if (typeof data.description === 'string') flag.description = data.description;
    flags.push(flag);
  }
  return { flags, problems };
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRecord(v))
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'undefined';
}

/**
 * What importing a manifest into the registry does: flags the registry lacks are added (with the
 * manifest's description, valueType and defaultValue); flags it has keep their entries, and every
 * field where the manifest says something else is reported as a conflict.
 */
export function planOpenFeatureImport(
  registry: Registry,
  registryText: string | undefined,
  imported: OpenFeatureImport,
): ImportPlan {
  const plan: ImportPlan = { edits: [], added: [], existing: [], conflicts: [] };
  const toAdd: NewFlag[] = [];
  for (const flag of imported.flags) {
    const entry = registry.flags.get(flag.key);
    if (!entry) {
      const fields: FlagFields = {};
      if (flag.description !== undefined) fields.description = flag.description;
      if (flag.valueType !== undefined) fields.valueType = flag.valueType;
      if (flag.defaultValue !== undefined) fields.defaultValue = flag.defaultValue;
      toAdd.push({ key: flag.key, fields });
      plan.added.push(flag.key);
      continue;
    }
    plan.existing.push(flag.key);
    const compare = (field: ImportConflict['field'], registryValue: unknown, manifestValue: unknown) => {
      if (registryValue === undefined || manifestValue === undefined || same(registryValue, manifestValue)) return;
      plan.conflicts.push({
        key: flag.key,
        field,
        registryValue,
        manifestValue,
        location: entry.fieldLocations[field] ?? entry.location,
      });
    };
    compare('valueType', entry.valueType, flag.valueType);
    compare('defaultValue', entry.defaultValue, flag.defaultValue);
    compare('description', entry.description, flag.description);
  }
  plan.edits = addFlagsEdits(registry, registryText, toAdd);
  return plan;
}
