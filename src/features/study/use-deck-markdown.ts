import { useEffect, useMemo, useState } from 'react';
import type { Card } from '../../domain/deck/types';
import type { CardId } from '../../domain/ids';
import type { StudyQueue } from '../../domain/queue/queue';
import { featuresInCards, loadedPlugins, loadFeatures } from '../../components/markdown/features';

/** The cards today's queue may show: at most the daily limits plus the learning cards. */
function queuedCards(queue: StudyQueue, cardOf: (cardId: CardId) => Card | undefined): Card[] {
  const cards: Card[] = [];
  const add = (cardId: CardId) => {
    const card = cardOf(cardId);
    if (card) cards.push(card);
  };
  for (const entry of queue.learning) add(entry.cardId);
  queue.review.forEach(add);
  queue.fresh.forEach(add);
  return cards;
}

/**
 * Whether the Markdown plugins (tables, maths, highlighting) that the cards of today's queue need
 * have loaded, so the first card shows complete rather than plain and then restyled. Only the
 * queue is scanned, never the whole deck: a few hundred cards at most, however large the deck. A
 * queue that needs none, or whose plugins are already in, is ready on the first render; a failed
 * load counts as ready (cards then show plain, which beats no card). Once ready, it stays ready
 * for the session: a card that later needs another plugin waits hidden for that moment alone
 * rather than blanking the screen.
 */
export function useQueueMarkdownReady(queue: StudyQueue | undefined, cardOf: (cardId: CardId) => Card | undefined): boolean {
  const features = useMemo(() => (queue ? featuresInCards(queuedCards(queue, cardOf)) : []), [queue, cardOf]);
  const isLoaded = loadedPlugins(features) !== null;
  const [settled, setSettled] = useState<readonly string[] | null>(null);
  const [wasReady, setWasReady] = useState(false);
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
  const isReady = queue !== undefined && (isLoaded || settled === features);
  if (isReady && !wasReady) setWasReady(true);
  return isReady || wasReady;
}
