/**
 * Anki notes to Flipdeck cards. Works on an already-read collection (see
 * features/import/anki/read-apkg.ts for the zip/zstd/SQLite side) and is pure: the caller passes
 * the HTML-to-Markdown converter.
 *
 * One Flipdeck card per Anki card (the cards table says which exist), so "Basic (and reversed)"
 * gives two cards and a cloze note one card per cloze number. Templates are rendered with the
 * subset of Anki's template language that decides card text: {{Field}}, {{filter:Field}},
 * {{#Field}}/{{^Field}} sections, {{FrontSide}} and {{cloze:Field}}. The back leaves out the
 * repeated front ({{FrontSide}} and the <hr id=answer> after it), since Flipdeck shows both.
 */
import type { Card } from '../deck/types.ts';
import {
  buildImportedDeck,
  clampTitle,
  type ImportedSubdeck,
  finishDraftCards,
  mediaPath,
  titleFromFileName,
  type DraftCard,
  type ImportedDeck,
  type ImportedMedia,
} from './imported-deck.ts';
import type { ImportIssue } from './import-error.ts';
import { imageTypeOf, mediaTypeOf, soundTypeOf } from '../deck/media-types.ts';
import type { CardId } from '../ids.ts';
import { readAnkiHistory } from './anki-history.ts';
import { guidSlug } from './parse-delimited.ts';
import { parseAnkiOcclusions } from './anki-occlusion.ts';
import type { Occlusion } from '../deck/occlusion.ts';

export interface AnkiNotetype {
  readonly id: number;
  readonly isCloze: boolean;
  /** Notetype.Config.original_stock_kind (schema 11: "originalStockKind"): 6 is Image Occlusion; 0 when unsaid. */
  readonly originalStockKind?: number;
  readonly fieldNames: readonly string[];
  readonly templates: readonly { readonly ord: number; readonly questionFormat: string; readonly answerFormat: string }[];
}

export interface AnkiNote {
  readonly id: number;
  readonly guid: string;
  readonly notetypeId: number;
  readonly fields: readonly string[];
  readonly tags: readonly string[];
}

/**
 * One row of Anki's cards table, as far as Flipdeck reads it. For a card in a filtered deck the
 * reader has already put back its home deck (odid) and its home due (odue).
 */
export interface AnkiCard {
  /** Anki's card id (its creation time in ms); revlog rows name cards by it. */
  readonly id: number;
  readonly noteId: number;
  readonly ord: number;
  readonly deckId: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  readonly type: number;
  /** -3 buried by the user, -2 buried as a sibling, -1 suspended, 0 new, 1 learning, 2 review, 3 day learning, 4 preview. */
  readonly queue: number;
  /** Review cards: the day number (days since the collection's creation); learning: epoch seconds; new: a position. */
  readonly due: number;
  /** The current interval in days (review cards). */
  readonly intervalDays: number;
  /** The ease, in permille (2500 = 250 %); 0 for new cards. */
  readonly easePermille: number;
  readonly reps: number;
  readonly lapses: number;
  /** When the card last changed, epoch seconds (for a suspended card, usually when it was suspended). */
  readonly modifiedSecs: number;
}

/** One row of Anki's revlog (rslib/src/revlog/mod.rs). */
export interface AnkiRevlogEntry {
  /** When the card was answered, epoch ms (also the row's id). */
  readonly id: number;
  readonly cardId: number;
  /** The button: 1 Again, 2 Hard, 3 Good, 4 Easy; 0 for a manual entry (reset, set due date). */
  readonly ease: number;
  /** The interval given, in days (negative: seconds). */
  readonly intervalDays: number;
  /** The interval before, same units. */
  readonly lastIntervalDays: number;
  /** The ease after the answer, permille; 0 on a reset or a cram review. */
  readonly easePermille: number;
  /** Time taken to answer, ms. */
  readonly takenMs: number;
  /** 0 learning, 1 review, 2 relearning, 3 filtered (cram), 4 manual, 5 rescheduled. */
  readonly kind: number;
}

export interface AnkiCollection {
  readonly notetypes: readonly AnkiNotetype[];
  readonly notes: readonly AnkiNote[];
  readonly cards: readonly AnkiCard[];
  /** col.crt: the collection's creation, epoch seconds; review-card due days count from its day. */
  readonly createdSecs: number;
  /** The scheduler version the collection last used (1: three-button learning); 2 when unsaid. */
  readonly schedulerVersion: number;
  /** Every revlog row, oldest first. */
  readonly revlog: readonly AnkiRevlogEntry[];
  readonly deckNames: ReadonlyMap<number, string>;
  /** The package's media files by name, of every type (filtered to safe images here). */
  readonly media: ReadonlyMap<string, Uint8Array>;
}

const CLOZE = /\{\{c(\d+)::([\s\S]*?)(?:::([\s\S]*?))?\}\}/g;

/** Cloze text for card `clozeNumber`: hidden on the front, bold on the back; other clozes show plainly. */
export function renderCloze(text: string, clozeNumber: number, side: 'front' | 'back'): string {
  return text.replace(CLOZE, (_whole, n: string, answer: string, hint: string | undefined) => {
    if (Number(n) !== clozeNumber) return answer;
    if (side === 'back') return `<b>${answer}</b>`;
    return hint ? `[${hint}]` : '[...]';
  });
}

const isBlank = (html: string) => html.replace(/<[^>]*>|&nbsp;/g, '').trim() === '';

/** Renders one side of an Anki template with a note's fields. */
export function renderTemplate(
  template: string,
  fields: ReadonlyMap<string, string>,
  context: { readonly frontSide: string; readonly clozeNumber: number; readonly side: 'front' | 'back' },
): string {
  let html = template;
  // Sections, innermost first, until none are left (they may nest).
  const section = /\{\{([#^])([^}]+?)\}\}([\s\S]*?)\{\{\/\2\}\}/;
  for (let guard = 0; guard < 100 && section.test(html); guard += 1) {
    html = html.replace(section, (_whole, kind: string, name: string, body: string) => {
      const isFilled = !isBlank(fields.get(name.trim()) ?? '');
      return (kind === '#') === isFilled ? body : '';
    });
  }
  return html.replace(/\{\{([^{}]+?)\}\}/g, (_whole, tag: string) => {
    const parts = tag.trim().split(':');
    const name = parts.at(-1)!.trim();
    const filters = parts.slice(0, -1).map((f) => f.trim());
    if (name === 'FrontSide') return context.frontSide;
    // {{type:Field}}: Anki's answer box on the front; on the back, where Anki shows the comparison,
    // the expected answer itself (Flipdeck draws its own box and comparison for a type-in card).
    if (filters.includes('type')) return context.side === 'back' && !filters.includes('cloze') ? (fields.get(name) ?? '') : '';
    const value = fields.get(name) ?? '';
    if (filters.includes('cloze')) return renderCloze(value, context.clozeNumber, context.side);
    return value;
  });
}

/**
 * The answer side without the repeated question Anki puts at its top: everything up to the
 * `<hr id=answer>` divider ({{FrontSide}}, or the front's fields repeated as in the stock
 * "Basic (type in the answer)").
 */
function answerOnly(html: string): string {
  const divider = /<hr id=["']?answer["']?\s*\/?>/i.exec(html);
  return divider === null ? html : html.slice(divider.index + divider[0].length);
}

/** `{{type:Field}}` on a question (not `{{type:cloze:Text}}`): the student types the answer. */
const asksTypedAnswer = (questionFormat: string): boolean => /\{\{\s*type:(?!\s*cloze:)[^}]+\}\}/.test(questionFormat);

/**
 * Points images and sounds at the deck's stored media (src="cell.png" -> media/cell.png) and
 * removes what cannot be shown or played: other types (SVG above all) and files missing from the
 * package. A sound becomes an image node naming a sound file, which the card renders as a play
 * button (components/Markdown.tsx).
 */
function linkMedia(html: string, media: ReadonlyMap<string, Uint8Array>, used: Set<string>): { html: string; dropped: number } {
  let dropped = 0;
  const linked = html
    .replace(/<img\b[^>]*>/gi, (tag) => {
      const match = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag);
      const name = decodeEntitiesLite(match?.[1] ?? match?.[2] ?? match?.[3] ?? '');
      if (!media.has(name) || imageTypeOf(name) === undefined) {
        dropped += 1;
        return '';
      }
      used.add(name);
      return `<img src="${mediaPath(name)}" alt="">`;
    })
    .replace(/\[sound:([^\]]*)\]/g, (_whole, file: string) => {
      const name = decodeEntitiesLite(file.trim());
      if (!media.has(name) || soundTypeOf(name) === undefined) {
        dropped += 1;
        return '';
      }
      used.add(name);
      return `<img src="${mediaPath(name)}" alt="${escapeAttribute(name)}">`;
    });
  return { html: linked, dropped };
}

/**
 * The HTML without its style attributes. Anki's editor writes them everywhere; Markdown has no
 * place for them, and merely parsing one in the app (as the HTML-to-Markdown step does) makes the
 * browser report a CSP violation, since the app allows no inline styles. Quoted values may hold
 * ">", so tags are matched quote by quote.
 */
export function withoutStyleAttributes(html: string): string {
  return html.replace(/<[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi, (tag) =>
    tag.replace(/\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi, ''),
  );
}

const escapeAttribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

const decodeEntitiesLite = (text: string) => text.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** A deck's name as its levels: schema 18 separates them with U+001F, older collections with "::". */
const deckPath = (name: string): string[] => name.split('\u001f').join('::').split('::').map((level) => level.trim());

/** The deck path each card is in, by card index; undefined for a deck the collection does not name. */
function cardDeckPaths(collection: AnkiCollection): (string[] | undefined)[] {
  return collection.cards.map((card) => {
    const name = collection.deckNames.get(card.deckId);
    return name === undefined ? undefined : deckPath(name);
  });
}

/** The deepest deck holding every card: "Course" for Course::Week 1 and Course::Week 2. */
function commonDeckPath(paths: readonly (readonly string[] | undefined)[]): readonly string[] {
  const named = paths.filter((path) => path !== undefined);
  let common = named[0] ?? [];
  for (const path of named) {
    let depth = 0;
    while (depth < common.length && depth < path.length && common[depth] === path[depth]) depth += 1;
    common = common.slice(0, depth);
  }
  return common;
}

/** The import's own deck's title: the deck path ("Biology / Cells"); Anki's "Default", or no common deck, gives way to the file name. */
const rootTitle = (common: readonly string[], source: string): string =>
  common.length === 0 || (common.length === 1 && common[0] === 'Default') ? titleFromFileName(source) : clampTitle(common.join(' / '));

const PATH_KEY_SEPARATOR = '\u001f';
const levelTitle = (level: string) => clampTitle(level) || 'Untitled deck';

/**
 * The subdecks the cards are in, below `common`, with every level between (Course::Part A::Week 1
 * makes "Part A" too, even without cards of its own), parents first and in Anki's name order.
 */
function splitIntoSubdecks(cards: readonly Card[], relativePathOf: (cardId: string) => readonly string[], source: string): { own: Card[]; subdecks: ImportedSubdeck[] } {
  const byPath = new Map<string, Card[]>();
  const own: Card[] = [];
  for (const card of cards) {
    const path = relativePathOf(card.id);
    if (path.length === 0) {
      own.push(card);
      continue;
    }
    for (let depth = 1; depth <= path.length; depth += 1) {
      const key = path.slice(0, depth).join(PATH_KEY_SEPARATOR);
      if (!byPath.has(key)) byPath.set(key, []);
    }
    byPath.get(path.join(PATH_KEY_SEPARATOR))!.push(card);
  }
  const keys = [...byPath.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' }));
  const subdecks = keys.map((key) => {
    const path = key.split(PATH_KEY_SEPARATOR);
    const title = levelTitle(path.at(-1)!);
    const checked = buildImportedDeck({ title, description: '', cards: byPath.get(key)!, origin: 'apkg' }, source, [], { mayGroupOnly: true });
    return { path, title: checked.title, cards: checked.cards };
  });
  return { own, subdecks };
}

/** StockNotetype.OriginalStockKind.ORIGINAL_STOCK_KIND_IMAGE_OCCLUSION (proto/anki/notetypes.proto). */
const IMAGE_OCCLUSION_STOCK_KIND = 6;

/**
 * Anki's Image Occlusion note type: by its stock kind, or, where a collection does not say it
 * (a copy made before 23.10 kept the kind), a cloze type whose template runs the occlusion script.
 */
export const isImageOcclusionNotetype = (notetype: AnkiNotetype): boolean =>
  notetype.originalStockKind === IMAGE_OCCLUSION_STOCK_KIND ||
  (!notetype.originalStockKind && notetype.isCloze && notetype.templates.some((t) => /setupImageCloze|image-occlusion/.test(t.questionFormat)));

const imageSource = (html: string): string | undefined => {
  const match = /<img\b[^>]*\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(html);
  const name = match?.[1] ?? match?.[2] ?? match?.[3];
  return name === undefined ? undefined : decodeEntitiesLite(name);
};

/**
 * One Image Occlusion card's mask data, or why it cannot be shown. Fields are read by position, as
 * Anki does (rslib/src/image_occlusion/imagedata.rs): Occlusion, Image, Header, Back Extra, Comments.
 */
function occlusionOfCard(
  fields: readonly string[],
  ordinal: number,
  media: ReadonlyMap<string, Uint8Array>,
): { readonly occlusion: Occlusion; readonly imageName: string; readonly problems: readonly string[] } | { readonly skip: string; readonly problems: readonly string[] } {
  const { shapes, hidesAll, problems } = parseAnkiOcclusions(fields[0] ?? '');
  const name = imageSource(fields[1] ?? '');
  if (name === undefined || !media.has(name) || imageTypeOf(name) === undefined) {
    return { skip: `its image (${name === undefined ? 'no <img> in the Image field' : `"${name}"`}) is missing from the package or not a PNG, JPEG, GIF, WebP or AVIF`, problems };
  }
  if (!shapes.some((shape) => shape.ordinal === ordinal)) return { skip: `its Occlusion field has no shape for c${ordinal}`, problems };
  return { occlusion: { image: mediaPath(name), ordinal, mode: hidesAll.has(ordinal) ? 'hide-all' : 'hide-one', shapes }, imageName: name, problems };
}

/**
 * Turns a read collection into a previewable deck.
 * @throws ImportError `no-cards` or `invalid-deck`
 */
export function ankiCollectionToDeck(collection: AnkiCollection, source: string, htmlToMarkdown: (html: string) => string): ImportedDeck {
  const notetypes = new Map(collection.notetypes.map((nt) => [nt.id, nt]));
  const notes = new Map(collection.notes.map((note) => [note.id, note]));
  const warnings: ImportIssue[] = [];
  const drafts: DraftCard[] = [];
  /** Anki card id by draft card id, to carry each card's history to the card it became. */
  const ankiCardOf = new Map<string, number>();
  let droppedMedia = 0;
  const usedMedia = new Set<string>();
  const paths = cardDeckPaths(collection);
  // Cards in subdecks go to a deck each, under the deck that holds them all. Anki exports a deck
  // with all its subdecks, empty ones too, so the package's decks say which deck that is (the
  // cards alone might all sit in one subdeck); "Default" only counts when cards are in it.
  const usedDecks = new Set(collection.cards.map((card) => card.deckId));
  const exportedDecks = [...collection.deckNames].filter(([id, name]) => name !== 'Default' || usedDecks.has(id)).map(([, name]) => deckPath(name));
  const common = commonDeckPath([...paths, ...exportedDecks]);
  const relativePathOfDraft = new Map<string, readonly string[]>();
  const occlusionNotesSeen = new Set<number>();

  collection.cards.forEach((card, index) => {
    const where = `card ${index + 1}`;
    const note = notes.get(card.noteId);
    const notetype = note === undefined ? undefined : notetypes.get(note.notetypeId);
    if (note === undefined || notetype === undefined) {
      warnings.push({ cardNumber: index + 1, message: `${source}: ${where}: its note or note type is missing from the collection. Card skipped.` });
      return;
    }
    const fields = new Map(notetype.fieldNames.map((name, i) => [name, note.fields[i] ?? '']));
    const template = notetype.isCloze ? notetype.templates[0] : notetype.templates.find((t) => t.ord === card.ord);
    if (template === undefined) {
      warnings.push({ cardNumber: index + 1, message: `${source}: ${where}: note type has no template ${card.ord + 1}. Card skipped.` });
      return;
    }
    const clozeNumber = card.ord + 1;
    const id = `anki-${guidSlug(note.guid)}-${card.ord}`;
    const pushDraft = (frontHtml: string, backHtml: string, extra: Pick<DraftCard, 'occlusion' | 'typeAnswer'>) => {
      ankiCardOf.set(id, card.id);
      relativePathOfDraft.set(id, (paths[index] ?? common).slice(common.length));
      const front = htmlToMarkdown(withoutStyleAttributes(frontHtml)).trim();
      const back = htmlToMarkdown(withoutStyleAttributes(backHtml)).trim();
      // An occlusion card's back is its figure; any other card needs text to show.
      drafts.push({ id, front, back: back || (extra.occlusion ? '' : '(empty)'), tags: note.tags, where, ...extra });
    };
    if (isImageOcclusionNotetype(notetype)) {
      const read = occlusionOfCard(note.fields, clozeNumber, collection.media);
      // A note's shape problems are listed once, with the first of its cards.
      if (!occlusionNotesSeen.has(note.id)) {
        occlusionNotesSeen.add(note.id);
        for (const problem of read.problems) warnings.push({ cardNumber: index + 1, message: `${source}: ${where}: ${problem}` });
      }
      if ('skip' in read) {
        warnings.push({ cardNumber: index + 1, message: `${source}: ${where}: image occlusion card skipped: ${read.skip}.` });
        return;
      }
      usedMedia.add(read.imageName);
      const header = linkMedia(note.fields[2] ?? '', collection.media, usedMedia);
      const backExtra = linkMedia(note.fields[3] ?? '', collection.media, usedMedia);
      droppedMedia += header.dropped + backExtra.dropped;
      pushDraft(header.html, backExtra.html, { occlusion: read.occlusion });
      return;
    }
    const frontHtml = renderTemplate(template.questionFormat, fields, { frontSide: '', clozeNumber, side: 'front' });
    const backHtml = answerOnly(renderTemplate(template.answerFormat, fields, { frontSide: '', clozeNumber, side: 'back' }));
    const front = linkMedia(frontHtml, collection.media, usedMedia);
    const back = linkMedia(backHtml, collection.media, usedMedia);
    droppedMedia += front.dropped + back.dropped;
    pushDraft(front.html, back.html, !notetype.isCloze && asksTypedAnswer(template.questionFormat) ? { typeAnswer: true } : {});
  });

  const usable = drafts.filter((draft, index) => {
    if (draft.front !== '' || draft.occlusion !== undefined) return true;
    warnings.push({ message: `${source}: ${draft.where}: the front is empty once rendered (an image-only or empty field). Card skipped.`, cardNumber: index + 1 });
    return false;
  });
  if (droppedMedia > 0) {
    warnings.push({
      message: `${source}: ${droppedMedia} media file(s) were left out, missing from the package or of a type Flipdeck does not keep (it shows PNG, JPEG, GIF, WebP and AVIF images, and plays MP3, M4A, AAC, OGG, Opus, WAV, FLAC and WebM sounds; never SVG).`,
    });
  }
  const cards = finishDraftCards(usable, source, warnings);
  const media: ImportedMedia[] = [...usedMedia].map((name) => ({ name, mimeType: mediaTypeOf(name)!, bytes: collection.media.get(name)! }));
  // A card whose id was changed (a repeated guid) stays in the import's own deck.
  const { own, subdecks } = splitIntoSubdecks(cards, (cardId) => relativePathOfDraft.get(cardId) ?? [], source);
  const deck = buildImportedDeck({ title: rootTitle(common, source), description: '', cards: own, origin: 'apkg' }, source, warnings, { mayGroupOnly: subdecks.length > 0 });
  const cardIds = new Map<number, CardId>();
  for (const card of cards) {
    const ankiCard = ankiCardOf.get(card.id);
    if (ankiCard !== undefined) cardIds.set(ankiCard, card.id);
  }
  return { ...deck, media, history: readAnkiHistory(collection, cardIds), ...(subdecks.length > 0 ? { subdecks } : {}) };
}
