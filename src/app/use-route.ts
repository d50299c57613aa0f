import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../domain/routes/routes';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const getHash = () => window.location.hash;

/** The current hash route; back and forward work because every screen is its own history entry. */
export function useRoute(): Route {
  return parseRoute(useSyncExternalStore(subscribe, getHash, () => ''));
}
