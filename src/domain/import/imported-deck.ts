/**
 * What every import parser returns, and the shared steps after parsing: content-based card
 * ids for formats without ids, a final check through the deck-file rules, turning the result
 * into a stored user deck, and the "what will change" comparison the preview shows.
 */
import { cardsToFileEntries } from '../deck/deck-schema.ts';
import { DeckError } from '../deck/errors.ts';
import { MAX_CARD_TEXT_LENGTH, MAX_DECK_ID_LENGTH, MAX_TITLE_LENGTH } from '../deck/deck-schema.ts';
import { parseDeckStrict } from '../deck/check-clozes.ts';
import type { ParseDeckOptions } from '../deck/parse-deck.ts';
import type { Occlusion } from '../deck/occlusion.ts';
import type { Card, Deck } from '../deck/types.ts';
import { mediaPath, slugify, type UserDeckOrigin } from '../deck/user-deck.ts';
import { ImportError, type ImportIssue } from './import-error.ts';
import type { AnkiHistory } from './anki-history.ts';

/**
 * The most cards one import accepts (an Anki package counts its subdecks' too). The study queue,
 * the card browser and search are built for decks of this size; a larger one is refused with
 * a message, before its cards are converted.
 */
export const MAX_IMPORT_CARDS = 50_000;

/** The refusal of an import over MAX_IMPORT_CARDS. */
export const tooManyCardsError = (source: string, count: number): ImportError =>
  new ImportError('too-large', source, [
    { message: `${source}: ${count.toLocaleString('en')} cards; the limit is ${MAX_IMPORT_CARDS.toLocaleString('en')} cards per import. Split it into smaller decks (in Anki: export each subdeck on its own).` },
  ]);

/** An image that belongs to an imported deck; cards refer to it as `![](media/<name>)`. */
export interface ImportedMedia {
  readonly name: string;
  readonly mimeType: string;
  readonly bytes: Uint8Array;
}

export { mediaPath } from '../deck/user-deck.ts';

/** A parsed import, before it is stored: the preview shows it, "Add" stores it. */
export interface ImportedDeck {
  /** Kebab-case; the stored id is `user.<slug>`, so importing the same deck again updates it. */
  readonly slug: string;
  readonly title: string;
  readonly description: string;
  readonly cards: readonly Card[];
  readonly origin: UserDeckOrigin;
  /** Rows or cards that were skipped or changed, each naming its line or card. */
  readonly warnings: readonly ImportIssue[];
  /** Images the cards show (Anki packages); absent for text formats. */
  readonly media?: readonly ImportedMedia[];
  /** Review history and scheduling that can come along (Anki packages). */
  readonly history?: AnkiHistory;
  /**
   * Subdecks (an Anki package spread over "Course::Week 1", "Course::Week 2"): each becomes a
   * deck of its own under this one, which holds only the cards directly in it (maybe none).
   * Parents come before their subdecks.
   */
  readonly subdecks?: readonly ImportedSubdeck[];
}

/** One subdeck of an import: its deck path below the import's own deck, and its cards. */
export interface ImportedSubdeck {
  /** ["Week 1"], or ["Part A", "Week 1"] two levels down; the last level is its title. */
  readonly path: readonly string[];
  readonly title: string;
  readonly cards: readonly Card[];
}

/** One deck an import writes: the import's own deck first, then each subdeck. */
export interface ImportedFamilyMember {
  readonly slug: string;
  /** Absent for the import's own deck. */
  readonly parentSlug?: string;
  readonly title: string;
  readonly description: string;
  readonly cards: readonly Card[];
  /** The images this deck's cards show. */
  readonly media?: readonly ImportedMedia[];
}

/** Every card of an import, its subdecks' included. */
export const familyCards = (imported: Pick<ImportedDeck, 'cards' | 'subdecks'>): Card[] => [...imported.cards, ...(imported.subdecks ?? []).flatMap((sub) => sub.cards)];

const SLUG_HASH_LENGTH = 8;

/**
 * The slug of a subdeck: the import's slug and the subdeck's path ("biology-week-1"), so an
 * import retargeted at an existing deck finds that deck's subdecks again. Too long for an id, or
 * taken by a sibling whose name folds the same way, it ends in a hash of the path instead.
 */
export function subdeckSlug(rootSlug: string, path: readonly string[], taken: ReadonlySet<string> = new Set()): string {
  const plain = `${rootSlug}-${slugify(path.join(' '))}`;
  if (plain.length <= MAX_DECK_ID_LENGTH && !taken.has(plain)) return plain;
  const hash = fnv1a(path.join('\u001f'), 0x811c9dc5).toString(36).padStart(SLUG_HASH_LENGTH - 1, '0');
  return `${rootSlug.slice(0, MAX_DECK_ID_LENGTH - SLUG_HASH_LENGTH - 2).replace(/-+$/, '')}-h${hash}`;
}

/** The decks an import writes, with their slugs, parents and images. */
export function importedFamily(imported: ImportedDeck): ImportedFamilyMember[] {
  const mediaFor = (cards: readonly Card[]) => {
    if (imported.media === undefined) return {};
    // An occlusion card's image is in its occlusion, not its text.
    const text = cards.map((card) => `${card.front}\n${card.back}\n${card.occlusion?.image ?? ''}`).join('\n');
    return { media: imported.media.filter((file) => text.includes(mediaPath(file.name))) };
  };
  const root: ImportedFamilyMember = { slug: imported.slug, title: imported.title, description: imported.description, cards: imported.cards, ...mediaFor(imported.cards) };
  const slugByPath = new Map<string, string>();
  const taken = new Set([imported.slug]);
  const members = [root];
  for (const sub of imported.subdecks ?? []) {
    const slug = subdeckSlug(imported.slug, sub.path, taken);
    taken.add(slug);
    slugByPath.set(sub.path.join('\u001f'), slug);
    const parentSlug = sub.path.length === 1 ? imported.slug : slugByPath.get(sub.path.slice(0, -1).join('\u001f')) ?? imported.slug;
    members.push({ slug, parentSlug, title: sub.title, description: '', cards: sub.cards, ...mediaFor(sub.cards) });
  }
  return members;
}

/** A card before ids are settled: `id` is the author's, when the format has one. */
export interface DraftCard {
  readonly id?: string;
  readonly front: string;
  readonly back: string;
  readonly tags?: readonly string[];
  /** A type-in card (Anki's `{{type:Field}}`): the student types the back before it is shown. */
  readonly typeAnswer?: true;
  /** An image occlusion card (Anki's Image Occlusion note type). */
  readonly occlusion?: Occlusion;
  /** Where it came from, for messages: "line 12" or "card 3". */
  readonly where: string;
  readonly line?: number;
}

/** FNV-1a over UTF-16 code units, 32 bits, from a given offset basis. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A stable card id from a card's front, for formats without ids: the same front gives the same
 * id on every import, so re-importing a corrected back keeps the card's progress. 64 bits from
 * two FNV-1a passes keep accidental collisions out of reach for decks of this size.
 */
export function contentCardId(front: string): string {
  const normalized = front.trim().replace(/\s+/g, ' ').toLowerCase();
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `h-${hex(fnv1a(normalized, 0x811c9dc5))}${hex(fnv1a(normalized, 0x01000193))}`;
}

/**
 * Settles ids and checks sizes: drafts without an id get a content id (a repeated front gets
 * "-2", "-3"...), a side over the length limit is skipped with a warning, and at least one card
 * must remain.
 * @throws ImportError `no-cards` or `too-large`
 */
export function finishDraftCards(drafts: readonly DraftCard[], source: string, warnings: ImportIssue[]): Card[] {
  if (drafts.length > MAX_IMPORT_CARDS) throw tooManyCardsError(source, drafts.length);
  const used = new Set<string>();
  const cards: Card[] = [];
  for (const draft of drafts) {
    const tooLong = ([['front', draft.front], ['back', draft.back]] as const).find(([, text]) => text.length > MAX_CARD_TEXT_LENGTH);
    if (tooLong) {
      warnings.push(issue(source, draft, `the ${tooLong[0]} is ${tooLong[1].length} characters; the limit is ${MAX_CARD_TEXT_LENGTH}. Card skipped.`));
      continue;
    }
    let id = draft.id ?? contentCardId(draft.front);
    if (used.has(id)) {
      if (draft.id !== undefined) {
        warnings.push(issue(source, draft, `the card id "${draft.id}" is used twice; this card was given a new id.`));
      }
      let n = 2;
      while (used.has(`${id}-${n}`)) n += 1;
      id = `${id}-${n}`;
    }
    used.add(id);
    cards.push({ id: id as Card['id'], front: draft.front, back: draft.back, tags: draft.tags ?? [], ...(draft.typeAnswer ? { typeAnswer: draft.typeAnswer } : {}), ...(draft.occlusion ? { occlusion: draft.occlusion } : {}) });
  }
  if (cards.length === 0) {
    throw new ImportError('no-cards', source, [{ message: `${source}: no cards found.` }, ...warnings.slice(0, 10)]);
  }
  return cards;
}

function issue(source: string, draft: DraftCard, text: string): ImportIssue {
  return { ...(draft.line === undefined ? {} : { line: draft.line }), message: `${source}: ${draft.where}: ${text}` };
}

/** A title cut to the deck-file limit. */
export const clampTitle = (title: string): string => title.trim().slice(0, MAX_TITLE_LENGTH).trim();

/** The title a file name suggests: "spanish_verbs.csv" -> "spanish verbs". */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).at(-1) ?? fileName;
  const title = clampTitle(base.replace(/\.[A-Za-z0-9]+$/, '').replace(/[_]+/g, ' '));
  return title === '' ? 'Imported deck' : title;
}

/**
 * Builds the imported deck and runs it through the deck-file rules, so whatever is stored
 * reads back through the same parser as bundled decks.
 * @throws ImportError `invalid-deck`
 */
export function buildImportedDeck(
  fields: Omit<ImportedDeck, 'slug' | 'warnings'> & { readonly slug?: string },
  source: string,
  warnings: readonly ImportIssue[],
  options: ParseDeckOptions = {},
): ImportedDeck {
  const slug = fields.slug ?? slugify(fields.title);
  try {
    const deck = parseDeckStrict(
      { schemaVersion: 1, id: slug, title: fields.title, description: fields.description, cards: cardsToFileEntries(fields.cards) },
      source,
      options,
    );
    return { slug, title: deck.title, description: deck.description, cards: deck.cards, origin: fields.origin, warnings };
  } catch (error) {
    if (error instanceof DeckError) throw new ImportError('invalid-deck', source, error.issues, { cause: error });
    throw error;
  }
}

const sameOcclusion = (a: Card, b: Card) => JSON.stringify(a.occlusion) === JSON.stringify(b.occlusion);

/** What adding an import changes in an existing deck, by card id. */
export interface DeckChange {
  readonly isNewDeck: boolean;
  readonly added: number;
  /** Same id, different text: progress is kept. */
  readonly changed: number;
  readonly unchanged: number;
  /** In the stored deck but not in the import: they leave the study queue, their history stays. */
  readonly removed: number;
}

/**
 * Compares an import (its subdecks included) with the stored deck it would update (or with
 * nothing); `existing` holds the cards of that deck and of its subdecks.
 */
export function compareWithExisting(imported: ImportedDeck, existing: Pick<Deck, 'cards'> | undefined): DeckChange {
  const old = new Map((existing?.cards ?? []).map((card) => [card.id, card]));
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  const incoming = familyCards(imported);
  for (const card of incoming) {
    const before = old.get(card.id);
    if (before === undefined) added += 1;
    else if (before.front === card.front && before.back === card.back && before.tags.join('\n') === card.tags.join('\n') && sameOcclusion(before, card)) unchanged += 1;
    else changed += 1;
  }
  const kept = new Set(incoming.map((card) => card.id));
  const removed = [...old.keys()].filter((id) => !kept.has(id)).length;
  return { isNewDeck: existing === undefined, added, changed, unchanged, removed };
}
