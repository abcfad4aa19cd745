import { FormEvent, useEffect, useState } from 'react';
import { useI18n } from '../lib/i18n';

/** The shop's search box (home and search pages): submits the trimmed text, empty when there is none. */
export function SearchBar({
  id,
  initial = '',
  onSearch,
}: {
  id: string;
  initial?: string;
  onSearch: (text: string) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(initial);
  useEffect(() => setText(initial), [initial]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search-bar" onSubmit={submit}>
      <label className="visually-hidden" htmlFor={id}>
        {t('search.label')}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('search.placeholder')}
        enterKeyHint="search"
      />
      <button type="submit">{t('search.submit')}</button>
    </form>
  );
}
