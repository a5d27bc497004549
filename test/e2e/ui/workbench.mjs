// Drives the VS Code web workbench the way a user does: keyboard shortcuts, the command palette,
// the mouse over text. The workbench updates asynchronously after every action, so every read here
// waits for a state instead of reading once.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sel } from './selectors.mjs';

const DEFAULT_TIMEOUT = 30_000;

/**
 * Calls `probe` until it returns without throwing and with a truthy value; then returns that value.
 * On timeout, throws with `what` and the last failure, so a missing feature reads as a sentence.
 */
export async function eventually(what, probe, { timeout = DEFAULT_TIMEOUT, interval = 250 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last ? `: ${last.message}` : '';
      throw new Error(`timed out after ${Math.round(timeout / 1000)} s waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The workbench renders spaces in editor lines as no-break spaces. */
const plain = (text) => text.replace(/\u00a0/g, ' ');

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { workspace, editorUrl }) {
    this.page = page;
    this.workspace = workspace;
    this.editorUrl = editorUrl;
  }

  async open() {
    await this.page.goto(`${this.editorUrl}/?folder=${encodeURIComponent(this.workspace)}`);
    await this.page.locator(sel.workbench).waitFor({ timeout: 60_000 });
    await this.page.locator(sel.activityBar).waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote file system is connected.
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  async press(...keys) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Runs a command from the palette by its title, as a user would (F1, type, Enter). */
  async runCommand(title) {
    await this.press('F1');
    const input = this.page.locator(sel.quickInputBox);
    if (
      !(await input.waitFor({ timeout: 5000 }).then(
        () => true,
        () => false,
      ))
    ) {
      // A webview (a walkthrough step's media, the dependency map) can keep the keyboard focus in
      // its frame, where F1 means nothing: hand the focus back to the workbench and ask again.
      await this.page.evaluate(() => globalThis.document.activeElement?.blur());
      await this.press('F1');
      await input.waitFor();
    }
    await input.fill(`>${title}`);
    // The list filters as the text arrives: wait until the highlighted entry is the command.
    const focused = this.page.locator(sel.focusedQuickInputRow);
    await eventually(
      `the command "${title}" in the command palette`,
      async () => plain(await focused.first().innerText()).includes(title),
      { timeout: 15_000 },
    );
    await this.press('Enter');
    await this.page
      .locator(sel.quickInput)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
  }

  /** Quick Open (Ctrl+P) a workspace-relative file and wait for its editor tab. */
  async openFile(relativePath) {
    const name = path.basename(relativePath);
    await this.press('Control+P');
    const input = this.page.locator(sel.quickInputBox);
    await input.waitFor();
    await input.fill(relativePath);
    // Until the typed text is processed, the highlighted entry is a recently opened file.
    const focused = this.page.locator(sel.focusedQuickInputRow);
    await eventually(
      `"${relativePath}" highlighted in Quick Open`,
      async () => plain(await focused.first().innerText()).includes(name),
      { timeout: 20_000 },
    );
    await this.press('Enter');
    await eventually(`an editor tab for ${relativePath}`, async () =>
      (await this.page.locator(sel.activeTab).innerText()).includes(name),
    );
    // Quick Open leaves the keyboard focus in the editor it opened.
    await this.page.locator(sel.editor).first().waitFor();
  }

  /** Moves the cursor (1-based line and column, as the UI shows them). */
  async goTo(line, column = 1) {
    await this.press('Control+G');
    const input = this.page.locator(sel.quickInputBox);
    await input.waitFor();
    await input.fill(`:${line}:${column}`);
    await this.press('Enter');
    await this.page
      .locator(sel.quickInput)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
  }

  /** The 1-based line and column of the first occurrence of `text` in a file of the workspace. */
  positionOf(relativePath, text, { occurrence = 1 } = {}) {
    const content = fs.readFileSync(path.join(this.workspace, relativePath), 'utf8');
    let at = -1;
    for (let i = 0; i < occurrence; i++) {
      at = content.indexOf(text, at + 1);
      if (at < 0) throw new Error(`"${text}" occurs fewer than ${occurrence} time(s) in ${relativePath}`);
    }
    const before = content.slice(0, at).split('\n');
    return { line: before.length, column: before[before.length - 1].length + 1 };
  }

  /** The visible lines of the active editor, top to bottom. */
  async visibleLines() {
    const lines = await this.page.locator(sel.editorLines).evaluateAll((nodes) =>
      nodes
        .map((node) => ({ top: parseFloat(node.style.top || '0'), text: node.textContent ?? '' }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text),
    );
    return lines.map(plain);
  }

  async codeLensTexts() {
    const texts = await this.page.locator(`${sel.codeLens} a, ${sel.codeLens} span`).allInnerTexts();
    return texts.map((text) => plain(text).trim()).filter(Boolean);
  }

  /** Waits until a code lens in the active editor matches and returns all lens texts. */
  async waitForCodeLens(matches, what) {
    return eventually(`a code lens ${what}`, async () => {
      const texts = await this.codeLensTexts();
      if (!texts.some(matches)) throw new Error(`lenses shown: ${JSON.stringify(texts)}`);
      return texts;
    });
  }

  async squiggleCount() {
    return this.page.locator(sel.squiggleAny).count();
  }

  /** Hovers the mouse over the text at a 1-based position and returns the hover's text. */
  async hoverAt(line, column, expected) {
    await this.goTo(line, column);
    const cursor = this.page.locator(`${sel.editor} .cursors-layer .cursor`).first();
    const hover = this.page.locator(sel.hover).filter({ hasText: expected });
    return eventually(`a hover containing ${expected}`, async () => {
      const box = await cursor.boundingBox();
      if (!box) throw new Error('no cursor in the editor');
      // Just right of the cursor is the first character of the token there.
      await this.page.mouse.move(box.x + 40, box.y + box.height / 2);
      await this.page.mouse.move(box.x + 4, box.y + box.height / 2);
      await hover.first().waitFor({ timeout: 3000 });
      return plain(await hover.first().innerText());
    });
  }

  async openProblems() {
    await this.press('Control+Shift+M');
    await this.page.locator(sel.problemsPanel).waitFor();
  }

  /** Types into the Problems panel's filter box (an empty string clears it). */
  async filterProblems(text) {
    const input = this.page.locator(sel.problemsFilter).first();
    await input.waitFor();
    await input.fill(text);
  }

  async problemTexts() {
    return (await this.page.locator(sel.problemRows).allInnerTexts()).map(plain);
  }

  /**
   * Applies the quick fix whose title matches, at a 1-based position: opens the menu with Ctrl+. (as
   * the light bulb would) and picks the entry with the keyboard (mouse clicks land on an overlay).
   * Code actions are computed lazily after diagnostics arrive, so Ctrl+. is repeated until one of
   * the offered actions matches.
   */
  async applyQuickFix(line, column, title) {
    await this.goTo(line, column);
    const rows = this.page.locator(sel.actionRows);
    const matches = (text) => (title instanceof RegExp ? title.test(text) : text.includes(title));
    let titles = [];
    try {
      await eventually(
        `a quick fix matching ${title}`,
        async () => {
          if (!(await this.page.locator(sel.actionWidget).first().isVisible())) {
            await this.press('Control+.');
            await rows.first().waitFor({ timeout: 2000 });
          }
          titles = (await rows.allInnerTexts()).map((text) => plain(text).trim());
          if (titles.some(matches)) return true;
          // The menu was built before our provider answered; close it and ask again.
          await this.press('Escape');
          return false;
        },
        { interval: 500 },
      );
    } catch (error) {
      await this.press('Escape');
      throw new Error(`${error.message}; last offered: ${JSON.stringify(titles)}`, { cause: error });
    }
    const index = titles.findIndex(matches);
    await eventually(
      `the quick fix "${titles[index]}" to be selected`,
      async () => {
        const focused = plain(
          await this.page
            .locator(sel.focusedActionRow)
            .first()
            .innerText()
            .catch(() => ''),
        ).trim();
        if (focused === titles[index]) return true;
        await this.press('ArrowDown');
        return false;
      },
      { interval: 100, timeout: 10_000 },
    );
    await this.press('Enter');
    await this.page
      .locator(sel.actionWidget)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
    return titles[index];
  }

  /** Shows an activity-bar container by its title and returns its tree row texts once there are rows. */
  async showContainer(title, containerId) {
    const button = this.page.locator(sel.activityButton(title)).first();
    await eventually(`the "${title}" button in the activity bar`, () => button.isVisible());
    const container = this.page.locator(sel.viewContainer(containerId));
    // The button's item, not its label: the problem-count badge covers the label.
    if (!(await container.isVisible())) await button.click();
    await container.waitFor();
  }

  async treeRowTexts(containerId) {
    return (await this.page.locator(sel.treeRows(containerId)).allInnerTexts()).map((text) => plain(text).trim());
  }

  /** Clicks the first row of a container's tree whose text starts with `prefix`. */
  async clickTreeRow(containerId, prefix) {
    const row = this.page.locator(sel.treeRows(containerId)).filter({ hasText: prefix });
    await eventually(`a tree row starting with ${prefix}`, async () => {
      for (const candidate of await row.all()) {
        if ((await candidate.innerText()).trim().startsWith(prefix)) {
          await candidate.click();
          return true;
        }
      }
      return false;
    });
  }

  /** Picks an entry of the open quick pick by its label, with the keyboard. */
  async pickQuickItem(label) {
    const rows = this.page.locator(sel.quickInputRows).filter({ hasText: label });
    await eventually(`"${label}" in the quick pick`, () => rows.first().isVisible(), { timeout: 15_000 });
    const input = this.page.locator(sel.quickInputBox);
    await input.fill(label);
    const focused = this.page.locator(sel.focusedQuickInputRow);
    await eventually(
      `"${label}" highlighted in the quick pick`,
      async () => plain(await focused.first().innerText()).includes(label),
      { timeout: 15_000 },
    );
    await this.press('Enter');
    await this.page
      .locator(sel.quickInput)
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
  }

  async activeTabText() {
    return plain(await this.page.locator(sel.activeTab).first().innerText());
  }

  /** The text of the first status bar item that matches, or undefined. */
  async statusBarText(pattern) {
    for (const text of await this.page.locator(sel.statusBarItems).allInnerTexts()) {
      if (pattern.test(text)) return plain(text).trim();
    }
    return undefined;
  }

  async save() {
    await this.press('Control+S');
  }

  async closeAllEditors() {
    await this.runCommand('View: Close All Editors');
  }

  /** Closes this window (its browser context). */
  async close() {
    await this.page.context().close();
  }

  async screenshot(file) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, fullPage: true });
  }
}
