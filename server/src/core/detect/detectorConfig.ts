import { createHash } from 'node:crypto';
import type { CustomFunction, ScanConfig } from '../model';
import { trieAlternation } from './wordTrie';
import { FLAG_MAP, SDKS, type CallSpec, type JsxSpec, type SdkModule } from '../sdks';

/**
 * Bump when the analysis of a file changes what it finds (new SDK calls, new key forms): it is part
 * of the fingerprint, so facts cached by an older analysis are recomputed.
 */
export const ANALYSIS_VERSION = 8;

export interface SpecMatch {
  preset: SdkModule;
  spec: CallSpec;
}

/** A parsed property pattern: `config.featureToggles.*` → segments ['config','featureToggles'], key by property. */
export interface PropertyPattern {
  text: string;
  /** The chain that must precede the key, innermost last; '*' in a segment matches any name. */
  prefix: string[];
  /** `featureFlags[*]`: the key is an element-access argument rather than a property name. */
  element: boolean;
}

/**
 * Everything the per-file analysis needs to know about which calls count, compiled once from the
 * registries' `scan` sections. Its `fingerprint` keys the cache: change the config, re-analyse.
 */
export interface DetectorConfig {
  methods: Map<string, SpecMatch[]>;
  functions: Map<string, SpecMatch[]>;
  jsx: Map<string, { preset: SdkModule; spec: JsxSpec }>;
  custom: CustomFunction[];
  properties: PropertyPattern[];
  /** Flag collections (`organization.features`): member paths, `*` matching any name. */
  collections: string[][];
  /** Method names of wrappers found anywhere in the workspace (the index makes a new config when they change). */
  readonly methodWrappers: ReadonlySet<string>;
  /** Module-scope function names that wrap flag calls (set by the index like methodWrappers; for the prefilter). */
  readonly functionWrappers: ReadonlySet<string>;
  fingerprint: string;
}

export function parsePropertyPattern(text: string): PropertyPattern {
  const element = /\[\s*\*\s*\]\s*$/.test(text);
  const body = element ? text.replace(/\[\s*\*\s*\]\s*$/, '') : text.replace(/\.\s*\*\s*$/, '');
  return {
    text,
    prefix: body
      .split('.')
      .map((s) => s.trim())
      .filter(Boolean),
    element,
  };
}

/** `sdks` is every module in core/sdks; a test passes its own list to show a new module is picked up. */
export function createDetectorConfig(scans: readonly ScanConfig[], sdks: readonly SdkModule[] = SDKS): DetectorConfig {
  const wanted = new Set<string>();
  let all = scans.length === 0;
  for (const scan of scans) {
    if (scan.presets === 'auto') all = true;
    else scan.presets.forEach((p) => wanted.add(p));
  }
  const presets = sdks.filter((p) => all || wanted.has(p.id));
  const methods = new Map<string, SpecMatch[]>();
  const functions = new Map<string, SpecMatch[]>();
  const jsx = new Map<string, { preset: SdkModule; spec: JsxSpec }>();
  for (const preset of presets) {
    for (const spec of preset.calls) {
      const map = spec.style === 'method' ? methods : functions;
      const list = map.get(spec.name) ?? [];
      list.push({ preset, spec });
      map.set(spec.name, list);
    }
    for (const spec of preset.jsx ?? []) jsx.set(spec.component, { preset, spec });
  }
  const custom = dedupe(
    scans.flatMap((s) => s.functions),
    (c) => JSON.stringify(c),
  );
  const properties = dedupe(
    scans.flatMap((s) => s.properties),
    (p) => p,
  ).map(parsePropertyPattern);
  const collections = dedupe(
    scans.flatMap((s) => s.collections ?? []),
    (c) => c,
  )
    .map((c) => parsePropertyPattern(c).prefix)
    .filter((c) => c.length > 0);
  const fingerprint = createHash('sha1')
    .update(
      JSON.stringify({
        v: ANALYSIS_VERSION,
        p: presets.map((p) => p.id),
        custom,
        properties: properties.map((p) => p.text),
        collections,
      }),
    )
    .digest('hex')
    .slice(0, 16);
  return {
    methods,
    functions,
    jsx,
    custom,
    properties,
    collections,
    methodWrappers: new Set(),
    functionWrappers: new Set(),
    fingerprint,
  };
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

/** After a name: a call of it as the prefilter sees it (`isEnabled(`, `useFlag<boolean>(`, `client.variation?.(`). */
const CALLED_AFTER = '\\s*(?:<[^()\\n]{0,120}>)?\\s*(?:\\?\\.)?\\(';

/** After a name: a read of a member of it (see the property patterns in prefilterRegex). */
const READ_AFTER = '(?=(?:["\'`]\\s*\\])?[\\s)!]*(?:\\?\\.|\\.|\\[|\\bas\\b|\\bsatisfies\\b))';

/**
 * A call of one of the alternation's names. The catch-up for wrapper names found later
 * (engine/wrapperCatchUp.ts) uses the same shape, so a file counts alike whether the names were
 * known before the scan or learnt during it.
 */
export function calledPattern(alternation: string): string {
  return `\\b(?:${alternation})${CALLED_AFTER}`;
}

/**
 * The cheap text test that decides which files are parsed at all: a file that names no SDK call,
 * hook, component, custom function, property pattern or known wrapper cannot hold a reference.
 *
 * Every branch starts with a name and checks what must stand around it afterwards (lookahead, and
 * lookbehind only once a name matched): a branch that starts with punctuation (`<Tag`, `{ … } =`,
 * `: Type`) makes the engine try it at every `<`, `{` and `:` of a file. Written the plain way
 * (prefilter.test.ts keeps it as the reference) the same test took 2-3× as long on 66 MB of real code.
 */
export function prefilterRegex(
  config: DetectorConfig,
  extraNames: Iterable<string> = [],
  leaveOut: ReadonlySet<string> = new Set(),
): RegExp {
  // Names that count only when called (`isEnabled(`, `useFlag<boolean>(`): generic method names such
  // as getValue or feature appear in plenty of files that never call them.
  const called = new Set<string>([
    ...config.methods.keys(),
    ...config.functions.keys(),
    FLAG_MAP.name,
    ...config.methodWrappers,
    ...config.functionWrappers,
    ...extraNames,
  ]);
  for (const c of config.custom) called.add(c.name.split('.').pop()!.replace('*', ''));
  for (const n of leaveOut) called.delete(n);
  // Components, and function wrappers that may be React components (`<Feature flag="x">`).
  const tags = new Set<string>([...config.jsx.keys(), ...[...config.functionWrappers].filter((n) => /^[A-Z]/.test(n))]);
  // Plain words: a LaunchDarkly React file may read flags only through `props.flags` (its import is
  // the sign), and property patterns are reads, not calls.
  const words = new Set<string>(FLAG_MAP.packages.map((pkg) => pkg.replace(/^@/, '')));
  // A property pattern (`user.featureFlags.*`) matches a member chain that ends with its prefix: its
  // last name is read from (`.x`, `?.x`, `[k]`), perhaps through `)`, `!`, `as T` or a quoted
  // element name (`user["featureFlags"]`). Its name alone (`featureFlags: { … }` in a test's mock) is no reason.
  const propertyNames = new Set<string>();
  for (const p of config.properties) {
    const last = [...p.prefix].reverse().find((seg) => seg !== '*');
    if (last) propertyNames.add(last);
  }
  // A collection counts only where it is read (`features.x`, `features?.[k]`, `k in features`) or
  // destructured (`const { features } = org`): its name alone (`features` in prose) is no reason to parse.
  const collectionNames = new Set(
    config.collections
      .map((c) => [...c].reverse().find((seg) => seg !== '*'))
      .filter((n): n is string => n !== undefined),
  );
  // A one-name collection may be a type (`PlanEntitlements`): a file that declares a value with it
  // (`plan: PlanEntitlements`, `Readonly<Props>` whose member is) names it in a type position.
  const typeNames = new Set(
    config.collections.flatMap((c) => (c.length === 1 && c[0] !== undefined && c[0] !== '*' ? [c[0]] : [])),
  );
  // Factored by prefix (wordTrie.ts): the same strings, matched in a fraction of the time.
  const alternation = (set: Set<string>): string => trieAlternation(set);
  const branches = [`(?:${alternation(called)})${CALLED_AFTER}`];
  if (tags.size) {
    const t = alternation(tags);
    branches.push(`(?:${t})\\b(?<=<(?:${t}))`);
  }
  if (words.size) branches.push(`(?:${alternation(words)})\\b`);
  if (propertyNames.size) branches.push(`(?:${alternation(propertyNames)})\\b${READ_AFTER}`);
  if (collectionNames.size) {
    const n = alternation(collectionNames);
    branches.push(
      // A read, also by a quoted element name (`license['features'].sso`).
      `(?:${n})(?:["'\`]\\s*\\])?\\s*(?:\\?\\.|\\.|\\[)`,
      `(?:${n})\\b(?<=\\bin\\s+[\\w.?]*\\b(?:${n}))`,
      `(?:${n})\\b(?<=\\{[^{}]*\\b(?:${n}))(?=[^{}]*\\}\\s*=)`,
    );
  }
  if (typeNames.size) {
    const t = alternation(typeNames);
    branches.push(`(?:${t})\\b(?<=[:<|]\\s*(?:${t}))`);
  }
  return new RegExp(`\\b(?:${branches.join('|')})`);
}
