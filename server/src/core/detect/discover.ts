import { ts } from 'ts-morph';
import { dataNames, FLAG_MEMBER, readEvidence, usedAsBoolean } from './discoverEvidence';
import { typedCollectionSites } from './discoverTypes';
import {
  DISCOVERY_PREFILTER,
  tallyProposals,
  type CandidateSite,
  type DiscoverySite,
  type FileDiscovery,
  type ScanProposal,
} from './discoverySites';
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
 * This half parses one file into its sites and their evidence; detect/discoverySites.ts adds the
 * sites of all files up (and holds what needs no compiler), so that the scan can cache them.
 */
export type { ScanProposal } from './discoverySites';

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
const saysFlag = (name: string): boolean =>
  splitWords(name).some((w) => FLAG_WORDS.has(w)) || /flag|feature|toggle/i.test(name.replace(/[^A-Za-z]/g, ''));

/** One file's discovery sites in source order; [] for a text the prefilter does not select (nothing parsed). */
export function discoverySites(file: string, text: string): DiscoverySite[] {
  if (!DISCOVERY_PREFILTER.test(text)) return [];
  return new SiteCollector(file, text).collect();
}

/** Discovery over texts handed in one by one (tests, and callers without a scan). */
export class ScanDiscovery {
  private readonly files: FileDiscovery[] = [];

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
    return DISCOVERY_PREFILTER.test(text);
  }

  addFile(file: string, text: string): void {
    const sites = discoverySites(file, text);
    if (sites.length > 0) this.files.push({ file, sites });
  }

  proposals(): ScanProposal[] {
    return tallyProposals(this.root, this.files, this.known);
  }
}

class SiteCollector {
  private readonly sites: DiscoverySite[] = [];
  private readonly sf: ts.SourceFile;
  /** The names this file treats as data (iterates, parses, fills by computed keys). */
  private readonly fileData: ReadonlySet<string>;
  /** Whether this file reads its command line: its "flags" are CLI options. */
  private readonly fileReadsArgv: boolean;
  /** Names this file imports from third-party packages (`import hasFlag from 'has-flag'`): not the project's API. */
  private readonly fileThirdParty: ReadonlySet<string>;

  constructor(file: string, text: string) {
    // Parents set: the evidence of a read is in what surrounds it (`!x.y`, `if (x.y)`, `x.y.z`).
    this.sf = parseSource(file, text, true);
    this.fileData = dataNames(this.sf);
    this.fileReadsArgv = /\bprocess\.argv\b/.test(text);
    this.fileThirdParty = thirdPartyImports(this.sf);
  }

  collect(): DiscoverySite[] {
    const sf = this.sf;
    for (const name of this.fileData) this.sites.push({ kind: 'data', name });
    this.sites.push(...typedCollectionSites(sf));
    const callees = new Set<ts.Node>();
    // An explicit stack: generated files nest deeper than the call stack allows.
    const stack: ts.Node[] = [sf];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (ts.isCallExpression(node)) {
        callees.add(node.expression);
        this.call(node);
      } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
        this.collectionUse(node.right, node.left, node, 'tests it with `in`');
      } else if (ts.isElementAccessExpression(node)) {
        this.collectionUse(node.expression, node.argumentExpression, node, 'reads it by key');
      } else if (
        ts.isPropertyAccessExpression(node) &&
        !callees.has(node) &&
        !OBJECT_API.has(node.name.text) &&
        (memberLooksLikeFlag(node, sf) || usedAsBoolean(node))
      ) {
        // `flags.newNav`, `featureFlags.postbacks`, `if (licenseFeatures.sso)`: a member of an object
        // named like flags, read as a value.
        this.collectionUse(node.expression, undefined, node, 'reads flags as its properties');
      }
      // Children pushed last-first, so that they are visited in source order.
      const children: ts.Node[] = [];
      node.forEachChild((child) => {
        children.push(child);
      });
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
    return this.sites;
  }

  private call(call: ts.CallExpression): void {
    const sf = this.sf;
    const callee = unwrap(call.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      (callee.name.text === 'includes' || callee.name.text === 'has') &&
      call.arguments.length === 1
    ) {
      this.collectionUse(callee.expression, call.arguments[0], call, `tests it with .${callee.name.text}()`);
      return;
    }
    const chain = memberChain(callee);
    if (!chain) return;
    const names = [chain.root.getText(sf), ...chain.path];
    const fn = names.at(-1) ?? '';
    if (this.fileThirdParty.has(names[0] ?? '')) return;
    if (!saysFlag(fn) || !READ_VERB.test(fn) || COLLECTION_NAME.test(fn)) return;
    const keyArg = call.arguments.findIndex((a) => keyLike(a, sf));
    if (keyArg < 0) return;
    const name = names.length === 1 ? fn : `${names.at(-2)}.${fn}`;
    this.site('function', name, call, keyArg, `calls named like a flag read, with a flag key as argument ${keyArg}`, {
      supports: !this.fileReadsArgv,
      against: this.fileReadsArgv,
      flagConstant: false,
    });
  }

  private collectionUse(target: ts.Expression, key: ts.Expression | undefined, site: ts.Node, how: string): void {
    const sf = this.sf;
    const chain = memberChain(target);
    if (!chain) return;
    const names = [chain.root.getText(sf), ...chain.path];
    const last = names.at(-1) ?? '';
    if (!COLLECTION_NAME.test(last) && !/^(flags|features|toggles)$/i.test(last)) return;
    if (key !== undefined && !keyLike(key, sf)) return;
    const evidence = this.evidence(site, key, last);
    // `organization.features` says more than `features` alone; `featureFlags` stands by itself.
    const generic = /^(flags|features|toggles)$/i.test(last);
    const name = (generic && names.length > 1 ? names.slice(-2).join('.') : last).replace(/^this\./, '');
    this.site('collection', name, site, undefined, `an object or list named like flags; the code ${how}`, evidence);
  }

  /** What a read says of its collection: a membership test (`.includes(k)`, `k in x`) is a flag test. */
  private evidence(site: ts.Node, key: ts.Expression | undefined, collection: string): Evidence {
    const sf = this.sf;
    // Read where this file iterates, parses or fills it: data, whatever the read looks like.
    if (this.fileData.has(collection)) return { supports: false, against: true, flagConstant: false };
    const k = key && unwrap(key);
    // `FEATURE_FLAG.x`, `Flags.NewNav`: a constant names the flag. `feature.id` of a loop variable is a
    // row's field (`includeFeatures.includes(feature.id)` filters plan features): not such evidence.
    const flagConstant = k !== undefined && !ts.isStringLiteralLike(k) && keyLike(k, sf) && constantRooted(k, sf);
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

  private site(
    kind: CandidateSite['kind'],
    name: string,
    node: ts.Node,
    keyArg: number | undefined,
    why: string,
    evidence: Evidence,
  ): void {
    const line = this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf)).line + 1;
    this.sites.push({
      kind,
      name,
      ...(keyArg !== undefined ? { keyArg } : {}),
      line,
      why,
      ...(evidence.supports ? {} : { evidence: evidence.against ? 'against' : 'neutral' }),
      ...(evidence.supports && evidence.flagConstant ? { flagConstant: true } : {}),
    });
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
/** A key read from a constant: an upper-case object or enum (`FLAGS.x`, `FeatureFlag.X`), not a variable. */
function constantRooted(key: ts.Expression, sf: ts.SourceFile): boolean {
  const chain = memberChain(key);
  return chain === undefined || /^[A-Z]/.test(chain.root.getText(sf));
}

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
