import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** Unleash: the server client, the proxy/frontend clients and their React, Next.js, Vue and Svelte bindings. */
export const unleash: SdkModule = {
  id: 'unleash',
  packages: [
    'unleash-client',
    'unleash-proxy-client',
    '@unleash/proxy-client-react',
    '@unleash/nextjs',
    '@unleash/proxy-client-vue',
    '@unleash/proxy-client-svelte',
  ],
  receiverWords: ['unleash', 'feature', 'features', 'flag', 'flags', 'toggle', 'toggles'],
  brandWords: ['unleash'],
  calls: [
    method('isEnabled', { defaultArg: 2, valueType: 'boolean', generic: true }),
    method('getVariant', { generic: true }),
    method('getFeatureToggleDefinition', { generic: true }),
    // unleash-client also exports these as functions bound to the instance `initialize()` made.
    fn('isEnabled', { defaultArg: 2, valueType: 'boolean', generic: true }),
    fn('getVariant', { generic: true }),
    fn('useFlag', { valueType: 'boolean' }),
    fn('useVariant'),
  ],
  resultObjects: [
    // A variant is more than the flag's value: only `enabled` follows from it; any other use is
    // left in place and reported, never replaced by the scalar value.
    { callees: ['getVariant', 'useVariant'], properties: { enabled: 'truthy' } },
  ],
  accessors: ['useUnleashClient', 'useUnleashContext'],
};
