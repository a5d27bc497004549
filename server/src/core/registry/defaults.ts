import * as path from 'node:path';
import type { Policy, Registry, ScanConfig } from '../model';
import { SDK_IDS } from '../sdks';

/**
 * Defaults that make an almost empty registry useful: releases and experiments are expected to end,
 * ops switches, permissions and kill switches are long-lived by nature, so they get no age limit.
 */
export const DEFAULT_POLICY: Readonly<Policy> = Object.freeze({
  maxAgeDays: { release: 90, experiment: 60 },
  gracePeriodDays: 14,
  requireRollback: ['release', 'ops', 'kill-switch'],
  requireExpiry: ['release', 'experiment'],
  severity: {},
  useCodeowners: false,
} as Policy);

export const DEFAULT_SCAN: Readonly<ScanConfig> = Object.freeze({
  include: [],
  exclude: [],
  presets: 'auto',
  functions: [],
  properties: [],
} as ScanConfig);

/** SDK presets the scanner knows (one module each in core/sdks); `scan.presets` may name any of these (or be 'auto'). */
export const PRESET_IDS: readonly string[] = SDK_IDS;
export type PresetId = string;

/** Fresh, mutable copies, so a registry never shares arrays with the frozen defaults. */
export function defaultPolicy(): Policy {
  return {
    maxAgeDays: { ...DEFAULT_POLICY.maxAgeDays },
    gracePeriodDays: DEFAULT_POLICY.gracePeriodDays,
    requireRollback: [...DEFAULT_POLICY.requireRollback],
    requireExpiry: [...DEFAULT_POLICY.requireExpiry],
    severity: {},
    useCodeowners: DEFAULT_POLICY.useCodeowners,
  };
}

export function defaultScan(): ScanConfig {
  return { include: [], exclude: [], presets: 'auto', functions: [], properties: [] };
}

/** The registry a folder gets when it has none: `<root>/flags.yaml`, not yet written. */
export function emptyRegistry(root: string): Registry {
  const absRoot = path.resolve(root);
  return {
    path: path.join(absRoot, 'flags.yaml'),
    format: 'yaml',
    root: absRoot,
    flags: new Map(),
    owners: [],
    policy: defaultPolicy(),
    scan: defaultScan(),
    problems: [],
  };
}
