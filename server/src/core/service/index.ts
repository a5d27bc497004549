/**
 * The core's front door for the language server and the CLI: it takes paths and core positions and
 * returns data or edits, never protocol types (docs/architecture.md, "The service layer").
 */
export { Workspace, FolderState } from './session';
// The scan's own test, so the editor follows exactly the files the CLI scans.
export { isSourceFile } from '../engine/fileWalker';
export type {
  FolderInfo,
  FolderUpdate,
  OpenDocument,
  ProgressReporter,
  ScanState,
  SessionHost,
  WorkspaceOptions,
} from './session';
export {
  CLIENT_SETTINGS,
  SERVER_SETTINGS,
  SEVERITY_LEVELS,
  defaultSettings,
  readSettings,
  sameScanScope,
} from './settings';
export type { FlaglintSettings, ReadSettingsResult, SettingSpec } from './settings';
export { registryRefresh, sameScanSettings } from './registryRefresh';
export type { RegistryRefresh } from './registryRefresh';
export { ServiceError } from './errors';
export type { ServiceErrorKind } from './errors';
export { Emitter } from './events';
export { isInside } from './paths';
export { dependencyMentions, flagAt, registryKeyOf } from './flagAt';
export type { FlagAt } from './flagAt';
export { innerRange, prepareRename, renameFlag } from './rename';
export { completeKey } from './completion';
export type { KeyCompletion } from './completion';
export { fixesFor } from './fixes';
export type { Fix } from './fixes';
export { RegistryEditor, mostCommon } from './registryEditor';
export { planRemoval } from './removal';
export type { Removal } from './removal';
export { draftRegistry, draftRegistryDiscovering, draftRegistryFor } from './registryDraft';
export { describesFlagApi } from '../detect/discoverySites';
export { discoveryHint, proposeScan } from './discovery';
export type { RegistryDraft, RegistryDraftInput } from './registryDraft';
export { currentDay, dayOf, isoDay, sameDay } from './today';
export { addDays, daysBetween, isoDate, parseDate, plural, relative, spanText, today } from './dates';
export { rangeContains } from '../text';
export type { FileEdit } from '../text';
export * from './coreApi';
export { folderReferenceRecords, recordLocation, referenceRecordsOf } from './referenceRecords';
