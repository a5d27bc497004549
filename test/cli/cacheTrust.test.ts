import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NOW, REPO_ROOT, copyFixture, flaglint, removeScratch, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

/**
 * CI must not report what a pull request wrote into a cache: a `.flaglint-cache/` committed to the
 * repository, even one sealed with a secret committed beside it, does not change `check`'s answer.
 */
describe('flaglint check: a committed, forged cache', function () {
  this.timeout(120_000);
  before(requireBuiltCli);
  after(removeScratch);

  const findings = (stdout: string): unknown => (JSON.parse(stdout) as { findings: unknown[] }).findings;

  it('is ignored by default and refused when the cache folder is pointed at it', function () {
    const dir = copyFixture('bookings');
    // Files as old as a checkout's usually are, so that the whole result is kept too (a file changed
    // within seconds of a run is never trusted by mtime): the forgery below must cover it.
    const old = new Date(Date.now() - 3_600_000);
    const age = (p: string): void => {
      if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) age(path.join(p, e));
      fs.utimesSync(p, old, old);
    };
    age(dir);
    const truth = flaglint(['check', dir, '--now', NOW, '--format', 'json', '--no-cache']);
    assert.ok((findings(truth.stdout) as unknown[]).length > 0, 'the fixture has findings to hide');

    // The attacker's recipe: let flaglint make a cache inside the checkout, then rewrite every
    // entry to "no flag calls here" and seal it again with the secret that now sits beside it.
    const inRepo = path.join(dir, '.flaglint-cache');
    flaglint(['check', dir, '--now', NOW, '--format', 'json'], { env: { FLAGLINT_CACHE_DIR: inRepo } });
    const secret = fs.readFileSync(path.join(inRepo, 'secret'));
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    const key = createHmac('sha256', secret).update(`flaglint ${version} analysis cache`).digest();
    const [entryDir] = fs.readdirSync(inRepo).filter((f) => fs.statSync(path.join(inRepo, f)).isDirectory());
    const index = path.join(inRepo, must(entryDir), 'index.jsonl');
    const [, header, ...entries] = fs.readFileSync(index, 'utf8').split('\n');
    const body = [header, ...entries.map((l) => l.replace(/\t[01]\t[^\t]*\t.*$/, '\t0\t-\tnull'))].join('\n');
    const seal = (text: string): string =>
      `flaglint-cache-hmac-sha256:${createHmac('sha256', key).update(text).digest('hex')}\n${text}`;
    fs.writeFileSync(index, seal(body));
    // A kept whole result (written when the files were old enough to trust) loses its findings too.
    for (const name of ['results.jsonl', 'results-discovery.jsonl']) {
      const kept = path.join(inRepo, must(entryDir), name);
      if (name === 'results.jsonl') assert.ok(fs.existsSync(kept), 'the whole result was kept');
      if (!fs.existsSync(kept)) continue;
      const [, ...lines] = fs.readFileSync(kept, 'utf8').split('\n');
      fs.writeFileSync(kept, seal(lines.filter((l) => !l.startsWith('F\t')).join('\n')));
    }
    // Sanity: while the folder is not committed, a cache the user pointed there is the user's own and is believed.
    const believed = flaglint(['check', dir, '--now', NOW, '--format', 'json'], {
      env: { FLAGLINT_CACHE_DIR: inRepo },
    });
    assert.notDeepEqual(
      findings(believed.stdout),
      findings(truth.stdout),
      'the forged seal is valid, so only the git check can stop it',
    );

    try {
      execFileSync('git', ['-c', 'core.hooksPath=/dev/null', 'init', '-q'], { cwd: dir, stdio: 'ignore' });
      execFileSync('git', ['-c', 'core.hooksPath=/dev/null', 'add', '-f', '.flaglint-cache'], {
        cwd: dir,
        stdio: 'ignore',
      });
    } catch {
      this.skip();
    }
    const pointed = flaglint(['check', dir, '--now', NOW, '--format', 'json'], { env: { FLAGLINT_CACHE_DIR: inRepo } });
    assert.deepEqual(findings(pointed.stdout), findings(truth.stdout));
    assert.match(pointed.stdout, /cache-refused/);
    const byDefault = flaglint(['check', dir, '--now', NOW, '--format', 'json']);
    assert.deepEqual(findings(byDefault.stdout), findings(truth.stdout));
  });
});
