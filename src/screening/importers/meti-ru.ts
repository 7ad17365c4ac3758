import { EntityBuilder } from "./entity-builder.js";
import { ImportError } from "./import-error.js";
import { readLines } from "./input.js";
import { EntryMerger, hasCjk, splitParentheses } from "./names.js";
import type { Importer } from "./types.js";

/** One numbered entry of a METI export-ban list as printed: Japanese name, English name, aliases, address. */
type Entry = { no: number; line: number; ja: string; en: string; aliases: string[]; address: string };

const FULLWIDTH_DIGITS = "０１２３４５６７８９";

function toAsciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (d) => String(FULLWIDTH_DIGITS.indexOf(d)));
}

function toFullwidth(n: number): string {
  return String(n).replace(/\d/g, (d) => FULLWIDTH_DIGITS[Number(d)]!);
}

/** Which list a file is, from its title: Russia, Belarus, or third countries. */
function listOf(title: string): { program: string; country?: string } {
  if (/ロシア連邦及びベラルーシ共和国以外/.test(title))
    return { program: "METI export ban: third countries" };
  if (/ベラルーシ/.test(title)) return { program: "METI export ban: Belarus", country: "BY" };
  if (/ロシア/.test(title)) return { program: "METI export ban: Russia", country: "RU" };
  return { program: "METI export ban" };
}

/** "株式会社インテグラル（別称、OAOインテグラル、株式会社インテグラル＝ホールディング）" → primary + aliases. */
export function japaneseNames(printed: string): string[] {
  const { base, groups } = splitParentheses(printed);
  const names = [base];
  for (const g of groups) {
    const m = /^別称[、,]\s*(.+)$/.exec(g);
    if (m) names.push(...m[1]!.split(/、|及び/).map((s) => s.trim()));
    else if (hasCjk(g)) names.push(...g.split("、").map((n) => n.trim()));
  }
  return names.filter(Boolean);
}

const CJK_CHAR = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}）」]/u;

/**
 * Splits a line holding a Japanese name followed by the English one (and sometimes "別称：…") at the
 * first switch from Japanese to a Latin run of three or more words (or one with "a.k.a.").
 */
export function splitMixedLine(line: string): { ja: string; en: string; aliases?: string } | undefined {
  const boundary = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}）」]\s*(?=[A-Za-z])/gu;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const at = m.index + m[0].length;
    // Latin inside an open Japanese parenthesis ("（別称、… SPU TsKB TM、…") is part of the Japanese name.
    if (openParens(line.slice(0, at)) > 0) continue;
    const split = splitAt(line, at);
    if (split) return split;
  }
  // The English name first, then its Chinese/Japanese name in parentheses: "Time Art International LTD（時亞國際有限公司）".
  if (/^[A-Za-z0-9]/.test(line)) return splitAt(line, 0);
  return undefined;
}

function openParens(text: string): number {
  return (text.match(/[（(]/g)?.length ?? 0) - (text.match(/[）)]/g)?.length ?? 0);
}

function splitAt(line: string, at: number): { ja: string; en: string; aliases?: string } | undefined {
  const rest = line.slice(at);
  const cjk = rest.search(CJK_CHAR);
  let run = (cjk === -1 ? rest : rest.slice(0, cjk)).trim();
  let after = cjk === -1 ? "" : rest.slice(cjk).trim();
  const paren = /[（(]$/.exec(run);
  if (paren) {
    run = run.slice(0, -1).trim();
    after = `${paren[0]}${after}`;
  }
  if (!/a\.k\.a\./i.test(run) && run.split(/\s+/).length < 3) return undefined;
  // After the English name only its name in parentheses or "別称：…" may follow on the line.
  if (after && !/^[（(]/.test(after) && !/^別称[:：]/.test(after)) return undefined;
  const named = /^(.*?)別称[:：](.*)$/.exec(`${run} ${after}`.trim());
  if (named && !/^[（(]/.test(after)) {
    return { ja: line.slice(0, at).trim(), en: named[1]!.trim(), aliases: `別称：${named[2]!.trim()}` };
  }
  const group = /^([（(][^）)]*[）)])\s*(?:別称[:：](.*))?$/.exec(after);
  if (group?.[2]) {
    return { ja: `${line.slice(0, at).trim()}${group[1]}`, en: run, aliases: `別称：${group[2].trim()}` };
  }
  // A parenthesised Chinese/Japanese name after the English one belongs to the Japanese name.
  return { ja: `${line.slice(0, at).trim()}${after}`, en: run };
}

function cleanAlias(raw: string): string {
  return raw
    .replace(/^[-‐－—–]\s*/, "")
    .replace(/;\s*(and)?\s*$/i, "")
    .replace(/\.\s*$/, "")
    .trim();
}

/**
 * Reads the text of METI's lists of Russian, Belarusian and third-country entities subject to export
 * bans (as extracted from the official PDFs): numbered entries with the Japanese name, the English
 * name ("…, a.k.a. the following two aliases: -X; and -Y") and 所在地 (address). Entry numbers are
 * followed in order, which also finds an entry whose number was glued to the previous address line.
 */
async function* metiRuEntries(
  file: string,
  lines: AsyncIterable<{ text: string; line: number }>,
): AsyncGenerator<Entry | { title: string }> {
  let title = "";
  let inHeader = true;
  let state: "ja" | "en" | "aliases" | "address" = "address";
  let current: Entry | undefined;
  let expected = 1;

  // The expected number glued to the end of an address: "…Belarus７ 株式会社…", "…RU.10 対外…", "…China.22 DEXPイン…".
  const startPattern = () => {
    const n = `(?:${expected}|${toFullwidth(expected)})`;
    return new RegExp(
      `(?<![0-9０-９])${n}\\s*(?=[\\p{Script=Han}\\p{Script=Katakana}\\p{Script=Hiragana}「（Ａ-Ｚ])|(?<=[.,;])\\s*${n}\\s+(?=[A-Za-z])`,
      "u",
    );
  };

  for await (const { text: raw, line } of lines) {
    let text = raw.trim();
    if (!text) continue;
    if (inHeader) {
      if (/^(指定日|最終更新日)/.test(text)) {
        yield { title };
        continue;
      }
      if (!/^[0-9０-９]+\s*\S/.test(text) || !hasCjk(text)) {
        title += text;
        continue;
      }
      inHeader = false;
    }
    // A new entry: the expected number at the start of a line, or glued to the end of an address line.
    const pending: string[] = [];
    if (current && (state === "address" || /^所在地[:：]/.test(text))) {
      const m = startPattern().exec(text);
      if (m && m.index > 0 && hasCjk(text.slice(m.index))) {
        const before = text.slice(0, m.index).trim();
        if (/^所在地[:：]/.test(before)) {
          state = "address";
          current.address = before.replace(/^所在地[:：]\s*/, "");
        } else current.address = `${current.address} ${before}`.trim();
        text = text.slice(m.index).trim();
      }
    }
    const start = /^([0-9０-９]+)\s*(.*)$/.exec(text);
    const number = start ? Number(toAsciiDigits(start[1]!)) : 0;
    // The expected number, or one or two further on when a number was lost in the PDF's text.
    if (start && number >= expected && number <= expected + 2 && hasCjk(start[2]!) && state !== "ja") {
      if (current) yield current;
      current = { no: number, line, ja: "", en: "", aliases: [], address: "" };
      expected = number + 1;
      state = "ja";
      text = start[2]!.trim();
    }
    if (!current) {
      throw new ImportError(
        { file, line },
        {
          ja: `番号 ${expected} の項目が見つかりません（METI の輸出禁止対象リストのテキストですか？）`,
          en: `expected entry number ${expected} (is this the text of a METI export-ban list?)`,
        },
      );
    }
    // "…SPUCCB TM.所在地：12A Vozvodnaya St., …": the address glued to the end of an alias line.
    const glued = /^(.+?)(所在地[:：].*)$/.exec(text);
    if (glued) pending.push(glued[1]!, glued[2]!);
    else pending.push(text);
    for (const part of pending) {
      if (/^所在地[:：]/.test(part)) {
        state = "address";
        current.address = part.replace(/^所在地[:：]\s*/, "");
        continue;
      }
      if (state === "ja" && hasCjk(part)) {
        // Some lines carry the Japanese and the English name together: "…有限会社（深圳…）Yilufa Electronics Ltd, a.k.a., …".
        const split = splitMixedLine(part);
        if (split) {
          current.ja += split.ja;
          pending.push(split.en);
          if (split.aliases) pending.push(split.aliases);
          continue;
        }
        current.ja += part;
        continue;
      }
      // The rest of a parenthesised Chinese/Japanese name that began on the English line.
      if (state === "en" && hasCjk(part) && openParens(current.ja) > 0) {
        current.ja += part;
        continue;
      }
      if (state === "ja" || state === "en") {
        const named = /^別称[:：]\s*(.+)$/.exec(part);
        if (named && current.en) {
          state = "aliases";
          current.aliases.push(...named[1]!.split(/[;；]/).map(cleanAlias).filter(Boolean));
          continue;
        }
        if (/^[-‐－—–]/.test(part) && current.en) {
          state = "aliases";
          current.aliases.push(cleanAlias(part));
          continue;
        }
        state = "en";
        const aka = /,?\s*a\.k\.a\.,?/i.exec(part);
        if (aka) {
          current.en = `${current.en} ${part.slice(0, aka.index)}`.trim();
          state = "aliases";
        } else {
          current.en = `${current.en} ${part}`.trim();
        }
        continue;
      }
      if (state === "aliases") {
        if (/^[-‐－—–]/.test(part)) current.aliases.push(cleanAlias(part));
        else if (current.aliases.length > 0) {
          current.aliases[current.aliases.length - 1] = cleanAlias(`${current.aliases.at(-1)} ${part}`);
        }
        continue;
      }
      current.address = `${current.address} ${part}`.trim();
    }
  }
  if (current) yield current;
}

function addressCountries(address: string): string[] {
  return address
    .split(/;\s*(?:and\s+)?/)
    .map((a) => a.split(",").at(-1)?.replace(/\.$/, "").trim() ?? "")
    .filter(Boolean);
}

/**
 * METI's lists of Russian, Belarusian and third-country entities subject to export bans, from the
 * text of the official PDFs. Give one or more of the three files; each entry keeps its Japanese and
 * English names, its aliases in both, and the list it is on.
 */
export const metiRuImporter: Importer = {
  format: "meti_ru",
  label: {
    ja: "経済産業省 ロシア・ベラルーシ・第三国 輸出禁止対象団体（テキスト）",
    en: "METI Russia / Belarus / third-country export-ban entities (text)",
  },
  describe: () => ({
    ja: "公式 PDF から取り出したテキスト（番号・日本語名・英語名・別称・所在地）。3つのリストをまとめて1つのスナップショットにできます（識別子 = 英語名）",
    en: "Text extracted from the official PDFs (number, Japanese name, English name, aliases, address); the three lists may be imported together as one snapshot (identifier = English name)",
  }),
  defaultSource: () => "meti_ru",
  resolveFiles: async (files) => [...files],
  async *parse(request) {
    const source = request.source ?? "meti_ru";
    const merger = new EntryMerger<{ b: EntityBuilder; line: number; file: string }>(request.files[0] ?? "");
    for (const file of request.files) {
      let list = listOf("");
      let count = 0;
      for await (const item of metiRuEntries(file, readLines(file, request))) {
        if ("title" in item) {
          list = listOf(item.title);
          continue;
        }
        const jaNames = japaneseNames(item.ja);
        const english = item.en
          .replace(/\s+/g, " ")
          .replace(/[,;]\s*$/, "")
          .trim();
        const primary = english || jaNames[0];
        if (!primary) {
          throw new ImportError(
            { file, line: item.line },
            { ja: `番号 ${item.no} の名前が空です`, en: `entry ${item.no} has no name` },
          );
        }
        const { b } = merger.entry(primary.toUpperCase(), item.line, () => ({
          b: new EntityBuilder(source, primary, "Organization"),
          line: item.line,
          file,
        }));
        b.name(english, "primary");
        for (const n of jaNames) b.name(n, "alias", "ja");
        for (const alias of item.aliases) b.name(alias, "alias");
        b.program(list.program);
        b.address(item.address);
        const countries = addressCountries(item.address);
        b.country(...countries);
        if (list.country) b.country(list.country);
        b.detail("no", `${list.program} No. ${item.no}`);
        count++;
      }
      if (count === 0) {
        throw new ImportError(
          { file },
          {
            ja: "番号付きの項目が見つかりません（METI の輸出禁止対象リストのテキストですか？）",
            en: "no numbered entries found (is this the text of a METI export-ban list?)",
          },
        );
      }
    }
    for (const { b, line, file } of merger.values()) yield b.build({ file, line });
  },
};
