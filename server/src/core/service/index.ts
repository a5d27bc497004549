/**
 * The core's front door for the language server and the CLI: it takes paths and core positions and
 * returns data or edits, never protocol types (docs/architecture.md, "The service layer").
 */
export { draftRegistry } from './registryDraft';
export type { RegistryDraft, RegistryDraftInput } from './registryDraft';
export { currentDay, dayOf, isoDay, sameDay } from './today';
