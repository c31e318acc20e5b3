import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";

type Catalogue = typeof en;

const fallbackLanguage = "en";

// Dropping `fr.json` or `ar.json` beside `en.json` is all it takes to add a language;
// they load on demand so the bundle only carries English up front.
const catalogueLoaders: Record<string, () => Promise<Catalogue>> = Object.fromEntries(
  Object.entries(import.meta.glob<Catalogue>(["./*.json", "!./en.json"], { import: "default" })).map(
    ([path, load]) => [path.replace(/^\.\/(.+)\.json$/, "$1"), load],
  ),
);

const languageTagPattern = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/** Languages that have a catalogue in `src/i18n/`. */
export const availableLanguages = [fallbackLanguage, ...Object.keys(catalogueLoaders)];

/**
 * `?lang=xx` wins so any language (and right-to-left layout) can be tested even before
 * its catalogue exists; otherwise the browser's first language we have a catalogue for.
 */
export function detectLanguage(search: string, preferred: readonly string[]): string {
  const forced = new URLSearchParams(search).get("lang");
  if (forced && languageTagPattern.test(forced)) return forced;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split("-")[0] ?? "";
    if (availableLanguages.includes(tag)) return tag;
    if (availableLanguages.includes(base)) return base;
  }
  return fallbackLanguage;
}

function applyDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
  document.documentElement.dir = i18n.dir(language);
}

async function loadCatalogue(language: string): Promise<Catalogue | undefined> {
  const base = language.split("-")[0] ?? language;
  const load = catalogueLoaders[language] ?? catalogueLoaders[base];
  return load ? load() : undefined;
}

/** Initialises i18next with English plus the detected language, and keeps `<html lang dir>` in sync. */
export async function initI18n(): Promise<typeof i18n> {
  const language = detectLanguage(window.location.search, navigator.languages);
  const catalogue = language === fallbackLanguage ? en : await loadCatalogue(language);
  const resources: Record<string, { translation: Catalogue }> = { en: { translation: en } };
  if (catalogue) resources[language] = { translation: catalogue };

  i18n.on("languageChanged", applyDocumentLanguage);
  await i18n.use(initReactI18next).init({
    lng: language,
    fallbackLng: fallbackLanguage,
    resources,
    interpolation: { escapeValue: false },
  });
  applyDocumentLanguage(i18n.language);
  return i18n;
}
