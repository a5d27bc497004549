import type { RegistryProblem } from '../model';
import type { Rule, RuleFinding } from './rule';

function problemsOf(problems: readonly RegistryProblem[], id: RegistryProblem['ruleId']): RuleFinding[] {
  return problems
    .filter((p) => p.ruleId === id)
    .map((p) => ({
      message: p.message,
      location: p.location,
      severity: p.severity,
      ...(p.flagKey !== undefined ? { flagKey: p.flagKey } : {}),
    }));
}

/** The registry loader finds these; the rules only pass them on so that they share severities and output. */
export const invalidRegistry: Rule = {
  id: 'invalid-registry',
  defaultSeverity: 'error',
  summary: 'The registry file cannot be parsed or does not follow the registry schema.',
  description:
    'A syntax error or a value of the wrong kind (an unknown flag type, a date that is not YYYY-MM-DD, …) makes the registry unreliable: ' +
    'flags may be missed or misjudged. The message names the problem and its line and column; fix it there. ' +
    'While the file is broken the editor keeps using the last good registry; `flaglint check` exits with code 2.',
  check: (ctx) => problemsOf(ctx.registry.problems, 'invalid-registry'),
};

export const duplicateFlag: Rule = {
  id: 'duplicate-flag',
  defaultSeverity: 'error',
  summary: 'The same flag key (or alias) is registered more than once.',
  description:
    "Two entries for one key (in one file, across the files of a registry folder, or as another flag's alias) make it ambiguous which owner, type and plan apply. " +
    'Merge the entries into one.',
  check: (ctx) => problemsOf(ctx.registry.problems, 'duplicate-flag'),
};
