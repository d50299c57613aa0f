import { plainPreview } from '../../domain/browse/card-search';
import type { DeckChange, ImportedDeck } from '../../domain/import/imported-deck';
import { ImportWarnings } from './ImportProblems';

export interface ImportPreviewProps {
  readonly deck: ImportedDeck;
  readonly change: DeckChange;
  /** The title of the deck this import would update, when there is one. */
  readonly existingTitle?: string;
}

const PREVIEW_CARDS = 5;

/** Plain text for the preview table: card text is untrusted and not rendered here, and Markdown marks are not what the card says. */
const short = (markdown: string) => plainPreview(markdown, 140);

/** What an import holds and what adding it would change; nothing has been written yet. */
export function ImportPreview({ deck, change, existingTitle }: ImportPreviewProps) {
  return (
    <section className="import-preview" aria-labelledby="import-preview-title">
      <h2 id="import-preview-title">Preview: {deck.title}</h2>
      <dl className="import-preview__facts">
        <dt>Cards</dt>
        <dd data-testid="preview-card-count">{deck.cards.length}</dd>
        {deck.media && deck.media.length > 0 ? (
          <>
            <dt>Images</dt>
            <dd>{deck.media.length}, kept on this device so they show offline</dd>
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
          First {Math.min(PREVIEW_CARDS, deck.cards.length)} of {deck.cards.length} cards
        </caption>
        <thead>
          <tr>
            <th scope="col">Front</th>
            <th scope="col">Back</th>
          </tr>
        </thead>
        <tbody>
          {deck.cards.slice(0, PREVIEW_CARDS).map((card) => (
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
