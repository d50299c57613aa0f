import { describe, expect, it } from 'vitest';
import { asDeckId } from '../ids';
import { parseRoute } from '../routes/routes';
import { deckShareUrl } from './share-url';

const c3 = asDeckId('c3-containers-iaas-storage');

/** The route the shared link opens, as the app would read it from `location.hash`. */
const routeOf = (link: string) => parseRoute(new URL(link).hash);

describe('deckShareUrl', () => {
  it.each([
    ['served from the root', 'https://flipdeck.example/', 'https://flipdeck.example/#/deck/c3-containers-iaas-storage'],
    ['served from the root without a trailing slash', 'https://flipdeck.example', 'https://flipdeck.example#/deck/c3-containers-iaas-storage'],
    ['on a GitHub Pages project sub-path', 'https://user.github.io/flipdeck/', 'https://user.github.io/flipdeck/#/deck/c3-containers-iaas-storage'],
    ['on a sub-path with an explicit index.html', 'https://host/app/index.html', 'https://host/app/index.html#/deck/c3-containers-iaas-storage'],
    ['on localhost with a port', 'http://localhost:4173/', 'http://localhost:4173/#/deck/c3-containers-iaas-storage'],
  ])('keeps the page address when %s', (_case, pageHref, link) => {
    expect(deckShareUrl(pageHref, c3)).toBe(link);
  });

  it.each([
    ['the deck list', 'https://user.github.io/flipdeck/#/'],
    ['the same deck', 'https://user.github.io/flipdeck/#/deck/c3-containers-iaas-storage'],
    ['another deck’s study session', 'https://user.github.io/flipdeck/#/deck/other/study'],
    ['an empty hash', 'https://user.github.io/flipdeck/#'],
    ['a hash holding a ? and another #', 'https://user.github.io/flipdeck/#/deck/a?b#c'],
  ])('replaces the hash of %s', (_case, pageHref) => {
    expect(deckShareUrl(pageHref, c3)).toBe('https://user.github.io/flipdeck/#/deck/c3-containers-iaas-storage');
  });

  it('drops the query string, so tracking or private parameters are not passed on', () => {
    expect(deckShareUrl('https://host/app/index.html?utm_source=chat&token=secret#/deck/x', c3)).toBe(
      'https://host/app/index.html#/deck/c3-containers-iaas-storage',
    );
    expect(deckShareUrl('https://host/app/?', c3)).toBe('https://host/app/#/deck/c3-containers-iaas-storage');
  });

  it.each(['deck/with?odd#chars', 'a b & c', 'deck%20already-escaped', 'ünïcødé-Ελληνικά', '日本語'])(
    'encodes the id %j so the link parses back to the same deck',
    (rawId) => {
      const deckId = asDeckId(rawId);
      const link = deckShareUrl('https://user.github.io/flipdeck/', deckId);
      expect(link.startsWith('https://user.github.io/flipdeck/#/deck/')).toBe(true);
      expect(link).not.toMatch(/\s/);
      // Exactly one '#': the id cannot end the address early or start a second fragment.
      expect(link.split('#')).toHaveLength(2);
      expect(routeOf(link)).toEqual({ name: 'deck', deckId });
    },
  );

  it('gives a link whose hash parses back to the deck, from every kind of page', () => {
    for (const pageHref of ['https://flipdeck.example/', 'https://user.github.io/flipdeck/#/deck/x/study', 'https://host/app/index.html?q=1']) {
      expect(routeOf(deckShareUrl(pageHref, c3))).toEqual({ name: 'deck', deckId: c3 });
    }
  });
});
