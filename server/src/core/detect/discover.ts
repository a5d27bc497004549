import * as path from 'node:path';
import { ts } from 'ts-morph';
import { dataNames, FLAG_MEMBER, readEvidence, usedAsBoolean } from './discoverEvidence';
import { TypedCollectionDiscovery } from './discoverTypes';
import { KEY_OBJECT_PROPS } from './keyObject';
import { splitWords } from './receiver';
import { memberChain, parseSource, propertyNameText, unwrap } from './syntax';

/**
 * Discovery of a project's own flag API, for `flaglint init` and the hint of `flaglint check`:
 * calls whose name says flag with a key-like argument (`getSpecificFeatureFlag('sso')`,
 * `flag({ key: FEATURE_FLAG.x })`) and objects or lists whose name says flags that the code tests
 * for a key (`featureFlags.includes('x')`, `org.featureFlags[FEATURE_FLAG.x]`, `flags.newNav`).
 * Each proposal is a `scan` entry with the reason and an example place. Only files that a cheap text
 * test points at are parsed; sites Flaglint already counts propose nothing. A collection is proposed
 * only on evidence that its members are flags (discoverEvidence.ts): reads tested as booleans, keyed
 * by flag constants or named like flags, and more of them than reads and uses that say it is data.
 */
export interface ScanProposal {
  kind: 'function' | 'collection';
  /** The `scan.functions` name or `scan.collections` path. */
  name: string;
  keyArg?: number;
  /** How many places would become references. */
  sites: number;
  /** The first such place, `file:line` relative to the root. */
  example: string;
  why: string;
}

const FLAG_WORDS = new Set([
  'flag',
  'flags',
  'feature',
  'features',
  'toggle',
  'toggles',
  'featureflag',
  'featureflags',
]);
/** Verbs of reading a flag; `setFlag`, `updateFeature`, `toggleFeature` change one and are not evaluations. */
const READ_VERB = /^(is|has|use|get|check|can|evaluate|eval|read|resolve|query|flag|feature)/i;
/** Names of a flag collection: `featureFlags`, `enabledFeatures`, `flags`, `features`, `toggles`. */
const COLLECTION_NAME = /(^|[a-z])(flags|features|toggles|Flags|Features|Toggles)$/;
const KEY_TEXT = /^[A-Za-z][A-Za-z0-9_.:/-]{1,100}$/;
const PREFILTER =
  /(?:Flag|Feature|Toggle|flag|feature|toggle)\w*\s*(?:<[^()\n]{0,80}>)?\s*\(|(?:flags|features|toggles|Flags|Features|Toggles)\s*(?:\?\.|\.|\[|\))|(?:Flags|Features|Toggles)\s*(?:=|\{|<)/;
/** Collection reads proposed only from this many places: one `flags.x` is not a pattern. */
const MIN_SITES = 2;

const saysFlag = (name: string): boolean =>
  splitWords(name).some((w) => FLAG_WORDS.has(w)) || /flag|feature|toggle/i.test(name.replace(/[^A-Za-z]/g, ''));

interface Tally {
  kind: ScanProposal['kind'];
  name: string;
  keyArg?: number;
  /** For a collection: the reads that support it. */
  sites: number;
  /** Collections only: reads whose member is an object, or of a name this file treats as data. */
  against: number;
  /** Collections only: reads that say neither (`flags.mode`, `flags.entry`: values, as CLI options are). */
  neutral: number;
  /** Collections only: a read keyed by a flag constant (`FEATURE_FLAG.x`), enough on its own. */
  flagConstant: boolean;
  example: string;
  why: string;
}

export class ScanDiscovery {
  private readonly tallies = new Map<string, Tally>();
  /** How many files treat each name as data (iterate it, parse it, fill it by computed keys). */
  private readonly dataFiles = new Map<string, number>();
  /** This file's data names, while it is walked. */
  private fileData: ReadonlySet<string> = new Set();
  private readonly typed = new TypedCollectionDiscovery();
  /** Whether this file, while it is walked, reads its command line: its "flags" are CLI options. */
  private fileReadsArgv = false;
  /** Names this file imports from third-party packages (`import hasFlag from 'has-flag'`): not the project's API. */
  private fileThirdParty: ReadonlySet<string> = new Set();

  /**
   * @param root paths in examples are relative to it
   * @param known places (`file:line`) already counted as references, which propose nothing
   */
  constructor(
    private readonly root: string,
    private readonly known: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether a file's text is worth parsing at all. */
  static wants(text: string): boolean {
    return PREFILTER.test(text);
  }

  addFile(file: string, text: string): void {
    if (!ScanDiscovery.wants(text)) return;
    // Parents set: the evidence of a read is in what surrounds it (`!x.y`, `if (x.y)`, `x.y.z`).
    const sf = parseSource(file, text, true);
    this.fileData = dataNames(sf);
    this.fileReadsArgv = /\bprocess\.argv\b/.test(text);
    this.fileThirdParty = thirdPartyImports(sf);
    this.typed.addFile(sf);
    for (const n of this.fileData) this.dataFiles.set(n, (this.dataFiles.get(n) ?? 0) + 1);
    const callees = new Set<ts.Node>();
    // An explicit stack: generated files nest deeper than the call stack allows.
    const stack: ts.Node[] = [sf];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isCallExpression(node)) {
        callees.add(node.expression);
        this.call(node, sf);
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
        this.collectionUse(node.right, node.left, sf, node, 'tests it with `in`');
      } else if (ts.isElementAccessExpression(node)) {
        this.collectionUse(node.expression, node.argumentExpression, sf, node, 'reads it by key');
      } else if (
        ts.isPropertyAccessExpression(node) &&
        !callees.has(node) &&
        !OBJECT_API.has(node.name.text) &&
        (memberLooksLikeFlag(node, sf) || usedAsBoolean(node))
      ) {
        // `flags.newNav`, `featureFlags.postbacks`, `if (licenseFeatures.sso)`: a member of an object
        // named like flags, read as a value.
        this.collectionUse(node.expression, undefined, sf, node, 'reads flags as its properties');
      }
      // Children pushed last-first, so that they are visited in source order.
      const children: ts.Node[] = [];
      node.forEachChild((child) => {
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }

  proposals(): ScanProposal[] {
    return (
      [...this.tallies.values(), ...this.typedTallies()]
        // A function read mostly in scripts that parse their command line reads CLI options (`readFlag('run')`).
        .filter((t) =>
          t.kind === 'function' ? t.sites > t.against : t.why.startsWith('a type') || this.collectionHolds(t),
        )
        .sort((a, b) => b.sites - a.sites || a.name.localeCompare(b.name))
        .map((t) => ({
          kind: t.kind,
          name: t.name,
          ...(t.keyArg ? { keyArg: t.keyArg } : {}),
          sites: t.sites,
          example: t.example,
          why: t.kind === 'collection' && !t.why.startsWith('a type') ? this.collectionWhy(t) : t.why,
        }))
    );
  }

  /**
   * Whether a collection's evidence outweighs what says it is data. One read of `featureFlags.x` or
   * one keyed by `FEATURE_FLAG.x` is telling; one of `features.x` is not.
   */
  private collectionHolds(t: Tally): boolean {
    const need = t.flagConstant || /flag|toggle/i.test(t.name) ? 1 : MIN_SITES;
    // Half the reads at least must look like flag reads: CLI options (`flags.mode`) are read as values.
    return t.sites >= need && t.sites > this.against(t) && t.sites >= t.neutral;
  }

  private against(t: Tally): number {
    // A bare name (`flags`) is whatever any file calls so; `decision.flags` is not the `flags` another file parses.
    return t.against + (t.name.includes('.') ? 0 : (this.dataFiles.get(t.name) ?? 0));
  }

  private collectionWhy(t: Tally): string {
    const against = this.against(t);
    return `${t.why}; its members are read as flags (tested as booleans, keyed by flag constants or named like flags)${against ? `, against ${against} read${against === 1 ? '' : 's'} or use${against === 1 ? '' : 's'} as data or as an object` : ''}`;
  }

  private call(call: ts.CallExpression, sf: ts.SourceFile): void {
    const callee = unwrap(call.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'includes' || callee.name.text === 'has') &&
      call.arguments.length === 1
    ) {
      this.collectionUse(callee.expression, call.arguments[0], sf, call, `tests it with .${callee.name.text}()`);
      return;
    }
    const chain = memberChain(callee);
    if (!chain) return;
    const names = [chain.root.getText(sf), ...chain.path];
    const fn = names.at(-1) ?? '';
    if (this.fileThirdParty.has(names[0] ?? '')) return;
    if (!saysFlag(fn) || !READ_VERB.test(fn) || COLLECTION_NAME.test(fn)) return;
    const keyArg = call.arguments.findIndex((a) => keyLike(a, sf));
    if (keyArg < 0 || this.isKnown(call, sf)) return;
    const name = names.length === 1 ? fn : `${names.at(-2)}.${fn}`;
    this.tally(
      'function',
      name,
      call,
      sf,
      keyArg,
      `calls named like a flag read, with a flag key as argument ${keyArg}`,
      { supports: !this.fileReadsArgv, against: this.fileReadsArgv, flagConstant: false },
    );
  }

  private collectionUse(
    target: ts.Expression,
    key: ts.Expression | undefined,
    sf: ts.SourceFile,
    site: ts.Node,
    how: string,
  ): void {
    const chain = memberChain(target);
    if (!chain) return;
    const names = [chain.root.getText(sf), ...chain.path];
    const last = names.at(-1) ?? '';
    if (!COLLECTION_NAME.test(last) && !/^(flags|features|toggles)$/i.test(last)) return;
    if (key !== undefined && !keyLike(key, sf)) return;
    if (this.isKnown(site, sf)) return;
    const evidence = this.evidence(site, key, sf, last);
    // `organization.features` says more than `features` alone; `featureFlags` stands by itself.
    const generic = /^(flags|features|toggles)$/i.test(last);
    const name = (generic && names.length > 1 ? names.slice(-2).join('.') : last).replace(/^this\./, '');
    this.tally(
      'collection',
      name,
      site,
      sf,
      undefined,
      `an object or list named like flags; the code ${how}`,
      evidence,
    );
  }

  /** What a read says of its collection: a membership test (`.includes(k)`, `k in x`) is a flag test. */
  private evidence(site: ts.Node, key: ts.Expression | undefined, sf: ts.SourceFile, collection: string): Evidence {
    // Read where this file iterates, parses or fills it: data, whatever the read looks like.
    if (this.fileData.has(collection)) return { supports: false, against: true, flagConstant: false };
    const k = key && unwrap(key);
    const flagConstant = k !== undefined && !ts.isStringLiteralLike(k) && keyLike(k, sf);
    if (ts.isCallExpression(site) || ts.isBinaryExpression(site))
      return { supports: true, against: false, flagConstant };
    const member = ts.isPropertyAccessExpression(site)
      ? site.name.text
      : k !== undefined && ts.isStringLiteralLike(k)
        ? k.text
        : undefined;
    const r = readEvidence(site, collection, member, flagConstant);
    return { supports: r === 'supports', against: r === 'object-member', flagConstant };
  }

  /** Types named like flags whose boolean members the code tests (discoverTypes.ts), from MIN_SITES reads. */
  private typedTallies(): Tally[] {
    const out: Tally[] = [];
    for (const { type, reads } of this.typed.found()) {
      const unknown = reads.filter((r) => !this.isKnown(r.node, r.sf));
      const first = unknown[0];
      if (!first || unknown.length < MIN_SITES || this.tallies.has(`collection:${type}`)) continue;
      const line = first.sf.getLineAndCharacterOfPosition(first.node.getStart(first.sf)).line + 1;
      out.push({
        kind: 'collection',
        name: type,
        sites: unknown.length,
        against: 0,
        neutral: 0,
        flagConstant: false,
        example: `${path.relative(this.root, first.sf.fileName).split(path.sep).join('/')}:${line}`,
        why: 'a type named like flags whose members are booleans; values declared with it are tested member by member',
      });
    }
    return out;
  }

  private isKnown(node: ts.Node, sf: ts.SourceFile): boolean {
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    return this.known.has(`${sf.fileName}:${line}`);
  }

  private tally(
    kind: Tally['kind'],
    name: string,
    node: ts.Node,
    sf: ts.SourceFile,
    keyArg: number | undefined,
    why: string,
    evidence: Evidence = { supports: true, against: false, flagConstant: false },
  ): void {
    const id = `${kind}:${name}`;
    const line = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
    const example = `${path.relative(this.root, sf.fileName).split(path.sep).join('/')}:${line}`;
    let t = this.tallies.get(id);
    if (!t) {
      t = {
        kind,
        name,
        ...(keyArg !== undefined ? { keyArg } : {}),
        sites: 0,
        against: 0,
        neutral: 0,
        flagConstant: false,
        example: '',
        why,
      };
      this.tallies.set(id, t);
    }
    // The example is the first read that supports the proposal, so that the comment shows why.
    if (evidence.supports && t.sites++ === 0) t.example = example;
    if (evidence.against) t.against++;
    else if (!evidence.supports) t.neutral++;
    if (evidence.supports && evidence.flagConstant) t.flagConstant = true;
  }
}

interface Evidence {
  supports: boolean;
  against: boolean;
  flagConstant: boolean;
}

/**
 * The local names bound by imports from unscoped packages (`has-flag`, `yargs`): a library's calls, not
 * an in-house flag API. Known SDKs are counted by their presets before discovery runs; scoped packages
 * (`@acme/flags`) and paths (`./flags`, `@/lib/flags`, `~/flags`) may be the project's own.
 */
function thirdPartyImports(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !st.importClause) continue;
    if (!/^[a-z0-9]/i.test(st.moduleSpecifier.text) || st.moduleSpecifier.text.startsWith('node:')) continue;
    const { name, namedBindings } = st.importClause;
    if (name) names.add(name.text);
    if (namedBindings && ts.isNamespaceImport(namedBindings)) names.add(namedBindings.name.text);
    if (namedBindings && ts.isNamedImports(namedBindings))
      for (const el of namedBindings.elements) names.add(el.name.text);
  }
  return names;
}

/** Members of lists and objects themselves, never flags. */
const OBJECT_API = new Set([
  'length',
  'size',
  'map',
  'filter',
  'some',
  'every',
  'forEach',
  'find',
  'join',
  'keys',
  'values',
  'entries',
  'push',
  'then',
]);

/**
 * `flags.newNav` (a camelCase name) on anything named like flags; any plain name on an object
 * that says flag outright (`featureFlags.postbacks`).
 */
function memberLooksLikeFlag(node: ts.PropertyAccessExpression, sf: ts.SourceFile): boolean {
  const name = node.name.text;
  if (OBJECT_API.has(name)) return false;
  if (/^[a-z][A-Za-z0-9]*[A-Z]\w*$/.test(name) || FLAG_MEMBER.test(name)) return true;
  const chain = memberChain(node.expression);
  const last = chain ? [chain.root.getText(sf), ...chain.path].pop()! : '';
  return /^[a-z][a-z0-9]+$/.test(name) && /flag|toggle/i.test(last);
}

/** A key as a literal, a flag-named constant (`FEATURE_FLAG.x`, `Flags.X`), or an object holding one. */
function keyLike(arg: ts.Expression, sf: ts.SourceFile): boolean {
  const e = unwrap(arg);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return KEY_TEXT.test(e.text);
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.some(
      (p) =>
        ts.isPropertyAssignment(p) &&
        KEY_OBJECT_PROPS.includes(propertyNameText(p.name) ?? '') &&
        keyLike(p.initializer, sf),
    );
  }
  const chain = memberChain(e);
  return chain !== undefined && chain.path.length > 0 && saysFlag(chain.root.getText(sf));
}
