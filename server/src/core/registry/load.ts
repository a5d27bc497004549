import type { Registry } from '../model';
import type { LoadOptions } from './types';
import { emptyRegistry } from './defaults';
import * as path from 'path';

export function loadRegistry(registryPath: string, _text?: string, _options?: LoadOptions): Registry {
  const r = emptyRegistry(path.dirname(path.resolve(registryPath)));
  r.path = path.resolve(registryPath);
  return r;
}
