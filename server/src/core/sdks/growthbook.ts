import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** GrowthBook: the JS SDK and its React bindings (hooks and gate components). */
export const growthbook: SdkModule = {
  id: 'growthbook',
  packages: ['@growthbook/growthbook', '@growthbook/growthbook-react'],
  receiverWords: ['gb', 'growthbook', 'growth', 'feature', 'features'],
  brandWords: ['growthbook', 'gb'],
  calls: [
    method('isOn', { valueType: 'boolean', generic: true }),
    method('isOff', { valueType: 'boolean', generic: true }),
    method('getFeatureValue', { defaultArg: 1 }),
    method('evalFeature', { generic: true }),
    method('feature', { generic: true }),
    fn('useFeatureIsOn', { valueType: 'boolean' }),
    fn('useFeatureValue', { defaultArg: 1 }),
    fn('useFeature'),
    fn('useGBFeature'),
  ],
  jsx: [
    { component: 'IfFeatureEnabled', attribute: 'feature', valueType: 'boolean', gate: {} },
    {
      component: 'FeatureString',
      attribute: 'feature',
      valueType: 'string',
      defaultAttribute: 'default',
      gate: { rendersValue: true },
    },
  ],
  resultObjects: [
    { callees: ['useFeature', 'feature', 'evalFeature'], properties: { on: 'truthy', off: 'falsy', value: 'value' } },
  ],
  accessors: ['useGrowthBook'],
};
