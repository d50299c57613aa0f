import { useEffect, useMemo, useState } from 'react';
import type { Deck } from '../../domain/deck/types';
import { featuresIn, loadedPlugins, loadFeatures } from '../../components/markdown/features';

function* deckTexts(deck: Deck): Generator<string> {
  for (const card of deck.cards) {
    yield card.front;
    yield card.back;
  }
}

/**
 * Whether the Markdown plugins the deck's cards need (tables, maths, highlighting) have loaded, so
 * the first card shows complete rather than plain and then restyled. A deck that needs none, or
 * whose plugins are already in, is ready on the first render. A failed load counts as ready:
 * cards then show plain, which beats no card.
 */
export function useDeckMarkdownReady(deck: Deck | undefined): boolean {
  const features = useMemo(() => (deck ? featuresIn(deckTexts(deck)) : []), [deck]);
  const isLoaded = loadedPlugins(features) !== null;
  const [settled, setSettled] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (isLoaded) return undefined;
    let isCurrent = true;
    const done = () => {
      if (isCurrent) setSettled(features);
    };
    loadFeatures(features).then(done, done);
    return () => {
      isCurrent = false;
    };
  }, [features, isLoaded]);
  return deck !== undefined && (isLoaded || settled === features);
}
