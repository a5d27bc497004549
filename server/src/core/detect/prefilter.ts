import { FLAG_MAP } from '../sdks';
import { calledPattern, prefilterRegex, type DetectorConfig } from './detectorConfig';
import { blankComments } from './commentBlanking';
import { splitWords } from './receiver';
import { receiverBefore } from './receiverText';
import { trieAlternation } from './wordTrie';

/** The packages and receiver words of the SDKs that share one generic method or function name. */
interface Pointers {
  packages: Set<string>;
  words: Set<string>;
}

/**
 * Which files are worth parsing. The regex (detectorConfig.ts) selects every file that calls a name
 * the analysis knows; this settles, without parsing, the files whose only such calls are of generic
 * SDK names (`row.getValue('email')`, `statsig.getConfig` beside `appConfig.getConfig`): the analysis
 * (callCollector.pickMethodMatch) counts those only where the file imports the SDK's package or the
 * receiver's words name the SDK. A file with neither gets no fact from them that a parse would give:
 * their calls become candidates only for wrappers, and calls of wrapper names learnt later are caught
 * up by name (engine/wrapperCatchUp.ts). On 12k real files, 70 of the 100 files the regex chose for a
 * scan without a registry were table cells' `getValue()` and config loaders' `getConfig()`.
 */
export class Prefilter {
  private readonly any: RegExp;
  private readonly strong: RegExp;
  private readonly generic?: { calls: RegExp; pointers: Map<string, Pointers> };
  /** Collections of more than one name (`license.features`), each with a test per name. */
  private readonly paths: { collection: string[]; names: { test(text: string): boolean }[] }[];
  /** The two expressions for a file in which only some of those collections can be named, by which. */
  private readonly narrowed = new Map<string, { any: RegExp; strong: RegExp }>();

  constructor(private readonly config: DetectorConfig) {
    this.any = prefilterRegex(config);
    const pointers = genericNames(config);
    this.strong = pointers.size ? prefilterRegex(config, [], new Set(pointers.keys())) : this.any;
    if (pointers.size) {
      const alternation = trieAlternation(pointers.keys());
      // A group around the name, to tell which generic names a file calls.
      this.generic = { calls: new RegExp(calledPattern(`(${alternation})`), 'g'), pointers };
    }
    this.paths = config.collections
      .filter((c) => c.filter((n) => n !== '*').length > 1)
      .map((c) => ({
        collection: c,
        // `\b` cannot bound a name with `$` in it: such a name is looked for as it is.
        names: c
          .filter((n) => n !== '*')
          .map((n) => (/^\w+$/.test(n) ? new RegExp(`\\b${n}\\b`) : { test: (t: string) => t.includes(n) })),
      }));
  }

  selects(raw: string): boolean {
    if (!this.any.test(raw)) return false;
    // Hits in comments only are prose (commentBlanking.ts); the rest of the test reads code alone.
    const text = blankComments(raw);
    const { any, strong } = this.expressionsFor(text);
    if ((text !== raw || any !== this.any) && !any.test(text)) return false;
    if (!this.generic || strong.test(text)) return true;
    const packages = new Set<string>();
    const words = new Set<string>();
    this.generic.calls.lastIndex = 0;
    for (const m of text.matchAll(this.generic.calls)) {
      const p = this.generic.pointers.get(m[1]!);
      for (const pkg of p?.packages ?? []) packages.add(pkg);
      // A plain call of a generic name counts only when imported from the SDK's package (below).
      const receiver = receiverBefore(text, m.index + m[0].indexOf(m[1]!));
      if (receiver === null) continue;
      // Unknown: assume it names the SDK.
      if (receiver === undefined) return true;
      // The analysis looks for the words in the receiver's text (a word, two joined as in
      // `configCat`, or the whole receiver as in `devCycleClient`: a run of its words) and in the
      // specifier its root name was imported from.
      const pointers = p?.words ?? new Set<string>();
      if (namesAWord(splitWords(receiver), pointers)) return true;
      for (const w of pointers) words.add(w);
    }
    if ([...packages].some((pkg) => text.includes(pkg))) return true;
    if (words.size > 0 && specifiers(text).some((s) => namesAWord(splitWords(s), words))) return true;
    // A file that renames an export feeds wrapper aliases (resolve/wrappers.ts exportAliases).
    return RENAMING_EXPORT.test(text);
  }

  /**
   * The prefilter's expressions for this text: a collection of several names (`license.features`)
   * is matched by the analysis only through a chain or destructurings that spell every one of its
   * names (`license.features.sso`, `const { features } = license`), so a file that lacks one of
   * them cannot read it, whatever its last name (`plan.features.map`) says. On 13.7k real files a
   * third of the files parsed for nothing were such reads of a namesake.
   */
  private expressionsFor(text: string): { any: RegExp; strong: RegExp } {
    const missing = this.paths.filter((p) => !p.names.every((n) => n.test(text)));
    if (missing.length === 0) return { any: this.any, strong: this.strong };
    const key = missing.map((p) => p.collection.join('.')).join('\n');
    let found = this.narrowed.get(key);
    if (!found) {
      const config = {
        ...this.config,
        collections: this.config.collections.filter((c) => !missing.some((m) => m.collection === c)),
      };
      const pointers = genericNames(config);
      const any = prefilterRegex(config);
      found = { any, strong: pointers.size ? prefilterRegex(config, [], new Set(pointers.keys())) : any };
      this.narrowed.set(key, found);
    }
    return found;
  }
}

/** Every module specifier of the text's imports, re-exports and requires (a superset of what the analysis records). */
function specifiers(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2]!);
}

const SPECIFIER = /(?:\bfrom|\bimport|\brequire)\s*\(?\s*(['"`])([^'"`\n]*)\1/g;

/**
 * Names every spec of which is generic, and that the configuration knows in no other role (a
 * registry function, a wrapper, the LaunchDarkly hook): calls of them count only when pointed at.
 */
function genericNames(config: DetectorConfig): Map<string, Pointers> {
  const strong = new Set<string>([FLAG_MAP.name, ...config.methodWrappers, ...config.functionWrappers]);
  for (const c of config.custom) strong.add(c.name.split('.').pop()!.replace('*', ''));
  const out = new Map<string, Pointers>();
  for (const table of [config.methods, config.functions]) {
    for (const [name, matches] of table) {
      if (strong.has(name)) continue;
      if (matches.some((m) => !m.spec.generic)) {
        strong.add(name);
        out.delete(name);
        continue;
      }
      let p = out.get(name);
      if (!p) out.set(name, (p = { packages: new Set(), words: new Set() }));
      for (const m of matches) {
        for (const pkg of m.preset.packages) p.packages.add(pkg);
        for (const w of m.preset.receiverWords) p.words.add(w);
      }
    }
  }
  return out;
}

/** Whether some run of consecutive words, joined, is one of `targets`. */
function namesAWord(words: readonly string[], targets: ReadonlySet<string>): boolean {
  if (targets.size === 0) return false;
  const prefixes = new Set<string>();
  for (const t of targets) for (let i = 1; i <= t.length; i++) prefixes.add(t.slice(0, i));
  for (let i = 0; i < words.length; i++) {
    let run = '';
    for (let j = i; j < words.length; j++) {
      run += words[j];
      if (!prefixes.has(run)) break;
      if (targets.has(run)) return true;
    }
  }
  return false;
}

const RENAMING_EXPORT = /\bexport\s*(?:type\s*)?\{[^}]*\bas\s|\bexport\s*\*\s*as\b/;
