import { fn, method, secondIfKeyLike } from './argRules';
import type { SdkModule } from './types';

/** Split (Harness FME): treatments, by one name or a list; the server SDK takes the user key first. */
export const split: SdkModule = {
  id: 'split',
  packages: [
    '@splitsoftware/splitio',
    '@splitsoftware/splitio-react',
    '@splitsoftware/splitio-browserjs',
    '@splitsoftware/splitio-redux',
  ],
  receiverWords: ['split', 'splitio', 'splits', 'treatment', 'treatments'],
  brandWords: ['split', 'splitio'],
  calls: [
    method('getTreatment', { keyArg: secondIfKeyLike, valueType: 'string' }),
    method('getTreatmentWithConfig', { keyArg: secondIfKeyLike }),
    method('getTreatments', { keyArg: secondIfKeyLike, keyList: true, valueType: 'string' }),
    method('getTreatmentsWithConfig', { keyArg: secondIfKeyLike, keyList: true }),
    // React: useTreatments(['a']) (v1), useSplitTreatments({ names }) (v1.10+), useTreatment({ name }) and friends (v2.6+).
    fn('useTreatments', { keyList: true }),
    fn('useTreatmentsWithConfig', { keyList: true }),
    fn('useSplitTreatments', { keyList: true }),
    fn('useTreatment'),
    fn('useTreatmentWithConfig'),
  ],
  resultObjects: [{ callees: ['getTreatmentWithConfig'], properties: { treatment: 'value' } }],
  accessors: ['useSplitClient'],
};
