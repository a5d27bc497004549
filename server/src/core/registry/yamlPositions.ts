import type { Location, Range } from '../model';

export const START_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function fileStart(file: string): Location {
  return { file, range: START_OF_FILE };
}
