// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TypeAnswerField, TypedAnswerComparison } from './TypeAnswer';

afterEach(cleanup);

describe('TypedAnswerComparison', () => {
  it('marks wrong characters as deleted and missing ones as inserted, each with a spoken label', () => {
    render(<TypedAnswerComparison expected="runc" typed="rune" />);
    const region = screen.getByRole('region', { name: 'Your typed answer' });
    expect(region.textContent).toContain('Not quite');
    expect(region.querySelector('del.diff-bad')?.textContent).toBe('(wrong: e)');
    expect(region.querySelector('ins.diff-missing')?.textContent).toBe('(missed: c)');
    expect(region.querySelector('.typed-answer__typed')?.textContent).toBe('run(wrong: e)');
  });

  it('says so when the answer was typed right, without the two lines', () => {
    render(<TypedAnswerComparison expected="runc" typed=" runc " />);
    expect(screen.getByRole('region', { name: 'Your typed answer' }).textContent).toBe('✓ Typed correctly');
  });

  it('shows "(nothing)" when nothing was typed', () => {
    render(<TypedAnswerComparison expected="runc" typed="" />);
    expect(screen.getByRole('region', { name: 'Your typed answer' }).querySelector('.typed-answer__typed')?.textContent).toBe('(nothing)');
  });
});

describe('TypeAnswerField', () => {
  it('is labelled, and reveals on Enter without submitting anything', () => {
    const onSubmit = vi.fn();
    const onChange = vi.fn();
    render(<TypeAnswerField id="t" value="ru" onChange={onChange} onSubmit={onSubmit} />);
    const field = screen.getByLabelText('Type the answer');
    fireEvent.change(field, { target: { value: 'run' } });
    expect(onChange).toHaveBeenCalledWith('run');
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
