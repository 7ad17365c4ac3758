import { existsSync } from "node:fs";
import { createRequire } from "node:module";

/** Debian's fonts-noto-cjk, present on production machines. */
export const NOTO_CJK_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const NOTO_CJK_JP = "NotoSansCJKjp-Regular";
/** BIZ UDPGothic (SIL OFL 1.1), shipped by an npm package so a fresh clone can print Japanese. */
const BUNDLED = "@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf";

export type PdfFont = {
  path: string;
  family: string | undefined;
  source: "configured" | "system" | "bundled";
};

/**
 * Chooses the Japanese font for the PDF forms: the configured one (`path` or `file.ttc#PostScriptName`),
 * else Noto Sans CJK JP when the system has it, else the bundled BIZ UDPGothic — so the forms print
 * Japanese on any machine. A configured font that does not exist is an error naming the setting.
 */
export function resolvePdfFont(configured: string | undefined, systemPath = NOTO_CJK_PATH): PdfFont {
  if (configured) {
    const [path, family] = configured.split("#") as [string, string | undefined];
    if (!existsSync(path)) throw new Error(`SEKIMORI_PDF_FONT: no font file at ${path}`);
    if (path.toLowerCase().endsWith(".ttc") && !family)
      throw new Error(
        "SEKIMORI_PDF_FONT: a .ttc collection needs #PostScriptName (e.g. #NotoSansCJKjp-Regular)",
      );
    return { path, family, source: "configured" };
  }
  if (existsSync(systemPath)) return { path: systemPath, family: NOTO_CJK_JP, source: "system" };
  return { path: createRequire(import.meta.url).resolve(BUNDLED), family: undefined, source: "bundled" };
}
