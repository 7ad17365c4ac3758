import i18n from "./i18n";

/** A date-time in the UI language, in the browser's time zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** A date (YYYY-MM-DD or ISO) in the UI language. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00`) : new Date(iso);
  return new Intl.DateTimeFormat(i18n.language === "en" ? "en-GB" : "ja-JP", { dateStyle: "medium" }).format(
    date,
  );
}

/** A country's name from its ISO code, in the UI language. */
export function countryName(code: string | null | undefined): string {
  if (!code) return "";
  try {
    return new Intl.DisplayNames([i18n.language], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Picks the UI language's text of a { ja, en } pair. */
export function bi(text: { ja: string; en: string } | null | undefined): string {
  if (!text) return "";
  return i18n.language === "en" ? text.en : text.ja;
}
