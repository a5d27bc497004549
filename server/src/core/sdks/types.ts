import type { ValueType } from '../model';

/**
 * The shape of everything Flaglint knows about one flag SDK (docs/architecture.md, "Where new code
 * goes"): what detection looks for and what removal does with each form. Modules are plain data, so
 * that loading them never loads the compiler (docs/architecture.md, "Loading the compiler").
 */

/**
 * What an argument looks like, as far as choosing the key position goes. SDKs whose server and
 * browser builds put the key in different places (Statsig, Split, DevCycle) are told apart by arity
 * and by how key-like each argument is.
 */
export interface ArgShape {
  /** 'string' = a string literal or template, 'name' = identifier/property chain, 'object', 'other'. */
  kind: 'string' | 'name' | 'object' | 'array' | 'other';
  /** For 'name': the last identifier of the chain (`FLAGS.NEW_CHECKOUT` → NEW_CHECKOUT). */
  name?: string;
}

export type KeyArgRule = number | ((args: readonly ArgShape[]) => number);

/** One call shape: an SDK method or hook, or an in-house function from a registry's `scan.functions`. */
export interface CallSpec {
  name: string;
  /** 'method' = `x.name(…)`, 'function' = `name(…)` (hooks, imported functions). */
  style: 'method' | 'function';
  keyArg: KeyArgRule;
  /** The property path of the key inside an object key argument (a registry function spec's `keyPath`). */
  keyPath?: readonly string[];
  /** Where the fallback value is, if the SDK takes one (its type also gives the value type). */
  defaultArg?: KeyArgRule;
  valueType?: ValueType;
  /**
   * Common names (`isEnabled`, `getValue`) count only when the receiver or file points at the SDK;
   * a function of such a name counts only when imported from the SDK's package.
   */
  generic?: boolean;
  /**
   * Returns the variant's key of a multivariate flag (a string) and the value of a boolean one
   * (PostHog's `getFeatureFlag`, `useFeatureFlagVariantKey`): frozen as a boolean only where the
   * code reads it as one (remove/variantReads.ts).
   */
  variantKey?: boolean;
  /**
   * The keys come as a list: the array argument (`getTreatments(['a', 'b'])`, server
   * `getTreatments(key, ['a', 'b'])`) or the `names` array of an options object (`useSplitTreatments({ names })`).
   */
  keyList?: boolean;
}

/**
 * How removal rewrites a gate component: it renders its children only while the flag is on.
 * `matchAttribute` names an attribute holding the value that counts as "on" (PostHog's `match`),
 * `fallbackAttribute` the element rendered while off.
 */
export interface JsxGate {
  matchAttribute?: string;
  fallbackAttribute?: string;
  /** The element renders the flag's value itself (GrowthBook's FeatureString). */
  rendersValue?: boolean;
}

/** A JSX component that reads a flag (`<IfFeatureEnabled feature="x">`). */
export interface JsxSpec {
  component: string;
  /** The attribute that carries the key. */
  attribute: string;
  valueType?: ValueType;
  /** The attribute that carries the fallback value (`<FeatureString feature="x" default="y">`). */
  defaultAttribute?: string;
  /** How removal replaces the element once the flag's value is frozen. */
  gate: JsxGate;
}

/** What a property of a result object becomes once the flag's value is known. */
export type ResultProperty = 'value' | 'truthy' | 'falsy';

/**
 * Calls that return an object describing the evaluation rather than the value itself
 * (`useFeature('x').on`, `useGate('x').value`, `getBooleanDetails(...).value`). Removing the flag
 * freezes the object's value-bearing properties, not the call. An empty `properties` (variants,
 * experiments, payloads) means no property follows from the value: uses are left and reported.
 */
export interface ResultObjectSpec {
  /** Names of the module's calls that return such an object. */
  callees: readonly string[];
  properties: Readonly<Record<string, ResultProperty>>;
  /**
   * The rule holds for a reference of any source (a wrapper or in-house function of the same
   * name), not only for this SDK's own calls.
   */
  anySource?: boolean;
}

/**
 * A hook that hands out every flag as a property (LaunchDarkly React's `useFlags()`,
 * `withLDConsumer`'s `flags` prop): each property read is a flag evaluation.
 */
export interface FlagMapHook {
  name: string;
  /** The packages whose import makes `props.flags` / `{ flags }` count as the flag map. */
  packages: readonly string[];
}

export interface SdkModule {
  /** The preset id: `scan.presets` names it, and references carry it as their `source`. */
  id: string;
  /**
   * npm packages of the SDK: a file importing one of them makes the SDK's generic names count, and
   * the extension activates where one is installed (package.json `activationEvents`).
   */
  packages: readonly string[];
  /** Words in a receiver or its import path that identify the SDK's client (`ldClient`, `this.unleash`). */
  receiverWords: readonly string[];
  /**
   * The SDK's brand words: a receiver named with one marks a method wrapper known only by its name
   * as a flag call (`this.statsigService.isOn(…)`). Narrower than `receiverWords` on purpose.
   */
  brandWords: readonly string[];
  calls: readonly CallSpec[];
  jsx?: readonly JsxSpec[];
  resultObjects?: readonly ResultObjectSpec[];
  /**
   * Calls that only hand out the SDK's client or flag map (`useLDClient()`, `OpenFeature.getClient()`).
   * Once the last flag read through them is gone, removal drops the variable holding their result.
   */
  accessors?: readonly string[];
  flagMapHook?: FlagMapHook;
}
