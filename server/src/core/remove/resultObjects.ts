/**
 * SDK calls that return an object describing the evaluation rather than the value itself
 * (`useFeature('x').on`, `useGate('x').value`, `getBooleanDetails(...).value`). Removing the flag
 * freezes the object's value-bearing properties, not the call.
 */
export type ResultProperty = 'value' | 'truthy' | 'falsy';

interface ResultObjectRule {
  callee: RegExp;
  /** Only for these reference sources (SDK presets); any source when absent. */
  sources?: string[];
  properties: Record<string, ResultProperty>;
}

const RULES: ResultObjectRule[] = [
  { callee: /^(useFeature|feature|evalFeature)$/, sources: ['growthbook'], properties: { on: 'truthy', off: 'falsy', value: 'value' } },
  { callee: /^(useGate|useFeatureGate|getFeatureGate)$/, sources: ['statsig'], properties: { value: 'value' } },
  { callee: /^useFlag$/, sources: ['openfeature'], properties: { value: 'value' } },
  { callee: /^use(Boolean|String|Number|Object)FlagDetails$/, properties: { value: 'value' } },
  { callee: /^get(Boolean|String|Number|Object)Details$/, properties: { value: 'value' } },
  { callee: /^useFeatureFlag$/, sources: ['configcat'], properties: { value: 'value' } },
  { callee: /^(useVariable|variable)$/, sources: ['devcycle'], properties: { value: 'value' } },
  { callee: /^(variationDetail|boolVariationDetail|stringVariationDetail|numberVariationDetail|jsonVariationDetail)$/, sources: ['launchdarkly'], properties: { value: 'value' } },
  { callee: /^getTreatmentWithConfig$/, sources: ['split'], properties: { treatment: 'value' } },
  // A variant, experiment or payload is more than the flag's value: only `enabled` follows from it;
  // any other use is left in place and reported, never replaced by the scalar value.
  { callee: /^(getVariant|useVariant)$/, sources: ['unleash'], properties: { enabled: 'truthy' } },
  { callee: /^(getExperiment|getExperimentSync|getConfig|getConfigSync|getDynamicConfig|getLayer|getLayerSync|useExperiment|useDynamicConfig|useLayer)$/, sources: ['statsig'], properties: {} },
  { callee: /^(getFeatureFlagPayload|useFeatureFlagPayload)$/, sources: ['posthog'], properties: {} },
];

export function resultObjectProperties(callee: string, source: string): Record<string, ResultProperty> | undefined {
  for (const rule of RULES) {
    if (!rule.callee.test(callee)) continue;
    if (rule.sources && !rule.sources.some((s) => source.toLowerCase().includes(s))) continue;
    return rule.properties;
  }
  return undefined;
}

export function resultPropertyValue(kind: ResultProperty, value: unknown): unknown {
  if (kind === 'truthy') return Boolean(value);
  if (kind === 'falsy') return !value;
  return value;
}
