/**
 * Which CODEOWNERS owners own a given file: the last matching rule wins, as on GitHub and GitLab.
 * Patterns follow .gitignore rules (the `ignore` package implements them), so `/apps/web/`,
 * `*.tsx` and `docs/**` mean what they mean to the forge.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { findCodeowners } from './codeowners';

export interface CodeownersRule {
  pattern: string;
  owners: string[];
  /** 1-based line of the rule in the CODEOWNERS file. */
  line: number;
}

const OWNER = /^(?:@[\w.-]+(?:\/[\w.-]+)*|[^@\s]+@[^@\s]+\.[^@\s]+)$/;

/** The rules of a CODEOWNERS text in file order; GitLab section defaults fill rules without owners. */
export function parseCodeownersRules(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = [];
  let sectionOwners: string[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const section = /^\^?\[[^\]]*\](?:\[\d+\])?(.*)$/.exec(line);
    if (section) {
      sectionOwners = (section[1] ?? '')
        .trim()
        .split(/\s+/)
        .filter((t) => OWNER.test(t));
      return;
    }
    const [pattern = '', ...rest] = line.split(/(?<!\\)\s+/);
    const owners = rest.filter((t) => OWNER.test(t));
    rules.push({
      pattern: pattern.replace(/\\ /g, ' '),
      owners: owners.length ? owners : sectionOwners,
      line: index + 1,
    });
  });
  return rules;
}

/** The owners of `relativePath` (forward slashes, relative to the repository root); empty when no rule matches. */
export function ownersOf(rules: readonly CodeownersRule[], relativePath: string): string[] {
  const file = relativePath.replace(/\\/g, '/').replace(/^\.?\//, '');
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    let matcher;
    try {
      matcher = ignore().add(rule.pattern);
    } catch {
      continue; // a pattern the forge would reject too
    }
    if (matcher.ignores(file)) return rule.owners;
  }
  return [];
}

function stripComment(line: string): string {
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '#') return line.slice(0, i);
  }
  return line;
}

/**
 * The owners CODEOWNERS gives each file, and all owners it names; read once per call from the
 * repository root (`.github/CODEOWNERS`, `CODEOWNERS`, `docs/CODEOWNERS`). Empty without one.
 */
export function codeownersAt(repoRoot: string): {
  rules: CodeownersRule[];
  ownersOf(file: string): string[];
  all: string[];
} {
  const file = findCodeowners(repoRoot);
  let rules: CodeownersRule[] = [];
  if (file) {
    try {
      rules = parseCodeownersRules(fs.readFileSync(file, 'utf8'));
    } catch {
      rules = []; // unreadable: as if there were none
    }
  }
  return {
    rules,
    ownersOf: (abs: string) => ownersOf(rules, path.relative(repoRoot, abs).split(path.sep).join('/')),
    all: [...new Set(rules.flatMap((r) => r.owners))],
  };
}
