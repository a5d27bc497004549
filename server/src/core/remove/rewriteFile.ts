import type { ts } from 'ts-morph';
import type { FlagReference } from '../model';
import { Emitter } from './emitter';
import type { FlagValue } from './flagValue';
import { RewriteState } from './rewriteState';

export interface FileRewrite {
  text: string;
  warnings: string[];
  /** Callees of the rewritten references (for dropping their now unused SDK accessors). */
  callees: Set<string>;
  /** Evaluations that could not be rewritten and stay in the code. */
  leftInPlace: number;
}

/**
 * Rewrites one file: every reference becomes the flag's value, then everything it folds is
 * simplified (see Simplifier and Emitter).
 */
export function rewriteFile(
  sf: ts.SourceFile,
  checker: ts.TypeChecker,
  refs: readonly FlagReference[],
  value: FlagValue,
): FileRewrite {
  const state = new RewriteState(sf, checker, value);
  for (const ref of refs) state.addReference(ref);
  state.derive();
  if (state.memberReads.length > 0) {
    // Writing `true.enabled` is never right; the whole file waits for the user instead.
    return {
      text: sf.getFullText(),
      warnings: state.memberReads.map((w) => `${w}; the file is left as is, edit it by hand.`),
      callees: new Set(),
      leftInPlace: Math.max(refs.length, 1),
    };
  }
  const text = new Emitter(state).emitFile();
  return { text, warnings: state.warnings, callees: state.callees, leftInPlace: state.leftInPlace };
}
