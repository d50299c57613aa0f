/**
 * Lazy chunk: syntax highlighting of fenced code blocks that name a language, by highlight.js
 * grammars through lowlight, which returns hast: tokens become `<span class="hljs-…">`, coloured
 * by code.css (a light and a dark theme), never by inline styles. Only the languages below are
 * bundled, the ones a computing course uses most; a block in any other language stays plain.
 */
import type { Element, Root } from 'hast';
import { createLowlight } from 'lowlight';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import css from 'highlight.js/lib/languages/css';
import diff from 'highlight.js/lib/languages/diff';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import go from 'highlight.js/lib/languages/go';
import ini from 'highlight.js/lib/languages/ini';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import kotlin from 'highlight.js/lib/languages/kotlin';
import makefile from 'highlight.js/lib/languages/makefile';
import plaintext from 'highlight.js/lib/languages/plaintext';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';
import type { FeaturePlugins } from './features';
import './code.css';

/** The bundled grammars, by highlight.js name; their aliases (js, ts, py, sh, html, yml, …) work too. */
export const HIGHLIGHT_LANGUAGES = {
  bash, c, cpp, csharp, css, diff, dockerfile, go, ini, java, javascript, json, kotlin, makefile,
  plaintext, python, rust, shell, sql, typescript, xml, yaml,
};

const lowlight = createLowlight(HIGHLIGHT_LANGUAGES);

const LANGUAGE_CLASS = 'language-';

function languageOf(code: Element): string | undefined {
  const classes = code.properties['className'];
  if (!Array.isArray(classes)) return undefined;
  const name = classes.find((c): c is string => typeof c === 'string' && c.startsWith(LANGUAGE_CLASS));
  return name?.slice(LANGUAGE_CLASS.length).toLowerCase();
}

function highlightBlocks(parent: Root | Element): void {
  for (const child of parent.children) {
    if (child.type !== 'element') continue;
    const code = child.tagName === 'pre' ? child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code') : undefined;
    const language = code ? languageOf(code) : undefined;
    if (code && language !== undefined && lowlight.registered(language)) {
      const source = code.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      code.children = lowlight.highlight(language, source).children as Element['children'];
      code.properties['className'] = [...(code.properties['className'] as string[]), 'hljs'];
      continue;
    }
    highlightBlocks(child);
  }
}

const rehypeHighlightCode = () => (tree: Root) => highlightBlocks(tree);

export const codePlugins: FeaturePlugins = { remark: [], rehype: [rehypeHighlightCode] };
