import { fn, method } from './argRules';
import type { SdkModule } from './types';

/** OpenFeature: the vendor-neutral API (server, web, React, Angular, NestJS). */
export const openfeature: SdkModule = {
  id: 'openfeature',
  packages: [
    '@openfeature/server-sdk',
    '@openfeature/web-sdk',
    '@openfeature/react-sdk',
    '@openfeature/js-sdk',
    '@openfeature/core',
    '@openfeature/angular-sdk',
    '@openfeature/nestjs-sdk',
  ],
  receiverWords: ['openfeature', 'of', 'client', 'feature', 'flag', 'flags'],
  brandWords: ['openfeature'],
  calls: [
    method('getBooleanValue', { defaultArg: 1, valueType: 'boolean' }),
    method('getBooleanDetails', { defaultArg: 1, valueType: 'boolean' }),
    method('getStringValue', { defaultArg: 1, valueType: 'string' }),
    method('getStringDetails', { defaultArg: 1, valueType: 'string' }),
    method('getNumberValue', { defaultArg: 1, valueType: 'number' }),
    method('getNumberDetails', { defaultArg: 1, valueType: 'number' }),
    method('getObjectValue', { defaultArg: 1, valueType: 'json' }),
    method('getObjectDetails', { defaultArg: 1, valueType: 'json' }),
    fn('useBooleanFlagValue', { defaultArg: 1, valueType: 'boolean' }),
    fn('useBooleanFlagDetails', { defaultArg: 1, valueType: 'boolean' }),
    fn('useStringFlagValue', { defaultArg: 1, valueType: 'string' }),
    fn('useStringFlagDetails', { defaultArg: 1, valueType: 'string' }),
    fn('useNumberFlagValue', { defaultArg: 1, valueType: 'number' }),
    fn('useNumberFlagDetails', { defaultArg: 1, valueType: 'number' }),
    fn('useObjectFlagValue', { defaultArg: 1, valueType: 'json' }),
    fn('useObjectFlagDetails', { defaultArg: 1, valueType: 'json' }),
    fn('useFlag', { defaultArg: 1 }),
    fn('useSuspenseFlag', { defaultArg: 1 }),
  ],
  resultObjects: [
    { callees: ['useFlag'], properties: { value: 'value' } },
    // Evaluation details are OpenFeature's shape, also when a wrapper or provider hands them out.
    {
      callees: ['useBooleanFlagDetails', 'useStringFlagDetails', 'useNumberFlagDetails', 'useObjectFlagDetails'],
      properties: { value: 'value' },
      anySource: true,
    },
    {
      callees: ['getBooleanDetails', 'getStringDetails', 'getNumberDetails', 'getObjectDetails'],
      properties: { value: 'value' },
      anySource: true,
    },
  ],
  accessors: ['useOpenFeatureClient', 'getClient'],
};
