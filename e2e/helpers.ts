import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

export const C3_DECK_ID = 'c3-containers-iaas-storage';

interface DeckFile {
  readonly title: string;
  readonly cards: readonly { readonly id: string; readonly front: string; readonly back: string }[];
}

/** The bundled C3 deck as the tests expect to see it. */
export const c3Deck: DeckFile = JSON.parse(readFileSync(new URL(`../decks/${C3_DECK_ID}.json`, import.meta.url), 'utf8')) as DeckFile;

/** The first line of a card's Markdown front, as plain text, for matching what the card shows. */
export const frontText = (index: number): string => {
  const card = c3Deck.cards[index];
  if (!card) throw new Error(`The C3 deck has no card ${index}`);
  return card.front.split('\n')[0]!.replace(/[*_`#]/g, '').trim();
};

/** The deck tile on the deck list. */
export const deckTile = (page: Page, title = c3Deck.title) => page.getByRole('article', { name: title });

/** The New / Learning / Due figure shown for a deck tile. */
export async function tileCount(page: Page, label: 'New' | 'Learning' | 'Due', title = c3Deck.title): Promise<number> {
  const value = deckTile(page, title).locator('.deck-counts__item').filter({ hasText: label }).locator('dd');
  return Number(await value.textContent());
}

/** Opens the C3 deck's study session through a deep link and waits for the first card. */
export async function openStudy(page: Page): Promise<void> {
  await page.goto(`./#/deck/${C3_DECK_ID}/study`);
  await expect(page.getByRole('region', { name: 'Question' })).toBeVisible();
}

export const question = (page: Page) => page.getByRole('region', { name: 'Question' });
export const answer = (page: Page) => page.getByRole('region', { name: 'Answer' });
export const gradeButton = (page: Page, label: 'Again' | 'Hard' | 'Good' | 'Easy') =>
  page.getByRole('group', { name: 'How well did you know it?' }).getByRole('button', { name: new RegExp(`^${label}:`) });

/**
 * Turns "Bury new siblings" off for all decks, as a student may, so a test studies a note's cards
 * (a card and its reverse, a note's clozes or occlusions) in one session rather than a day apart.
 */
export async function studyNewSiblingsTogether(page: Page): Promise<void> {
  await page.goto('./#/settings');
  await page.getByLabel(/^Bury new siblings/).uncheck();
  await page.getByRole('button', { name: 'Save for all decks' }).click();
  await expect(page.getByText(/^Saved\./)).toBeVisible();
}
