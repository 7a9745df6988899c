/** The programme's UI languages as the options of a select, each named in itself. */
import type { Programme } from '../core/programme';

export function LanguageOptions({ programme }: { programme: Programme }) {
  return (
    <>
      {programme.languages.map((l) => (
        <option value={l.id} lang={l.id}>
          {l.name}
        </option>
      ))}
    </>
  );
}
