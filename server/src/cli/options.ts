import * as fs from 'node:fs';
import * as path from 'node:path';
import { InvalidArgumentError } from 'commander';
import { nonFileKind } from '../core/service';
import { UsageError } from './errors';

/** A folder argument resolved against the current directory; it must exist and be a folder. */
export function resolveFolder(arg: string | undefined): string {
  const abs = path.resolve(arg ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(abs);
  } catch {
    throw new UsageError(`path '${arg ?? '.'}' does not exist.`);
  }
  if (!stat.isDirectory())
    throw new UsageError(`'${arg}' is not a folder; give the folder to scan (for example the repository root).`);
  return abs;
}

/** `--registry`: a registry file or folder that must exist. */
export function resolveRegistryOption(arg: string | undefined): string | undefined {
  if (arg === undefined) return undefined;
  const abs = path.resolve(arg);
  if (!fs.existsSync(abs))
    throw new UsageError(
      `registry '${arg}' does not exist; give a flags.yaml, flags.json or flags/ folder, or leave --registry out to use the nearest one.`,
    );
  // stat before any open: opening a FIFO blocks until a writer appears, and a device never ends.
  const kind = nonFileKind(fs.statSync(abs));
  if (kind && kind !== 'a folder')
    throw new UsageError(
      `registry '${arg}' is ${kind}, not a registry file; give a flags.yaml, flags.json or flags/ folder.`,
    );
  return abs;
}

/** `--now YYYY-MM-DD`, for commander: a real calendar date at midnight UTC. */
export function parseDateOption(value: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!date || date.getUTCDate() !== Number(m![3]) || date.getUTCMonth() !== Number(m![2]) - 1) {
    throw new InvalidArgumentError('expected a date as YYYY-MM-DD, e.g. 2026-12-01.');
  }
  return date;
}

/** `--max-warnings <n>`, for commander: a whole number, zero or more. */
export function parseCountOption(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number, zero or more.');
  return Number(value);
}
