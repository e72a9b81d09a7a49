// The review settings page's words in the dashboard's two languages (dictionaries in ./i18n/settings.*).
import { translate, type Lang } from "../../i18n";
import { settingsEn } from "./i18n/settings.en";
import { settingsZhCN, type SettingsKey } from "./i18n/settings.zh-CN";

export type { SettingsKey };
export type SettingsT = (key: SettingsKey, values?: Record<string, string | number>) => string;

/** A translator that also fills {name} placeholders. */
export function settingsT(lang: Lang): SettingsT {
  const t = translate({ "zh-CN": settingsZhCN, en: settingsEn }, lang);
  return (key, values) => values ? t(key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`)) : t(key);
}
