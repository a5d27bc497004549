/**
 * The `flaglint.*` settings: one table that the server reads and that package.json's
 * contributes.configuration must match (a test holds them together).
 */
import type { RuleId, SeveritySetting } from '../model';

export interface FlaglintSettings {
  /** A registry file or folder, absolute or relative to the workspace folder; empty = discover. */
  registryPath: string;
  include: string[];
  exclude: string[];
  codeLensEnable: boolean;
  severity: Partial<Record<RuleId, SeveritySetting>>;
}

type SettingType = 'string' | 'array' | 'boolean' | 'object';

export interface SettingSpec {
  type: SettingType;
  default: unknown;
  /** Where the value lands in FlaglintSettings. */
  field: keyof FlaglintSettings;
}

/** Settings the server reads, by key under `flaglint.` (dotted keys are nested objects in VS Code). */
export const SERVER_SETTINGS: Readonly<Record<string, SettingSpec>> = {
  registryPath: { type: 'string', default: '', field: 'registryPath' },
  include: { type: 'array', default: [], field: 'include' },
  exclude: { type: 'array', default: [], field: 'exclude' },
  'codeLens.enable': { type: 'boolean', default: true, field: 'codeLensEnable' },
  severity: { type: 'object', default: {}, field: 'severity' },
};

/** Settings only the client reads (vscode-languageclient handles trace.server itself). */
export const CLIENT_SETTINGS: readonly string[] = ['trace.server'];

export const SEVERITY_LEVELS: readonly SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

/** Whether two settings scan the same files against the same registry (else the folder's index is rebuilt). */
export function sameScanScope(a: FlaglintSettings, b: FlaglintSettings): boolean {
  return (
    a.registryPath === b.registryPath &&
    JSON.stringify(a.include) === JSON.stringify(b.include) &&
    JSON.stringify(a.exclude) === JSON.stringify(b.exclude)
  );
}

export function defaultSettings(): FlaglintSettings {
  return readSettings(undefined).settings;
}

export interface ReadSettingsResult {
  settings: FlaglintSettings;
  /** Values that were ignored, each saying which setting and why. */
  problems: string[];
}

/**
 * Reads the `flaglint` section as a client sends it (nested objects, as VS Code's
 * getConfiguration('flaglint') returns it). A value of the wrong type falls back to the default and
 * is reported, so one bad setting never stops the server.
 */
export function readSettings(section: unknown): ReadSettingsResult {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(SERVER_SETTINGS)) {
    const raw = lookup(section, key);
    let value: unknown = structuredClone(spec.default);
    if (raw !== undefined && raw !== null) {
      if (hasType(raw, spec.type)) value = raw;
      else problems.push(`flaglint.${key}: expected ${article(spec.type)}, got ${describe(raw)}; using the default`);
    }
    out[spec.field] = value;
  }
  const settings = out as unknown as FlaglintSettings;
  settings.include = settings.include.filter((g) => typeof g === 'string');
  settings.exclude = settings.exclude.filter((g) => typeof g === 'string');
  const severity: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [rule, level] of Object.entries(settings.severity)) {
    if (typeof level === 'string' && (SEVERITY_LEVELS as string[]).includes(level)) {
      severity[rule as RuleId] = level;
    } else {
      problems.push(`flaglint.severity.${rule}: expected one of ${SEVERITY_LEVELS.join(', ')}, got ${describe(level)}`);
    }
  }
  settings.severity = severity;
  return { settings, problems };
}

function lookup(section: unknown, dotted: string): unknown {
  let node: unknown = section;
  for (const part of dotted.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    const record = node as Record<string, unknown>;
    // VS Code nests dotted keys; other clients may send them flat.
    if (part === dotted.split('.')[0] && dotted in record) return record[dotted];
    node = record[part];
  }
  return node;
}

function hasType(value: unknown, type: SettingType): boolean {
  switch (type) {
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}

function article(type: SettingType): string {
  return type === 'array' || type === 'object' ? `an ${type}` : `a ${type}`;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}
