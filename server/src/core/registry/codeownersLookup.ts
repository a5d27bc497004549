import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore from 'ignore';
import { findCodeowners } from './codeowners';

interface OwnerRule {
  matches(relative: string): boolean;
  owners: string[];
}

/**
 * Who CODEOWNERS says owns a file: the owners of the last matching pattern, as GitHub decides
 * (patterns follow .gitignore rules). Used to propose an owner for each flag of a drafted registry.
 */
export class CodeownersLookup {
  private constructor(
    private readonly root: string,
    private readonly rules: OwnerRule[],
  ) {}

  static read(repoRoot: string): CodeownersLookup {
    const file = findCodeowners(repoRoot);
    let text = '';
    try {
      if (file) text = fs.readFileSync(file, 'utf8');
    } catch {
      // An unreadable CODEOWNERS only means no owner is proposed.
    }
    return new CodeownersLookup(repoRoot, parseRules(text));
  }

  ownersOf(file: string): string[] {
    const rel = path.relative(this.root, file).split(path.sep).join('/');
    if (rel.startsWith('../')) return [];
    for (let i = this.rules.length - 1; i >= 0; i--) if (this.rules[i]!.matches(rel)) return this.rules[i]!.owners;
    return [];
  }
}

function parseRules(text: string): OwnerRule[] {
  const rules: OwnerRule[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    // GitLab section headers ([Section] @owner) set defaults for a section; not needed for a proposal.
    if (!line || line.startsWith('[') || line.startsWith('^[')) continue;
    const [pattern = '', ...owners] = line.split(/(?<!\\)\s+/);
    if (owners.length === 0) continue;
    try {
      const matcher = ignore().add(pattern);
      rules.push({ matches: (rel) => matcher.ignores(rel), owners });
    } catch {
      // A pattern `ignore` cannot read is skipped, as GitHub skips invalid lines.
    }
  }
  return rules;
}
