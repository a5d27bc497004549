import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ToolInfo {
  name: string;
  version: string;
  /** The project's home page (package.json `homepage`, else its repository). */
  informationUri?: string;
  /** The source repository's web address, when package.json names one over http(s). */
  repositoryUri?: string;
}

let cached: ToolInfo | undefined;

/**
 * Flaglint's own name and version, from its package.json. Looked up by walking up from this file,
 * because the compiled CLI (out/server/src/…) and a bundle (dist/…) sit at different depths.
 */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = readJson(path.join(dir, 'package.json'));
    if (manifest?.name === 'flaglint' && typeof manifest.version === 'string') {
      cached = { name: 'flaglint', version: manifest.version };
      const repo = repository(manifest);
      const home = typeof manifest.homepage === 'string' ? manifest.homepage : repo;
      if (repo) cached.repositoryUri = repo;
      if (home) cached.informationUri = home;
      return cached;
    }
    if (path.dirname(dir) === dir) return (cached = { name: 'flaglint', version: '0.0.0' });
  }
}

/** The page documenting a rule. */
export function ruleHelpUri(info: ToolInfo, ruleId: string): string | undefined {
  return info.repositoryUri ? `${info.repositoryUri}/blob/main/docs/rules.md#${ruleId}` : undefined;
}

function repository(manifest: Record<string, unknown>): string | undefined {
  const repo = manifest.repository;
  const url =
    typeof repo === 'string'
      ? repo
      : typeof repo === 'object' && repo !== null
        ? (repo as { url?: unknown }).url
        : undefined;
  if (typeof url !== 'string' || !/^(git\+)?https?:\/\//.test(url)) return undefined;
  return url.replace(/^git\+/, '').replace(/\.git$/, '');
}

function readJson(file: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
