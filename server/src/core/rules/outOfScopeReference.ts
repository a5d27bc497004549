import * as path from 'node:path';
import type { Rule, RuleFinding } from './rule';
import { referencesByKey, relatedEntry } from './rule';
import { relativePosix, ScopeMatcher } from './scope';

export const outOfScopeReference: Rule = {
  id: 'out-of-scope-reference',
  defaultSeverity: 'warning',
  summary: 'A flag is evaluated in a package or folder outside its declared `scope`.',
  description:
    "A flag's `scope` lists the packages, folders or globs allowed to evaluate it, so that its blast radius is known before it is flipped. " +
    'A reference elsewhere widens that radius silently. Add the package to `scope` if it may evaluate the flag, or move the evaluation into the scoped code.',
  check(ctx) {
    const findings: RuleFinding[] = [];
    for (const [key, refs] of referencesByKey(ctx.references)) {
      const entry = ctx.registry.flags.get(key);
      const scope = Array.isArray(entry?.scope)
        ? entry.scope.filter((s) => typeof s === 'string' && s.trim() !== '')
        : [];
      if (!entry || scope.length === 0) continue;
      const matcher = new ScopeMatcher(scope);
      for (const ref of refs) {
        const pkg = ctx.packageOf(ref.location.file);
        const rel = relativePosix(ctx.registry.root, ref.location.file);
        if (matcher.contains(rel, pkg?.name)) continue;
        const where = pkg ? `package '${pkg.name}'` : `'${path.posix.dirname(rel)}'`;
        findings.push({
          message: `Flag '${key}' is evaluated in ${where}, outside its scope (${scope.join(', ')}). Add this package to \`scope\` if it may evaluate the flag, or evaluate the flag only inside its scope.`,
          location: ref.location,
          flagKey: key,
          related: relatedEntry(entry),
        });
      }
    }
    return findings;
  },
};
