import path from "node:path";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { readListFile } from "./index.js";
import { metiConcerns } from "./meti-eul.js";
import { collect, FIXTURES, scratchDir } from "./test-helpers.js";

const scratch = scratchDir();
afterAll(() => scratch.remove());

describe("METI End User List (CSV) importer", () => {
  it("reads the transcription: names in parentheses become aliases in their script", async () => {
    const [dept, uni] = await collect(
      readListFile(path.join(FIXTURES, "meti-eul-transcribed.csv"), "meti_eul_csv"),
    );
    expect(dept).toMatchObject({
      source: "meti_eul",
      sourceId: "Example Munitions Department (軍需工業部)",
      countries: ["KP"],
      programs: ["METI End User List", "WMD: B,C,M,N", "CW"],
    });
    expect(dept!.names).toEqual([
      { name: "Example Munitions Department", kind: "primary" },
      { name: "軍需工業部", kind: "alias" },
      { name: "Military Example Department", kind: "alias" },
      { name: "Example Trading Co.", kind: "alias" },
      { name: "例示貿易会社", kind: "alias" },
    ]);
    expect(uni!.names.map((n) => n.name)).toEqual([
      "Harbin Example University (HEU)",
      "Harbin Example University",
      "HEU",
      "哈爾浜例示大学",
    ]);
    expect(uni!.countries).toEqual(["CN"]);
  });

  it("reads the table's columns from a Shift_JIS file as Excel writes it (aliases separated by ・)", async () => {
    const csv = iconv.encode(
      'No.,Country or Region,Company or Organization,Also Known As,Type of WMD\r\n1,イラン Islamic Republic of Iran,Example Aerospace Industries (EAI),EAI・Example Aero,"C,M"\r\n',
      "cp932",
    );
    const [entity] = await collect(readListFile(scratch.write("eul.csv", csv), "meti_eul_csv"));
    expect(entity).toMatchObject({ countries: ["IR"], programs: ["METI End User List", "WMD: C,M"] });
    expect(entity!.names.map((n) => n.name)).toEqual([
      "Example Aerospace Industries (EAI)",
      "Example Aerospace Industries",
      "EAI",
      "Example Aero",
    ]);
  });

  it("reads the concern types", () => {
    expect(metiConcerns("生物、化学、ミサイル、核 B,C,M,N", "通常兵器 CW")).toEqual(["WMD: B,C,M,N", "CW"]);
    expect(metiConcerns("ミサイルM")).toEqual(["WMD: M"]);
    expect(metiConcerns("")).toEqual([]);
    expect(metiConcerns("ミサイル M")).toEqual(["WMD: M"]);
  });

  it("refuses an empty organisation name and a broken evidence column, naming the line", async () => {
    const empty = scratch.write(
      "empty.csv",
      "No.,Country or Region,Company or Organization,Also Known As,Type of WMD\n1,Iran,,,M\n",
    );
    await expect(collect(readListFile(empty, "meti_eul_csv"))).rejects.toThrow(
      /empty\.csv, line 2, field Company or Organization/,
    );
    const bad = scratch.write("bad.csv", 'canonical_record,evidence\nA,"{not json"\n');
    await expect(collect(readListFile(bad, "meti_eul_csv"))).rejects.toThrow(
      /bad\.csv, line 2, field evidence: the evidence column is not JSON/,
    );
  });
});
