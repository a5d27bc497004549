import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { SCHEMA_ID } from '../../../server/src/core/registry/schema';
import { VALIDATOR_OPTIONS, strictRegistrySchema } from '../../../server/src/core/registry/strictSchema';
import { GENERATED_VALIDATORS_FILE, validatorSource } from '../../../server/src/core/registry/validatorSource';
import * as generated from '../../../server/src/core/registry/validators.generated';
import { fixture, read } from './helpers';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

const GENERATED = path.resolve(__dirname, '../../../../server/src/core/registry', GENERATED_VALIDATORS_FILE);

/** The errors of one validation, in Ajv's order: what validate.ts turns into messages. */
function errorsOf(validate: Validate, data: unknown): unknown {
  validate(data);
  return JSON.parse(JSON.stringify(validate.errors ?? null));
}

describe('registry: the validators generated at build time', () => {
  it('validators.generated.ts is current (run `node scripts/generate-validators.js` after a build)', () => {
    assert.equal(read(GENERATED), validatorSource());
  });

  it('report the same errors as the schema compiled at run time, with the data and schema the messages quote', () => {
    const ajv = new Ajv(VALIDATOR_OPTIONS);
    ajv.addSchema(strictRegistrySchema());
    const compiled = ajv.getSchema(SCHEMA_ID) as Validate;
    const fromBuild = (generated as unknown as { registry: Validate }).registry;
    const invalid = parse(read(fixture('invalid', 'flags.yaml'))) as unknown;
    const errors = errorsOf(fromBuild, invalid) as Array<{ keyword: string; data?: unknown; parentSchema?: unknown }>;
    assert.deepEqual(errors, errorsOf(compiled, invalid));
    // The misspelt field and the wrong enum of the fixture, with what validate.ts reads of them.
    const unknownField = errors.find((e) => e.keyword === 'additionalProperties');
    assert.ok(unknownField?.parentSchema, 'an unknown field carries the schema that lists the known ones');
    assert.ok(errors.some((e) => e.keyword === 'enum' && e.data === 'relase'));
    assert.equal(fromBuild(parse(read(fixture('team', 'flags.yaml')))), true);
  });

  it('validate a flag file of a registry folder on its own', () => {
    const flagFile = (generated as unknown as { flagFile: Validate }).flagFile;
    assert.equal(flagFile({ owner: '@acme/web', type: 'release' }), true);
    assert.equal(flagFile({ owner: '@acme/web', type: 'relase' }), false);
  });
});
