import { forwardRef } from 'react';
import { describeInterval, formatInterval } from '../../domain/scheduling/format-interval';
import { RATINGS, type GradePreview, type Rating } from '../../domain/scheduling/types';

const LABELS: Readonly<Record<Rating, string>> = { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' };

export interface GradeBarProps {
  readonly preview: GradePreview;
  /** The moment the intervals are measured from (epoch ms). */
  readonly fromMs: number;
  readonly isDisabled: boolean;
  readonly onGrade: (rating: Rating) => void;
}

/** The four answer buttons, each with the interval it would schedule (as Anki shows them). */
export const GradeBar = forwardRef<HTMLButtonElement, GradeBarProps>(function GradeBar(
  { preview, fromMs, isDisabled, onGrade },
  goodButtonRef,
) {
  return (
    <div className="grade-bar" role="group" aria-label="How well did you know it?">
      {RATINGS.map((rating, index) => {
        const dueAt = preview[rating].dueAt;
        return (
          <button
            key={rating}
            type="button"
            ref={rating === 'good' ? goodButtonRef : undefined}
            className={`grade-button grade-button--${rating}`}
            disabled={isDisabled}
            aria-label={`${LABELS[rating]}: next review ${describeInterval(fromMs, dueAt)} (key ${index + 1})`}
            onClick={() => onGrade(rating)}
          >
            <span className="grade-button__interval" aria-hidden="true">{formatInterval(fromMs, dueAt)}</span>
            <span className="grade-button__label" aria-hidden="true">{LABELS[rating]}</span>
            <kbd className="grade-button__key" aria-hidden="true">{index + 1}</kbd>
          </button>
        );
      })}
    </div>
  );
});
