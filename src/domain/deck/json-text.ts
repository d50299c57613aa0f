/**
 * JSON.parse for files a person wrote: a failure names the file and, when the engine gives an
 * offset, the line and column an editor would show.
 *
 * Imports name their `.ts` files because the Vite config loads this module through
 * scripts/vite-plugin-decks.ts, and Vite's native config loader needs explicit extensions.
 */
import { DeckError } from './errors.ts';

/** 1-based line and column of a UTF-16 offset, as editors show them. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/**
 * JSON.parse with a message that names the file and the line. A leading byte-order mark is
 * ignored because some editors on Windows save one and JSON.parse rejects it.
 * @throws DeckError `invalid-json`
 */
export function parseJsonText(text: string, source: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new DeckError('invalid-json', source, [{ message: `${source}: not valid JSON: the file is empty` }]);
  }
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(reason)?.[1];
    let where = '';
    if (position !== undefined) {
      const { line, column } = lineAndColumn(body, Number(position));
      where = ` at line ${line}, column ${column}`;
    }
    throw new DeckError('invalid-json', source, [{ message: `${source}: not valid JSON${where}: ${reason}` }], {
      cause: error,
    });
  }
}
