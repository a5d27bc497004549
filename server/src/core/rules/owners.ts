/** Handles compare without case and without the leading `@` (GitHub handles are case-insensitive). */
export function normaliseOwnerHandle(owner: string): string {
  return owner.trim().replace(/^@/, '').toLowerCase();
}
