import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readJsonArrayItems } from "./input.js";
import { namesFromPrinted } from "./names.js";
import type { Importer } from "./types.js";

type GalaxyValue = {
  value?: unknown;
  uuid?: unknown;
  description?: unknown;
  meta?: Record<string, unknown>;
};

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return typeof value === "string" ? [value] : [];
}

/**
 * ASPI's China Defence Universities Tracker as a MISP galaxy cluster (JSON): each `values[]` item is
 * one institution, "English (中文)", with aliases (incl. Chinese), categories (risk) and topics.
 * The item's uuid is its identifier.
 */
export const aspiMispImporter: Importer = {
  format: "aspi_misp",
  label: {
    ja: "ASPI 中国国防大学トラッカー（MISP galaxy JSON）",
    en: "ASPI China Defence Universities Tracker (MISP galaxy JSON)",
  },
  describe: () => ({
    ja: "MISP galaxy 形式の JSON（values[].value, meta.aliases, meta.categories）。識別子 = uuid",
    en: "MISP galaxy JSON (values[].value, meta.aliases, meta.categories); identifier = uuid",
  }),
  defaultSource: () => "aspi",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "aspi";
    for (const file of request.files) {
      let count = 0;
      for await (const { value, line } of readJsonArrayItems(file, { ...request, arrayKey: "values" })) {
        const item = value as GalaxyValue;
        const printed = typeof item.value === "string" ? item.value : "";
        const uuid = typeof item.uuid === "string" ? item.uuid : "";
        const b = new EntityBuilder(source, uuid, "Organization");
        for (const n of namesFromPrinted(printed)) b.name(n.name, n.kind);
        const meta = item.meta ?? {};
        for (const alias of strings(meta.aliases)) b.name(alias, "alias");
        b.country("CN");
        b.program(...strings(meta.categories).map((c) => `ASPI: ${c}`));
        for (const topic of strings(meta.topics)) b.detail("topics", topic);
        for (const agency of strings(meta["supervising agencies"])) b.detail("supervisingAgencies", agency);
        for (const lab of strings(meta["major defence laboratories"])) b.detail("defenceLaboratories", lab);
        for (const sub of strings(meta.subsidiaries)) b.detail("subsidiaries", sub);
        for (const ref of strings(meta.refs)) b.detail("refs", ref);
        b.address(strings(meta.address)[0]);
        if (typeof item.description === "string") b.remarks(item.description);
        count++;
        yield b.build({ file, line, field: "value" });
      }
      if (count === 0) {
        throw new ImportError({ file }, { ja: "values が空です", en: "the values array is empty" });
      }
    }
  },
};
