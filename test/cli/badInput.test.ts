import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixture, fixture, flaglint, NOW, removeScratch, requireBuiltCli } from './helpers/flaglint';
import { must } from '../helpers/must';

/** Source and registry inputs that used to hang the CLI or lose flags silently. */
describe('flaglint bad source and registry input', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('--registry naming a FIFO exits 2 instead of hanging', function () {
    if (process.platform === 'win32') this.skip();
    const dir = copyFixture('bookings');
    const fifo = path.join(dir, 'flags.fifo');
    execFileSync('mkfifo', [fifo]);
    const run = flaglint(['check', dir, '--registry', fifo, '--now', NOW]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /is a FIFO, not a registry file/);
  });

  it('--registry naming a device exits 2', function () {
    if (process.platform === 'win32') this.skip();
    const run = flaglint(['check', copyFixture('bookings'), '--registry', '/dev/zero', '--now', NOW]);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /is a device, not a registry file/);
  });

  it('UTF-16 LE and BE sources with a BOM are read, their flags found at the right place', () => {
    const dir = copyFixture('bookings');
    toUtf16(path.join(dir, 'src/lib/flags.ts'), 'le');
    toUtf16(path.join(dir, 'src/routes/bookings.ts'), 'be');
    const run = flaglint(['check', dir, '--now', NOW, '--format', 'json']);
    assert.doesNotMatch(run.stdout + run.stderr, /looks binary/);
    const report = JSON.parse(run.stdout) as {
      summary: { references: number; notes: number };
      findings: { ruleId: string; file: string; line: number; column: number }[];
    };
    assert.equal(report.summary.references, 4);
    assert.equal(report.summary.notes, 0);
    // The same line and column as in the UTF-8 original: the BOM does not shift positions.
    const stale = report.findings.find((f) => f.ruleId === 'stale-flag' && f.file === 'src/routes/bookings.ts');
    assert.deepEqual(stale && [stale.line, stale.column], [13, 47]);
  });

  it('remove refuses to rewrite a UTF-16 source, naming the encoding, and changes nothing', () => {
    const dir = copyFixture('bookings');
    const file = path.join(dir, 'src/routes/bookings.ts');
    toUtf16(file, 'le');
    const before = { source: fs.readFileSync(file), registry: fs.readFileSync(path.join(dir, 'flags.yaml')) };
    const run = flaglint(['remove', 'instant-confirmation', dir, '--value', 'true', '--no-cache']);
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /bookings\.ts: it is utf-16le .*UTF-8 files only/);
    assert.deepEqual(fs.readFileSync(file), before.source);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'flags.yaml')), before.registry);
  });
});

/** Re-encodes a UTF-8 text file as UTF-16 with a byte order mark, as Windows editors save it. */
function toUtf16(file: string, order: 'le' | 'be'): void {
  const le = Buffer.from(fs.readFileSync(file, 'utf8'), 'utf16le');
  const body = order === 'le' ? le : Buffer.from(le).swap16();
  fs.writeFileSync(file, Buffer.concat([Buffer.from(order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]));
}

/** Code nested deeper than a recursive walk (or TypeScript's own parser) has stack for. */
describe('flaglint on deeply nested code', () => {
  before(requireBuiltCli);
  after(removeScratch);

  /** The bookings service plus two generated files: a 2,000-term string concatenation, and 1,000 nested `!(`. */
  function deepWorkspace(): string {
    const dir = copyFixture('bookings');
    fs.mkdirSync(path.join(dir, 'src/generated'));
    const parts = Array.from({ length: 2000 }, (_, i) => `'<li>slot ${i}</li>'`).join(' + ');
    fs.writeFileSync(
      path.join(dir, 'src/generated/slots.ts'),
      `import { flags } from '../lib/flags';\n\nexport const slotList = ${parts};\n\nexport async function depositsOn(): Promise<boolean> {\n  return flags.getBooleanValue('deposit-payments', false);\n}\n`,
    );
    fs.writeFileSync(
      path.join(dir, 'src/generated/negations.ts'),
      `import { flags } from '../lib/flags';\n\nexport async function confirmedInstantly(): Promise<boolean> {\n  return ${'!('.repeat(1000)}await flags.getBooleanValue('instant-confirmation', false)${')'.repeat(1000)};\n}\n`,
    );
    return dir;
  }

  it('check finds the flag after a 2,000-term + chain, and names the file too deep to parse in a note', () => {
    const dir = deepWorkspace();
    const run = flaglint(['check', dir, '--now', NOW, '--no-cache', '--format', 'json']);
    assert.notEqual(run.status, 3, run.stderr);
    const report = JSON.parse(run.stdout) as {
      notes: { file: string; kind: string; message: string }[];
      inventory: { key: string; references: number; files: number }[];
    };
    assert.deepEqual(
      report.notes.map((n) => [n.file, n.kind]),
      [['src/generated/negations.ts', 'not-analysed']],
    );
    assert.match(must(report.notes[0]).message, /nested too deeply/);
    const deposit = report.inventory.find((f) => f.key === 'deposit-payments');
    // One in src/routes/bookings.ts, one after the chain in src/generated/slots.ts.
    assert.deepEqual(deposit && [deposit.references, deposit.files], [2, 2]);
  });

  it('remove rewrites the file with the long chain and leaves the unparsable one alone', () => {
    const dir = deepWorkspace();
    const negations = fs.readFileSync(path.join(dir, 'src/generated/negations.ts'));
    const run = flaglint(['remove', 'deposit-payments', dir, '--value', 'false', '--no-cache']);
    assert.equal(run.status, 0, run.stderr);
    const slots = fs.readFileSync(path.join(dir, 'src/generated/slots.ts'), 'utf8');
    assert.doesNotMatch(slots, /deposit-payments/);
    assert.match(slots, /'<li>slot 1999<\/li>'/);
    assert.deepEqual(fs.readFileSync(path.join(dir, 'src/generated/negations.ts')), negations);
  });

  it('remove warns that a file too deep to analyse still mentions the flag it removes', () => {
    const dir = deepWorkspace();
    const run = flaglint(['remove', 'instant-confirmation', dir, '--value', 'true', '--no-cache', '--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(
      run.stderr,
      /warning: .*src\/generated\/negations\.ts could not be analysed .* mentions 'instant-confirmation'; it may still evaluate the flag/,
    );
    assert.doesNotMatch(run.stderr, /slots\.ts could not be analysed/);
  });
});

describe('flaglint check on a registry with thousands of chained flags', () => {
  before(requireBuiltCli);
  after(removeScratch);

  it('survives a 5,000-flag dependsOn chain and reports a 2,000-flag cycle once, abbreviated', () => {
    const dir = copyFixture('bookings');
    const step = (key: string, dep: string): string =>
      `  ${key}:\n    description: Migration step ${key}.\n    owner: "@bookings-team"\n    type: ops\n    valueType: boolean\n    defaultValue: false\n    status: active\n    created: 2026-01-05\n    permanent: true\n    rollback: Turn it off.\n    dependsOn: [${dep}]\n`;
    let flags = fs.readFileSync(path.join(dir, 'flags.yaml'), 'utf8');
    for (let i = 0; i < 5000; i++) flags += step(`chain-${i}`, i + 1 < 5000 ? `chain-${i + 1}` : '');
    for (let i = 0; i < 2000; i++) flags += step(`ring-${i}`, `ring-${(i + 1) % 2000}`);
    fs.writeFileSync(path.join(dir, 'flags.yaml'), flags);
    const run = flaglint(['check', dir, '--now', NOW, '--no-cache']);
    assert.equal(run.status, 1, run.stderr);
    const cycles = run.stdout.split('\n').filter((line) => line.endsWith('[dependency-cycle]'));
    assert.equal(cycles.length, 1, cycles.join('\n'));
    assert.match(
      must(cycles[0]),
      /'ring-0' is part of a dependency cycle \(2,000 flags .*\): ring-0 → ring-1 → ring-2 → ring-3 → … \(1,995 more\) → ring-1999 → ring-0\./,
    );
  });
});

/** A registry found by its name that is not a readable UTF-8 file. */
describe('flaglint with a discovered registry that is not a UTF-8 file', () => {
  before(requireBuiltCli);
  after(removeScratch);

  /** The bookings service with its flags.yaml replaced by what `make` builds in its place. */
  function withRegistry(make: (registry: string) => void): string {
    const dir = copyFixture('bookings');
    const registry = path.join(dir, 'flags.yaml');
    fs.rmSync(registry);
    make(registry);
    return dir;
  }

  function checkFails(dir: string, says: RegExp): void {
    const run = flaglint(['check', dir, '--now', NOW, '--no-cache'], { timeoutMs: 20000 });
    assert.equal(run.status, 2, `status ${run.status}: ${run.stderr}`);
    assert.match(run.stderr, /the registry cannot be used until this is fixed/);
    assert.match(run.stderr, says);
    // The report names the registry problem instead of calling every flag unregistered.
    assert.match(run.stdout, /flags\.yaml:\d+:\d+ +error +.*\[invalid-registry\]/);
    assert.doesNotMatch(run.stdout, /not in the registry/);
  }

  it('a flags.yaml that is a folder is named as a folder', () => {
    checkFails(
      withRegistry((f) => fs.mkdirSync(f)),
      /flags\.yaml is a folder, not a file/,
    );
  });

  it('a flags.yaml that is a FIFO is named as a FIFO and never opened (no hang)', function () {
    if (process.platform === 'win32') this.skip();
    checkFails(
      withRegistry((f) => execFileSync('mkfifo', [f])),
      /flags\.yaml is a FIFO, not a file/,
    );
  });

  it('a flags.yaml that links to a device is named as a device', function () {
    if (process.platform === 'win32') this.skip();
    checkFails(
      withRegistry((f) => fs.symlinkSync('/dev/zero', f)),
      /flags\.yaml is a device, not a file/,
    );
  });

  it('a UTF-16 flags.yaml is refused with its encoding named', () => {
    const original = fs.readFileSync(fixture('bookings/flags.yaml'), 'utf8');
    checkFails(
      withRegistry((f) =>
        fs.writeFileSync(f, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(original, 'utf16le')])),
      ),
      /flags\.yaml:1:1: .*encoded as UTF-16 LE .*save it as UTF-8/,
    );
  });

  it('a flags.yaml with a Latin-1 byte says it is not UTF-8, at the line and column of the byte', () => {
    const original = fs.readFileSync(fixture('bookings/flags.yaml'), 'utf8');
    const latin1 = Buffer.from(original.replace('Take a 20% deposit', 'Take a 20% d\u00e9p\u00f4t'), 'latin1');
    checkFails(
      withRegistry((f) => fs.writeFileSync(f, latin1)),
      /flags\.yaml:19:30: .*not valid UTF-8: byte 0xE9 at line 19, column 30/,
    );
  });
});

/** Control characters in file names and keys must not reach the terminal or a PR comment raw. */
describe('flaglint output with control characters in a file name and a key', () => {
  before(function () {
    if (process.platform === 'win32') this.skip(); // Windows forbids newlines in file names
    requireBuiltCli();
  });
  after(removeScratch);

  const ESC = '\u001b';
  /** A file whose name tries to end its report line and forge a clean one, then clear the screen. */
  const FORGED_NAME = `promo\nforged.ts:1:1  info  all good  [ok]${ESC}[2J\u202e.ts`;

  function injected(): string {
    const dir = copyFixture('bookings');
    fs.writeFileSync(
      path.join(dir, 'src/routes', FORGED_NAME),
      `import { flags } from '../lib/flags';\n\nexport const springPromo = flags.getBooleanValue('spring-promo', false);\nexport const banner = flags.getStringValue('banner\\n${'\\u001b'}[31mred', 'none');\n`,
    );
    return dir;
  }

  /** Every line of `out`: none may hold a raw control character other than the line break. */
  function assertClean(out: string): string[] {
    assert.doesNotMatch(out, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    return out.split('\n');
  }

  it('the text report keeps the file on one line, with \\n, \\e and \\u202e written out', () => {
    const run = flaglint(['check', injected(), '--now', NOW, '--no-cache']);
    const lines = assertClean(run.stdout);
    assert.ok(!lines.some((l) => l.startsWith('forged.ts')), run.stdout);
    const promo = lines.filter((l) => l.includes('spring-promo'));
    assert.equal(promo.length, 1);
    assert.ok(
      must(promo[0]).includes(String.raw`promo\nforged.ts:1:1  info  all good  [ok]\e[2J\u202e.ts:3:`),
      promo[0],
    );
    assert.ok(
      lines.some((l) => l.includes(String.raw`'banner\n\e[31mred'`)),
      run.stdout,
    );
  });

  it('the markdown report and the inventory table escape them too', () => {
    const dir = injected();
    const md = flaglint(['check', dir, '--now', NOW, '--no-cache', '--format', 'markdown']);
    const rows = assertClean(md.stdout).filter((l) => l.includes('spring-promo'));
    assert.ok(
      rows.some((l) => l.includes(String.raw`promo\nforged.ts:1:1  info  all good  [ok]\e[2J\u202e.ts:3`)),
      md.stdout,
    );
    const list = flaglint(['list', dir, '--now', NOW, '--no-cache']);
    const banner = assertClean(list.stdout).filter((l) => l.includes('banner'));
    assert.equal(banner.length, 1, list.stdout);
    assert.match(must(banner[0]), /^banner\\n\\e\[31mred +unregistered/);
  });
});

describe('flaglint errors that quote a path with a line break in it', () => {
  it('keep the error on one line: the break is written out, not printed', () => {
    const run = flaglint(['check', 'no-such-folder\nflaglint: all clear, 0 problems']);
    assert.equal(run.status, 2, run.stderr);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, `the error spans ${lines.length} lines:\n${run.stderr}`);
    assert.match(must(lines[0]), /no-such-folder\\nflaglint: all clear/);
  });
});
