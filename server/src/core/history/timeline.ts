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
 * Reads each registry's git history, keeps it on the registry (`timeline`) and fills a missing
 * `created` from the commit that added the entry, so the age rules can judge flags nobody dated.
 * Call before the rules run (the engine's `beforeFindings`). Never throws for want of git.
 */
export async function attachTimelines(registries: readonly Registry[]): Promise<TimelineReport> {
  const report: TimelineReport = { unavailable: [], shallow: [], inferred: 0, undated: 0 };
  for (const registry of registries) {
    if (registry.flags.size === 0) continue;
    const history = await registryHistory(registry.path);
    if (!history.available) {
      report.unavailable.push({ registry: registry.path, reason: history.reason });
      for (const entry of registry.flags.values()) if (utcDay(entry.created) === undefined) report.undated++;
      continue;
    }
    const timeline = timelineOf(history);
    if (history.shallow) report.shallow.push(registry.path);
    for (const entry of registry.flags.values()) {
      if (utcDay(entry.created) !== undefined) continue;
      const added = timeline.flags[entry.key]?.added;
      if (!added) {
        report.undated++;
        continue;
      }
      entry.created = added.date.slice(0, 10);
      timeline.flags[entry.key]!.createdFromGit = true;
      report.inferred++;
    }
    registry.timeline = timeline;
  }
  return report;
}

/**
 * Gives the registries of a base revision's scan (a temp copy without .git) the timeline of the
 * working tree's registries at the same relative path, so an undated flag has the same inferred
 * age on both sides and the comparison does not report age findings the change did not cause.
 * Owners the base still lists are not "removed" at the base.
 */
export function borrowTimelines(baseRegistries: readonly Registry[], baseRoot: string, headRegistries: readonly Registry[], headRoot: string): void {
  const rel = (root: string, p: string): string => path.relative(root, p).split(path.sep).join('/');
  const byPath = new Map(headRegistries.map((r) => [rel(headRoot, r.path), r]));
  for (const registry of baseRegistries) {
    const timeline = byPath.get(rel(baseRoot, registry.path))?.timeline;
    if (!timeline) continue;
    const listed = new Set(registry.owners.map(normaliseOwnerHandle));
    const flags: RegistryTimeline['flags'] = {};
    for (const entry of registry.flags.values()) {
      const t = timeline.flags[entry.key];
      if (!t) continue;
      flags[entry.key] = { ...t, createdFromGit: false };
      if (utcDay(entry.created) === undefined && t.added) {
        entry.created = t.added.date.slice(0, 10);
        flags[entry.key]!.createdFromGit = true;
      }
    }
    const ownersRemoved = Object.fromEntries(Object.entries(timeline.ownersRemoved).filter(([id]) => !listed.has(id)));
    registry.timeline = { flags, ownersRemoved, shallow: timeline.shallow };
  }
}
