import type { ReactNode } from 'react';
import { Markdown } from './Markdown';
import './flip-card.css';

export interface FlipCardProps {
  readonly front: string;
  readonly back: string;
  readonly isFlipped: boolean;
  /** id for the question face, so the control that reveals the answer can be described by it. */
  readonly frontId?: string;
  /** Called when the student taps the card to reveal the answer. */
  readonly onReveal: () => void;
  /** False when the back already holds the question (a revealed cloze), so it is not shown twice. */
  readonly repeatsQuestion?: boolean;
  /** Shown between the question and the answer on the back: the typed-answer comparison. */
  readonly answerExtra?: ReactNode;
  /** Shown under the question text on each side: an image occlusion card's masked image. */
  readonly frontFigure?: ReactNode;
  readonly backFigure?: ReactNode;
}

/**
 * Displays one card; it does not decide anything. Both faces share one grid cell so the card takes
 * the height of the taller face, and the hidden face is inert so it is neither focusable nor read.
 */
export function FlipCard({ front, back, isFlipped, frontId, onReveal, repeatsQuestion = true, answerExtra, frontFigure, backFigure }: FlipCardProps) {
  return (
    <div className="flip-card" data-flipped={isFlipped} onClick={isFlipped ? undefined : onReveal}>
      <div className="flip-card__inner">
        <section className="flip-card__face flip-card__front" aria-label="Question" inert={isFlipped} aria-hidden={isFlipped}>
          {/* The id is on the content, not the labelled section: a description taken from the section would be just "Question". */}
          <div id={frontId}>
            <Markdown text={front} />
            {frontFigure}
          </div>
        </section>
        <section className="flip-card__face flip-card__back" aria-label="Answer" inert={!isFlipped} aria-hidden={!isFlipped} aria-live="polite">
          {isFlipped ? (
            <>
              {repeatsQuestion ? (
                <>
                  <div className="flip-card__question">
                    <Markdown text={front} />
                    {backFigure}
                  </div>
                  <hr />
                </>
              ) : null}
              {answerExtra}
              <Markdown text={back} />
            </>
          ) : null}
        </section>
      </div>
    </div>
  );
}
