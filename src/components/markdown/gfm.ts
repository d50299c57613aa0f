/** Lazy chunk: GitHub-flavoured Markdown (tables, strikethrough, task lists, autolinks, footnotes). */
import type { Element, Root } from 'hast';
import remarkGfm from 'remark-gfm';
import type { FeaturePlugins } from './features';

/**
 * Table cells carry their column's alignment as `align`, which the JSX step turns into an inline
 * style (forbidden by the CSP); a class (`align-left|center|right`) says the same through our CSS.
 */
function alignToClass(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const align = child.properties['align'];
    if ((child.tagName === 'td' || child.tagName === 'th') && typeof align === 'string') {
      delete child.properties['align'];
      child.properties['className'] = [`align-${align}`];
    }
    alignToClass(child);
  }
}

const rehypeAlignClasses = () => (tree: Root) => alignToClass(tree);

export const gfmPlugins: FeaturePlugins = { remark: [remarkGfm], rehype: [rehypeAlignClasses] };
