import * as assert from 'node:assert/strict';
import { referenceDescription, referenceTag, referenceTooltip } from '../../../client/src/referenceRow';
import type { TreeReference } from '../../../protocol/src/requests';

const location = {
  uri: 'file:///ledger/src/billing/invoices.ts',
  range: { start: { line: 9, character: 28 }, end: { line: 9, character: 49 } },
};

function row(fields: Partial<TreeReference>): TreeReference {
  return {
    location,
    preview: 'return (await isFeatureOn(FLAGS.INVOICE_PDF_V2, invoice.accountId)) ? …',
    callee: 'isFeatureOn',
    ...fields,
  };
}

describe('Flag Explorer reference rows', () => {
  it('says a wrapper call and the wrappers it went through', () => {
    const ref = row({ form: 'wrapper', via: ['isFeatureOn'], source: 'launchdarkly', inTest: false });
    assert.equal(referenceTag(ref), 'wrapper via isFeatureOn');
    assert.equal(referenceDescription(ref), `[wrapper via isFeatureOn] ${ref.preview}`);
  });

  it('marks references in tests, and says nothing extra for a plain literal', () => {
    assert.equal(referenceTag(row({ form: 'literal', inTest: true })), 'test');
    assert.equal(referenceDescription(row({ form: 'literal', inTest: false })), row({}).preview);
  });

  it('gives the whole record in the tooltip', () => {
    const tip = referenceTooltip(
      'src/billing/invoices.ts',
      row({ form: 'wrapper', via: ['isFeatureOn', 'variation'], source: 'launchdarkly', inTest: true }),
    );
    assert.deepEqual(tip.split('\n'), [
      'src/billing/invoices.ts:10:29',
      row({}).preview,
      'isFeatureOn (launchdarkly) · form: wrapper',
      'through isFeatureOn → variation',
      'in a test file',
    ]);
  });
});
