/**
 * The engine's shared vocabulary. Everything here is plain data (JSON-serialisable, so it can be
 * cached and sent over any protocol); nothing here knows about LSP or VS Code.
 *
 * Positions are zero-based lines and UTF-16 character offsets, as in the TypeScript compiler and
 * LSP. Front ends that print one-based positions (text, SARIF) convert at the edge.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A place in a file. `file` is an absolute, normalised path. */
export interface Location {
  file: string;
  range: Range;
}

export type ValueType = 'boolean' | 'string' | 'number' | 'json';
export const VALUE_TYPES: readonly ValueType[] = ['boolean', 'string', 'number', 'json'];

export type FlagType = 'release' | 'experiment' | 'ops' | 'permission' | 'kill-switch';
export const FLAG_TYPES: readonly FlagType[] = ['release', 'experiment', 'ops', 'permission', 'kill-switch'];

export type FlagStatus = 'proposed' | 'active' | 'rolled-out' | 'deprecated' | 'archived';
export const FLAG_STATUSES: readonly FlagStatus[] = ['proposed', 'active', 'rolled-out', 'deprecated', 'archived'];

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleId =
  | 'unregistered-flag'
  | 'archived-flag-in-use'
  | 'stale-flag'
  | 'unused-flag'
  | 'missing-owner'
  | 'unknown-owner'
  | 'missing-rollback-plan'
  | 'missing-expiry'
  | 'unknown-dependency'
  | 'dependency-cycle'
  | 'depends-on-retired-flag'
  | 'out-of-scope-reference'
  | 'type-mismatch'
  | 'default-mismatch'
  | 'invalid-key'
  | 'duplicate-flag'
  | 'invalid-registry'
  | 'dynamic-key'
  | 'missing-created'
  | 'rolled-out-too-long'
  | 'experiment-ended'
  | 'departed-owner';

// ---------------------------------------------------------------------------------------------
// Registry

/** One flag as the registry records it. Field locations point into the registry file. */
export interface FlagEntry {
  key: string;
  description?: string;
  owner?: string;
  type?: FlagType;
  valueType?: ValueType;
  defaultValue?: unknown;
  status?: FlagStatus;
  /** ISO dates (YYYY-MM-DD). */
  created?: string;
  expires?: string;
  permanent?: boolean;
  rollback?: string;
  runbook?: string;
  dependsOn?: string[];
  scope?: string[];
  links?: Record<string, string> | string[];
  aliases?: string[];
  /** Where the entry's key stands in the registry (the anchor of registry findings). */
  location: Location;
  /** Where each field's value stands, by field name (for findings on one field, e.g. a bad dependency). */
  fieldLocations: Record<string, Location>;
}

export interface Policy {
  /** Maximum age in days per flag type, counted from `created`; absent = no limit. */
  maxAgeDays: Partial<Record<FlagType, number>>;
  /** New flags are not stale/unused before this many days after `created`. */
  gracePeriodDays: number;
  requireRollback: FlagType[];
  requireExpiry: FlagType[];
  /** A regular expression (source text) that every key must match. */
  keyPattern?: string;
  /** Overrides of rule severities. */
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** Check owners against the repository's CODEOWNERS owners as well as `owners:`. */
  useCodeowners: boolean;
}

/** A custom flag function or method named in the registry's `scan.functions`. */
export interface CustomFunction {
  /** `isOn`, `flags.isOn` (receiver name then method) or `*.isOn` (any receiver). */
  name: string;
  /** Zero-based index of the key argument (default 0). */
  keyArg?: number;
  /**
   * Where the key sits inside that argument when it is an object: `key`, `query.flag`. The object
   * may be written in place, built by a factory call or `new` (`Command.create({ key })`), or held
   * in a local constant first.
   */
  keyPath?: string[];
  valueType?: ValueType;
  /** Zero-based index of the fallback-value argument, if any. */
  defaultArg?: number;
}

export interface ScanConfig {
  include: string[];
  exclude: string[];
  /** SDK preset ids, or 'auto' to enable every preset (generic method names are then guarded). */
  presets: string[] | 'auto';
  functions: CustomFunction[];
  /** Property patterns: `config.featureToggles.*`, `featureFlags[*]`. `*` stands for the key. */
  properties: string[];
  /**
   * Flag collections: arrays, sets and objects of enabled flags, by the path that names them
   * (`organization.features`, `enabledFlags`). `x.includes('k')`, `x.has('k')`, `'k' in x` and
   * `x.k` are references to `k`.
   */
  collections?: string[];
  /** Globs of test files (relative to the registry folder); absent = the defaults of detect/testFiles.ts. */
  tests?: string[];
}

export interface Registry {
  /** The registry file or folder (absolute). */
  path: string;
  format: 'yaml' | 'json' | 'folder';
  /** The folder this registry governs (its parent folder, or the folder form's parent). */
  root: string;
  flags: Map<string, FlagEntry>;
  /** Allowed owners (the `owners:` section); empty = any owner accepted unless CODEOWNERS says otherwise. */
  owners: string[];
  policy: Policy;
  scan: ScanConfig;
  /** Syntax, schema and duplicate problems found while loading. */
  problems: RegistryProblem[];
  /** What git says about the registry file, when a front end asked (see core/history); absent otherwise. */
  timeline?: RegistryTimeline;
}

/** A commit, as the audit trail cites it. */
export interface GitStamp {
  commit: string;
  author: string;
  email: string;
  /** Author date, ISO 8601 with the author's offset. */
  date: string;
  subject: string;
}

/** One flag's registry entry as its git history tells it. */
export interface FlagTimeline {
  /** The commit that added the entry; absent when a shallow clone cut the history before it. */
  added?: GitStamp;
  lastChanged?: GitStamp;
  /** The commit that set the entry's current `status`, when the history shows it. */
  statusSince?: GitStamp;
  /** The entry is already in the oldest commit a shallow clone holds. */
  truncated: boolean;
  /** `created` was missing and was filled in from `added`. */
  createdFromGit?: boolean;
}

export interface RegistryTimeline {
  flags: Record<string, FlagTimeline>;
  /** Handles once listed in `owners:` and since removed, by normalised handle (no `@`, lower case). */
  ownersRemoved: Record<string, { owner: string; removed: GitStamp }>;
  shallow: boolean;
}

export interface RegistryProblem {
  ruleId: 'invalid-registry' | 'duplicate-flag';
  severity: Severity;
  message: string;
  location: Location;
  flagKey?: string;
}

// ---------------------------------------------------------------------------------------------
// References

/** How the key was written at the reference. */
export type KeyForm = 'literal' | 'template' | 'const' | 'enum' | 'object' | 'import' | 'property' | 'alias';

export type ReferenceKind =
  /** A direct SDK or custom-function call: `client.variation('x', ctx, false)`. */
  | 'call'
  /** A call of a wrapper function found by inference: `isOn('x')`. */
  | 'wrapper-call'
  /** A property read: `flags.newCheckout`, `config.featureToggles.x`. */
  | 'property'
  /** A destructured binding: `const { newCheckout } = useFlags()`. */
  | 'destructure'
  /** A JSX attribute: `<IfFeatureEnabled feature="x">`. */
  | 'jsx';

/**
 * How the evaluation reaches the key, beyond how the key is written: passed inside an object
 * (`evaluate({ flagKey: X })`), tested for membership in a flag collection (`features.includes('x')`),
 * or held in data that an evaluation reads later (`{ path: '/x', flag: 'x' }` → `isEnabled(route.flag)`).
 */
export type ReferenceShape = 'key-object' | 'membership' | 'data';

export interface FlagReference {
  /** The key as the code names it (after resolving constants); may be an alias spelling. */
  key: string;
  /** The registry key it maps to, when an alias or case variant matched; else equal to `key`. */
  registryKey?: string;
  /** The key expression (what a rename rewrites when keyForm is literal/template). */
  location: Location;
  /** The whole evaluation (call expression, property access, JSX element). */
  evaluation: Location;
  kind: ReferenceKind;
  keyForm: KeyForm;
  /** `launchdarkly`, `openfeature`, …, `custom`, `wrapper`, `pattern`. */
  source: string;
  /** The function or method evaluated: `variation`, `useFlags`, `isFeatureOn`. */
  callee: string;
  /** The value type the call implies (`getStringValue` → string), when it implies one. */
  valueType?: ValueType;
  /** The fallback value the code passes, when it is a literal. */
  defaultValue?: unknown;
  /** For a constant key: where the constant is declared. */
  keyDefinition?: Location;
  /** Chain of wrapper names the key passed through, innermost last. */
  via?: string[];
  shape?: ReferenceShape;
}

export interface DynamicReference {
  location: Location;
  evaluation: Location;
  source: string;
  callee: string;
  /** The expression text, shortened. */
  expression: string;
  /** Why it could not be resolved. */
  reason: string;
}

export interface ScanNote {
  file: string;
  kind:
    | 'syntax-error'
    | 'too-large'
    | 'binary'
    | 'unreadable'
    | 'vanished'
    | 'symlink-loop'
    | 'symlink-outside'
    | 'cache-refused'
    | 'not-analysed';
  message: string;
  location?: Location;
}

// ---------------------------------------------------------------------------------------------
// Findings

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  message: string;
  location: Location;
  flagKey?: string;
  /** Other places involved (the registry entry of a code finding, the other members of a cycle). */
  related?: { message: string; location: Location }[];
}

/** A replacement of a range of one file's text; edits to one file never overlap. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}
