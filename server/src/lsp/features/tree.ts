/** The custom requests behind the Flag Explorer and the status bar: flaglint/tree and flaglint/status. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding, FlagEntry } from '../../core/model';
import type {
  StatusResult,
  TreeFlag,
  TreeFolder,
  TreeParams,
  TreeProblem,
  TreeReference,
  TreeResult,
} from '../../../../protocol/src';
import type { ReferenceRecord } from '../../core/report';
import { auditLine, folderReferenceRecords, proposeScan, recordLocation } from '../../core/service';
import { fileToUri, toLspLocation, uriToFile } from '../convert';
import { actualPackages } from '../describe';
import { registryKeyOf } from '../lookup';
import { DiagnosticsFeature } from './diagnostics';
import type { FolderState, Workspace } from '../workspace';

export class TreeFeature {
  private readonly lines: LineCache;
  /**
   * Discovery's proposals per folder, computed once after its first scan: they read every source
   * file, too much for each keystroke, and they serve the first-hour notice that is shown once.
   */
  private readonly proposals = new WeakMap<FolderState, ReturnType<typeof proposeScan>>();

  constructor(private readonly workspace: Workspace) {
    this.lines = new LineCache(workspace);
  }

  tree(params: TreeParams | undefined): TreeResult {
    const folders = this.workspace.folders
      .filter((f) => !params?.folderUri || f.info.uri === params.folderUri)
      .slice()
      .sort((a, b) => a.info.name.localeCompare(b.info.name))
      .map((f) => this.folderTree(f));
    if (!params?.folderUri) {
      this.lines.retain(
        new Set(
          folders.flatMap((f) =>
            f.flags.flatMap((flag) => flag.references.map((r) => uriToFile(r.location.uri) ?? '')),
          ),
        ),
      );
    }
    return { scanning: this.workspace.scanning, folders };
  }

  private folderTree(folder: FolderState): TreeFolder {
    const registries = folder.registries();
    const entries = new Map<string, FlagEntry>();
    const audits = new Map<string, string | undefined>();
    for (const registry of registries) {
      for (const entry of registry.flags.values()) {
        if (entries.has(entry.key)) continue;
        entries.set(entry.key, entry);
        const timeline = registry.timeline?.flags[entry.key];
        audits.set(entry.key, timeline ? auditLine(timeline) : undefined);
      }
    }
    // The JSON report's records: the Explorer lists what `check --format json` lists, in its order.
    const refsByKey = new Map<string, ReferenceRecord[]>();
    for (const record of folderReferenceRecords(folder)) {
      const key = record.registryKey ?? record.key;
      const list = refsByKey.get(key) ?? [];
      list.push(record);
      refsByKey.set(key, list);
    }
    const keys = [...new Set([...entries.keys(), ...refsByKey.keys()])].sort();
    const dependents = new Map<string, string[]>();
    for (const entry of entries.values())
      for (const target of new Set(entry.dependsOn ?? []))
        dependents.set(target, [...(dependents.get(target) ?? []), entry.key]);
    const lines = this.lines;
    const flags = keys.map((key): TreeFlag => {
      const entry = entries.get(key);
      const refs = (refsByKey.get(key) ?? []).map((record) => ({
        record,
        location: recordLocation(folder.root, record),
      }));
      return {
        key,
        status: entry ? (entry.status ?? 'active') : 'unregistered',
        owner: entry?.owner,
        type: entry?.type,
        description: entry?.description,
        valueType: entry?.valueType,
        defaultValue: entry?.defaultValue,
        expires: entry?.expires,
        definition: entry ? toLspLocation(entry.location) : undefined,
        referenceCount: refs.length,
        references: refs.map(({ record, location }): TreeReference => ({
          location: toLspLocation(location),
          preview: lines.line(location.file, location.range.start.line),
          callee: record.callee,
          source: record.source,
          form: record.form,
          ...(record.via ? { via: record.via } : {}),
          inTest: record.inTest,
        })),
        problems: folder.problemsOf(key).map(toProblem),
        dependsOn: entry?.dependsOn?.length ? [...entry.dependsOn] : undefined,
        dependedOnBy: dependents.get(key)?.sort(),
        packages: refs.length ? actualPackages(folder, refs) : undefined,
        audit: audits.get(key),
      };
    });
    return {
      uri: folder.info.uri,
      name: folder.info.name,
      registries: registries.map((r) => fileToUri(r.path)),
      flags,
    };
  }

  status(): StatusResult {
    let flags = 0;
    let problems = 0;
    let errors = 0;
    let warnings = 0;
    let registries = 0;
    for (const folder of this.workspace.folders) {
      const keys = new Set<string>();
      for (const registry of folder.registries()) {
        registries++;
        for (const key of registry.flags.keys()) keys.add(key);
      }
      for (const ref of folder.result()?.references ?? []) keys.add(registryKeyOf(ref));
      flags += keys.size;
      const counts = DiagnosticsFeature.count(folder);
      problems += counts.problems;
      errors += counts.errors;
      warnings += counts.warnings;
    }
    const inHouse = registries === 0 && !this.workspace.scanning ? this.inHouseApi() : undefined;
    return {
      flags,
      problems,
      errors,
      warnings,
      scanning: this.workspace.scanning,
      registries,
      trusted: this.workspace.trusted,
      ...(inHouse ? { inHouse } : {}),
    };
  }

  /** What discovery proposes for folders without a registry, computed once per scan result (it reads the sources). */
  private inHouseApi(): StatusResult['inHouse'] {
    let places = 0;
    const names: string[] = [];
    for (const folder of this.workspace.folders) {
      const result = folder.result();
      if (!result) continue;
      let proposals = this.proposals.get(folder);
      if (!proposals) this.proposals.set(folder, (proposals = proposeScan(folder.root, result)));
      for (const p of proposals) {
        places += p.sites;
        if (names.length < 3) names.push(p.name);
      }
    }
    return places > 0 ? { places, names } : undefined;
  }
}

function toProblem(finding: Finding): TreeProblem {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    location: toLspLocation(finding.location),
  };
}

/**
 * Source lines for reference previews. Kept between requests (the tree is asked for again after
 * every edit) and re-read only when a file's modification time or open buffer changes.
 */
class LineCache {
  private readonly files = new Map<string, { stamp: string; lines: string[] }>();

  constructor(private readonly workspace: Workspace) {}

  line(file: string, line: number): string {
    const text = (this.lines(file)[line] ?? '').trim();
    return text.length > 120 ? `${text.slice(0, 117)}…` : text || path.basename(file);
  }

  private lines(file: string): string[] {
    const doc = this.workspace.documentFor(file);
    let stamp: string;
    if (doc) stamp = `v${doc.version}`;
    else {
      try {
        stamp = `m${fs.statSync(file).mtimeMs}`;
      } catch {
        return [];
      }
    }
    const cached = this.files.get(file);
    if (cached?.stamp === stamp) return cached.lines;
    const lines = (this.workspace.readText(file) ?? '').split(/\r?\n/);
    this.files.set(file, { stamp, lines });
    return lines;
  }

  /** Forget files no longer referenced, so the cache does not grow without bound. */
  retain(files: Set<string>): void {
    for (const file of this.files.keys()) if (!files.has(file)) this.files.delete(file);
  }
}
