/**
 * Insider alerts in the shared red-flag vocabulary. The engine explains alerts with its own fine
 * indicators; the case library, reviews and approach reports speak in the shared catalogue
 * (src/shared/red-flags.ts). This maps each detector (a "case" indicator) to the catalogue's
 * insider flags so an alert can say "this resembles …", and turns the indicators into catalogue
 * entries so cases may also cite them. Pure: no I/O.
 */
import { type Bilingual, INDICATORS } from "./indicators.js";

/** Shared red-flag ids for each detector indicator (the `kind: "case"` indicators). */
export const DETECTOR_RED_FLAGS: Readonly<Record<string, readonly string[]>> = {
  "I-CASE1-OFFHOURS-EXFIL": ["I-REMOVABLE-MEDIA-OFFHOURS"],
  "I-CASE2-DEPARTING-EXFIL": ["I-DEPARTING-EXFIL"],
  "I-CASE2-LOOKBACK": ["I-DEPARTING-EXFIL"],
  "I-CASE3-RECRUITED-EMAIL": ["I-EXTERNAL-EMAIL-CONFIDENTIAL"],
  "I-CASE4-SCOPE-CREEP": ["I-OUT-OF-SCOPE-ACCESS"],
  "I-CASE5-OTHER-PC-MAIL": ["I-OTHERS-MACHINES"],
  "I-CASE6-LEAK-UPLOAD": ["I-CLOUD-LEAK-UPLOAD"],
  "I-CASE6-TOOL-PLANT": ["I-OTHERS-MACHINES"],
  "I-CASE7-REMOTE-IDENTITY": ["I-REMOTE-IDENTITY"],
};

/**
 * The shared red-flag ids an alert carries, from the indicators that fired on it. Exists so the
 * alert page (and any other consumer) can link the published cases that share them without
 * knowing the engine's detectors. Only detector indicators count; order follows the catalogue
 * mapping above, without duplicates.
 */
export function redFlagsForIndicators(indicatorIds: Iterable<string>): string[] {
  const fired = new Set(indicatorIds);
  const out: string[] = [];
  for (const [detector, flags] of Object.entries(DETECTOR_RED_FLAGS)) {
    if (!fired.has(detector)) continue;
    for (const f of flags) if (!out.includes(f)) out.push(f);
  }
  return out;
}

/** An insider indicator as a catalogue entry (the shape the case library's catalogue takes). */
export type IndicatorCatalogueFlag = { id: string; module: "insider"; title: Bilingual };

/**
 * The engine's indicators as red-flag catalogue entries, joined to the shared catalogue at the
 * composition root so cases that cite a fine indicator (e.g. `I-USB-CONFIDENTIAL`) stay valid now
 * that the catalogue also holds insider flags. Indicators state facts rather than ask, so they carry
 * no question.
 */
export function indicatorCatalogueFlags(): IndicatorCatalogueFlag[] {
  return INDICATORS.map((d) => ({ id: d.id, module: "insider", title: d.label }));
}
