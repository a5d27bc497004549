/**
 * The SDK presets now live one module per SDK in core/sdks (docs/architecture.md, "Where new code
 * goes"); these names stay for the modules and tests that still import them from here.
 */
import { FLAG_MAP, SDKS, type SdkModule } from '../sdks';

export type { ArgShape, CallSpec, JsxSpec, KeyArgRule } from '../sdks';
export { choosePosition } from '../sdks';

/** A preset is an SDK module: detection reads its packages, receiver words, calls and components. */
export type Preset = SdkModule;
export const PRESETS: readonly Preset[] = SDKS;

/** LaunchDarkly React: `useFlags()` / `withLDConsumer` hand out every flag as a camelCased property. */
export const LD_FLAGS_HOOK = FLAG_MAP.name;
export const LD_REACT_PACKAGES: readonly string[] = FLAG_MAP.packages;
