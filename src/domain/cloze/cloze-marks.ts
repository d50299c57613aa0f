/**
 * The characters a revealed cloze uses to mark where the blank or the answer goes in the card's
 * Markdown, for the renderer to turn into elements (no raw HTML). They are Unicode noncharacters,
 * reserved for a program's internal use, and are removed from card text before marks are added.
 */
export const CLOZE_MARKS = {
  blankStart: '\uFDD0',
  blankEnd: '\uFDD1',
  answerStart: '\uFDD2',
  answerEnd: '\uFDD3',
} as const;

/** Matches any cloze mark. */
export const CLOZE_MARK_PATTERN = /[\uFDD0-\uFDD3]/g;
