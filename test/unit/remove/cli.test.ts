import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { flaglint, requireBuiltCli } from '../../cli/helpers/flaglint';
import { assertMatchesAfter, copyWorkspace } from './fixtureWorkspace';

/** `flaglint remove` run as a user would run it, on copies of the before/after fixtures. */
describe('flaglint remove', function () {
  this.timeout(120_000);
  before(requireBuiltCli);
  const dirs: string[] = [];
  const workspace = (name: string): string => {
    const dir = copyWorkspace(name);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const snapshot = (root: string): Map<string, string> => {
    const out = new Map<string, string>();
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) walk(full);
        else out.set(full, fs.readFileSync(full, 'utf8'));
      }
    };
    walk(root);
    return out;
  };

  it('--dry-run prints a unified diff of every file and writes nothing', () => {
    const root = workspace('wrapper-call');
    const before = snapshot(root);
    const run = flaglint(['remove', 'pdf-invoices', '--value', 'true', '--dry-run', '--no-cache', '.'], { cwd: root });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^--- a\/flags\.yaml\n\+\+\+ b\/flags\.yaml\n@@ /m);
    assert.match(run.stdout, /^--- a\/src\/routes\/orders\.ts\n\+\+\+ b\/src\/routes\/orders\.ts\n/m);
    assert.match(
      run.stdout,
      /^- {2}if \(await isFeatureOn\('pdf-invoices', user\)\) actions\.push\('download-invoice'\);\n\+ {2}actions\.push\('download-invoice'\);$/m,
    );
    assert.match(
      run.stderr,
      /'pdf-invoices' kept as true: 2 references rewritten, 2 files changed \(dry run: nothing written\)\./,
    );
    assert.deepEqual(snapshot(root), before);
  });

  it('writes the rewritten files and the registry, exactly as the fixture expects', () => {
    const root = workspace('wrapper-call');
    const run = flaglint(['remove', 'pdf-invoices', '--value', 'true', root, '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    fs.rmSync(path.join(root, '.flaglint-cache'), { recursive: true, force: true });
    assertMatchesAfter(root, 'wrapper-call');
  });

  it('lists, for the person finishing the job, the TODO naming the flag and the method nothing calls any more', () => {
    const root = workspace('dead-component');
    const run = flaglint(['remove', 'referral-program', '--value', 'false', '--dry-run', '--no-cache', '.'], {
      cwd: root,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /^hint: src\/components\/ReferralCard\.tsx:7: a TODO names the flag, check whether it is done now: \/\/ TODO\(referral-program cleanup\)/m,
    );
    assert.match(
      run.stderr,
      /^hint: ReferralApi\.remind\(\) \(src\/lib\/referrals\.ts:22\) is no longer called anywhere in the workspace/m,
    );
    assert.match(
      run.stderr,
      /^warning: src\/components\/ReferralCard\.tsx:5: '\{ data: referrals \}' is no longer used; the hook call `useQuery\(/m,
    );
  });

  it('exits with 2 on an unknown key and suggests the nearest one', () => {
    const root = workspace('wrapper-call');
    const run = flaglint(['remove', 'pdf-invoice', '--value', 'true', root, '--no-cache']);
    assert.equal(run.status, 2);
    assert.match(
      run.stderr,
      /flaglint: Unknown flag 'pdf-invoice': it is neither in the registry nor evaluated in the code\. Did you mean 'pdf-invoices'\?/,
    );
    assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  });

  it('exits with 2 on a value that does not fit the flag type, or none at all', () => {
    const root = workspace('wrapper-call');
    const bad = flaglint(['remove', 'pdf-invoices', '--value', 'yes', root, '--no-cache']);
    assert.equal(bad.status, 2);
    assert.match(
      bad.stderr,
      /Flag 'pdf-invoices' is a boolean flag \(registered as boolean at .*flags\.yaml:2:3\); --value must be true or false, got 'yes'\./,
    );
    const missing = flaglint(['remove', 'pdf-invoices', root]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--value <value>/);
  });

  it('refuses to write a result that does not type-check (exit 1), lists the new errors, and writes it with --force', () => {
    const root = workspace('verify-narrowing');
    const before = snapshot(root);
    const run = flaglint(['remove', 'new-checkout', '--value', 'true', '.', '--no-cache'], { cwd: root });
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /the code would no longer type-check after removing 'new-checkout':\n {2}src\/api\/checkoutRoute\.ts:4:7: TS2367: This comparison appears to be unintentional/,
    );
    assert.match(run.stderr, /nothing written/);
    assert.deepEqual(snapshot(root), before);

    const forced = flaglint(['remove', 'new-checkout', '--value', 'true', '.', '--no-cache', '--force'], { cwd: root });
    assert.equal(forced.status, 1);
    assert.match(forced.stderr, /written anyway: --force/);
    assert.match(fs.readFileSync(path.join(root, 'src/checkout/config.ts'), 'utf8'), /steps: \['review'\],/);
  });

  it('--no-verify writes without the type check', () => {
    const root = workspace('verify-narrowing');
    const run = flaglint(['remove', 'new-checkout', '--value', 'true', root, '--no-cache', '--no-verify']);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(fs.readFileSync(path.join(root, 'flags.yaml'), 'utf8'), /new-checkout/);
  });
});
