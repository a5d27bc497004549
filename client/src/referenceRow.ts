/**
 * The words of a Flag Explorer reference row: how the code reaches the flag (the JSON report's
 * form, the wrappers it passed through, whether it is a test), so that a row says what the
 * report's record says. No vscode import: unit-tested as plain text.
 */
import type { TreeReference } from '../../protocol/src/requests';

/** "wrapper via isFeatureOn · test", "enum", "" for a plain literal outside tests. */
export function referenceTag(reference: TreeReference): string {
  const parts: string[] = [];
  if (reference.form && reference.form !== 'literal') parts.push(reference.form);
  if (reference.via?.length) parts.push(`via ${reference.via.join(' → ')}`);
  const head = parts.join(' ');
  return [head, reference.inTest ? 'test' : ''].filter(Boolean).join(' · ');
}

/** The row's description: the tag in brackets before the source line. */
export function referenceDescription(reference: TreeReference): string {
  const tag = referenceTag(reference);
  return tag ? `[${tag}] ${reference.preview}` : reference.preview;
}

/** The row's tooltip: where, then every field of the record a reader may want. */
export function referenceTooltip(relativePath: string, reference: TreeReference): string {
  const { start } = reference.location.range;
  const lines = [`${relativePath}:${start.line + 1}:${start.character + 1}`, reference.preview];
  const what = [
    `${reference.callee}${reference.source ? ` (${reference.source})` : ''}`,
    reference.form ? `form: ${reference.form}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');
  lines.push(what);
  if (reference.via?.length) lines.push(`through ${reference.via.join(' → ')}`);
  if (reference.inTest) lines.push('in a test file');
  return lines.join('\n');
}
