import { en } from "./en";
import { zhCN, type ShellKey } from "./zh-CN";

export type { ShellKey };
export type Lang = "zh-CN" | "en";

const storageKey = "pulse.lang";

/** zh-CN unless the person chose English before (remembered in localStorage). */
export function savedLang(): Lang {
  try {
    return localStorage.getItem(storageKey) === "en" ? "en" : "zh-CN";
  } catch {
    return "zh-CN";
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(storageKey, lang);
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** A translator over a pair of dictionaries with the same keys (a page's own dictionaries use this too). */
export function translate<K extends string>(dictionaries: { "zh-CN": Readonly<Record<K, string>>; en: Readonly<Record<K, string>> }, lang: Lang): (key: K) => string {
  const dictionary = dictionaries[lang];
  return (key) => dictionary[key] ?? key;
}

export const shellDictionaries = { "zh-CN": zhCN, en } as const;
