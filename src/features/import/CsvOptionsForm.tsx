import { DELIMITERS, DELIMITER_NAMES, type Delimiter, type DelimitedOptions } from '../../domain/import/parse-delimited';

export interface CsvOptionsFormProps {
  readonly options: DelimitedOptions;
  readonly onChange: (options: DelimitedOptions) => void;
}

/** The detected delimiter and header, which the user can correct; the preview re-parses at once. */
export function CsvOptionsForm({ options, onChange }: CsvOptionsFormProps) {
  return (
    <fieldset className="csv-options">
      <legend>How the file is split</legend>
      <label>
        Delimiter{' '}
        <select value={options.delimiter} onChange={(event) => onChange({ ...options, delimiter: event.target.value as Delimiter })}>
          {DELIMITERS.map((delimiter) => (
            <option key={delimiter} value={delimiter}>
              {DELIMITER_NAMES[delimiter]}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={options.hasHeader} onChange={(event) => onChange({ ...options, hasHeader: event.target.checked })} /> First row is a
        header
      </label>
    </fieldset>
  );
}
