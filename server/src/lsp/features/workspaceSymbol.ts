/** Workspace symbols: every flag, by key; registered flags point at their registry entry, unregistered ones at their first use. */
import { SymbolKind, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver/node';
import { toLspLocation } from '../convert';
import { registryKeyOf } from '../lookup';
import type { Workspace } from '../workspace';

const LIMIT = 500;

export class WorkspaceSymbolFeature {
  constructor(private readonly workspace: Workspace) {}

  symbols(params: WorkspaceSymbolParams): SymbolInformation[] {
    const query = params.query.toLowerCase();
    const symbols: SymbolInformation[] = [];
    for (const folder of this.workspace.folders) {
      const seen = new Set<string>();
      for (const registry of folder.registries()) {
        for (const entry of registry.flags.values()) {
          if (seen.has(entry.key) || !matches(entry.key, query)) continue;
          seen.add(entry.key);
          const container = [entry.type, entry.owner, entry.status].filter(Boolean).join(' · ');
          symbols.push({
            name: entry.key,
            kind: SymbolKind.Constant,
            location: toLspLocation(entry.location),
            containerName: container || undefined,
          });
        }
      }
      for (const ref of folder.result()?.references ?? []) {
        const key = registryKeyOf(ref);
        if (seen.has(key) || !matches(key, query)) continue;
        seen.add(key);
        symbols.push({
          name: key,
          kind: SymbolKind.Constant,
          location: toLspLocation(ref.location),
          containerName: 'not in registry',
        });
      }
      if (symbols.length >= LIMIT) break;
    }
    return symbols.slice(0, LIMIT);
  }
}

/** Fuzzy match as editors do for symbols: the query's characters in order. */
function matches(name: string, query: string): boolean {
  if (!query) return true;
  const lower = name.toLowerCase();
  let at = 0;
  for (const ch of query) {
    at = lower.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
