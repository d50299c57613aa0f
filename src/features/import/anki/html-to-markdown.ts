/**
 * Field HTML to Markdown, through turndown, parsed by domino (a DOM in plain script) rather than
 * the page's DOMParser: it runs the same in the import worker, which has no DOM, and parsing never
 * touches the page, so nothing in a field (an inline style, an image) is ever applied or fetched.
 */
import domino from '@mixmark-io/domino';
import TurndownService from 'turndown';

/** A converter: one HTML fragment in, Markdown out. */
export function createHtmlToMarkdown(): (html: string) => string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', emDelimiter: '*' });
  // Their text is never card content; everything else is converted or reduced to its text.
  turndown.remove(['script', 'style', 'iframe', 'object', 'embed', 'svg' as keyof HTMLElementTagNameMap]);
  // One document for every field: making a document per field (html, head, body) cost more than
  // parsing the field itself, and a fresh element per field keeps each field's parse on its own.
  const document = domino.createDocument('');
  return (html) => {
    const root = document.createElement('x-fragment');
    root.innerHTML = html;
    return turndown.turndown(root as unknown as HTMLElement);
  };
}
