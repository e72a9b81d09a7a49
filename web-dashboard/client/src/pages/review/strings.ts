// The review pages' words in the dashboard's two languages (dictionaries in ./i18n).
import { translate, type Lang } from "../../i18n";
import { en } from "./i18n/en";
import { zhCN, type ReviewKey } from "./i18n/zh-CN";

export type { ReviewKey };
export type ReviewT = (key: ReviewKey, values?: Record<string, string | number>) => string;

/** A translator that also fills {name} placeholders. */
export function reviewT(lang: Lang): ReviewT {
  const t = translate({ "zh-CN": zhCN, en }, lang);
  return (key, values) => values ? t(key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : t(key);
}
