/**
 * Card Markdown as the HTML an Anki field holds. Anki fields are HTML; Flipdeck's cards are
 * Markdown without raw HTML, so the text is escaped first and only the constructs cards use are
 * turned into tags: paragraphs and line breaks, bold, italics, code, links, lists, headings and
 * images (`![](media/cell.png)` -> `<img src="cell.png">`, the name Anki's media map gives) and
 * sounds (`![hola.mp3](media/hola.mp3)` -> `[sound:hola.mp3]`).
 * Anything else (tables, maths) stays as its escaped source text, readable in Anki.
 *
 * Plain text, the common case, takes a fast path: a 10,000-card deck is 20,000 fields.
 */

import { soundTypeOf } from '../deck/media-types';

export const escapeHtml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/** Characters that may start Markdown syntax; a field without them is plain text. */
const MARKDOWN_SYNTAX = /[*_`[\]!#>\\~|$-]|^\s*\d+[.)]\s|\n/m;

const decodeMediaName = (path: string): string | null => {
  if (!path.startsWith('media/')) return null;
  try {
    return decodeURIComponent(path.slice('media/'.length));
  } catch {
    return null;
  }
};

/** Inline Markdown of one line (already HTML-escaped) as HTML. */
function inline(escaped: string, mediaNames: Set<string>): string {
  const codeSpans: string[] = [];
  // Code first, so nothing inside it is read as Markdown.
  let html = escaped.replace(/`([^`]+)`/g, (_whole, code: string) => {
    codeSpans.push(`<code>${code}</code>`);
    return `\uE000${codeSpans.length - 1}\uE001`;
  });
  html = html
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, _alt: string, path: string) => {
      const name = decodeMediaName(path.replaceAll('&amp;', '&'));
      if (name === null || !mediaNames.has(name)) return whole;
      // A sound goes back as the tag Anki plays; its name cannot hold "]", which would end the tag.
      if (soundTypeOf(name) !== undefined) return name.includes(']') ? whole : `[sound:${escapeHtml(name)}]`;
      return `<img src="${escapeHtml(name)}">`;
    })
    .replace(/\[([^\]]+)\]\(((?:https?:|mailto:)[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*|__([^_]+)__/g, (_w, a: string | undefined, b: string | undefined) => `<b>${a ?? b}</b>`)
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*|(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, (_w, p1: string | undefined, a: string | undefined, p2: string | undefined, b: string | undefined) =>
      a === undefined ? `${p2 ?? ''}<i>${b}</i>` : `${p1 ?? ''}<i>${a}</i>`,
    )
    .replace(/~~([^~]+)~~/g, '<s>$1</s>')
    .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1');
  return html.replace(/\uE000(\d+)\uE001/g, (_w, i: string) => codeSpans[Number(i)] ?? '');
}

/** The Markdown of a card side as Anki field HTML; `mediaNames` are the images the package carries. */
export function markdownToAnkiHtml(markdown: string, mediaNames: ReadonlySet<string> = new Set()): string {
  const text = markdown.replace(/\r\n?/g, '\n').trim();
  if (!MARKDOWN_SYNTAX.test(text)) return escapeHtml(text);
  const names = new Set(mediaNames);
  const blocks = text.split(/\n\s*\n/);
  const out: string[] = [];
  for (const block of blocks) {
    const lines = block.split('\n');
    if (lines.every((line) => /^\s*[-*+]\s+/.test(line))) {
      out.push(`<ul>${lines.map((line) => `<li>${inline(escapeHtml(line.replace(/^\s*[-*+]\s+/, '')), names)}</li>`).join('')}</ul>`);
    } else if (lines.every((line) => /^\s*\d+[.)]\s+/.test(line))) {
      out.push(`<ol>${lines.map((line) => `<li>${inline(escapeHtml(line.replace(/^\s*\d+[.)]\s+/, '')), names)}</li>`).join('')}</ol>`);
    } else if (lines.length === 1 && /^#{1,6}\s/.test(lines[0]!)) {
      out.push(`<b>${inline(escapeHtml(lines[0]!.replace(/^#{1,6}\s+/, '')), names)}</b>`);
    } else if (/^```/.test(lines[0]!)) {
      out.push(`<pre><code>${escapeHtml(lines.filter((line) => !/^```/.test(line)).join('\n'))}</code></pre>`);
    } else {
      // A line ending in two spaces or a backslash is a hard break; other line breaks are kept too,
      // as Anki's editor would show them.
      out.push(lines.map((line) => inline(escapeHtml(line.replace(/(\s{2,}|\\)$/, '')), names)).join('<br>'));
    }
  }
  // Paragraphs as Anki's editor writes them; a single one needs no wrapper.
  return out.length === 1 ? out[0]! : out.map((block) => (/^<(ul|ol|pre)>/.test(block) ? block : `<div>${block}</div>`)).join('');
}
