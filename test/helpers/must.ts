import assert from 'node:assert/strict';

/**
 * The value, asserting that it is there: an indexed read (`findings[0]`, `m[1]`) that a test expects
 * to find. A missing value fails the test with the expression's place instead of a TypeError later.
 */
export function must<T>(value: T | undefined, what = 'an expected value'): T {
  assert.ok(value !== undefined, `missing ${what}`);
  return value;
}
