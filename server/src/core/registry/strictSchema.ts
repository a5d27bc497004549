import { registrySchema } from './schema';

/**
 * The loader validates against a stricter copy of the schema, where every object with known
 * properties rejects others: that is how unknown (often misspelt) fields are found. They are reported
 * as warnings, since the published schema allows them.
 */
export function strictCopy(schema: unknown): unknown {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return schema;
  const out: Record<string, unknown> = { ...(schema as Record<string, unknown>) };
  const mapOfSchemas = (m: unknown) =>
    Object.fromEntries(Object.entries(m as Record<string, unknown>).map(([k, v]) => [k, strictCopy(v)]));
  if (out.properties) out.properties = mapOfSchemas(out.properties);
  if (out.definitions) out.definitions = mapOfSchemas(out.definitions);
  if (out.additionalProperties) out.additionalProperties = strictCopy(out.additionalProperties);
  if (out.items) out.items = strictCopy(out.items);
  for (const k of ['anyOf', 'oneOf', 'allOf'])
    if (Array.isArray(out[k])) out[k] = (out[k] as unknown[]).map(strictCopy);
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}

/** The schema the loader validates with. */
export function strictRegistrySchema(): object {
  return strictCopy(registrySchema) as object;
}

/**
 * Ajv's options for it: every error (one message per problem, see validate.ts's selectErrors), with
 * the data and the schema at the error (`verbose`), which the messages quote.
 */
export const VALIDATOR_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;
