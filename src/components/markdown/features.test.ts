import { describe, expect, it } from 'vitest';
import { featuresOf } from './features';

describe('featuresOf', () => {
  it('asks for nothing on plain Markdown, so a plain deck downloads no plugin', () => {
    expect(featuresOf('**Docker** uses containerd, which uses runc.\n\n- one\n- two\n\n`inline code` and\n\n    indented code')).toEqual([]);
  });

  it('asks for the table parser on a pipe, strikethrough, task lists and bare links', () => {
    expect(featuresOf('| a | b |\n| - | - |')).toEqual(['gfm']);
    expect(featuresOf('~~old~~')).toEqual(['gfm']);
    expect(featuresOf('- [ ] todo')).toEqual(['gfm']);
    expect(featuresOf('see https://example.org')).toEqual(['gfm']);
  });

  it('asks for maths on a dollar sign and for the highlighter only on a fence that names a language', () => {
    expect(featuresOf('$x^2$')).toEqual(['math']);
    expect(featuresOf('```\nplain\n```')).toEqual([]);
    expect(featuresOf('```js\nx\n```')).toEqual(['code']);
    expect(featuresOf('> - ~~~ python\n  > x\n  > ~~~')).toEqual(['gfm', 'code']);
    expect(featuresOf('| $n$ |\n\n```sql\nselect 1\n```')).toEqual(['gfm', 'math', 'code']);
  });
});
