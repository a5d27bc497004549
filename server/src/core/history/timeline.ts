import * as path from 'node:path';
import type { FlagTimeline, Registry, RegistryTimeline } from '../model';
import { normaliseOwnerHandle } from '../rules/owners';
import { utcDay } from '../rules/dates';
import { registryHistory } from './registryHistory';
import type { RegistryHistory } from './types';

/** The part of a registry's history that rules read (plain data, kept on the registry). */
export function timelineOf(history: Extract<RegistryHistory, { available: true }>): RegistryTimeline {
  const flags: Record<string, FlagTimeline> = {};
  for (const [key, h] of history.flags) {
    flags[key] = {
      truncated: h.truncated,
      ...(h.added ? { added: h.added } : {}),
      ...(h.lastChanged ? { lastChanged: h.lastChanged } : {}),
      ...(h.statusSince ? { statusSince: h.statusSince } : {}),
    };
  }
  return { flags, ownersRemoved: Object.fromEntries(history.ownersRemoved), shallow: history.shallow };
}

/** What attaching the history found, for the one line a front end prints about it. */
export interface TimelineReport {
  /** Registries whose history could not be read, with the reason. */
  unavailable: { registry: string; reason: string }[];
  /** Registries in a shallow clone (history cut). */
  shallow: string[];
  /** Flags whose `created` came from git. */
  inferred: number;
  /** Flags without `created` whose age stays unknown. */
  undated: number;
}

/**
 * Reads each registry's git history and returns the registries with it (`timeline`), a missing
 * `created` filled from the commit that added the entry, so the age rules can judge flags nobody
 * dated. The registries given are not changed: they may be the registry cache's, and a second scan
 * must see the undated entry again (docs/architecture.md, "The index"). Call before the rules run
 * (the engine's `beforeFindings`). Never throws for want of git.
 */
export async function attachTimelines(
  registries: readonly Registry[],
): Promise<{ report: TimelineReport; registries: Registry[] }> {
  const report: TimelineReport = { unavailable: [], shallow: [], inferred: 0, undated: 0 };
  const out: Registry[] = [];
  for (const registry of registries) {
    if (registry.flags.size === 0) {
      out.push(registry);
      continue;
    }
    const history = await registryHistory(registry.path);
    if (!history.available) {
      report.unavailable.push({ registry: registry.path, reason: history.reason });
      for (const entry of registry.flags.values()) if (utcDay(entry.created) === undefined) report.undated++;
      out.push(registry);
      continue;
    }
    if (history.shallow) report.shallow.push(registry.path);
    const dated = withTimeline(registry, timelineOf(history));
    report.inferred += dated.inferred;
    report.undated += dated.undated;
    out.push(dated.registry);
  }
  return { report, registries: out };
}

/**
 * The registries of a base revision's scan (a temp copy without .git) with the timeline of the
 * working tree's registries at the same relative path, so an undated flag has the same inferred
 * age on both sides and the comparison does not report age findings the change did not cause.
 * Owners the base still lists are not "removed" at the base. Returns new registries, as attachTimelines.
 */
export function borrowTimelines(
  baseRegistries: readonly Registry[],
  baseRoot: string,
  headRegistries: readonly Registry[],
  headRoot: string,
): Registry[] {
  const rel = (root: string, p: string): string => path.relative(root, p).split(path.sep).join('/');
  const byPath = new Map(headRegistries.map((r) => [rel(headRoot, r.path), r]));
  return baseRegistries.map((registry) => {
    const timeline = byPath.get(rel(baseRoot, registry.path))?.timeline;
    if (!timeline) return registry;
    const listed = new Set(registry.owners.map(normaliseOwnerHandle));
    const ownersRemoved = Object.fromEntries(Object.entries(timeline.ownersRemoved).filter(([id]) => !listed.has(id)));
    const flags = Object.fromEntries(Object.entries(timeline.flags).filter(([key]) => registry.flags.has(key)));
    return withTimeline(registry, { flags, ownersRemoved, shallow: timeline.shallow }).registry;
  });
}

/**
 * A registry with a timeline: each undated entry that the history saw added gets that day as
 * `created` (and `createdFromGit`), in new objects. Also how the index keeps a registry's history
 * across an edit of its buffer: the git history of the file has not changed, only the entries.
 */
export function withTimeline(
  registry: Registry,
  timeline: RegistryTimeline,
): { registry: Registry; inferred: number; undated: number } {
  const flags = new Map(registry.flags);
  const judged: RegistryTimeline['flags'] = {};
  for (const [key, t] of Object.entries(timeline.flags)) judged[key] = { ...t, createdFromGit: false };
  let inferred = 0;
  let undated = 0;
  for (const entry of registry.flags.values()) {
    if (utcDay(entry.created) !== undefined) continue;
    const t = judged[entry.key];
    if (!t?.added) {
      undated++;
      continue;
    }
    flags.set(entry.key, { ...entry, created: t.added.date.slice(0, 10) });
    t.createdFromGit = true;
    inferred++;
  }
  return { registry: { ...registry, flags, timeline: { ...timeline, flags: judged } }, inferred, undated };
}
