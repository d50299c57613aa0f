export interface NotFoundProps {
  readonly what: string;
}

/** A link that leads nowhere: say so, and offer the way back. */
export function NotFound({ what }: NotFoundProps) {
  return (
    <section className="not-found" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{what} not found</h1>
      <p>The link may be mistyped, or the deck may have been removed from this site.</p>
      <p>
        <a className="button button--primary" href="#/">Go to your decks</a>
      </p>
    </section>
  );
}
