/**
 * The rest of the core that the CLI calls, re-exported so that the front ends have one door into the
 * core (core/service, with core/model and core/report); eslint.config.mjs enforces it. A front end
 * that needs more adds it here rather than importing a core module directly.
 */
export { FlagIndex } from '../engine/flagIndex';
export type { ScanProgress, ScanResult } from '../engine/types';
export { AtomicWriteError, writeFilesAtomically } from '../engine/atomicWrite';
export type { PlannedWrite } from '../engine/atomicWrite';
export {
  applyTextEdits,
  emptyRegistry,
  exportOpenFeatureDetailed,
  findNearestRegistry,
  importOpenFeature,
  loadRegistry,
  matchRegistryKey,
  planOpenFeatureImport,
  registryEditBlocker,
  registryIn,
} from '../registry';
export type { ImportPlan } from '../registry';
export { createPackageLookup } from '../rules';
export { showValue } from '../rules/values';
export { removalModule } from './removalModule';
export type { RemoveFlagResult } from '../remove';
export { nonFileKind } from '../fileKind';
export {
  attachTimelines,
  auditLine,
  borrowTimelines,
  firstMentionInCode,
  formatHistoryText,
  GitError,
  historyJson,
  materialiseRevision,
  registryHistory,
} from '../history';
export type { TimelineReport } from '../history';
