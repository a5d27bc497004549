import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** Flagsmith: the JS and Node clients and the React `useFlags([...])` hook. */
export const flagsmith: SdkModule = {
  id: 'flagsmith',
  packages: ['flagsmith', 'flagsmith-nodejs', 'flagsmith/react', 'react-native-flagsmith', 'flagsmith-es'],
  receiverWords: ['flagsmith', 'flags', 'flag'],
  brandWords: ['flagsmith'],
  calls: [
    // Generic: `plan.hasFeature('sso')` (billing entitlements) is common and no Flagsmith call.
    method('hasFeature', { valueType: 'boolean', generic: true }),
    method('getValue', { generic: true }),
    method('isFeatureEnabled', { valueType: 'boolean' }),
    method('getFeatureValue'),
    // The same name as LaunchDarkly's flag-map hook: an array argument tells them apart (callCollector.ts).
    fn('useFlags', { keyList: true }),
  ],
  accessors: ['useFlagsmith'],
};
