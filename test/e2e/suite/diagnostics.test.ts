// Diagnostics in source files and in the registry itself, checked against the findings that
// examples/shop documents in .flaglint-expected.json, and kept up to date as the user types.
import * as assert from 'node:assert';
import * as vscode from 'vscode';
import {
  describeDiagnostics,
  editAndWait,
  eventually,
  expectedFindings,
  fileUri,
  flaglint,
  flaglintDiagnostics,
  openDocument,
  positionOf,
  ruleOf,
} from './helpers';
import { must } from '../../helpers/must';

describe('Flaglint diagnostics', () => {
  before(async () => {
    await flaglint();
  });

  // Findings only accumulate with time (a flag that is stale today stays stale), so every finding
  // the example promises must be there, whatever today's date; more may appear later.
  it('reports every finding the example workspace documents, at its line, with source "flaglint"', async () => {
    const byFile = new Map<string, ReturnType<typeof expectedFindings>>();
    for (const finding of expectedFindings()) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, findings] of byFile) {
      const uri = fileUri(file);
      await openDocument(file);
      await eventually(
        `Flaglint diagnostics in ${file} for ${findings.map((f) => `${f.ruleId}@${f.line}`).join(', ')}`,
        () => {
          const diagnostics = flaglintDiagnostics(uri);
          const missing = findings.filter(
            (f) => !diagnostics.some((d) => ruleOf(d) === f.ruleId && d.range.start.line === f.line - 1),
          );
          if (missing.length)
            throw new Error(
              `missing ${missing.map((f) => `${f.ruleId}@${f.line}`).join(', ')}; have ${describeDiagnostics(diagnostics)}`,
            );
          return true;
        },
      );
    }
  });

  it('gives each diagnostic a message that says what is wrong', async () => {
    const uri = fileUri('apps/web/src/components/Header.tsx');
    await openDocument('apps/web/src/components/Header.tsx');
    const [unregistered] = await eventually('the unregistered-flag diagnostic in Header.tsx', () => {
      const found = flaglintDiagnostics(uri).filter((d) => ruleOf(d) === 'unregistered-flag');
      return found.length ? found : undefined;
    });
    assert.match(must(unregistered).message, /holiday-banner/);
    assert.ok(
      must(unregistered).message.length > 'holiday-banner'.length + 10,
      `message too terse: "${must(unregistered).message}"`,
    );
  });

  it('reports a new unregistered flag as the user types, and drops it when the edit is undone', async () => {
    const document = await openDocument('apps/web/src/components/Header.tsx');
    const anchor = positionOf(document, 'const showHolidayBanner');
    const line = anchor.line; // the new statement goes above this line
    const inserted = "  const winterSale = posthog.isFeatureEnabled('winter-sale-2026') ?? false;\n";
    const after = await editAndWait(
      document,
      (edit) => edit.insert(document.uri, new vscode.Position(line, 0), inserted),
      'an unregistered-flag diagnostic for winter-sale-2026 while the file is unsaved',
      (diagnostics) =>
        diagnostics.some((d) => ruleOf(d) === 'unregistered-flag' && d.message.includes('winter-sale-2026')),
    );
    const fresh = after.find((d) => d.message.includes('winter-sale-2026'));
    assert.strictEqual(fresh?.range.start.line, line, 'the new diagnostic is not on the inserted line');
    assert.ok(
      after.some(
        (d) =>
          ruleOf(d) === 'unregistered-flag' && d.message.includes('holiday-banner') && d.range.start.line === line + 1,
      ),
      `the existing holiday-banner diagnostic did not move down with its line: ${describeDiagnostics(after)}`,
    );

    await editAndWait(
      document,
      (edit) => edit.delete(document.uri, new vscode.Range(line, 0, line + 1, 0)),
      'the winter-sale-2026 diagnostic to go away after the line is deleted',
      (diagnostics) => !diagnostics.some((d) => d.message.includes('winter-sale-2026')),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports registry problems in the registry file with the flag key line', async () => {
    const uri = fileUri('flags.yaml');
    await openDocument('flags.yaml');
    const diagnostics = await eventually('a duplicate-flag diagnostic in flags.yaml', () => {
      const found = flaglintDiagnostics(uri);
      return found.some((d) => ruleOf(d) === 'duplicate-flag') ? found : undefined;
    });
    const duplicate = diagnostics.find((d) => ruleOf(d) === 'duplicate-flag');
    assert.match(duplicate!.message, /promo-codes/);
  });
});
