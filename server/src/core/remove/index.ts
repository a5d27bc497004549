/**
 * Removing a flag from the code: `removeFlag` plans the edits and verifies them; front ends preview
 * or apply them (docs/architecture.md, "The flow of an edit").
 */
export { removeFlag, resolveFlagKey } from './removeFlag';
export type { FileChange, RemoveFlagOptions, RemoveFlagResult, ResolvedFlag } from './removeFlag';
export type { Verification, VerificationError } from './verify';
export { RemoveError } from './removeError';
export { parseValueArgument, checkFlagValue } from './flagValue';
export type { FlagValue } from './flagValue';
export { unifiedDiff } from './unifiedDiff';
export { diffToTextEdits } from './textEdits';
export { applyTextEdits as applyEditsToText } from '../text';
