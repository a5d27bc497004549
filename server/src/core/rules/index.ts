import type { Finding, RuleId, Severity } from '../model';
import { archivedFlagInUse } from './archivedFlagInUse';
import { defaultMismatch } from './defaultMismatch';
import { departedOwner } from './departedOwner';
import { dependencyCycle } from './dependencyCycle';
import { dependsOnRetiredFlag } from './dependsOnRetiredFlag';
import { dynamicKey } from './dynamicKey';
import { experimentEnded } from './experimentEnded';
import { invalidKey } from './invalidKey';
import { missingCreated } from './missingCreated';
import { missingExpiry } from './missingExpiry';
import { missingOwner } from './missingOwner';
import { missingRollbackPlan } from './missingRollbackPlan';
import { outOfScopeReference } from './outOfScopeReference';
import { rolledOutTooLong } from './rolledOutTooLong';
import { duplicateFlag, invalidRegistry } from './registryProblems';
import type { Rule, RuleContext } from './rule';
import { staleFlag } from './staleFlag';
import { typeMismatch } from './typeMismatch';
import { unknownDependency } from './unknownDependency';
import { unknownOwner } from './unknownOwner';
import { unregisteredFlag } from './unregisteredFlag';
import { unusedFlag } from './unusedFlag';

export type { Rule, RuleContext, RuleFinding } from './rule';
export { staleReasons } from './staleness';
export { createPackageLookup } from './packageLookup';

/** Every rule, in report order (also the SARIF rule index order; docs/architecture.md, "Where new code goes"). */
export const RULES: readonly Rule[] = [
  unregisteredFlag,
  archivedFlagInUse,
  staleFlag,
  unusedFlag,
  missingOwner,
  unknownOwner,
  missingRollbackPlan,
  missingExpiry,
  unknownDependency,
  dependencyCycle,
  dependsOnRetiredFlag,
  outOfScopeReference,
  typeMismatch,
  defaultMismatch,
  invalidKey,
  duplicateFlag,
  invalidRegistry,
  dynamicKey,
  // Lifecycle rules that read the registry's git history when a front end attached it.
  missingCreated,
  rolledOutTooLong,
  experimentEnded,
  departedOwner,
];

export function ruleById(id: RuleId): Rule | undefined {
  return RULES.find((r) => r.id === id);
}

/** Orders findings by file, line, column, then rule and message, so output is stable run to run. */
export function compareFindings(a: Finding, b: Finding): number {
  const sa = a.location.range.start;
  const sb = b.location.range.start;
  return (
    (a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1 : 0) ||
    sa.line - sb.line ||
    sa.character - sb.character ||
    (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}

/**
 * Runs every rule over one registry and the code it governs. Severities follow `policy.severity`
 * ('off' drops the rule's findings); registry load problems are included as findings.
 */
export function runRules(ctx: RuleContext): Finding[] {
  const overrides = ctx.registry.policy.severity ?? {};
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const override = overrides[rule.id];
    if (override === 'off') continue;
    for (const f of rule.check(ctx)) {
      const severity: Severity = override ?? f.severity ?? rule.defaultSeverity;
      findings.push({ ...f, ruleId: rule.id, severity });
    }
  }
  return findings.sort(compareFindings);
}
