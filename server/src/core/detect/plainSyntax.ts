/** Helpers of the detector that need no compiler (the resolvers use them on the warm path). */

export function valueTypeOf(value: unknown): 'boolean' | 'string' | 'number' | 'json' | undefined {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return 'number';
  if (value !== null && typeof value === 'object') return 'json';
  return undefined;
}

/** Relative or absolute specifiers point into the workspace; bare ones may be packages (or path aliases). */
export function isRelativeSpecifier(spec: string): boolean {
  return spec.startsWith('.') || spec.startsWith('/');
}
