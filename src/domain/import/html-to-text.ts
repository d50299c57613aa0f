/**
 * Field HTML (Anki's "Notes in Plain Text" with HTML on) to Markdown-ish text. This is not a
 * sanitizer and does not need to be one: the result is rendered as Markdown with raw HTML off,
 * so anything left over shows as text and nothing runs. It only keeps the structure readable.
 */
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Whether a field looks like HTML rather than plain text. */
export const looksLikeHtml = (text: string): boolean => /<\/?(?:br|div|p|b|i|u|strong|em|span|ul|ol|li|img|a|sub|sup|font)\b[^>]*>/i.test(text);

/** Decodes the named and numeric character references Anki and Quizlet write. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Converts simple field HTML to Markdown text: breaks, paragraphs, bold, italics, list items. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      // Script and style bodies are never content.
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      // Anki wraps each line after the first in <div>...</div>: the break goes before it.
      .replace(/<(div|p)\b[^>]*>/gi, '\n')
      .replace(/<\/(p|li|ul|ol|h[1-6])\s*>/gi, '\n')
      .replace(/<li\b[^>]*>/gi, '- ')
      .replace(/<\/?(b|strong)\b[^>]*>/gi, '**')
      .replace(/<\/?(i|em)\b[^>]*>/gi, '*')
      .replace(/<img\b[^>]*>/gi, '')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
