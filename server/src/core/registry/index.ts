/**
 * The registry: where each flag's owner, type, expiry and rollback plan are recorded. Loading never
 * throws (bad content becomes `registry.problems` with positions); edits keep the user's comments and
 * formatting byte for byte outside the lines they touch.
 */
export { DEFAULT_POLICY, DEFAULT_SCAN, PRESET_IDS, defaultPolicy, defaultScan, emptyRegistry } from './defaults';
export type { PresetId } from './defaults';
export {
  REGISTRY_FILE_NAMES,
  REGISTRY_FOLDER_NAME,
  FOLDER_SETTINGS_FILES,
  RegistryLocator,
  findNearestRegistry,
  isRegistryFolder,
  isRegistryPath,
  registryContaining,
  registryIn,
} from './locate';
export { caseInsensitiveKey, caseVariants, keyWords, matchRegistryKey } from './keys';
export { CODEOWNERS_LOCATIONS, findCodeowners, parseCodeowners, readCodeowners } from './codeowners';
export { loadRegistry } from './load';
export { registrySchema, RULE_IDS, SCHEMA_ID } from './schema';
export {
  addFlagEdits,
  addFlagsEdits,
  applyTextEdits,
  registryEditBlocker,
  removeFlagEdits,
  setFlagFieldEdits,
} from './edits';
export type { NewFlag } from './edits';
export {
  OPENFEATURE_SCHEMA_URL,
  exportOpenFeature,
  exportOpenFeatureDetailed,
  importOpenFeature,
  planOpenFeatureImport,
} from './openfeature';
export type {
  ExportOptions,
  OpenFeatureExport,
  OpenFeatureFlag,
  OpenFeatureFlagType,
  OpenFeatureManifest,
} from './openfeature';
export type {
  FileEdit,
  FlagFields,
  ImportConflict,
  ImportedFlag,
  ImportPlan,
  LoadOptions,
  OpenFeatureImport,
} from './types';
export { FIELD_ORDER } from './types';
export { draftFlags, guessType, whereUsed } from './draft';
export type { DraftFlag } from './draft';
export { renderRegistry } from './draftRender';
export { CodeownersLookup } from './codeownersLookup';
export { scalarAt, scalarsIn } from './scalars';
export type { ScalarAt } from './scalars';
