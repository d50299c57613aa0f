/**
 * Markdown deck files (format in docs/import-export.md):
 *
 *   # Deck title
 *   Optional description.
 *
 *   ## Front of the first card {#optional-card-id}
 *   The back, any Markdown, as many lines as needed.
 *
 * Headings inside fenced code blocks are card text, not structure. Without an explicit id a
 * card's id comes from its front, so importing an edited file again keeps progress.
 */
import { CARD_ID_PATTERN } from '../deck/deck-schema.ts';
import { buildImportedDeck, clampTitle, finishDraftCards, titleFromFileName, type DraftCard, type ImportedDeck } from './imported-deck.ts';
import type { ImportIssue } from './import-error.ts';

const EXPLICIT_ID = /\s*\{#([^}\s]+)\}\s*$/;

interface OpenCard {
  readonly front: string;
  readonly id?: string;
  readonly line: number;
  readonly number: number;
  readonly body: string[];
}

/**
 * Parses a Markdown deck.
 * @throws ImportError `no-cards` or `invalid-deck`
 */
export function parseMarkdownDeck(text: string, source: string): ImportedDeck {
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/);
  const warnings: ImportIssue[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message: `${source}: line ${line}: ${message}` });

  let title: string | undefined;
  const description: string[] = [];
  const cards: OpenCard[] = [];
  let fence: string | null = null;
  let strayLine: number | undefined;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1]!;
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    }
    const current = cards.at(-1);
    const isStructure = fence === null && !fenceMatch;
    const cardHeading = isStructure ? /^##\s+(.*?)\s*#*\s*$/.exec(raw) : null;
    const titleHeading = isStructure ? /^#\s+(.*?)\s*#*\s*$/.exec(raw) : null;

    if (cardHeading) {
      let front = cardHeading[1]!;
      let id: string | undefined;
      const idMatch = EXPLICIT_ID.exec(front);
      if (idMatch) {
        front = front.slice(0, idMatch.index);
        if (CARD_ID_PATTERN.test(idMatch[1]!)) id = idMatch[1]!;
        else warn(line, `"{#${idMatch[1]}}" is not a valid card id (letters, digits, ".", "_", ":" and "-"); an id from the front is used instead.`);
      }
      cards.push({ front: front.trim(), line, number: cards.length + 1, body: [], ...(id ? { id } : {}) });
    } else if (titleHeading && title === undefined && cards.length === 0) {
      title = titleHeading[1]!;
    } else if (titleHeading && title !== undefined) {
      warn(line, 'a second "# " title; only the first names the deck, so this line is kept as card text.');
      current?.body.push(raw);
    } else if (current) {
      current.body.push(raw);
    } else if (title !== undefined) {
      description.push(raw);
    } else if (raw.trim() !== '') {
      strayLine ??= line;
    }
  });

  if (strayLine !== undefined) warn(strayLine, 'text before the "# " title is ignored.');
  if (title === undefined) {
    warnings.push({ line: 1, message: `${source}: line 1: no "# Title" line, so the deck is named after the file.` });
  }

  const drafts: DraftCard[] = [];
  for (const card of cards) {
    const back = card.body.join('\n').trim();
    const where = `card ${card.number} (line ${card.line})`;
    if (card.front === '') warn(card.line, `card ${card.number} has an empty "## " heading (the front). Card skipped.`);
    else if (back === '') warn(card.line, `card ${card.number} ("${card.front.slice(0, 40)}") has no back: write the answer below the heading. Card skipped.`);
    else drafts.push({ front: card.front, back, where, line: card.line, ...(card.id ? { id: card.id } : {}) });
  }
  if (cards.length === 0) {
    warnings.unshift({ message: `${source}: no "## " headings; each card starts with a line "## front" followed by its back.` });
  }
  const finished = finishDraftCards(drafts, source, warnings);
  const deckTitle = title === undefined || clampTitle(title) === '' ? titleFromFileName(source) : clampTitle(title);
  return buildImportedDeck(
    { title: deckTitle, description: description.join('\n').trim().replace(/\s*\n\s*/g, ' '), cards: finished, origin: 'markdown' },
    source,
    warnings,
  );
}
