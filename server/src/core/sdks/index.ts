import { configcat } from './configcat';
import { devcycle } from './devcycle';
import { flagsmith } from './flagsmith';
import { growthbook } from './growthbook';
import { launchdarkly } from './launchdarkly';
import { openfeature } from './openfeature';
import { posthog } from './posthog';
import { split } from './split';
import { statsig } from './statsig';
import type { FlagMapHook, JsxGate, ResultProperty, SdkModule } from './types';
import { unleash } from './unleash';

export type {
  ArgShape,
  CallSpec,
  FlagMapHook,
  JsxGate,
  JsxSpec,
  KeyArgRule,
  ResultObjectSpec,
  ResultProperty,
  SdkModule,
} from './types';
export { choosePosition } from './argRules';

/**
 * Every SDK Flaglint knows, one module each (docs/architecture.md, "Where new code goes"). Detection
 * (detect/detectorConfig.ts, detect/callCollector.ts), wrapper inference (resolve/wrappers.ts),
 * removal (remove/jsxGates.ts, resultObjects.ts, sdkAccessors.ts), the registry schema's
 * `scan.presets` and the extension's activation events are all derived from this list. The order
 * is the order `scan.presets` documents and in which a call name shared by two SDKs is tried.
 */
export const SDKS: readonly SdkModule[] = [
  openfeature,
  launchdarkly,
  unleash,
  growthbook,
  posthog,
  statsig,
  flagsmith,
  configcat,
  split,
  devcycle,
];

/** The preset ids `scan.presets` may name (besides 'auto'). */
export const SDK_IDS: readonly string[] = SDKS.map((s) => s.id);

export function sdkById(id: string): SdkModule | undefined {
  return SDKS.find((s) => s.id === id);
}

/**
 * Whether an SDK's boolean reads of a multivariate flag tell whether a variant is on (PostHog's
 * `isFeatureEnabled` is true for any variant): kept at a variant, they are true.
 */
export function booleanReadIsAnyVariant(ref: { source: string; valueType?: string }, value: unknown): boolean {
  return (
    ref.valueType === 'boolean' &&
    typeof value === 'string' &&
    value !== '' &&
    (sdkById(ref.source)?.calls.some((c) => c.variantKey === true) ?? false)
  );
}

/**
 * Whether an evaluation reads the flag through a variant-key accessor (PostHog's `getFeatureFlag`,
 * `useFeatureFlagVariantKey`), itself or through wrappers (`callee`, then `via` inwards): its result
 * is a multivariate flag's variant and a boolean flag's value, so it says nothing of the value's type.
 */
export function readsVariantKey(ref: { source: string; callee: string; via?: readonly string[] }): boolean {
  const sdk = sdkById(ref.source);
  if (!sdk) return false;
  const names = new Set([ref.callee, ...(ref.via ?? [])].map((n) => n.split('.').pop()!));
  return sdk.calls.some((c) => c.variantKey === true && names.has(c.name));
}

/**
 * The flag-map hook (LaunchDarkly React's `useFlags`) and the SDK it belongs to. Detection follows
 * one such hook (its bindings live in detect/scope.ts), so a second one is an error at load time.
 */
export const FLAG_MAP: FlagMapHook & { sdk: string } = soleFlagMap();

function soleFlagMap(): FlagMapHook & { sdk: string } {
  const owners = SDKS.filter((s) => s.flagMapHook);
  const owner = owners[0];
  if (owners.length !== 1 || !owner?.flagMapHook)
    throw new Error(`core/sdks: detection follows exactly one flag-map hook, found ${owners.length}`);
  return { sdk: owner.id, ...owner.flagMapHook };
}

/** The SDK whose key-list hook shares the flag-map hook's name (Flagsmith's `useFlags(['a'])`). */
export function keyListHookSdk(name: string, sdks: readonly SdkModule[] = SDKS): SdkModule | undefined {
  return sdks.find((s) => s.calls.some((c) => c.style === 'function' && c.name === name && c.keyList));
}

/** Gate components by element name, as removal rewrites them. */
export function jsxGateTable(sdks: readonly SdkModule[] = SDKS): ReadonlyMap<string, JsxGate> {
  const out = new Map<string, JsxGate>();
  for (const sdk of sdks)
    for (const spec of sdk.jsx ?? []) if (!out.has(spec.component)) out.set(spec.component, spec.gate);
  return out;
}

export interface ResultObjectRule {
  callees: ReadonlySet<string>;
  /** The SDK whose references the rule holds for; any source when absent. */
  source?: string;
  properties: Readonly<Record<string, ResultProperty>>;
}

/** Result-object rules in SDK order; the first that matches a reference wins. */
export function resultObjectTable(sdks: readonly SdkModule[] = SDKS): readonly ResultObjectRule[] {
  return sdks.flatMap((sdk) =>
    (sdk.resultObjects ?? []).map((r) => ({
      callees: new Set(r.callees),
      ...(r.anySource ? {} : { source: sdk.id }),
      properties: r.properties,
    })),
  );
}

/** Calls that only hand out an SDK's client or flag map. */
export function accessorNames(sdks: readonly SdkModule[] = SDKS): ReadonlySet<string> {
  return new Set(sdks.flatMap((s) => s.accessors ?? []));
}

/** Every SDK's brand words (a receiver so named is a flag client). */
export function brandWords(sdks: readonly SdkModule[] = SDKS): readonly string[] {
  return [...new Set(sdks.flatMap((s) => s.brandWords))];
}

/**
 * The installable packages behind the SDKs' import specifiers (`posthog-js/react` → `posthog-js`,
 * `@scope/name/sub` → `@scope/name`): the extension activates where one is in node_modules.
 */
export function sdkPackageRoots(sdks: readonly SdkModule[] = SDKS): string[] {
  const roots = new Set<string>();
  for (const sdk of sdks) {
    for (const spec of sdk.packages) {
      const parts = spec.split('/');
      roots.add(spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec));
    }
  }
  return [...roots].sort();
}
