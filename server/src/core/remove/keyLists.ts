import type { FlagReference } from '../model';
import { sdkById } from '../sdks';

/**
 * A reference found in a key-list call (`getTreatments(['a', 'b'])`, Flagsmith's `useFlags(['a'])`):
 * the call returns a map of the flags it names, not one flag's value, so replacing the call by the
 * value would replace the whole map. Removal leaves such a call to the user.
 */
export function isKeyListReference(ref: FlagReference): boolean {
  return sdkById(ref.source)?.calls.some((c) => c.name === ref.callee && c.keyList === true) ?? false;
}
