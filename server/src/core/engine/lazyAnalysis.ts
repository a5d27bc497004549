/* eslint-disable @typescript-eslint/no-require-imports */
import type * as AnalyzeFile from '../detect/analyzeFile';
import type { DetectorConfig } from '../detect/detectorConfig';
import type { FileFacts } from '../detect/facts';
import type * as LiveTreesModule from './liveTrees';

/**
 * The parser behind the analysis, loaded on first use. The TypeScript compiler that ts-morph ships
 * takes about half a second to load, longer than a warm scan of 15k files: a warm scan, or a cold
 * one whose prefilter matched nothing, never needs it. `require` (not `import`) keeps it lazy in the
 * compiled output and in the esbuild bundles alike.
 */
let analysis: typeof AnalyzeFile | undefined;
/** Time spent loading the compiler and analysing files since the last reset (the bench's parse phase). */
let spent = 0;

export function analyzeFile(file: string, text: string, config: DetectorConfig): FileFacts {
  const t0 = performance.now();
  analysis ??= require('../detect/analyzeFile') as typeof AnalyzeFile;
  try {
    return analysis.analyzeFile(file, text, config);
  } finally {
    spent += performance.now() - t0;
  }
}

export function parseTime(): number {
  return spent;
}

export function resetParseTime(): void {
  spent = 0;
}

/** Analyses an editor buffer through the incrementally re-parsed tree of its file. */
export class LazyLiveTrees {
  private trees: LiveTreesModule.LiveTrees | undefined;

  analyze(file: string, text: string, config: DetectorConfig): FileFacts {
    analysis ??= require('../detect/analyzeFile') as typeof AnalyzeFile;
    const trees = (this.trees ??= new (require('./liveTrees') as typeof LiveTreesModule).LiveTrees());
    // Through analyzeParsed: a buffer nested too deeply to parse becomes a note, not a crashed server.
    return analysis.analyzeParsed(file, () => trees.parse(file, text), config);
  }

  forget(file: string): void {
    this.trees?.forget(file);
  }
}
