import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  RegistryLocator,
  findNearestRegistry,
  isRegistryFolder,
  isRegistryPath,
  registryContaining,
  registryIn,
} from '../../../server/src/core/registry';
import { fixture, removeDir, scratchCopy } from './helpers';

describe('registry: finding the registry that governs a folder (monorepo)', () => {
  const repo = fixture('monorepo');
  const at = (...p: string[]) => path.join(repo, ...p);

  it('a package with its own registry file is governed by it', () => {
    assert.equal(findNearestRegistry(at('apps/web/src/checkout'), repo), at('apps/web/flags.yml'));
    assert.equal(findNearestRegistry(at('apps/web'), repo), at('apps/web/flags.yml'));
  });

  it('a `flags/` folder of code (it holds .ts files) is not a registry; the root registry governs', () => {
    assert.equal(isRegistryFolder(at('packages/api/src/flags')), false);
    assert.equal(findNearestRegistry(at('packages/api/src/routes'), repo), at('flags.yaml'));
    assert.equal(findNearestRegistry(at('packages/api/src/flags'), repo), at('flags.yaml'));
  });

  it('a `flags/` folder of YAML files is a folder registry', () => {
    assert.equal(isRegistryFolder(at('services/billing/flags')), true);
    assert.equal(findNearestRegistry(at('services/billing/src'), repo), at('services/billing/flags'));
  });

  it('a flags.json that is some other data (no "flags" member) is not a registry', () => {
    assert.equal(registryIn(at('services/search/data')), undefined);
    assert.equal(findNearestRegistry(at('services/search/data'), repo), at('flags.yaml'));
  });

  it('stops at stopAt', () => {
    assert.equal(findNearestRegistry(at('packages/api/src/routes'), at('packages/api')), undefined);
    assert.equal(findNearestRegistry(at('apps/web/src'), at('apps/web')), at('apps/web/flags.yml'));
  });

  it('the memoising locator gives the same answers, and respects stopAt after a cached answer', () => {
    const locator = new RegistryLocator();
    assert.equal(locator.nearest(at('packages/api/src/routes')), at('flags.yaml'));
    assert.equal(locator.nearest(at('packages/api/src/flags')), at('flags.yaml'));
    assert.equal(locator.nearest(at('packages/api/src/routes'), at('packages/api')), undefined);
    assert.equal(locator.nearest(at('apps/web/src/checkout')), at('apps/web/flags.yml'));
  });

  it('prefers flags.yaml over flags.yml over flags.json in one folder, and sees new ones after clear()', () => {
    const dir = scratchCopy(repo);
    try {
      const locator = new RegistryLocator();
      assert.equal(locator.nearest(path.join(dir, 'services/search/data')), path.join(dir, 'flags.yaml'));
      fs.writeFileSync(path.join(dir, 'services/search/flags.json'), '{ "flags": {} }\n');
      fs.writeFileSync(path.join(dir, 'services/search/flags.yml'), 'flags: {}\n');
      assert.equal(locator.nearest(path.join(dir, 'services/search/data')), path.join(dir, 'flags.yaml'), 'memoised');
      locator.clear();
      assert.equal(
        locator.nearest(path.join(dir, 'services/search/data')),
        path.join(dir, 'services/search/flags.yml'),
      );
      fs.writeFileSync(path.join(dir, 'services/search/flags.yaml'), 'flags: {}\n');
      assert.equal(registryIn(path.join(dir, 'services/search')), path.join(dir, 'services/search/flags.yaml'));
    } finally {
      removeDir(dir);
    }
  });

  it('a folder with only _registry.yaml counts; an empty one does not', () => {
    const dir = scratchCopy(at('services/billing'));
    try {
      fs.mkdirSync(path.join(dir, 'empty/flags'), { recursive: true });
      assert.equal(isRegistryFolder(path.join(dir, 'empty/flags')), false);
      fs.writeFileSync(path.join(dir, 'empty/flags/_registry.yaml'), 'owners: []\n');
      assert.equal(isRegistryFolder(path.join(dir, 'empty/flags')), true);
    } finally {
      removeDir(dir);
    }
  });
});

describe('registry: is this file part of a registry?', () => {
  const repo = fixture('monorepo');

  it('registry files by name, folder registries and the YAML files inside them', () => {
    assert.equal(isRegistryPath(path.join(repo, 'flags.yaml')), true);
    assert.equal(isRegistryPath(path.join(repo, 'apps/web/flags.yml')), true);
    assert.equal(isRegistryPath(path.join(repo, 'services/billing/flags')), true);
    const flagFile = path.join(repo, 'services/billing/flags/invoice-pdf-v2.yaml');
    assert.equal(isRegistryPath(flagFile), true);
    assert.equal(registryContaining(flagFile), path.join(repo, 'services/billing/flags'));
  });

  it('source files and YAML in code folders are not', () => {
    assert.equal(isRegistryPath(path.join(repo, 'packages/api/src/flags/defaults.yaml')), false);
    assert.equal(isRegistryPath(path.join(repo, 'packages/api/src/flags/index.ts')), false);
    assert.equal(isRegistryPath(path.join(repo, 'package.json')), false);
    assert.equal(isRegistryPath(path.join(repo, '.github/CODEOWNERS')), false);
    assert.equal(
      isRegistryPath(path.join(repo, 'services/search/data/flags.json')),
      false,
      'a data file that happens to be named flags.json',
    );
    assert.equal(
      isRegistryPath(path.join(repo, 'services/search/flags.yaml')),
      true,
      'a registry file that does not exist (yet, or any more)',
    );
  });
});
