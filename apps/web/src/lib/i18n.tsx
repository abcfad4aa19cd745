import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { formatMessage } from './format-message';
import { messages, type MessageKey } from './messages';
import { formatMoney } from './money';

export type Lang = 'zh' | 'en';
const KEY = 'chedun.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Picks the Chinese or English form of a bilingual field, falling back to the other. */
  pick(zh: string | null | undefined, en: string | null | undefined): string;
  formatMoney(amountMinor: number, currency: string): string;
  formatDate(iso: string): string;
}

const I18nContext = createContext<I18n | null>(null);

function initialLang(): Lang {
  const saved = localStorage.getItem(KEY);
  return saved === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(KEY, next);
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    return {
      lang,
      setLang,
      t(key, vars) {
        return formatMessage(messages[lang][key], vars, locale);
      },
      pick(zh, en) {
        return (lang === 'zh' ? zh || en : en || zh) ?? '';
      },
      formatMoney(amountMinor, currency) {
        return formatMoney(locale, amountMinor, currency);
      },
      formatDate(iso) {
        const date = new Date(iso.length === 10 ? `${iso}T00:00:00+08:00` : iso);
        return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Asia/Shanghai' }).format(date);
      },
    };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
