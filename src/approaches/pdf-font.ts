import { existsSync } from "node:fs";

/** A font file with Japanese glyphs; `face` names the member of a .ttc collection to use. */
export type PdfFont = { path: string; face?: string | undefined };

/**
 * Where Japanese fonts live on common systems, best first. Production images install Debian's
 * fonts-noto-cjk; the others cover other distributions and macOS developer machines.
 */
export const JAPANESE_FONT_CANDIDATES: readonly PdfFont[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", face: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", face: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", face: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf" },
  { path: "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf" },
  { path: "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf" },
  { path: "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", face: "HiraginoSans-W3" },
];

/**
 * The font PDF exports use for Japanese text: the configured file (SEKIMORI_PDF_FONT, optionally
 * `path#FaceName` for a collection) or the first installed candidate; undefined when none exists,
 * so the caller can refuse with a clear message instead of printing empty boxes. Kept behind this
 * one function so every module's PDFs can share one lookup later.
 */
export function findJapaneseFont(
  configured?: string,
  exists: (path: string) => boolean = existsSync,
): PdfFont | undefined {
  if (configured) {
    const [path, face] = configured.split("#");
    return path && exists(path) ? { path, face: face || undefined } : undefined;
  }
  return JAPANESE_FONT_CANDIDATES.find((f) => exists(f.path));
}
