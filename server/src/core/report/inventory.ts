import type { Finding, FlagEntry, FlagReference, FlagStatus, FlagType, Registry, Severity, ValueType } from '../model';
import type { ScanResult } from '../engine/types';
import { dayOf, utcDay } from '../rules/dates';
import { registryGoverning } from './governing';

/** One flag of the inventory: what the registry says about it beside what the code does with it. */
export interface InventoryRow {
  key: string;
  registered: boolean;
  /** The registry governing the flag (absolute path), when there is one. */
  registry?: string;
  description?: string;
  owner?: string;
  type?: FlagType;
  status?: FlagStatus;
  valueType?: ValueType;
  created?: string;
  expires?: string;
  /** Whole days since `created`. */
  ageDays?: number;
  /** Whole days until `expires`; negative once expired. */
  daysToExpiry?: number;
  permanent: boolean;
  /** Places in code that evaluate the flag. */
  references: number;
  files: number;
  /** The actual blast radius: every package whose code evaluates the flag. */
  packages: string[];
  /** The declared blast radius (`scope`). */
  scope: string[];
  /** Whether a rollback plan or runbook is recorded. */
  rollback: boolean;
  dependsOn: string[];
  problems: Record<Severity, number>;
}

export interface InventoryOptions {
  packageOf(file: string): { name: string } | undefined;
  now?: Date;
}

function text(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

interface Group {
  key: string;
  registry?: Registry;
  entry?: FlagEntry;
  refs: FlagReference[];
  findings: Finding[];
}

/** Every flag the registries record or the code evaluates, one row per flag and registry, sorted by key. */
export function buildInventory(result: ScanResult, options: InventoryOptions): InventoryRow[] {
  const today = dayOf(options.now ?? new Date());
  const groups = new Map<string, Group>();
  const group = (key: string, registry: Registry | undefined): Group => {
    const id = `${registry?.path ?? ''}\0${key}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { key, registry, entry: registry?.flags.get(key), refs: [], findings: [] }));
    return g;
  };
  for (const registry of result.registries) for (const key of registry.flags.keys()) group(key, registry);
  for (const ref of result.references) {
    group(ref.registryKey ?? ref.key, registryGoverning(result.registries, ref.location.file)).refs.push(ref);
  }
  for (const finding of result.findings) {
    if (finding.flagKey === undefined) continue;
    const id = `${registryGoverning(result.registries, finding.location.file)?.path ?? ''}\0${finding.flagKey}`;
    groups.get(id)?.findings.push(finding);
  }
  const rows = [...groups.values()].map((g) => row(g, today, options));
  return rows.sort((a, b) => byKey(a.key, b.key) || byKey(a.registry ?? '', b.registry ?? ''));
}

/** Case-insensitive first (as people read lists), then by code point so the order is total. */
function byKey(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function row(g: Group, today: number, options: InventoryOptions): InventoryRow {
  const e = g.entry;
  const created = utcDay(e?.created);
  const expires = utcDay(e?.expires);
  const packages = new Set<string>();
  for (const ref of g.refs) {
    const pkg = options.packageOf(ref.location.file);
    if (pkg) packages.add(pkg.name);
  }
  const problems: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of g.findings) problems[f.severity]++;
  const r: InventoryRow = {
    key: g.key,
    registered: e !== undefined,
    permanent: e?.permanent === true,
    references: g.refs.length,
    files: new Set(g.refs.map((ref) => ref.location.file)).size,
    packages: [...packages].sort(),
    scope: strings(e?.scope),
    rollback: text(e?.rollback) !== undefined || text(e?.runbook) !== undefined,
    dependsOn: strings(e?.dependsOn),
    problems,
  };
  if (g.registry) r.registry = g.registry.path;
  if (!e) return r;
  return Object.assign(
    r,
    definedOnly({
      description: text(e.description),
      owner: text(e.owner),
      type: e.type,
      status: e.status,
      valueType: e.valueType,
      created: text(e.created),
      expires: text(e.expires),
      ageDays: created === undefined ? undefined : today - created,
      daysToExpiry: expires === undefined ? undefined : expires - today,
    }),
  );
}

/** Leaves absent fields out rather than present-but-undefined, so JSON output stays compact. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
