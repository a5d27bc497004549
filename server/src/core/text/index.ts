/**
 * The text kernel: edits, offset ↔ position conversion, script kinds and edit distance, shared by
 * the registry, flag removal and the service (docs/architecture.md, "The text kernel").
 */
export { TextPositions, comparePositions, lineStarts, offsetToPosition, positionToOffset, rangeContains } from './positions';
