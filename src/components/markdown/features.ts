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
// `http(s)://` or an `@`, footnotes `[^`.
const GFM_HINT = /[|~@]|\[[ xX]\]|www\.|https?:\/\/|\[\^/;
const MATH_HINT = /\$/;
// A fenced block that names a language (```js, ~~~ python), at any indentation or quote depth.
const CODE_HINT = /(?:^|\n)[ \t>*+-]*(?:`{3,}|~{3,})[ \t]*[\w+#.-]/;

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
  if (GFM_HINT.test(text)) features.push('gfm');
  if (MATH_HINT.test(text)) features.push('math');
  if (CODE_HINT.test(text)) features.push('code');
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
  const wanted = new Set<MarkdownFeature>();
  for (const text of texts) {
    for (const feature of featuresOf(text)) wanted.add(feature);
    if (wanted.size === FEATURE_ORDER.length) break;
  }
  return FEATURE_ORDER.filter((feature) => wanted.has(feature));
}

/**
 * Loads every feature any of `texts` needs, so cards render complete on first show (a study
 * session calls it with its deck before the first card).
 */
export function preloadMarkdown(texts: Iterable<string>): Promise<void> {
  return loadFeatures(featuresIn(texts));
}
