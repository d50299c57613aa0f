import { useMemo } from 'react';
import { compareAnswer } from '../../domain/answer/compare-answer';
import './type-answer.css';

export interface TypeAnswerFieldProps {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Enter in the field: reveal the answer. */
  readonly onSubmit: () => void;
}

/** The box a type-in card's answer is typed into, under the question. */
export function TypeAnswerField({ id, value, onChange, onSubmit }: TypeAnswerFieldProps) {
  return (
    <div className="type-answer">
      <label htmlFor={id}>Type the answer</label>
      <input
        id={id}
        type="text"
        value={value}
        autoComplete="off"
        autoCapitalize="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="done"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
            event.preventDefault();
            onSubmit();
          }
        }}
      />
    </div>
  );
}

export interface TypedAnswerComparisonProps {
  readonly expected: string;
  readonly typed: string;
}

/**
 * What was typed against the expected answer, character runs marked as Anki marks them. Wrong
 * characters are <del> (struck through), missing ones <ins> (underlined), right ones plain: the
 * marking is a line style and an element a screen reader can announce, not colour alone.
 */
export function TypedAnswerComparison({ expected, typed }: TypedAnswerComparisonProps) {
  const comparison = useMemo(() => compareAnswer(expected, typed), [expected, typed]);
  return (
    <section className="typed-answer" aria-label="Your typed answer">
      <p className={comparison.isCorrect ? 'typed-answer__verdict typed-answer__verdict--right' : 'typed-answer__verdict typed-answer__verdict--wrong'}>
        {comparison.isCorrect ? '✓ Typed correctly' : '✗ Not quite'}
      </p>
      {comparison.isCorrect ? null : (
        <dl className="typed-answer__lines">
          <dt>You typed</dt>
          <dd className="typed-answer__typed">
            {comparison.typed.length === 0 ? (
              <span className="typed-answer__empty">(nothing)</span>
            ) : (
              comparison.typed.map((run, index) =>
                run.kind === 'good' ? <span key={index}>{run.text}</span> : (
                  <del key={index} className="diff-bad">
                    <span className="visually-hidden">(wrong: </span>
                    {run.text}
                    <span className="visually-hidden">)</span>
                  </del>
                ),
              )
            )}
          </dd>
          <dt>Answer</dt>
          <dd className="typed-answer__expected">
            {comparison.expected.map((run, index) =>
              run.kind === 'good' ? <span key={index}>{run.text}</span> : (
                <ins key={index} className="diff-missing">
                  <span className="visually-hidden">(missed: </span>
                  {run.text}
                  <span className="visually-hidden">)</span>
                </ins>
              ),
            )}
          </dd>
        </dl>
      )}
    </section>
  );
}
