// Debian's chromium driven by playwright-core (playwright cannot download its own browsers here).
import * as fs from 'node:fs';
import { chromium } from 'playwright-core';

const candidates = [
  process.env.FLAGLINT_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumPath() {
  const found = candidates.find((p) => p && fs.existsSync(p));
  if (!found) throw new Error('no Chromium found (looked at /usr/bin/chromium); run .ci/install-system.sh');
  return found;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Without the networking flags, Chromium keeps trying hosts that this closed network refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A fresh page at a size where the workbench shows the activity bar, side bar, editor and panel. */
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}
