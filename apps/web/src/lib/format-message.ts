/**
 * Fills a message's `{name}` placeholders, and chooses among plural forms written the ICU way,
 * `{count, plural, one {# result} other {# results}}`, by the language's own rules (Intl.PluralRules): English says
 * "1 result" and "2 results", Chinese has one form. `#` in a form stands for the number.
 */
export function formatMessage(text: string, vars: Record<string, string | number> = {}, locale = 'en'): string {
  const plurals = new Intl.PluralRules(locale);
  const withPlurals = text.replace(
    /\{(\w+), plural,((?:\s*[=\w]+\s*\{[^{}]*\})+)\s*\}/g,
    (whole, name: string, forms: string) => {
      const value = Number(vars[name]);
      if (!Number.isFinite(value)) return whole;
      const choices = new Map([...forms.matchAll(/([=\w]+)\s*\{([^{}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
      const form = choices.get(`=${value}`) ?? choices.get(plurals.select(value)) ?? choices.get('other') ?? '';
      return form.replaceAll('#', String(value));
    },
  );
  return withPlurals.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
