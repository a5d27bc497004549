import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** PostHog: feature flags of posthog-js, posthog-node and the React bindings. */
export const posthog: SdkModule = {
  id: 'posthog',
  packages: ['posthog-js', 'posthog-node', 'posthog-js/react', 'posthog-react-native'],
  receiverWords: ['posthog', 'ph'],
  brandWords: ['posthog'],
  calls: [
    method('isFeatureEnabled', { valueType: 'boolean' }),
    method('getFeatureFlag', { variantKey: true }),
    method('getFeatureFlagPayload'),
    fn('useFeatureFlagEnabled', { valueType: 'boolean' }),
    fn('useFeatureFlagVariantKey', { variantKey: true }),
    fn('useFeatureFlagPayload'),
  ],
  jsx: [
    {
      component: 'PostHogFeature',
      attribute: 'flag',
      gate: { matchAttribute: 'match', fallbackAttribute: 'fallback' },
    },
  ],
  // A payload is more than the flag's value: no property of it follows from the value.
  resultObjects: [{ callees: ['getFeatureFlagPayload', 'useFeatureFlagPayload'], properties: {} }],
  accessors: ['usePostHog'],
};
