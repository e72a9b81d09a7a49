// The Templates page's own words, in both languages the dashboard speaks (dictionaries in ./i18n).
import type { Lang } from "../../i18n";
import { en, type Strings } from "./i18n/en";
import { zhCN } from "./i18n/zh-CN";

export type { Strings };

export const dictionaries: Record<Lang, Strings> = { "zh-CN": zhCN, en };

export function stringsFor(lang: Lang): Strings {
  return dictionaries[lang];
}

/** Fills {name} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
