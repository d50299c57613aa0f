import { memo, useContext, useEffect, useMemo, useState } from 'react';
import ReactMarkdown, { defaultUrlTransform, type Components } from 'react-markdown';
import { soundTypeOf } from '../domain/deck/media-types';
import { DeckMediaContext, isDeckMediaPath } from './deck-media';
import { SoundButton } from './SoundButton';
import { rehypeCloze } from './markdown/cloze';
import { featuresOf, loadedPlugins, loadFeatures } from './markdown/features';
import './markdown.css';

/**
 * Renders untrusted card Markdown. Raw HTML is never interpreted (react-markdown shows it as text),
 * and URLs pass defaultUrlTransform, which empties javascript:, data: and other unsafe protocols;
 * a link or image whose URL was emptied renders as its text, not as a dead link to this page.
 * Remote images are not loaded: the app makes no request to another origin, and a tracking pixel in
 * an imported card must not phone home. They render as their alt text with a link instead.
 * `media/<name>` images are the deck's own, stored on the device (imported Anki media); they show
 * from the object URLs in DeckMediaContext and never hit the server. An image node naming a sound
 * file (an Anki `[sound:…]`, or `![name](clip.mp3)` in a deck) is a play button instead.
 */
const components: Components = {
  a: ({ href, children }) => {
    if (!href) return <span className="md-link-blocked">{children}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    if (typeof src === 'string' && soundTypeOf(src) !== undefined && (isDeckMediaPath(src) || isSameOrigin(src))) return <DeckSound path={src} name={alt || src} />;
    if (typeof src === 'string' && isDeckMediaPath(src)) return <DeckImage path={src} alt={alt ?? ''} />;
    if (typeof src === 'string' && src !== '' && isSameOrigin(src)) return <img src={src} alt={alt ?? ''} loading="lazy" />;
    return <span className="md-image-blocked">[image: {alt || 'external image not loaded'}]</span>;
  },
};

function DeckImage({ path, alt }: { readonly path: string; readonly alt: string }) {
  const url = useContext(DeckMediaContext).get(path);
  if (url === undefined) return <span className="md-image-blocked">[image: {alt || 'not available on this device'}]</span>;
  return <img src={url} alt={alt} />;
}

/** A sound (an image node naming an audio file): the deck's stored copy, or a file beside the app. */
function DeckSound({ path, name }: { readonly path: string; readonly name: string }) {
  const stored = useContext(DeckMediaContext).get(path);
  const url = isDeckMediaPath(path) ? stored : path;
  if (url === undefined) return <span className="md-image-blocked">[sound: {name}, not available on this device]</span>;
  return <SoundButton url={url} name={name} />;
}

function isSameOrigin(src: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//');
}

export interface MarkdownProps {
  readonly text: string;
}

type LoadState = 'loading' | 'ready' | 'failed';

/**
 * Card content: Markdown without raw HTML. Tables and the other GitHub extensions, maths and code
 * highlighting are plugins loaded on demand (markdown/features.ts): until the ones this text needs
 * are in, the card renders plain and hidden (no flash of raw table pipes); if they cannot load, it
 * shows plain. Memoised because parsing is the expensive part (a long or deeply nested card takes
 * a noticeable time) and the study screen re-renders on every store change while the text stays
 * the same.
 */
export const Markdown = memo(function Markdown({ text }: MarkdownProps) {
  const features = useMemo(() => featuresOf(text), [text]);
  const plugins = loadedPlugins(features);
  const [loadState, setLoadState] = useState<LoadState>('loading');
  const featureKey = features.join(',');
  const isLoaded = plugins !== null;
  useEffect(() => {
    if (isLoaded) return undefined;
    let isCurrent = true;
    loadFeatures(featureKey === '' ? [] : (featureKey.split(',') as typeof features)).then(
      () => isCurrent && setLoadState('ready'),
      () => isCurrent && setLoadState('failed'),
    );
    return () => {
      isCurrent = false;
    };
  }, [featureKey, isLoaded]);

  const isPending = plugins === null && loadState !== 'failed';
  return (
    <div className={isPending ? 'markdown markdown--pending' : 'markdown'} aria-busy={isPending || undefined}>
      <ReactMarkdown
        components={components}
        urlTransform={defaultUrlTransform}
        remarkPlugins={plugins?.remark}
        rehypePlugins={[...(plugins?.rehype ?? []), rehypeCloze]}
      >
        {text}
      </ReactMarkdown>
    </div>
  );
});
