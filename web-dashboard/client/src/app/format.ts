import type { LocalizedText } from "../contracts/performance";
import type { Lang } from "../i18n";

export function number(value: number | null | undefined, lang: Lang, digits = 2): string {
  if (value === null || value === undefined) return "—";
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

export function percent(value: number | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "—";
  return `${number(value, lang, 1)}%`;
}

export function time(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "—";
  return new Intl.DateTimeFormat(lang, { dateStyle: "short", timeStyle: "medium" }).format(date);
}

export function text(value: LocalizedText, lang: Lang): string {
  return lang === "en" && value.en ? value.en : value.zh;
}

/** The calendar month of a date as the API writes periods: yyyy-MM. */
export function period(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}`;
}

/** The period `months` before `of` (yyyy-MM). */
export function monthsBefore(of: string, months: number): string {
  const [year, month] = of.split("-").map(Number) as [number, number];
  return period(new Date(year, month - 1 - months, 1));
}
