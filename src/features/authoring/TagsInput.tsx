import { useId, useState, type KeyboardEvent } from 'react';

export interface TagsInputProps {
  readonly tags: readonly string[];
  /** The deck's existing tags, offered as the student types (a native <datalist>). */
  readonly suggestions: readonly string[];
  readonly onChange: (tags: string[]) => void;
}

/**
 * Tags as removable chips plus one text field: Enter, comma or space adds what was typed, and
 * Backspace in an empty field removes the last tag. Suggestions come from a <datalist>, which
 * browsers expose to assistive technology as a combobox's list.
 */
export function TagsInput({ tags, suggestions, onChange }: TagsInputProps) {
  const [text, setText] = useState('');
  const listId = useId();
  const inputId = useId();

  function add(raw: string) {
    const tag = raw.trim().replace(/,$/, '');
    if (tag !== '' && !tags.includes(tag)) onChange([...tags, tag]);
    setText('');
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === ',' || event.key === ' ') {
      if (text.trim() === '') return;
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  }

  return (
    <div className="tags-input">
      <label htmlFor={inputId}>Tags</label>
      <ul className="tags-input__chips" aria-label="Tags on this card">
        {tags.map((tag) => (
          <li key={tag} className="tags-input__chip">
            {tag}
            <button type="button" className="tags-input__remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={inputId}
        list={listId}
        value={text}
        autoComplete="off"
        placeholder="Type a tag, then Enter"
        onChange={(event) => {
          const value = event.target.value;
          // Picking a suggestion fills the field with it whole: take it as a tag at once.
          if (suggestions.includes(value) && value.length > text.length + 1) add(value);
          else setText(value);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => add(text)}
      />
      <datalist id={listId}>
        {suggestions.filter((tag) => !tags.includes(tag)).map((tag) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
    </div>
  );
}
