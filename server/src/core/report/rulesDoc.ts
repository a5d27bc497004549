import { RULES } from '../rules';

/** docs/rules.md: one section per rule, anchored by its id (SARIF `helpUri` targets). */
export function renderRulesDoc(): string {
  const lines = [
    '# Flaglint rules',
    '',
    'Generated from the rules themselves (`node scripts/generate-rules-doc.mjs`). Every severity can be',
    'changed, or the rule turned off, in the registry: `policy: { severity: { <rule-id>: error | warning | info | hint | off } }`.',
    '',
  ];
  for (const rule of RULES) {
    lines.push(
      `## ${rule.id}`,
      '',
      `Default severity: **${rule.defaultSeverity}**.`,
      '',
      rule.summary,
      '',
      rule.description,
      '',
    );
  }
  return lines.join('\n');
}
