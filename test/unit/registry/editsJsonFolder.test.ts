import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  addFlagEdits,
  applyTextEdits,
  loadRegistry,
  removeFlagEdits,
  setFlagFieldEdits,
} from '../../../server/src/core/registry';
import type { FileEdit } from '../../../server/src/core/registry';
import { brief, fixture, lineDiff, read, removeDir, scratchCopy } from './helpers';
import { must } from '../../helpers/must';

describe('registry edits (JSON)', () => {
  const file = fixture('json', 'flags.json');
  const text = read(file);
  const reg = loadRegistry(file);
  const apply = (edits: FileEdit[]) => {
    assert.ok(edits.length > 0);
    const after = applyTextEdits(text, edits);
    JSON.parse(after);
    return after;
  };

  it('adds an entry at its sorted place, as valid JSON indented like the file', () => {
    const after = apply(
      addFlagEdits(reg, text, 'gift-cards', {
        owner: '@acme/payments',
        type: 'release',
        dependsOn: ['checkout-express-wallets'],
      }),
    );
    assert.deepEqual(lineDiff(text, after), {
      removed: [],
      added: [
        '    "gift-cards": {',
        '      "owner": "@acme/payments",',
        '      "type": "release",',
        '      "dependsOn": [',
        '        "checkout-express-wallets"',
        '      ]',
        '    },',
      ],
    });
    assert.deepEqual(
      [...loadRegistry(file, after).flags.keys()],
      ['checkout-express-wallets', 'free-shipping-threshold', 'gift-cards', 'new-checkout'],
    );
  });

  it('adds after the last entry without a trailing comma', () => {
    const after = apply(addFlagEdits(reg, text, 'zoom-checkout', { owner: '@acme/payments' }));
    assert.ok(
      after.includes(
        '      "typ": "release"\n    },\n    "zoom-checkout": {\n      "owner": "@acme/payments"\n    }\n  },\n',
      ),
    );
  });

  it('sets, adds and removes fields', () => {
    const replaced = apply(setFlagFieldEdits(reg, text, 'new-checkout', 'status', 'archived'));
    assert.deepEqual(lineDiff(text, replaced), {
      removed: ['      "status": "rolled-out",'],
      added: ['      "status": "archived",'],
    });
    const added = apply(setFlagFieldEdits(reg, text, 'new-checkout', 'rollback', 'Turn it off.'));
    // Placed before the first field that comes later in the documented order (the unknown "typ" stays last).
    assert.deepEqual(lineDiff(text, added), { removed: [], added: ['      "rollback": "Turn it off.",'] });
    assert.ok(added.includes('"created": "2025-11-03",\n      "rollback": "Turn it off.",\n      "typ"'));
    const removed = apply(setFlagFieldEdits(reg, text, 'new-checkout', 'typ', undefined));
    assert.deepEqual(lineDiff(text, removed), {
      removed: ['      "created": "2025-11-03",', '      "typ": "release"'],
      added: ['      "created": "2025-11-03"'],
    });
    assert.deepEqual(loadRegistry(file, removed).problems.map(brief), []);
  });

  it('removes an entry with the right comma, wherever it stands', () => {
    for (const key of ['checkout-express-wallets', 'free-shipping-threshold', 'new-checkout']) {
      const after = apply(removeFlagEdits(reg, text, key));
      const left = [...loadRegistry(file, after).flags.keys()];
      assert.deepEqual(
        left,
        [...reg.flags.keys()].filter((k) => k !== key),
      );
    }
    const last = apply(removeFlagEdits(reg, text, 'new-checkout'));
    assert.ok(last.includes('"expires": "2026-05-20"\n    }\n  },\n  "policy"'));
  });

  it('creates a JSON registry from nothing, and "flags" in a file without it', () => {
    const fresh = loadRegistry('/nowhere/flags.json', '');
    const created = addFlagEdits(fresh, '', 'a', { owner: '@x' });
    assert.equal(applyTextEdits('', created), '{\n  "flags": {\n    "a": {\n      "owner": "@x"\n    }\n  }\n}\n');
    const t = '{\n  "owners": ["@x"]\n}\n';
    const withFlags = applyTextEdits(t, addFlagEdits(loadRegistry('/r/flags.json', t), t, 'a', {}));
    assert.equal(withFlags, '{\n  "owners": ["@x"],\n  "flags": {\n    "a": {}\n  }\n}\n');
    const emptyFlags = '{ "flags": {} }';
    assert.equal(
      applyTextEdits(
        emptyFlags,
        addFlagEdits(loadRegistry('/r/flags.json', emptyFlags), emptyFlags, 'a', { owner: '@x' }),
      ),
      '{ "flags": {"a": {"owner":"@x"}} }',
    );
  });
});

describe('registry edits (folder registry)', () => {
  let dir: string;
  let folder: string;
  beforeEach(() => {
    dir = scratchCopy(fixture('folder'));
    folder = path.join(dir, 'flags');
  });
  afterEach(() => removeDir(dir));

  it('adding a flag creates its own file', () => {
    const reg = loadRegistry(folder);
    const edits = addFlagEdits(reg, undefined, 'search-v3', { owner: '@acme/search', type: 'release' });
    assert.deepEqual(edits, [
      {
        file: path.join(folder, 'search-v3.yaml'),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: 'owner: "@acme/search"\ntype: release\n',
        createFile: true,
      },
    ]);
    fs.writeFileSync(must(edits[0]).file, must(edits[0]).newText);
    assert.equal(loadRegistry(folder).flags.get('search-v3')!.owner, '@acme/search');
  });

  it('a key that cannot be a file name gets a safe name and a key: field', () => {
    const reg = loadRegistry(folder);
    const [edit] = addFlagEdits(reg, undefined, 'checkout/express:wallets', { type: 'release' });
    assert.equal(must(edit).file, path.join(folder, 'checkout-express-wallets.yaml'));
    assert.equal(must(edit).newText, 'key: checkout/express:wallets\ntype: release\n');
    fs.writeFileSync(must(edit).file, must(edit).newText);
    assert.ok(loadRegistry(folder).flags.has('checkout/express:wallets'));
  });

  it("setting a field edits the flag's file, keeping its comment", () => {
    const reg = loadRegistry(folder);
    const file = path.join(folder, 'new-checkout.yaml');
    const before = read(file);
    const edits = setFlagFieldEdits(reg, undefined, 'new-checkout', 'owner', '@acme/checkout');
    assert.equal(edits.length, 1);
    assert.equal(must(edits[0]).file, file);
    const after = applyTextEdits(before, edits);
    assert.deepEqual(lineDiff(before, after), {
      removed: ['owner: "@acme/payments"'],
      added: ['owner: "@acme/checkout"'],
    });
    const added = applyTextEdits(
      before,
      setFlagFieldEdits(reg, before, 'new-checkout', 'dependsOn', ['payments-api-v2']),
    );
    assert.ok(
      added.endsWith(
        'rollback: Turn the flag off; carts in progress keep their items.\ndependsOn: [payments-api-v2]\n',
      ),
    );
  });

  it('setting a field of a flag named by `key:` edits the right file', () => {
    const reg = loadRegistry(folder);
    const [edit] = setFlagFieldEdits(reg, undefined, 'pdp.recommendations.carousel', 'status', 'active');
    assert.equal(must(edit).file, path.join(folder, 'pdp-carousel.yml'));
    assert.ok(
      applyTextEdits(read(must(edit).file), [must(edit)]).includes(
        'defaultValue: control\nstatus: active\ncreated: 2026-04-10\n',
      ),
    );
  });

  it('removing a flag deletes its file', () => {
    const reg = loadRegistry(folder);
    assert.deepEqual(removeFlagEdits(reg, undefined, 'wallets'), [
      {
        file: path.join(folder, 'payments', 'wallets.yaml'),
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        newText: '',
        deleteFile: true,
      },
    ]);
  });
});
