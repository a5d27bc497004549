import { fn, method, secondIfKeyLike } from './argRules';
import type { SdkModule } from './types';

/** Statsig: gates, experiments, dynamic configs and layers; the server SDK takes the user first. */
export const statsig: SdkModule = {
  id: 'statsig',
  packages: [
    'statsig-node',
    '@statsig/statsig-node-core',
    'statsig-js',
    '@statsig/js-client',
    '@statsig/react-bindings',
    'statsig-react',
    'statsig-react-native',
  ],
  receiverWords: ['statsig'],
  brandWords: ['statsig'],
  calls: [
    method('checkGate', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
    method('checkGateWithExposureLoggingDisabled', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
    method('getFeatureGate', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
    method('getExperiment', { keyArg: secondIfKeyLike, generic: true }),
    method('getExperimentWithExposureLoggingDisabled', { keyArg: secondIfKeyLike }),
    method('getConfig', { keyArg: secondIfKeyLike, generic: true }),
    method('getDynamicConfig', { keyArg: secondIfKeyLike }),
    method('getLayer', { keyArg: secondIfKeyLike, generic: true }),
    // statsig-node 5: synchronous variants after initialize().
    method('checkGateSync', { keyArg: secondIfKeyLike, valueType: 'boolean' }),
    method('getExperimentSync', { keyArg: secondIfKeyLike }),
    method('getConfigSync', { keyArg: secondIfKeyLike }),
    method('getLayerSync', { keyArg: secondIfKeyLike }),
    fn('useGate', { valueType: 'boolean' }),
    fn('useGateValue', { valueType: 'boolean' }),
    fn('useFeatureGate', { valueType: 'boolean' }),
    fn('useExperiment'),
    fn('useDynamicConfig'),
    fn('useLayer'),
  ],
  resultObjects: [
    { callees: ['useGate', 'useFeatureGate', 'getFeatureGate'], properties: { value: 'value' } },
    // An experiment, config or layer is more than a value: its uses are left in place and reported.
    {
      callees: [
        'getExperiment',
        'getExperimentSync',
        'getConfig',
        'getConfigSync',
        'getDynamicConfig',
        'getLayer',
        'getLayerSync',
        'useExperiment',
        'useDynamicConfig',
        'useLayer',
      ],
      properties: {},
    },
  ],
  accessors: ['useStatsigClient'],
};
