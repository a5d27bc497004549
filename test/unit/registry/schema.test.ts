import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { registrySchema } from '../../../server/src/core/registry';
import { fixture, read } from './helpers';

const SCHEMA_FILE = path.resolve(__dirname, '../../../../schema/flags.schema.json');

describe('registry: the published JSON Schema', () => {
  const published = JSON.parse(read(SCHEMA_FILE));

  it('schema/flags.schema.json is generated from the schema module (run `node schema/generate.js` after a build)', () => {
    assert.deepEqual(published, JSON.parse(JSON.stringify(registrySchema)));
  });

  it('editors accept the example registries with it, unknown fields included', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(published);
    for (const f of [
      fixture('team', 'flags.yaml'),
      fixture('json', 'flags.json'),
      fixture('openfeature', 'flags.json'),
    ]) {
      assert.equal(validate(parse(read(f))), true, `${f}: ${JSON.stringify(validate.errors)}`);
    }
  });

  it('editors flag a wrong enum value with it', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(published);
    assert.equal(validate(parse(read(fixture('invalid', 'flags.yaml')))), false);
    assert.ok(validate.errors!.some((e) => e.instancePath === '/flags/new-checkout/type' && e.keyword === 'enum'));
  });

  it('documents every field, for hover and completion', () => {
    const flag = published.definitions.flag.properties as Record<string, { description?: string }>;
    for (const field of [
      'description',
      'owner',
      'type',
      'valueType',
      'defaultValue',
      'status',
      'created',
      'expires',
      'permanent',
      'rollback',
      'runbook',
      'dependsOn',
      'scope',
      'links',
      'aliases',
    ]) {
      assert.ok(flag[field]?.description, field);
    }
    for (const section of ['flags', 'owners', 'policy', 'scan'])
      assert.ok(published.properties[section].description, section);
  });
});
