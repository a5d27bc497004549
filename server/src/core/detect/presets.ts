import type { ValueType } from '../model';

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
   * The keys come as a list: the array argument (`getTreatments(['a', 'b'])`, server
   * `getTreatments(key, ['a', 'b'])`) or the `names` array of an options object (`useSplitTreatments({ names })`).
   */
  keyList?: boolean;
}

export interface JsxSpec {
  component: string;
  attribute: string;
  valueType?: ValueType;
  /** The attribute that carries the fallback value (`<FeatureString feature="x" default="y">`). */
  defaultAttribute?: string;
}

export interface Preset {
  id: string;
  /** npm packages of the SDK: a file importing one of them makes the SDK's generic names count. */
  packages: readonly string[];
  /** Words in a receiver or its import path that identify the SDK's client (`ldClient`, `this.unleash`). */
  receiverWords: readonly string[];
  calls: readonly CallSpec[];
  jsx?: readonly JsxSpec[];
}

const USER_LIKE = /^(user|users|context|ctx|ldcontext|attributes|attrs|attribute|options|opts|traits|identity|statsiguser|dvcuser|evaluationcontext)$/i;

function keyLikeness(arg: ArgShape | undefined): number {
  if (!arg) return -1;
  switch (arg.kind) {
    case 'string':
      return 3;
    case 'name':
      if (arg.name && USER_LIKE.test(arg.name)) return 0;
      return arg.name && /^[A-Z0-9_]+$/.test(arg.name) ? 2 : 1;
    default:
      return 0;
  }
}

/** `checkGate(user, gate)` on the server, `checkGate(gate, opts?)` in the browser. */
const secondIfKeyLike = (args: readonly ArgShape[]): number =>
  args.length >= 2 && keyLikeness(args[1]) >= keyLikeness(args[0]) && keyLikeness(args[1]) > 0 ? 1 : 0;
/** DevCycle: `variableValue(user, key, default)` on the server, `variableValue(key, default)` in the browser. */
const secondWhenThreeArgs = (args: readonly ArgShape[]): number => (args.length >= 3 ? 1 : 0);
/**
 * The fallback after a key that a server SDK puts second: LaunchDarkly `variation(key, context, default)`
 * vs browser `variation(key, default)`, DevCycle `variableValue(user, key, default)` vs `(key, default)`.
 */
const thirdOfThreeElseSecond = (args: readonly ArgShape[]): number => (args.length >= 3 ? 2 : 1);

const m = (name: string, extra: Partial<CallSpec> = {}): CallSpec => ({ name, style: 'method', keyArg: 0, ...extra });
const f = (name: string, extra: Partial<CallSpec> = {}): CallSpec => ({ name, style: 'function', keyArg: 0, ...extra });

export const PRESETS: readonly Preset[] = [
  {
    id: 'openfeature',
    packages: ['@openfeature/server-sdk', '@openfeature/web-sdk', '@openfeature/react-sdk', '@openfeature/js-sdk', '@openfeature/core', '@openfeature/angular-sdk', '@openfeature/nestjs-sdk'],
    receiverWords: ['openfeature', 'of', 'client', 'feature', 'flag', 'flags'],
    calls: [
      m('getBooleanValue', { defaultArg: 1, valueType: 'boolean' }),
      m('getBooleanDetails', { defaultArg: 1, valueType: 'boolean' }),
      m('getStringValue', { defaultArg: 1, valueType: 'string' }),
      m('getStringDetails', { defaultArg: 1, valueType: 'string' }),
      m('getNumberValue', { defaultArg: 1, valueType: 'number' }),
      m('getNumberDetails', { defaultArg: 1, valueType: 'number' }),
      m('getObjectValue', { defaultArg: 1, valueType: 'json' }),
      m('getObjectDetails', { defaultArg: 1, valueType: 'json' }),
      f('useBooleanFlagValue', { defaultArg: 1, valueType: 'boolean' }),
      f('useBooleanFlagDetails', { defaultArg: 1, valueType: 'boolean' }),
      f('useStringFlagValue', { defaultArg: 1, valueType: 'string' }),
      f('useStringFlagDetails', { defaultArg: 1, valueType: 'string' }),
      f('useNumberFlagValue', { defaultArg: 1, valueType: 'number' }),
      f('useNumberFlagDetails', { defaultArg: 1, valueType: 'number' }),
      f('useObjectFlagValue', { defaultArg: 1, valueType: 'json' }),
      f('useObjectFlagDetails', { defaultArg: 1, valueType: 'json' }),
      f('useFlag', { defaultArg: 1 }),
      f('useSuspenseFlag', { defaultArg: 1 }),
    ],
  },
  {
    id: 'launchdarkly',
    packages: ['@launchdarkly/node-server-sdk', 'launchdarkly-node-server-sdk', 'launchdarkly-js-client-sdk', 'launchdarkly-react-client-sdk', '@launchdarkly/js-client-sdk', '@launchdarkly/react-native-client-sdk', '@launchdarkly/vercel-server-sdk', '@launchdarkly/cloudflare-server-sdk', 'launchdarkly-node-client-sdk', '@launchdarkly/react-universal-sdk'],
    receiverWords: ['ld', 'launchdarkly', 'launch', 'darkly', 'ldclient'],
    calls: [
      m('variation', { defaultArg: thirdOfThreeElseSecond, generic: true }),
      m('variationDetail', { defaultArg: thirdOfThreeElseSecond, generic: true }),
      m('boolVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'boolean' }),
      m('boolVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'boolean' }),
      m('stringVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'string' }),
      m('stringVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'string' }),
      m('numberVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'number' }),
      m('numberVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'number' }),
      m('jsonVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'json' }),
      m('jsonVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'json' }),
    ],
  },
  {
    id: 'unleash',
    packages: ['unleash-client', 'unleash-proxy-client', '@unleash/proxy-client-react', '@unleash/nextjs', '@unleash/proxy-client-vue', '@unleash/proxy-client-svelte'],
    receiverWords: ['unleash', 'feature', 'features', 'flag', 'flags', 'toggle', 'toggles'],
    calls: [
      m('isEnabled', { defaultArg: 2, valueType: 'boolean', generic: true }),
      m('getVariant', { generic: true }),
      m('getFeatureToggleDefinition', { generic: true }),
      // unleash-client also exports these as functions bound to the instance `initialize()` made.
      f('isEnabled', { defaultArg: 2, valueType: 'boolean', generic: true }),
      f('getVariant', { generic: true }),
      f('useFlag', { valueType: 'boolean' }),
      f('useVariant'),
    ],
  },
  {
    id: 'growthbook',
    packages: ['@growthbook/growthbook', '@growthbook/growthbook-react'],
    receiverWords: ['gb', 'growthbook', 'growth', 'feature', 'features'],
    calls: [
      m('isOn', { valueType: 'boolean', generic: true }),
      m('isOff', { valueType: 'boolean', generic: true }),
      m('getFeatureValue', { defaultArg: 1 }),
      m('evalFeature', { generic: true }),
      m('feature', { generic: true }),
      f('useFeatureIsOn', { valueType: 'boolean' }),
      f('useFeatureValue', { defaultArg: 1 }),
      f('useFeature'),
      f('useGBFeature'),
    ],
    jsx: [
      { component: 'IfFeatureEnabled', attribute: 'feature', valueType: 'boolean' },
      { component: 'FeatureString', attribute: 'feature', valueType: 'string', defaultAttribute: 'default' },
    ],
  },
  {
    id: 'posthog',
    packages: ['posthog-js', 'posthog-node', 'posthog-js/react', 'posthog-react-native'],
    receiverWords: ['posthog', 'ph'],
    calls: [
      m('isFeatureEnabled', { valueType: 'boolean' }),
      m('getFeatureFlag'),
      m('getFeatureFlagPayload'),
      f('useFeatureFlagEnabled', { valueType: 'boolean' }),
      f('useFeatureFlagVariantKey'),
      f('useFeatureFlagPayload'),
    ],
    jsx: [{ component: 'PostHogFeature', attribute: 'flag' }],
  },
  {
    id: 'statsig',
    packages: ['statsig-node', '@statsig/statsig-node-core', 'statsig-js', '@statsig/js-client', '@statsig/react-bindings', 'statsig-react', 'statsig-react-native'],
    receiverWords: ['statsig'],
    calls: [
      m('checkGate', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
      m('checkGateWithExposureLoggingDisabled', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
      m('getFeatureGate', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
      m('getExperiment', { keyArg: secondIfKeyLike, generic: true }),
      m('getExperimentWithExposureLoggingDisabled', { keyArg: secondIfKeyLike }),
      m('getConfig', { keyArg: secondIfKeyLike, generic: true }),
      m('getDynamicConfig', { keyArg: secondIfKeyLike }),
      m('getLayer', { keyArg: secondIfKeyLike, generic: true }),
      // statsig-node 5: synchronous variants after initialize().
      m('checkGateSync', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
      m('getExperimentSync', { keyArg: secondIfKeyLike }),
      m('getConfigSync', { keyArg: secondIfKeyLike }),
      m('getLayerSync', { keyArg: secondIfKeyLike }),
      f('useGate', { valueType: 'boolean' }),
      f('useGateValue', { valueType: 'boolean' }),
      f('useFeatureGate', { valueType: 'boolean' }),
      f('useExperiment'),
      f('useDynamicConfig'),
      f('useLayer'),
    ],
  },
  {
    id: 'flagsmith',
    packages: ['flagsmith', 'flagsmith-nodejs', 'flagsmith/react', 'react-native-flagsmith', 'flagsmith-es'],
    receiverWords: ['flagsmith', 'flags', 'flag'],
    calls: [
      // Generic: `plan.hasFeature('sso')` (billing entitlements) is common and no Flagsmith call.
      m('hasFeature', { valueType: 'boolean', generic: true }),
      m('getValue', { generic: true }),
      m('isFeatureEnabled', { valueType: 'boolean' }),
      m('getFeatureValue'),
      f('useFlags', { keyList: true }),
    ],
  },
  {
    id: 'configcat',
    packages: ['configcat-node', 'configcat-js', 'configcat-js-ssr', 'configcat-react', '@configcat/sdk'],
    // Not 'config' alone: `appConfig.getValue('timeout')` is no flag read (`configCatClient` still matches).
    receiverWords: ['configcat', 'snapshot'],
    calls: [
      m('getValueAsync', { defaultArg: 1 }),
      m('getValueDetailsAsync', { defaultArg: 1 }),
      m('getValue', { defaultArg: 1, generic: true }),
      m('getValueDetails', { defaultArg: 1, generic: true }),
      f('useFeatureFlag', { defaultArg: 1 }),
    ],
  },
  {
    id: 'split',
    packages: ['@splitsoftware/splitio', '@splitsoftware/splitio-react', '@splitsoftware/splitio-browserjs', '@splitsoftware/splitio-redux'],
    receiverWords: ['split', 'splitio', 'splits', 'treatment', 'treatments'],
    calls: [
      m('getTreatment', { keyArg: secondIfKeyLike, valueType: 'string' }),
      m('getTreatmentWithConfig', { keyArg: secondIfKeyLike }),
      m('getTreatments', { keyArg: secondIfKeyLike, keyList: true, valueType: 'string' }),
      m('getTreatmentsWithConfig', { keyArg: secondIfKeyLike, keyList: true }),
      // React: useTreatments(['a']) (v1), useSplitTreatments({ names }) (v1.10+), useTreatment({ name }) and friends (v2.6+).
      f('useTreatments', { keyList: true }),
      f('useTreatmentsWithConfig', { keyList: true }),
      f('useSplitTreatments', { keyList: true }),
      f('useTreatment'),
      f('useTreatmentWithConfig'),
    ],
  },
  {
    id: 'devcycle',
    packages: ['@devcycle/nodejs-server-sdk', '@devcycle/js-client-sdk', '@devcycle/react-client-sdk', '@devcycle/nextjs-sdk', '@devcycle/openfeature-nodejs-provider'],
    receiverWords: ['devcycle', 'dvc', 'dvcclient', 'devcycleclient'],
    calls: [
      m('variableValue', { keyArg: secondWhenThreeArgs, defaultArg: thirdOfThreeElseSecond }),
      m('variable', { keyArg: secondWhenThreeArgs, defaultArg: thirdOfThreeElseSecond, generic: true }),
      f('useVariableValue', { defaultArg: 1 }),
      f('useVariable', { defaultArg: 1 }),
    ],
  },
];

/** LaunchDarkly React: `useFlags()` / `withLDConsumer` hand out every flag as a camelCased property. */
export const LD_FLAGS_HOOK = 'useFlags';
export const LD_REACT_PACKAGES: readonly string[] = ['launchdarkly-react-client-sdk', '@launchdarkly/react-universal-sdk', '@launchdarkly/react-native-client-sdk'];

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

export function choosePosition(rule: KeyArgRule, args: readonly ArgShape[]): number {
  return typeof rule === 'number' ? rule : rule(args);
}
