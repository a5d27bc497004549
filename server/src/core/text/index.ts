/**
 * The text kernel: one edit type, one way to apply edits, one offset ↔ position conversion, one
 * script kind per file name and one edit distance, shared by the registry, flag removal, detection
 * and the service (docs/architecture.md, "The text kernel").
 */
export {
  TextPositions,
  comparePositions,
  lineStarts,
  offsetToPosition,
  positionToOffset,
  rangeContains,
} from './positions';
export { applyOffsetEdits, applyTextEdits } from './edits';
export type { FileEdit, OffsetEdit } from './edits';
export { scriptKindFor } from './scriptKind';
export { boundedEditDistance, editDistance } from './distance';
