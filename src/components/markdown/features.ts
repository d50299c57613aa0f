/**
 * Which optional Markdown syntaxes a card's text may use, and their plugins, loaded on demand.
 * Tables and other GitHub extensions, maths and code highlighting are lazy chunks: a deck whose
 * text never needs one never downloads it. The detection is a cheap over-approximation (a `|`
 * loads the table parser even when it is not a table); it must never miss a text that needs a
 * plugin, or a card would render differently once some other card had loaded it.
 */
import type { PluggableList } from 'unified';

export type MarkdownFeature = 'gfm' | 'math' | 'code';

/** The plugins one feature adds to the pipeline. */
export interface FeaturePlugins {
  readonly remark: PluggableList;
  readonly rehype: PluggableList;
}

// Tables and task lists need `|` or `[ ]`/`[x]`, strikethrough `~`, autolink literals `www.`,
// `http(s)://` or an `@`, footnotes `[^`. Plain substring tests first: a study session runs this
// over every card of its deck, and includes() is several times faster than one regex with
// alternatives (100,000 cards: ~100 ms with the regex on this machine).
const hasGfmHint = (text: string): boolean =>
  text.includes('|') || text.includes('~') || text.includes('@') || text.includes('www.') || text.includes('://') ||
  (text.includes('[') && /\[[ xX]\]|\[\^/.test(text));
// A fenced block that names a language (```js, ~~~ python), at any indentation or quote depth.
const CODE_HINT = /(?:^|\n)[ \t>*+-]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]/;
const hasCodeHint = (text: string): boolean => (text.includes('```') || text.includes('~~~')) && CODE_HINT.test(text);

const loaders: Readonly<Record<MarkdownFeature, () => Promise<FeaturePlugins>>> = {
  gfm: () => import('./gfm').then((module) => module.gfmPlugins),
  math: () => import('./math').then((module) => module.mathPlugins),
  code: () => import('./code').then((module) => module.codePlugins),
};

// Pipeline order: GFM before maths (a `$` inside a table cell is maths), maths before code
// (both read <code> elements; maths takes its own first).
const FEATURE_ORDER: readonly MarkdownFeature[] = ['gfm', 'math', 'code'];

const loaded = new Map<MarkdownFeature, FeaturePlugins>();
const loading = new Map<MarkdownFeature, Promise<FeaturePlugins>>();

/** The features `text` may need, in pipeline order. */
export function featuresOf(text: string): MarkdownFeature[] {
  const features: MarkdownFeature[] = [];
  if (hasGfmHint(text)) features.push('gfm');
  if (text.includes('$')) features.push('math');
  if (hasCodeHint(text)) features.push('code');
  return features;
}

/** The plugins for `features` when every one is loaded, else null. */
export function loadedPlugins(features: readonly MarkdownFeature[]): FeaturePlugins | null {
  const remark: PluggableList = [];
  const rehype: PluggableList = [];
  for (const feature of features) {
    const plugins = loaded.get(feature);
    if (!plugins) return null;
    remark.push(...plugins.remark);
    rehype.push(...plugins.rehype);
  }
  return { remark, rehype };
}

/** Loads the chunks of `features` (each once; a failed load is retried on the next call). */
export async function loadFeatures(features: readonly MarkdownFeature[]): Promise<void> {
  await Promise.all(
    features.map((feature) => {
      const done = loaded.get(feature);
      if (done) return done;
      let pending = loading.get(feature);
      if (!pending) {
        pending = loaders[feature]().then(
          (plugins) => {
            loaded.set(feature, plugins);
            loading.delete(feature);
            return plugins;
          },
          (error: unknown) => {
            loading.delete(feature);
            throw error;
          },
        );
        loading.set(feature, pending);
      }
      return pending;
    }),
  );
}

/** Every feature any of `texts` needs, in pipeline order. Stops scanning once all are wanted. */
export function featuresIn(texts: Iterable<string>): MarkdownFeature[] {
  const wanted = { gfm: false, math: false, code: false };
  for (const text of texts) if (addFeatures(wanted, text)) break;
  return FEATURE_ORDER.filter((feature) => wanted[feature]);
}

/**
 * Every feature the fronts and backs of `cards` need: featuresIn without an iterator per text,
 * since a study session runs it over its whole deck before the first card (100,000 cards here:
 * about 30 ms, against 60 to 130 ms through a generator).
 */
export function featuresInCards(cards: readonly { readonly front: string; readonly back: string }[]): MarkdownFeature[] {
  const wanted = { gfm: false, math: false, code: false };
  for (let index = 0; index < cards.length; index += 1) {
    const card = cards[index] as { readonly front: string; readonly back: string };
    if (addFeatures(wanted, card.front) || addFeatures(wanted, card.back)) break;
  }
  return FEATURE_ORDER.filter((feature) => wanted[feature]);
}

// Every character a hint above starts with or contains: most plain texts have none, and one scan
// with a character class rules them out at once.
const ANY_HINT = /[|~@$[`:]|www\./;

/** Marks what `text` needs; true once every feature is wanted. */
function addFeatures(wanted: Record<MarkdownFeature, boolean>, text: string): boolean {
  if (!ANY_HINT.test(text)) return false;
  if (!wanted.gfm && hasGfmHint(text)) wanted.gfm = true;
  if (!wanted.math && text.includes('$')) wanted.math = true;
  if (!wanted.code && hasCodeHint(text)) wanted.code = true;
  return wanted.gfm && wanted.math && wanted.code;
}

/**
 * Loads every feature any of `texts` needs, so cards render complete on first show (a study
 * session calls it with its deck before the first card).
 */
export function preloadMarkdown(texts: Iterable<string>): Promise<void> {
  return loadFeatures(featuresIn(texts));
}
