import type { Registry } from '../model';
import type { ImportPlan, OpenFeatureImport } from './types';

export const OPENFEATURE_SCHEMA_URL =
  'https://raw.githubusercontent.com/open-feature/cli/refs/heads/main/schema/v0/flag-manifest.json';

export interface OpenFeatureFlag {
  flagType: 'boolean' | 'string' | 'integer' | 'float' | 'object';
  defaultValue: unknown;
  description?: string;
}
export interface OpenFeatureManifest {
  $schema: string;
  flags: Record<string, OpenFeatureFlag>;
}
export function exportOpenFeature(_registry: Registry): OpenFeatureManifest {
  return { $schema: OPENFEATURE_SCHEMA_URL, flags: {} };
}
export function importOpenFeature(_manifestText: string, _manifestPath: string): OpenFeatureImport {
  return { flags: [], problems: [] };
}
export function planOpenFeatureImport(_registry: Registry, _registryText: string | undefined, _imported: OpenFeatureImport): ImportPlan {
  return { edits: [], added: [], existing: [], conflicts: [] };
}
