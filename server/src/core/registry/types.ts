import type { FlagEntry, Location, RegistryProblem, ValueType } from '../model';

import type { FileEdit } from '../text';

export type { FileEdit };

/** The writable fields of a registry entry, as plain values (what quick fixes and imports add). */
export interface FlagFields {
  description?: string;
  owner?: string;
  type?: string;
  valueType?: string;
  defaultValue?: unknown;
  status?: string;
  created?: string;
  expires?: string;
  permanent?: boolean;
  /** A plan (text), or `{ plan, runbook }`. */
  rollback?: string | { plan?: string; runbook?: string };
  runbook?: string;
  dependsOn?: string[];
  scope?: string | string[];
  links?: Record<string, string> | string[];
  aliases?: string[];
}

/** Field names in the order a new entry writes them (the order the design documents them). */
export const FIELD_ORDER: readonly (keyof FlagFields)[] = [
  'description',
  'owner',
  'type',
  'valueType',
  'defaultValue',
  'status',
  'created',
  'expires',
  'permanent',
  'rollback',
  'runbook',
  'dependsOn',
  'scope',
  'links',
  'aliases',
];

export interface LoadOptions {
  /** Unsaved editor buffers by absolute file path; they win over the disk (also for folder registries). */
  buffers?: ReadonlyMap<string, string>;
}

/** One flag read from an OpenFeature CLI manifest. */
export interface ImportedFlag {
  key: string;
  valueType?: ValueType;
  defaultValue?: unknown;
  description?: string;
  location: Location;
}

export interface OpenFeatureImport {
  flags: ImportedFlag[];
  problems: RegistryProblem[];
}

/** A manifest value that differs from what the registry already records (the registry is kept). */
export interface ImportConflict {
  key: string;
  field: 'valueType' | 'defaultValue' | 'description';
  registryValue: unknown;
  manifestValue: unknown;
  location: Location;
}

export interface ImportPlan {
  edits: FileEdit[];
  added: string[];
  /** Keys already in the registry (their entries are left as they are). */
  existing: string[];
  conflicts: ImportConflict[];
}

export type { FlagEntry };
