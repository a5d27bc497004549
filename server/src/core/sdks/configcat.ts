import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** ConfigCat: the Node, JS, SSR and React SDKs (every read takes a fallback second). */
export const configcat: SdkModule = {
  id: 'configcat',
  packages: ['configcat-node', 'configcat-js', 'configcat-js-ssr', 'configcat-react', '@configcat/sdk'],
  // Not 'config' alone: `appConfig.getValue('timeout')` is no flag read (`configCatClient` still matches).
  receiverWords: ['configcat', 'snapshot'],
  brandWords: ['configcat'],
  calls: [
    method('getValueAsync', { defaultArg: 1 }),
    method('getValueDetailsAsync', { defaultArg: 1 }),
    method('getValue', { defaultArg: 1, generic: true }),
    method('getValueDetails', { defaultArg: 1, generic: true }),
    fn('useFeatureFlag', { defaultArg: 1 }),
  ],
  resultObjects: [{ callees: ['useFeatureFlag'], properties: { value: 'value' } }],
};
