import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeControlKeepingLines } from '../core/report';
import { UsageError } from './errors';

export interface ColorOptions {
  /** true for --color, false for --no-color, undefined when neither was given. */
  color?: boolean;
  output?: string;
}

/**
 * Colour when asked (--color / FORCE_COLOR), never when told not to (--no-color / NO_COLOR) or when
 * writing a file, otherwise only when stdout is a terminal.
 */
export function useColor(options: ColorOptions, stream: NodeJS.WriteStream = process.stdout): boolean {
  if (options.color !== undefined) return options.color;
  if (options.output !== undefined) return false;
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return stream.isTTY === true;
}

/** Writes a report to `--output` (creating its folder) or to stdout. */
export function emit(text: string, output: string | undefined): void {
  if (output === undefined) {
    process.stdout.write(text);
    return;
  }
  const file = path.resolve(output);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(`cannot write '${output}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
}

/**
 * A status line for humans on stderr (stdout stays clean for reports and pipes). Control
 * characters other than its own line breaks are escaped; callers escape a line's fields.
 */
export function say(message: string): void {
  process.stderr.write(`${escapeControlKeepingLines(message)}\n`);
}
