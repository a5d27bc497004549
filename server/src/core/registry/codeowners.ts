import * as fs from 'node:fs';
import * as path from 'node:path';

/** Where GitHub and GitLab look for CODEOWNERS, in GitHub's order of precedence (first found wins). */
export const CODEOWNERS_LOCATIONS: readonly string[] = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/** The CODEOWNERS file of a repository, if it has one. */
export function findCodeowners(repoRoot: string): string | undefined {
  for (const rel of CODEOWNERS_LOCATIONS) {
    const file = path.join(repoRoot, rel);
    try {
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not there; try the next place
    }
  }
  return undefined;
}

/**
 * Every owner a CODEOWNERS text names (`@user`, `@org/team`, `user@example.com`), once each, in order
 * of first appearance. Understands comments, escaped `\#` in patterns and GitLab sections
 * (`[Section] @default-owner`, `^[Optional][2] @owner`).
 */
export function parseCodeowners(text: string): string[] {
  const owners = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = stripComment(rawLine).trim();
    if (!line) continue;
    let tokens: string[];
    const section = /^\^?\[[^\]]*\](?:\[\d+\])?(.*)$/.exec(line);
    if (section) {
      tokens = (section[1] ?? '').trim().split(/\s+/);
    } else {
      // The first token is the path pattern (which may contain escaped spaces).
      tokens = line.split(/(?<!\\)\s+/).slice(1);
    }
    for (const t of tokens) if (isOwner(t)) owners.add(t);
  }
  return [...owners];
}

function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

function isOwner(token: string): boolean {
  return /^@[\w.-]+(?:\/[\w.-]+)*$/.test(token) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(token);
}

/** Owners named in the repository's CODEOWNERS (empty when it has none or it cannot be read). */
export function readCodeowners(repoRoot: string): string[] {
  const file = findCodeowners(repoRoot);
  if (!file) return [];
  try {
    return parseCodeowners(fs.readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
}
