import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from './browser';
import { launchKillable, type KillableBrowser } from './fixtures/killable-browser';
import { readProgress, type RawProgress } from './fixtures/raw-db';
import { C3_DECK_ID } from './helpers';

const ITERATIONS = 20;

/** Each card's stored state is exactly the `after` of its newest log row: no half-written grade. */
function expectConsistent(progress: RawProgress): void {
  const newest = new Map<string, Record<string, unknown>>();
  // readProgress returns the reviews in log order, oldest first.
  for (const row of progress.reviewLog) newest.set(`${row.deckId}/${row.cardId}`, row.after);
  const stored = new Map(progress.cardStates.map((state) => [`${state.deckId}/${state.cardId}`, state]));
  expect([...stored.keys()].sort()).toEqual([...newest.keys()].sort());
  for (const [key, after] of newest) expect(stored.get(key), key).toEqual(after);
}

async function openSession(page: Page): Promise<void> {
  await page.goto(`${BASE_URL}#/deck/${C3_DECK_ID}/study`);
  await expect(page.getByRole('button', { name: /Show answer/ })).toBeVisible();
}

interface Round {
  /** Whether the app showed the grade as saved (its save status said so) before the kill. */
  readonly isConfirmed: boolean;
  /** From the grade key reaching the page to the SIGKILL, on the machine's one clock. */
  readonly keyToKillMs: number;
}

/**
 * Grades "Again" and SIGKILLs the browser either the moment the page shows the grade as saved
 * (`killOn: 'confirmed'`) or `delayMs` after the key reached the page, wherever the write is.
 * The page reports both moments through bindings with its Date.now(), which is the same clock
 * as this process's, so the kill does not wait for a round trip of the test protocol.
 */
async function gradeAndKill(browser: KillableBrowser, page: Page, killOn: 'confirmed' | { delayMs: number }): Promise<Round> {
  let keyAt: number | null = null;
  let confirmedAt: number | null = null;
  let killedAt: number | null = null;
  const kill = () => {
    if (killedAt !== null) return;
    killedAt = Date.now();
    browser.killNow();
  };
  await page.exposeFunction('__gradeKeyDown', (at: number) => {
    keyAt = at;
    if (killOn !== 'confirmed') setTimeout(kill, Math.max(0, at + killOn.delayMs - Date.now()));
  });
  await page.exposeFunction('__gradeSaved', (at: number) => {
    if (killedAt !== null) return;
    confirmedAt = at;
    if (killOn === 'confirmed') kill();
  });
  await page.evaluate(() => {
    const w = window as unknown as { __gradeKeyDown(at: number): void; __gradeSaved(at: number): void };
    let isGraded = false;
    window.addEventListener('keydown', (event) => {
      if (event.key !== '1') return;
      isGraded = true;
      w.__gradeKeyDown(Date.now());
    }, { capture: true });
    // The next card shows before its grade is written; the save status says when the write is done.
    // (A fresh page shows no status text until its first grade.)
    new MutationObserver(() => {
      const isSaved = [...document.querySelectorAll('[role="status"]')].some((node) => node.textContent === 'All grades saved');
      if (isGraded && isSaved) w.__gradeSaved(Date.now());
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: 'How well did you know it?' })).toBeVisible();
  // "Again" keeps the card in learning, so the 9-card deck never runs out.
  await page.keyboard.press('1').catch(() => undefined);
  const deadline = Date.now() + 30_000;
  while (killedAt === null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  if (killedAt === null) kill();
  await browser.exited;
  expect(keyAt, 'the grade key reached the page').not.toBeNull();
  return { isConfirmed: confirmedAt !== null && confirmedAt <= killedAt!, keyToKillMs: killedAt! - keyAt! };
}

// A trace would try to read from browsers that were killed on purpose.
test.use({ trace: 'off' });

test.describe('a crash right after grading', () => {
  test.skip(({ isMobile }) => isMobile, 'One crash loop covers both projects.');

  test(`SIGKILL right after a grade, ${ITERATIONS} times: no grade the app showed as saved is lost`, async ({ browserName }, testInfo) => {
    test.skip(browserName !== 'chromium', 'The crash loop starts Chromium itself.');
    test.setTimeout(300_000);
    const profile = mkdtempSync(join(tmpdir(), 'flipdeck-crash-'));
    // Grades the app has shown as saved: every one must survive the crash.
    let mustHave = 0;
    const rounds: Round[] = [];
    try {
      for (let iteration = 0; iteration <= ITERATIONS; iteration += 1) {
        const browser = await launchKillable(profile);
        const page = browser.context.pages()[0] ?? (await browser.context.newPage());
        await openSession(page);
        const progress = await readProgress(page);
        expect(progress.reviewLog.length, `grades stored after crash ${iteration}`).toBeGreaterThanOrEqual(mustHave);
        expectConsistent(progress);
        if (iteration === ITERATIONS) {
          browser.killNow();
          await browser.exited;
          break;
        }
        // Even rounds crash the moment the grade shows as saved; odd rounds 0-49 ms after the key.
        const round = await gradeAndKill(browser, page, iteration % 2 === 0 ? 'confirmed' : { delayMs: (iteration * 7) % 50 });
        rounds.push(round);
        mustHave = progress.reviewLog.length + (round.isConfirmed ? 1 : 0);
      }
      expect(rounds.filter((round) => round.isConfirmed).length).toBeGreaterThanOrEqual(ITERATIONS / 2);
      testInfo.annotations.push({
        type: 'crash loop',
        description: rounds.map((r) => `${r.isConfirmed ? 'saved' : 'unsaved'} ${r.keyToKillMs} ms`).join(', '),
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
