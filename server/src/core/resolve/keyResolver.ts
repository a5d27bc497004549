import type { KeyForm, Location, Range } from '../model';
import { own, type FileFacts, type KeyExpr, type ValueFact } from '../detect/facts';
import type { ModuleResolver } from './moduleResolver';
import { isRelativeSpecifier } from '../detect/plainSyntax';

export type ResolvedKey =
  { ok: true; value: string; form: KeyForm; definition?: Location } | { ok: false; reason: string };

/** Where a module-scope name ends up after following imports and re-exports. */
export type Target = { file: string; local: string } | { external: string } | undefined;

const MAX_HOPS = 24;

/** Why an import gives no constant: a package, or a workspace file Flaglint does not read (JSON, CSS…). */
function unresolvedImport(name: string, from: string): string {
  return isRelativeSpecifier(from)
    ? `'${name}' comes from '${from}', which is not a source file in the workspace`
    : `'${name}' comes from the package '${from}'`;
}

/**
 * Joins files up: follows a symbolic key (`FLAGS.NEW_CHECKOUT`, an imported enum member, a
 * re-exported constant) to the string it holds, and a called name to the function it denotes.
 * Facts for files outside the prefiltered set are fetched on demand (`factsOf`).
 */
export class KeyResolver {
  constructor(
    private readonly factsOf: (file: string) => FileFacts | undefined,
    private readonly modules: ModuleResolver,
    /** Whether a file may define or re-export a wrapper (so is worth parsing to find one); default: all may. */
    private readonly mayHoldWrapper?: (file: string) => boolean,
  ) {}

  resolve(file: string, expr: KeyExpr, deps?: Set<string>): ResolvedKey {
    switch (expr.k) {
      case 'str': {
        const definition = expr.def ? { file, range: expr.def } : undefined;
        return { ok: true, value: expr.value, form: expr.form, ...(definition ? { definition } : {}) };
      }
      case 'ref':
        return this.resolveName(file, expr.name, expr.path, 0, deps);
      case 'tpl': {
        let value = expr.head;
        for (const span of expr.spans) {
          const part = this.resolve(file, span.expr, deps);
          if (!part.ok) return { ok: false, reason: `part of the template is not constant: ${part.reason}` };
          value += part.value + span.literal;
        }
        return { ok: true, value, form: 'template' };
      }
      case 'param':
        return { ok: false, reason: `it comes from a parameter of ${expr.fn.replace(/^method:/, '')}` };
      case 'dyn':
        return { ok: false, reason: expr.reason };
    }
  }

  /** A module-scope name of `file`, then a member path into its value. */
  private resolveName(file: string, name: string, path: string[], hops: number, deps?: Set<string>): ResolvedKey {
    if (hops > MAX_HOPS) return { ok: false, reason: `'${name}' is defined through a cycle of imports` };
    const facts = this.factsOf(file);
    if (!facts) return { ok: false, reason: `the file defining '${name}' could not be read` };
    deps?.add(file);
    const value = own(facts.values, name);
    if (value) return this.navigate(file, value, path, 'const', hops, deps);
    const imp = own(facts.imports, name);
    if (imp) {
      const target = this.modules.resolve(file, imp.from);
      if (!target) return { ok: false, reason: unresolvedImport(name, imp.from) };
      if (imp.name === '*') {
        if (path.length === 0) return { ok: false, reason: `'${name}' is a whole module` };
        return this.resolveExport(target, path[0]!, path.slice(1), hops + 1, deps);
      }
      return this.resolveExport(target, imp.name, path, hops + 1, deps);
    }
    return { ok: false, reason: `'${name}' is not a constant` };
  }

  private resolveExport(file: string, exported: string, path: string[], hops: number, deps?: Set<string>): ResolvedKey {
    if (hops > MAX_HOPS) return { ok: false, reason: `'${exported}' is re-exported in a cycle` };
    const facts = this.factsOf(file);
    if (!facts) return { ok: false, reason: `'${file}' could not be read` };
    deps?.add(file);
    const binding = own(facts.exports, exported);
    if (binding) {
      if ('local' in binding) return this.resolveName(file, binding.local, path, hops + 1, deps);
      const target = this.modules.resolve(file, binding.from);
      if (!target) return { ok: false, reason: unresolvedImport(exported, binding.from) };
      if (binding.name === '*') {
        if (path.length === 0) return { ok: false, reason: `'${exported}' is a whole module` };
        return this.resolveExport(target, path[0]!, path.slice(1), hops + 1, deps);
      }
      return this.resolveExport(target, binding.name, path, hops + 1, deps);
    }
    for (const from of facts.starExports) {
      const target = this.modules.resolve(file, from);
      if (!target) continue;
      const r = this.resolveExport(target, exported, path, hops + 1, deps);
      if (r.ok) return r;
    }
    // `import flags from './flags.cjs'` of a `module.exports = {…}` file: its members are the default's members.
    if (exported === 'default' && path.length > 0)
      return this.resolveExport(file, path[0]!, path.slice(1), hops + 1, deps);
    return { ok: false, reason: `'${exported}' is not exported as a constant` };
  }

  private navigate(
    file: string,
    value: ValueFact,
    path: string[],
    form: KeyForm,
    hops: number,
    deps?: Set<string>,
  ): ResolvedKey {
    if (value.kind === 'ref') return this.resolveName(file, value.name, [...value.path, ...path], hops + 1, deps);
    if (path.length === 0) {
      if (value.kind === 'string')
        return { ok: true, value: value.value, form, definition: { file, range: value.range } };
      return { ok: false, reason: 'the key is an object, not a string' };
    }
    if (value.kind === 'string') return { ok: false, reason: 'the key reads a member of a string' };
    const member = own(value.members, path[0]!);
    if (!member) return { ok: false, reason: `'${path[0]}' is not a constant member` };
    return this.navigate(file, member, path.slice(1), value.kind === 'enum' ? 'enum' : 'object', hops, deps);
  }

  /**
   * Rows with property `prop` in the tables that the modules `file` imports export (one hop: the
   * modules its import statements name), for `isOn(route.flag)` over an imported route table.
   */
  importedRows(
    file: string,
    prop: string,
    deps?: Set<string>,
  ): { file: string; rows: { value: string; range: Range }[] }[] {
    const facts = this.factsOf(file);
    if (!facts) return [];
    const out: { file: string; rows: { value: string; range: Range }[] }[] = [];
    const seen = new Set<string>();
    for (const imp of Object.values(facts.imports)) {
      const target = this.modules.resolve(file, imp.from);
      if (!target || seen.has(target) || target === file) continue;
      seen.add(target);
      const rows = this.factsOf(target)?.exportedRows?.[prop];
      deps?.add(target);
      if (rows?.length) out.push({ file: target, rows });
    }
    return out;
  }

  /** The function a called name denotes: a local of some workspace file, or something from a package. */
  target(file: string, name: string, path: string[], hops = 0): Target {
    if (hops > MAX_HOPS) return undefined;
    const facts = this.factsOf(file);
    if (!facts) return undefined;
    const imp = own(facts.imports, name);
    if (!imp) return path.length === 0 ? { file, local: name } : undefined;
    const resolved = this.modules.resolve(file, imp.from);
    if (!resolved) return { external: imp.from };
    // `const isOn = require('./isOn')` of a `module.exports = function …` file calls its default export.
    if (imp.name === '*')
      return path.length <= 1 ? this.exportTarget(resolved, path[0] ?? 'default', hops + 1) : undefined;
    return path.length === 0 ? this.exportTarget(resolved, imp.name, hops + 1) : undefined;
  }

  /** The name a called identifier has where it is declared: its imported name, or itself when local. */
  importedName(file: string, name: string, path: string[]): string | undefined {
    const facts = this.factsOf(file);
    const imp = facts && own(facts.imports, name);
    if (!imp) return path.length === 0 ? name : undefined;
    return imp.name === '*' ? (path[0] ?? 'default') : imp.name;
  }

  private exportTarget(file: string, exported: string, hops: number, viaStar = false): Target {
    if (hops > MAX_HOPS) return undefined;
    // A workspace file that can neither define nor re-export a wrapper need not be parsed to know
    // that what it exports is no wrapper (though it is not an external package either). Behind an
    // `export *` it may not export the name at all, so the search goes on elsewhere.
    if (this.mayHoldWrapper && !this.mayHoldWrapper(file)) return viaStar ? undefined : { file, local: exported };
    const facts = this.factsOf(file);
    if (!facts) return undefined;
    const binding = own(facts.exports, exported);
    if (binding) {
      if ('local' in binding) return this.target(file, binding.local, [], hops + 1);
      const resolved = this.modules.resolve(file, binding.from);
      if (!resolved) return { external: binding.from };
      return this.exportTarget(resolved, binding.name, hops + 1);
    }
    for (const from of facts.starExports) {
      const resolved = this.modules.resolve(file, from);
      const t = resolved && this.exportTarget(resolved, exported, hops + 1, true);
      if (t) return t;
    }
    return undefined;
  }
}
