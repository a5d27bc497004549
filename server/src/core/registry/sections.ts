import { FLAG_TYPES, VALUE_TYPES } from '../model';
import type { CustomFunction, FlagType, Policy, RuleId, ScanConfig, SeveritySetting, ValueType } from '../model';
import { PRESET_IDS, defaultPolicy, defaultScan } from './defaults';
import type { DocContext, Path } from './docContext';
import { isRecord } from './entry';
import { compileKeyPattern } from './keyPattern';
import { RULE_IDS } from './schema';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
}

function flagTypes(v: unknown): FlagType[] {
  return strings(v).filter((t): t is FlagType => (FLAG_TYPES as readonly string[]).includes(t));
}

function isCount(v: unknown, min: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min;
}

export function readOwners(data: unknown): string[] {
  return strings(data)
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

/** The policy section over the defaults; invalid values keep the default (the schema reported them). */
export function readPolicy(ctx: DocContext, data: unknown, path: Path): Policy {
  const policy = defaultPolicy();
  if (!isRecord(data)) return policy;
  if (isRecord(data.maxAgeDays)) {
    for (const type of FLAG_TYPES) {
      if (!(type in data.maxAgeDays)) continue;
      const days = data.maxAgeDays[type];
      if (days === null) delete policy.maxAgeDays[type];
      else if (isCount(days, 1)) policy.maxAgeDays[type] = days;
    }
  }
  if (isCount(data.gracePeriodDays, 0)) policy.gracePeriodDays = data.gracePeriodDays;
  if (Array.isArray(data.requireRollback)) policy.requireRollback = flagTypes(data.requireRollback);
  if (Array.isArray(data.requireExpiry)) policy.requireExpiry = flagTypes(data.requireExpiry);
  if (typeof data.keyPattern === 'string') {
    const compiled = compileKeyPattern(data.keyPattern);
    if ('pattern' in compiled) policy.keyPattern = data.keyPattern;
    else
      ctx.report(
        'invalid-registry',
        'error',
        `policy.keyPattern is not a usable regular expression: ${compiled.error}.`,
        ctx.locate([...path, 'keyPattern']),
      );
  }
  if (isRecord(data.severity)) {
    for (const [rule, setting] of Object.entries(data.severity)) {
      if (
        (RULE_IDS as readonly string[]).includes(rule) &&
        typeof setting === 'string' &&
        SEVERITIES.includes(setting)
      ) {
        policy.severity[rule as RuleId] = setting as SeveritySetting;
      }
    }
  }
  if (typeof data.useCodeowners === 'boolean') policy.useCodeowners = data.useCodeowners;
  return policy;
}

function readFunction(v: unknown): CustomFunction | undefined {
  if (typeof v === 'string') return v.trim() ? { name: v.trim() } : undefined;
  if (!isRecord(v) || typeof v.name !== 'string' || !v.name.trim()) return undefined;
  const fn: CustomFunction = { name: v.name.trim() };
  if (isCount(v.keyArg, 0)) fn.keyArg = v.keyArg;
  // `keyPath: query.flag` or `[query, flag]`: where the key sits inside an object argument.
  const keyPath =
    typeof v.keyPath === 'string' ? v.keyPath.split('.') : Array.isArray(v.keyPath) ? strings(v.keyPath) : [];
  if (keyPath.length > 0 && keyPath.every((p) => p.trim() !== '')) fn.keyPath = keyPath.map((p) => p.trim());
  if (typeof v.valueType === 'string' && (VALUE_TYPES as readonly string[]).includes(v.valueType)) {
    fn.valueType = v.valueType as ValueType;
  }
  if (isCount(v.defaultArg, 0)) fn.defaultArg = v.defaultArg;
  return fn;
}

export function readScan(data: unknown): ScanConfig {
  const scan = defaultScan();
  if (!isRecord(data)) return scan;
  scan.include = strings(data.include);
  scan.exclude = strings(data.exclude);
  if (Array.isArray(data.presets)) {
    scan.presets = strings(data.presets).filter((p) => PRESET_IDS.includes(p));
  }
  if (Array.isArray(data.functions)) {
    scan.functions = data.functions.map(readFunction).filter((f): f is CustomFunction => f !== undefined);
  }
  scan.properties = strings(data.properties);
  if (Array.isArray(data.collections)) scan.collections = strings(data.collections);
  if (Array.isArray(data.tests)) scan.tests = strings(data.tests);
  return scan;
}
