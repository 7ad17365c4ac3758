import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { setApiLanguage } from "./api";

export type Language = "ja" | "en";

// Every JSON file under i18n/<lang>/ is a namespace named after the file (common, parties, …).
const files = import.meta.glob<{ default: Record<string, unknown> }>("../i18n/*/*.json", { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, mod] of Object.entries(files)) {
  const match = /\.\.\/i18n\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, lang, ns] = match as unknown as [string, string, string];
  resources[lang] ??= {};
  resources[lang][ns] = mod.default;
}

const STORAGE_KEY = "sekimori.lang";

/** The language before login: the last one chosen on this browser, else Japanese. */
export function initialLanguage(): Language {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === "en" ? "en" : "ja";
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: "ja",
  defaultNS: "common",
  ns: Object.keys(resources.ja ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});
setApiLanguage(i18n.language);
document.documentElement.lang = i18n.language;

/** Switches the UI language and remembers it on this browser. */
export async function changeLanguage(lang: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  setApiLanguage(lang);
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}

export default i18n;
