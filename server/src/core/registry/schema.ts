/**
 * The JSON Schema of the registry: the one source of truth. `schema/flags.schema.json` is generated
 * from it (`node schema/generate.js` after a build) and a unit test checks the two agree, so editors
 * (completion, hover) and the loader always see the same schema.
 *
 * Unknown fields are allowed here so that editors do not flag them as errors; the loader reports them
 * as warnings itself (see validate.ts).
 */
import { FLAG_STATUSES, FLAG_TYPES, VALUE_TYPES } from '../model';
import type { RuleId } from '../model';
import { PRESET_IDS } from './defaults';

export const SCHEMA_ID = 'https://flaglint.dev/schema/flags.schema.json';

export const RULE_IDS: readonly RuleId[] = [
  'unregistered-flag',
  'archived-flag-in-use',
  'stale-flag',
  'unused-flag',
  'missing-owner',
  'unknown-owner',
  'missing-rollback-plan',
  'missing-expiry',
  'unknown-dependency',
  'dependency-cycle',
  'depends-on-retired-flag',
  'out-of-scope-reference',
  'type-mismatch',
  'default-mismatch',
  'invalid-key',
  'duplicate-flag',
  'invalid-registry',
  'dynamic-key',
  'missing-created',
  'rolled-out-too-long',
  'experiment-ended',
  'departed-owner',
];

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

const stringList = (description: string) => ({
  description,
  type: 'array',
  items: { type: 'string' },
});

const stringOrList = (description: string) => ({
  description,
  type: ['string', 'array'],
  items: { type: 'string' },
});

const typeList = (description: string) => ({
  description,
  type: 'array',
  items: { type: 'string', enum: [...FLAG_TYPES] },
  uniqueItems: true,
});

const flagFields = {
  description: { description: 'What the flag changes, in one sentence.', type: 'string' },
  owner: {
    description: 'The team or person responsible for the flag: `@payments`, `team-growth`.',
    type: 'string',
  },
  type: {
    description:
      'The kind of flag: `release` (ship code dark), `experiment` (A/B test), `ops` (operational switch), `permission` (entitlement) or `kill-switch` (emergency off).',
    type: 'string',
    enum: [...FLAG_TYPES],
  },
  valueType: {
    description: 'The type of value the flag evaluates to.',
    type: 'string',
    enum: [...VALUE_TYPES],
  },
  defaultValue: { description: 'The value code falls back to when the flag service cannot answer.' },
  status: {
    description:
      'Where the flag is in its life: proposed, active, rolled-out (fully on), deprecated or archived (gone).',
    type: 'string',
    enum: [...FLAG_STATUSES],
  },
  created: { description: 'When the flag was created (YYYY-MM-DD).', type: 'string', pattern: DATE_PATTERN },
  expires: {
    description: 'When the flag should be gone from the code (YYYY-MM-DD).',
    type: 'string',
    pattern: DATE_PATTERN,
  },
  permanent: { description: 'A long-lived flag, never reported as stale.', type: 'boolean' },
  rollback: {
    description: 'How to roll back: the plan as text, or `{ plan, runbook }`.',
    type: ['string', 'object'],
    properties: {
      plan: { description: 'What to do to roll back.', type: 'string' },
      runbook: { description: 'A link to the rollback runbook.', type: 'string' },
    },
  },
  runbook: { description: 'A link to the runbook for this flag.', type: 'string' },
  dependsOn: stringOrList('Keys of flags this flag requires to be on.'),
  scope: stringOrList('Packages or services allowed to evaluate the flag: folders, globs or package names.'),
  links: {
    description: 'Related links: a map (`issue: https://…`, `rollout: …`) or a list of URLs.',
    type: ['object', 'array'],
    additionalProperties: { type: 'string' },
    items: { type: 'string' },
  },
  aliases: stringOrList('Other spellings of the key used in code, e.g. `newCheckout` for `new-checkout`.'),
  flagType: {
    description:
      'OpenFeature CLI manifest type; read as valueType (integer and float become number, object becomes json).',
    type: 'string',
    enum: ['boolean', 'string', 'integer', 'float', 'object'],
  },
  schema: { description: 'OpenFeature CLI manifest: a JSON Schema of an object flag value.', type: 'object' },
};

export const FLAG_ENTRY_FIELDS: readonly string[] = Object.keys(flagFields);

const severitySetting = {
  type: 'string',
  enum: ['error', 'warning', 'info', 'hint', 'off'],
};

export const registrySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: SCHEMA_ID,
  title: 'Flaglint feature flag registry',
  description: 'The feature flags of a codebase: owner, type, expiry and rollback plan of each.',
  type: 'object',
  definitions: {
    flag: {
      description: 'One feature flag.',
      type: ['object', 'null'],
      properties: flagFields,
    },
    flagFile: {
      description: 'One feature flag in a folder registry (the file name is the key unless `key` is given).',
      type: ['object', 'null'],
      properties: {
        key: { description: 'The flag key, when it differs from the file name.', type: 'string' },
        ...flagFields,
      },
    },
    customFunction: {
      description: 'A function or method that evaluates a flag: `isOn`, `flags.isOn` or `*.isOn`.',
      type: ['string', 'object'],
      required: ['name'],
      properties: {
        name: {
          description:
            '`isOn` (a function), `flags.isOn` (a method on a receiver named flags) or `*.isOn` (any receiver).',
          type: 'string',
          minLength: 1,
        },
        keyArg: { description: 'Zero-based index of the key argument (default 0).', type: 'integer', minimum: 0 },
        keyPath: {
          description:
            'Where the key sits inside an object key argument, also one built by a factory or `new` (`Command.create({ query: { flag } })`): `query.flag`. Default: its key, flag, flagKey, name or feature property.',
          anyOf: [
            { type: 'string', pattern: '^[^.\\s]+(\\.[^.\\s]+)*$' },
            { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
          ],
        },
        valueType: { description: 'The value type the function returns.', type: 'string', enum: [...VALUE_TYPES] },
        defaultArg: {
          description: 'Zero-based index of the fallback-value argument, if any.',
          type: 'integer',
          minimum: 0,
        },
      },
    },
  },
  properties: {
    $schema: { description: 'The JSON Schema of this file.', type: 'string' },
    version: { description: 'Registry format version (informational).', type: ['integer', 'string'] },
    flags: {
      description: 'Every flag, by its key as the flag service knows it.',
      type: ['object', 'null'],
      additionalProperties: { $ref: '#/definitions/flag' },
    },
    owners: stringList('Allowed owners. Empty or absent: any owner is accepted (unless policy.useCodeowners).'),
    policy: {
      description: 'What the rules check.',
      type: ['object', 'null'],
      properties: {
        maxAgeDays: {
          description: 'Maximum age in days per flag type, counted from `created`; null for no limit.',
          type: 'object',
          properties: Object.fromEntries(
            FLAG_TYPES.map((t) => [
              t,
              { description: `Maximum age of a ${t} flag in days.`, type: ['integer', 'null'], minimum: 1 },
            ]),
          ),
        },
        gracePeriodDays: {
          description: 'New flags are not reported as stale or unused for this many days after `created`.',
          type: 'integer',
          minimum: 0,
        },
        requireRollback: typeList('Flag types that need a rollback plan.'),
        requireExpiry: typeList('Flag types that need an expiry date.'),
        keyPattern: {
          description: 'A regular expression every flag key must match, e.g. `^[a-z][a-z0-9-]*$`.',
          type: 'string',
        },
        severity: {
          description: 'Rule severities: error, warning, info, hint or off.',
          type: 'object',
          properties: Object.fromEntries(RULE_IDS.map((id) => [id, severitySetting])),
        },
        useCodeowners: {
          description: "Also accept the owners named in the repository's CODEOWNERS.",
          type: 'boolean',
        },
      },
    },
    scan: {
      description: 'What to scan and how flags are evaluated.',
      type: ['object', 'null'],
      properties: {
        include: stringList('Globs of files to scan (relative to the registry folder); default: everything.'),
        exclude: stringList('Globs of files to skip, on top of node_modules, build output and .gitignore.'),
        presets: {
          description: "SDK presets: 'auto' (all, with guards for generic method names) or a list of SDKs.",
          anyOf: [
            { type: 'string', enum: ['auto'] },
            { type: 'array', items: { type: 'string', enum: [...PRESET_IDS] }, uniqueItems: true },
          ],
        },
        functions: {
          description: 'Custom flag functions and methods (a name, or an object with argument positions).',
          type: 'array',
          items: { $ref: '#/definitions/customFunction' },
        },
        properties: stringList(
          'Property patterns where `*` stands for the key: `config.featureToggles.*`, `featureFlags[*]`.',
        ),
        collections: stringList(
          'Flag collections (arrays, sets, objects of enabled flags): `organization.features`. `x.includes(k)`, `x.has(k)`, `k in x` and `x.k` are references to k.',
        ),
        tests: stringList(
          'Globs of test files (relative to the registry folder). Default: *.test.*, *.spec.* and __tests__, test, tests, e2e, fixtures, mocks folders.',
        ),
      },
    },
  },
} as const;
