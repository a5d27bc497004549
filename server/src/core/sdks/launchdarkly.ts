import { method, thirdOfThreeElseSecond } from './argRules';
import type { SdkModule } from './types';

/** LaunchDarkly: server SDKs put the context between key and fallback; React hands out a flag map. */
export const launchdarkly: SdkModule = {
  id: 'launchdarkly',
  packages: [
    '@launchdarkly/node-server-sdk',
    'launchdarkly-node-server-sdk',
    'launchdarkly-js-client-sdk',
    'launchdarkly-react-client-sdk',
    '@launchdarkly/js-client-sdk',
    '@launchdarkly/react-native-client-sdk',
    '@launchdarkly/vercel-server-sdk',
    '@launchdarkly/cloudflare-server-sdk',
    'launchdarkly-node-client-sdk',
    '@launchdarkly/react-universal-sdk',
  ],
  receiverWords: ['ld', 'launchdarkly', 'launch', 'darkly', 'ldclient'],
  brandWords: ['ld', 'launchdarkly'],
  calls: [
    method('variation', { defaultArg: thirdOfThreeElseSecond, generic: true }),
    method('variationDetail', { defaultArg: thirdOfThreeElseSecond, generic: true }),
    method('boolVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'boolean' }),
    method('boolVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'boolean' }),
    method('stringVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'string' }),
    method('stringVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'string' }),
    method('numberVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'number' }),
    method('numberVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'number' }),
    method('jsonVariation', { defaultArg: thirdOfThreeElseSecond, valueType: 'json' }),
    method('jsonVariationDetail', { defaultArg: thirdOfThreeElseSecond, valueType: 'json' }),
  ],
  resultObjects: [
    {
      callees: [
        'variationDetail',
        'boolVariationDetail',
        'stringVariationDetail',
        'numberVariationDetail',
        'jsonVariationDetail',
      ],
      properties: { value: 'value' },
    },
  ],
  accessors: ['useFlags', 'useLDClient'],
  // `useFlags()` / `withLDConsumer` hand out every flag as a camelCased property.
  flagMapHook: {
    name: 'useFlags',
    packages: [
      'launchdarkly-react-client-sdk',
      '@launchdarkly/react-universal-sdk',
      '@launchdarkly/react-native-client-sdk',
    ],
  },
};
