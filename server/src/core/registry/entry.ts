import { FLAG_STATUSES, FLAG_TYPES, VALUE_TYPES } from '../model';
import type { FlagEntry, FlagStatus, FlagType, Location, ValueType } from '../model';
import type { DocContext, Path } from './docContext';
import type { Labeller } from './validate';
import { nodeAt, span } from './yamlTree';

/** OpenFeature manifest types read as Flaglint value types. */
export const OPENFEATURE_TO_VALUE_TYPE: Record<string, ValueType> = {
  boolean: 'boolean',
  string: 'string',
  integer: 'number',
  float: 'number',
  object: 'json',
};

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return undefined;
  return v.filter((s): s is string => typeof s === 'string');
}

/** YYYY-MM-DD that names a real day (2026-02-30 does not). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function valueMatches(value: unknown, type: ValueType): boolean {
  switch (type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'json':
      return true;
  }
}

/** A value's whole range (a list or mapping included), or its key when the value is empty. */
function valueLocation(ctx: DocContext, path: Path): Location {
  const found = nodeAt(ctx.doc, path);
  const s = span(found.node);
  if (s && s[1] > s[0]) return ctx.positions.location(s[0], s[1]);
  return ctx.locate(path, 'key');
}

/**
 * A flag entry from its plain data, keeping whatever is valid: a flag whose `type` is misspelt still
 * exists (so code using it is not "unregistered"), it just has no type. Schema errors were reported
 * already; this adds the checks a schema cannot express.
 */
export function readFlagEntry(
  ctx: DocContext,
  key: string,
  data: unknown,
  entryPath: Path,
  location: Location,
  labeller: Labeller,
): FlagEntry {
  const entry: FlagEntry = { key, location, fieldLocations: {} };
  if (!isRecord(data)) return entry;
  const d = data;
  const at = (field: string) => [...entryPath, field];

  for (const field of Object.keys(d)) {
    entry.fieldLocations[field] = valueLocation(ctx, at(field));
    const list = d[field];
    if ((field === 'dependsOn' || field === 'aliases' || field === 'scope') && Array.isArray(list)) {
      list.forEach((_, i) => (entry.fieldLocations[`${field}[${i}]`] = valueLocation(ctx, [...at(field), i])));
    }
  }

  const description = text(d.description);
  if (description !== undefined) entry.description = description;
  const owner = text(d.owner);
  if (owner !== undefined) entry.owner = owner.trim();
  const type = oneOf<FlagType>(d.type, FLAG_TYPES);
  if (type) entry.type = type;

  const valueType = oneOf<ValueType>(d.valueType, VALUE_TYPES);
  const fromManifest = typeof d.flagType === 'string' ? OPENFEATURE_TO_VALUE_TYPE[d.flagType] : undefined;
  if (valueType) entry.valueType = valueType;
  else if (fromManifest) entry.valueType = fromManifest;
  if (valueType && fromManifest && valueType !== fromManifest) {
    ctx.report(
      'invalid-registry',
      'warning',
      `${cap(labeller.label(entryPath))} has valueType ${valueType} but flagType ${String(d.flagType)}; valueType is used.`,
      ctx.locate(at('flagType')),
      key,
    );
  }

  if ('defaultValue' in d) {
    entry.defaultValue = d.defaultValue;
    if (entry.valueType && d.defaultValue !== null && !valueMatches(d.defaultValue, entry.valueType)) {
      ctx.report(
        'invalid-registry',
        'error',
        `The defaultValue of flag "${key}" is ${JSON.stringify(d.defaultValue)}, which is not a ${entry.valueType} (its valueType).`,
        ctx.locate(at('defaultValue')),
        key,
      );
    }
  }

  const status = oneOf<FlagStatus>(d.status, FLAG_STATUSES);
  if (status) entry.status = status;

  for (const field of ['created', 'expires'] as const) {
    const v = d[field];
    if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) continue;
    if (isCalendarDate(v)) entry[field] = v;
    else {
      ctx.report(
        'invalid-registry',
        'error',
        `The ${field} date of flag "${key}" is ${v}, which is not a day of the calendar.`,
        ctx.locate(at(field)),
        key,
      );
    }
  }
  if (entry.created && entry.expires && entry.expires < entry.created) {
    ctx.report(
      'invalid-registry',
      'warning',
      `Flag "${key}" expires (${entry.expires}) before it was created (${entry.created}).`,
      ctx.locate(at('expires')),
      key,
    );
  }

  if (typeof d.permanent === 'boolean') entry.permanent = d.permanent;

  if (typeof d.rollback === 'string') {
    const plan = text(d.rollback);
    if (plan !== undefined) entry.rollback = plan;
  } else if (isRecord(d.rollback)) {
    const plan = text(d.rollback.plan);
    if (plan !== undefined) entry.rollback = plan;
    const runbook = text(d.rollback.runbook);
    if (runbook !== undefined) entry.runbook = runbook;
  }
  const runbook = text(d.runbook);
  if (runbook !== undefined) entry.runbook = runbook;

  const dependsOn = stringList(d.dependsOn);
  if (dependsOn) entry.dependsOn = dependsOn;
  const scope = stringList(d.scope);
  if (scope) entry.scope = scope;
  const aliases = stringList(d.aliases);
  if (aliases) entry.aliases = aliases;

  if (Array.isArray(d.links)) {
    entry.links = d.links.filter((l): l is string => typeof l === 'string');
  } else if (isRecord(d.links)) {
    const links: Record<string, string> = {};
    for (const [name, url] of Object.entries(d.links)) if (typeof url === 'string') links[name] = url;
    entry.links = links;
  }
  return entry;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
