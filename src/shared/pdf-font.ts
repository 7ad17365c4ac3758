import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { AppError } from "./errors.js";

/** A font file with Japanese glyphs; `family` names the member of a .ttc collection to use. */
export type PdfFont = {
  path: string;
  family: string | undefined;
  source: "configured" | "system" | "bundled";
};

/**
 * Where Japanese fonts live on common systems, best first. Production images install Debian's
 * fonts-noto-cjk; the others cover other distributions and macOS developer machines.
 */
export const JAPANESE_FONT_CANDIDATES: readonly { path: string; family?: string }[] = [
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", family: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", family: "NotoSansCJKjp-Regular" },
  { path: "/usr/share/fonts/opentype/noto/NotoSansCJKjp-Regular.otf" },
  { path: "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf" },
  { path: "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf" },
  { path: "/System/Library/Fonts/ヒラギノ角ゴシック W3.ttc", family: "HiraginoSans-W3" },
];

/** BIZ UDPGothic (SIL OFL 1.1), shipped by an npm package so a fresh clone can print Japanese. */
const BUNDLED = "@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf";

/**
 * Chooses the Japanese font every PDF of the product (review forms, approach-report referrals)
 * embeds: the configured one (SEKIMORI_PDF_FONT, `path` or `file.ttc#PostScriptName`), else the
 * first installed system font, else the bundled BIZ UDPGothic — so PDFs print Japanese on any
 * machine. A configured font that does not exist is an error naming the setting, never a silent
 * substitution.
 */
export function resolvePdfFont(
  configured: string | undefined,
  exists: (path: string) => boolean = existsSync,
  candidates: readonly { path: string; family?: string }[] = JAPANESE_FONT_CANDIDATES,
): PdfFont {
  if (configured) {
    const [path = "", family] = configured.split("#");
    if (!exists(path))
      throw new AppError(500, "pdf_font_missing", {
        ja: `SEKIMORI_PDF_FONT に指定されたフォントファイル ${path} がありません`,
        en: `SEKIMORI_PDF_FONT: no font file at ${path}`,
      });
    if (path.toLowerCase().endsWith(".ttc") && !family)
      throw new AppError(500, "pdf_font_invalid", {
        ja: "SEKIMORI_PDF_FONT: .ttc ファイルには #PostScript名 が必要です（例: #NotoSansCJKjp-Regular）",
        en: "SEKIMORI_PDF_FONT: a .ttc collection needs #PostScriptName (e.g. #NotoSansCJKjp-Regular)",
      });
    return { path, family: family || undefined, source: "configured" };
  }
  const system = candidates.find((c) => exists(c.path));
  if (system) return { path: system.path, family: system.family, source: "system" };
  return { path: createRequire(import.meta.url).resolve(BUNDLED), family: undefined, source: "bundled" };
}
