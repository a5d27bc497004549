import type { ValueType } from '../model';
import type { FlagFields } from './types';

/** The OpenFeature CLI manifest's flag types, and how Flaglint's value types map onto them. */
export type OpenFeatureFlagType = 'boolean' | 'string' | 'integer' | 'float' | 'object';

export const ZERO: Record<OpenFeatureFlagType, unknown> = {
  boolean: false,
  string: '',
  integer: 0,
  float: 0,
  object: {},
};

export function flagTypeOf(valueType: ValueType | undefined, defaultValue: unknown): OpenFeatureFlagType | undefined {
  switch (valueType) {
    case 'boolean':
    case 'string':
      return valueType;
    case 'number':
      return typeof defaultValue === 'number' && !Number.isInteger(defaultValue) ? 'float' : 'integer';
    case 'json':
      return 'object';
  }
  switch (typeof defaultValue) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(defaultValue) ? 'integer' : 'float';
    case 'object':
      return defaultValue === null ? undefined : 'object';
  }
  return undefined;
}

export function fits(type: OpenFeatureFlagType, value: unknown): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'float':
      return typeof value === 'number';
    case 'object':
      return value !== undefined && value !== null;
  }
}

/**
 * Fields for a new entry in a registry that is also an OpenFeature manifest: the manifest requires
 * `flagType` and `defaultValue`, so they are added (derived from valueType) to keep the file valid
 * for the OpenFeature CLI.
 */
export function withManifestFields(fields: FlagFields): Record<string, unknown> {
  const valueType = fields.valueType as ValueType | undefined;
  const flagType = flagTypeOf(valueType, fields.defaultValue) ?? 'boolean';
  const defaultValue = fits(flagType, fields.defaultValue) ? fields.defaultValue : ZERO[flagType];
  return { ...fields, flagType, defaultValue };
}
