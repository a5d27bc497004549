import { fn, method, secondWhenThreeArgs, thirdOfThreeElseSecond } from './argRules';
import type { SdkModule } from './types';

/** DevCycle: variables; the server SDK takes the user first (`variableValue(user, key, default)`). */
export const devcycle: SdkModule = {
  id: 'devcycle',
  packages: [
    '@devcycle/nodejs-server-sdk',
    '@devcycle/js-client-sdk',
    '@devcycle/react-client-sdk',
    '@devcycle/nextjs-sdk',
    '@devcycle/openfeature-nodejs-provider',
  ],
  receiverWords: ['devcycle', 'dvc', 'dvcclient', 'devcycleclient'],
  brandWords: ['devcycle', 'dvc'],
  calls: [
    method('variableValue', { keyArg: secondWhenThreeArgs, defaultArg: thirdOfThreeElseSecond }),
    method('variable', { keyArg: secondWhenThreeArgs, defaultArg: thirdOfThreeElseSecond, generic: true }),
    fn('useVariableValue', { defaultArg: 1 }),
    fn('useVariable', { defaultArg: 1 }),
  ],
  resultObjects: [{ callees: ['useVariable', 'variable'], properties: { value: 'value' } }],
  accessors: ['useDevCycleClient', 'useDVCClient'],
};
