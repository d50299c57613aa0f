import { plainPreview } from '../domain/browse/card-search';
import type { AnkiHistory } from '../domain/import/anki-history';
import { plural } from '../domain/stats/format';
import { familyCards, type DeckChange, type ImportedDeck } from '../domain/import/imported-deck';
import { ImportWarnings } from './ImportProblems';
import './import-preview.css';

export interface ImportPreviewProps {
  readonly deck: ImportedDeck;
  readonly change: DeckChange;
  /** The title of the deck this import would update, when there is one. */
  readonly existingTitle?: string;
}

const PREVIEW_CARDS = 5;

/** Plain text for the preview table: card text is untrusted and not rendered here, and Markdown marks are not what the card says. */
const short = (markdown: string) => plainPreview(markdown, 140);

/** "1,204 reviews of 310 cards; 12 cards scheduled from their Anki interval; 3 suspended". */
function historySummary(history: AnkiHistory): string {
  const parts = [
    history.reviewCount === 0 ? 'no reviews' : `${plural(history.reviewCount, 'review')} of ${plural(history.reviewedCardCount, 'card')}`,
    ...(history.fromIntervalCount > 0 ? [`${plural(history.fromIntervalCount, 'card')} scheduled from their Anki interval and ease`] : []),
    ...(history.suspendedCount > 0 ? [`${history.suspendedCount} suspended`] : []),
    ...(history.buriedCount > 0 ? [`${history.buriedCount} buried`] : []),
  ];
  return parts.join('; ');
}

/** What an import holds and what adding it would change; nothing has been written yet. */
export function ImportPreview({ deck, change, existingTitle }: ImportPreviewProps) {
  const cards = familyCards(deck);
  return (
    <section className="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">Preview: {deck.title}</h2>
      <dl className="import-preview__facts">
        <dt>Cards</dt>
        <dd data-testid="preview-card-count">{cards.length}</dd>
        {deck.subdecks && deck.subdecks.length > 0 ? (
          <>
            <dt>Subdecks</dt>
            <dd data-testid="preview-subdecks">
              {plural(deck.subdecks.length, 'subdeck')}, each a deck of its own under “{existingTitle ?? deck.title}”:{' '}
              {deck.subdecks.map((sub) => `${sub.path.join(' / ')} (${plural(sub.cards.length, 'card')})`).join(', ')}
            </dd>
          </>
        ) : null}
        {deck.media && deck.media.length > 0 ? (
          <>
            <dt>Images</dt>
            <dd>{deck.media.length}, kept on this device so they show offline</dd>
          </>
        ) : null}
        {deck.history ? (
          <>
            <dt>Review history</dt>
            <dd data-testid="preview-history">{historySummary(deck.history)}</dd>
          </>
        ) : null}
        <dt>Adding it will</dt>
        <dd>
          {change.isNewDeck
            ? 'create a new deck in your decks.'
            : `update your deck “${existingTitle ?? deck.title}” in place: ${change.added} new, ${change.changed} changed, ${change.unchanged} unchanged, ${change.removed} removed from the package. Progress on cards that stay is kept.`}
        </dd>
      </dl>
      <table className="import-preview__cards">
        <caption>
          First {Math.min(PREVIEW_CARDS, cards.length)} of {plural(cards.length, 'card')}
        </caption>
        <thead>
          <tr>
            <th scope="col">Front</th>
            <th scope="col">Back</th>
          </tr>
        </thead>
        <tbody>
          {cards.slice(0, PREVIEW_CARDS).map((card) => (
            <tr key={card.id}>
              <td>{short(card.front)}</td>
              <td>{short(card.back)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ImportWarnings messages={deck.warnings.map((w) => w.message)} />
    </section>
  );
}
