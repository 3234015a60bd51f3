/** The plural forms of a phrase, by Intl.PluralRules category; `#` stands for the number. */
export interface PluralForms {
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

/** Numbers in the phone's locale, for the language tables: "1,863" in English, "1.863" in German. */
export interface Format {
  /** The BCP 47 tag the numbers follow (en-GB, de-CH, pt-BR…). */
  readonly tag: string;
  number(value: number): string;
  /** A whole percent, 0–100: "67%", "67 %" in French and German. */
  percent(value: number): string;
  /** The phrase for this count, its number formatted: plural(3, { one: '# vote', other: '# votes' }). */
  plural(count: number, forms: PluralForms): string;
}

export function formatFor(tag: string): Format {
  const numbers = new Intl.NumberFormat(tag);
  const percents = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const rules = new Intl.PluralRules(tag);
  const number = (value: number) => numbers.format(value);
  return {
    tag,
    number,
    percent: (value) => percents.format(value / 100),
    plural: (count, forms) => (forms[rules.select(count) as keyof PluralForms] ?? forms.other).replace('#', number(count)),
  };
}
