import type { CustomFunction } from '../model';
import type { CallSpec } from './types';

/**
 * A registry's in-house API (`scan.functions`) in the SDK modules' call shape, so that detection
 * reads an in-house `isOn(key, fallback)` exactly as it reads an SDK's hook.
 */
export function inHouseCallSpec(custom: CustomFunction, name: string, style: CallSpec['style']): CallSpec {
  return {
    name,
    style,
    keyArg: custom.keyArg ?? 0,
    defaultArg: custom.defaultArg,
    valueType: custom.valueType,
    keyPath: custom.keyPath,
  };
}
