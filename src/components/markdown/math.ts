/**
 * Lazy chunk: `$…$` and `$$…$$` maths, rendered as MathML by Temml.
 *
 * MathML rather than HTML+CSS: browsers render it natively and screen readers read it, it needs no
 * web fonts (nothing is fetched, so it works offline), and it needs no inline styles, which the
 * CSP (`style-src 'self'`) forbids. Temml builds a tree of its own nodes; this module turns that
 * tree straight into hast elements, so no HTML string is ever parsed. The conversion keeps MathML
 * elements, their attributes and classes, and drops everything else: inline styles (a colour
 * becomes the `mathcolor` attribute), links and images, which Temml emits only for commands that
 * need `trust` (\href, \url, \includegraphics), left off.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkMath from 'remark-math';
import temml from 'temml';
import type { FeaturePlugins } from './features';
import './math.css';

// Bounds on what a hostile formula can make the renderer do: \rule sizes and macro expansion.
const RENDER_OPTIONS = { throwOnError: false, trust: false, strict: false, maxSize: [20, 20] as [number, number], maxExpand: 1000 } as const;

/** Temml's output nodes, as far as this conversion reads them. */
interface TemmlNode {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly href?: unknown;
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly classes?: readonly unknown[];
  readonly style?: Readonly<Record<string, unknown>>;
  readonly children?: readonly TemmlNode[];
}

const MATHML_TAG = /^(?:math|m[a-z]+|semantics|annotation|annotation-xml|none|mprescripts)$/;
const SAFE_ATTRIBUTE = /^[a-z][a-z-]*$/;
const UNSAFE_ATTRIBUTE = /^(?:on|href$|src$|xlink|style$|xmlns)/;
const COLOUR = /^(?:#[0-9a-f]{3,8}|[a-z]+)$/i;

function toHast(node: TemmlNode): ElementContent[] {
  if (typeof node.text === 'string') return [{ type: 'text', value: node.text }];
  const children = (node.children ?? []).flatMap(toHast);
  // A fragment, an error span, or a link/image only trust would allow: keep the content alone.
  if (typeof node.type !== 'string' || !MATHML_TAG.test(node.type)) {
    const isError = node.classes?.includes('temml-error') === true;
    return isError ? [{ type: 'element', tagName: 'span', properties: { className: ['math-error'] }, children }] : children;
  }
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (SAFE_ATTRIBUTE.test(name) && !UNSAFE_ATTRIBUTE.test(name) && (typeof value === 'string' || typeof value === 'number')) {
      properties[name] = String(value);
    }
  }
  const colour = node.style?.['color'];
  if (typeof colour === 'string' && COLOUR.test(colour)) properties['mathcolor'] = colour;
  const classes = (node.classes ?? []).filter((c): c is string => typeof c === 'string' && c !== '');
  if (classes.length > 0) properties['className'] = classes;
  return [{ type: 'element', tagName: node.type, properties, children }];
}

/** The MathML for one formula, as hast. */
export function renderMath(tex: string, isDisplay: boolean): ElementContent {
  let content: ElementContent[];
  try {
    content = toHast(temml.__renderToMathMLTree(tex, { ...RENDER_OPTIONS, displayMode: isDisplay }) as TemmlNode);
  } catch (error) {
    // Temml reports TeX errors as an error node, but some malformed input makes it throw instead
    // (a TypeError deep in its parser): show the source, never break the card.
    const reason = error instanceof Error ? error.message : String(error);
    content = [{ type: 'element', tagName: 'span', properties: { className: ['math-error'] }, children: [{ type: 'text', value: `${tex}\n\n${reason}` }] }];
  }
  return {
    type: 'element',
    // A span either way: `$$…$$` written inside a paragraph is display maths in a <p>.
    tagName: 'span',
    properties: { className: ['math', isDisplay ? 'math-display' : 'math-inline'] },
    children: content,
  };
}

const hasClass = (element: Element, name: string): boolean => {
  const value = element.properties['className'];
  return Array.isArray(value) && value.includes(name);
};

const textOf = (element: Element): string =>
  element.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('');

/** remark-math leaves `<code class="math-inline">` and `<pre><code class="math-display">`; replace each with MathML. */
function replaceMath(parent: Root | Element): void {
  parent.children.forEach((child: RootContent, index) => {
    if (child.type !== 'element') return;
    const code = child.tagName === 'pre' && child.children.length === 1 ? child.children[0] : child;
    if (code?.type === 'element' && code.tagName === 'code') {
      const isDisplay = hasClass(code, 'math-display');
      if (isDisplay || hasClass(code, 'math-inline')) {
        parent.children[index] = renderMath(textOf(code), isDisplay);
        return;
      }
    }
    replaceMath(child);
  });
}

const rehypeMathml = () => (tree: Root) => replaceMath(tree);

interface MdNode {
  type: string;
  position?: { start: { offset?: number } };
  data?: { hProperties?: Record<string, unknown> };
  children?: MdNode[];
}

/**
 * remark-math reads `$$x$$` on one line as inline maths (display maths needs `$$` on lines of its
 * own); authors mean display, as in LaTeX and Anki, so a formula written with two dollars is shown
 * as display maths wherever it stands.
 */
const remarkDoubleDollarDisplay = () => (tree: MdNode, file: { value: unknown }) => {
  const source = String(file.value);
  const visit = (node: MdNode): void => {
    const start = node.position?.start.offset;
    if (node.type === 'inlineMath' && start !== undefined && source.startsWith('$$', start)) {
      node.data = { ...node.data, hProperties: { ...node.data?.hProperties, className: ['language-math', 'math-display'] } };
    }
    node.children?.forEach(visit);
  };
  visit(tree);
};

export const mathPlugins: FeaturePlugins = { remark: [remarkMath, remarkDoubleDollarDisplay], rehype: [rehypeMathml] };
