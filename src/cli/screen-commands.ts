import { once } from "node:events";
import { createWriteStream } from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import type { Services } from "../app/services.js";
import { ImportError } from "../screening/importers/import-error.js";
import type { ActiveIndex } from "../screening/index-manager.js";
import {
  type BatchColumns,
  type BatchInput,
  detectColumns,
  interpretRow,
  readBatchRows,
  resultLine,
  resultsHeader,
  UTF8_BOM,
} from "../screening/screening-batch.js";
import { screenBatchInput } from "../screening/screening-batch-service.js";
import { AppError } from "../shared/errors.js";
import { fail, progressBar, withServices } from "./context.js";

type ScreenOptions = {
  country?: string;
  schema?: string;
  birthDate?: string;
  limit: string;
  json?: boolean;
  file?: string;
  out?: string;
  encoding: string;
  lang?: string;
};

/**
 * The language of the output: --lang, else the terminal's locale (LC_ALL / LC_MESSAGES / LANG —
 * English unless it names Japanese), else Japanese, the product's default.
 */
export function cliLanguage(option: string | undefined, env: NodeJS.ProcessEnv = process.env): "ja" | "en" {
  if (option !== undefined) {
    if (option !== "ja" && option !== "en") {
      throw new AppError(400, "invalid_option", {
        ja: "--lang は ja か en です",
        en: "--lang must be ja or en",
      });
    }
    return option;
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  if (!locale || locale === "C" || locale === "POSIX" || /^C\./.test(locale)) return "ja";
  return /^ja/i.test(locale) ? "ja" : "en";
}

/** Builds the matching index from the active lists, telling the person at the terminal. */
async function loadIndex(services: Services, lang: "ja" | "en"): Promise<ActiveIndex> {
  process.stderr.write(
    lang === "ja"
      ? "有効なリストから照合用索引を作成しています…\n"
      : "building the screening index from the active lists…\n",
  );
  await services.screeningIndex.refresh();
  // A failed build has no index to peek at: acquire says why (e.g. index_failed).
  const active = services.screeningIndex.peek() ?? (await services.screeningIndex.acquire(0));
  const lists = Object.keys(active.snapshots);
  if (lists.length === 0) {
    // Screening against nothing would call every name clean: refuse, and say what to do.
    throw new AppError(409, "no_lists", {
      ja: "照合するリストがまだ取り込まれていません — `sekimori lists import FILE --format F` で取り込んでください",
      en: "no list is loaded yet — import one with `sekimori lists import FILE --format F`",
    });
  }
  const count = active.entityCount.toLocaleString("en");
  process.stderr.write(
    lang === "ja"
      ? `  ${lists.join(", ")} の ${count} 件（${active.buildMillis} ms）\n`
      : `  ${count} entries from ${lists.join(", ")} (${active.buildMillis} ms)\n`,
  );
  return active;
}

function languageOf(opts: ScreenOptions): "ja" | "en" {
  return cliLanguage(opts.lang);
}

async function screenName(services: Services, name: string, opts: ScreenOptions): Promise<void> {
  const lang = languageOf(opts);
  const country = opts.country?.toUpperCase();
  if (country && !/^[A-Z]{2}$/.test(country)) {
    throw new AppError(400, "invalid_option", {
      ja: "--country は ISO 3166 の2文字コードです（例: KP）",
      en: "--country must be an ISO 3166 two-letter code (e.g. KP)",
    });
  }
  const schema =
    opts.schema === undefined
      ? undefined
      : /^p(erson)?$/i.test(opts.schema)
        ? ("Person" as const)
        : /^o(rg(ani[sz]ation)?)?$/i.test(opts.schema)
          ? ("Organization" as const)
          : null;
  if (schema === null) {
    throw new AppError(400, "invalid_option", {
      ja: "--schema は person か organization です",
      en: "--schema must be person or organization",
    });
  }
  await loadIndex(services, lang);
  const result = await services.screening.search({
    q: name,
    country,
    schema,
    birthDate: opts.birthDate,
    limit: Number(opts.limit) || 10,
  });
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const matches = result.items.filter((h) => h.match).length;
  process.stdout.write(
    lang === "ja"
      ? `「${name}」: 候補 ${result.items.length} 件、うち一致の可能性 ${matches} 件（しきい値 ${result.threshold.toFixed(2)}）\n`
      : `"${name}": ${result.items.length} candidate(s), ${matches} possible match(es) (threshold ${result.threshold.toFixed(2)})\n`,
  );
  result.items.forEach((h, i) => {
    const flag = h.match ? (lang === "ja" ? "要確認" : "MATCH") : lang === "ja" ? "参考" : "below";
    process.stdout.write(
      `\n${String(i + 1).padStart(2)}. ${h.score.toFixed(2)} ${flag}  ${h.name}  [${h.source} ${h.sourceId}]${h.programs.length ? `  ${h.programs.join(", ")}` : ""}\n`,
    );
    process.stdout.write(`    ${h.explanation.summary[lang]}\n`);
    for (const f of h.explanation.features) {
      const sign = f.contribution >= 0 ? "+" : "";
      process.stdout.write(
        `    - ${f.label[lang]} ${sign}${f.contribution.toFixed(2)}${f.detail ? `: ${f.detail[lang]}` : ""}\n`,
      );
    }
  });
}

async function screenFile(services: Services, file: string, opts: ScreenOptions): Promise<void> {
  const lang = languageOf(opts);
  if (!opts.out) {
    throw new AppError(400, "invalid_option", {
      ja: "--file には結果の出力先 --out FILE が必要です（- で標準出力）",
      en: "--file needs --out FILE for the results (- for standard output)",
    });
  }
  if (!["auto", "utf8", "cp932"].includes(opts.encoding)) {
    throw new AppError(400, "invalid_option", {
      ja: "--encoding は auto, utf8, cp932 のいずれかです",
      en: "--encoding must be auto, utf8 or cp932",
    });
  }
  // Read (and check) the whole file first, so a broken file writes no half result.
  const inputs: BatchInput[] = [];
  let columns: BatchColumns | null = null;
  try {
    for await (const raw of readBatchRows(file, path.basename(file), opts.encoding as "auto")) {
      if (!columns) {
        columns = detectColumns(raw.cells);
        if (columns.hasHeader) continue;
      }
      const input = interpretRow(raw, columns);
      if (input) inputs.push(input);
    }
  } catch (error) {
    if (error instanceof ImportError) {
      throw new AppError(422, "unreadable_file", {
        ja: `ファイルを読めません: ${error.localized("ja")}`,
        en: `Cannot read the file: ${error.localized("en")}`,
      });
    }
    throw error;
  }
  if (inputs.length === 0) {
    throw new AppError(422, "no_names", { ja: "ファイルに名前がありません", en: "The file holds no names" });
  }
  const active = await loadIndex(services, lang);
  const toStdout = opts.out === "-";
  const out = toStdout ? process.stdout : createWriteStream(opts.out);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(UTF8_BOM + resultsHeader(lang));
  const bar = progressBar(lang === "ja" ? "照合中" : "screening");
  if (!toStdout) bar.start(inputs.length, 0);
  let matched = 0;
  let problems = 0;
  try {
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i]!;
      const r = screenBatchInput(active, input, {
        threshold: services.config.screening.threshold,
        hitsPerRow: 5,
        minScore: 0.5,
      });
      if (r.match_count > 0) matched++;
      if (input.problem) problems++;
      await write(
        resultLine(
          {
            rowNo: i + 1,
            line: input.line,
            input,
            done: true,
            bestScore: r.best_score,
            matchCount: r.match_count,
            hits: r.hits,
          },
          lang,
        ),
      );
      if (!toStdout && (i % 100 === 99 || i === inputs.length - 1)) bar.update(i + 1);
    }
  } finally {
    if (!toStdout) bar.stop();
  }
  if (!toStdout) {
    const stream = out as ReturnType<typeof createWriteStream>;
    stream.end();
    await once(stream, "finish");
  }
  const target = toStdout ? "" : ` → ${opts.out}`;
  process.stderr.write(
    lang === "ja"
      ? `${inputs.length} 件を照合: 一致の可能性あり ${matched} 件、問題のある行 ${problems} 件${target}\n`
      : `${inputs.length} name(s) screened, ${matched} with possible matches, ${problems} row(s) with problems${target}\n`,
  );
}

/** `sekimori screen`: screen one name, or a CSV/XLSX file of names into a results CSV. */
export function registerScreenCommands(program: Command): void {
  program
    .command("screen")
    .description(
      "screen a name in any script against the active lists (ranked hits with explanations), or a CSV/XLSX file with --file",
    )
    .argument("[name]", "the name to screen, e.g. 軍需工業部")
    .option("-c, --country <code>", "country of the party (ISO 3166 two-letter code)")
    .option("--schema <kind>", "person or organization")
    .option("--birth-date <date>", "date of birth (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("-n, --limit <n>", "how many candidates to show", "10")
    .option("--json", "print JSON")
    .option("-f, --file <file>", "screen every name of a CSV (UTF-8 or Shift_JIS) or XLSX file")
    .option("-o, --out <file>", "where to write the results CSV for --file (- for standard output)")
    .option("-e, --encoding <encoding>", "text encoding of --file: auto, utf8, cp932", "auto")
    .option(
      "--lang <lang>",
      "language of explanations and of the results file: ja or en (default: from LANG, else ja)",
    )
    .action(async (name: string | undefined, opts: ScreenOptions) => {
      try {
        if (!name && !opts.file) {
          throw new AppError(400, "invalid_option", {
            ja: "名前か --file FILE を指定してください",
            en: "give a name, or --file FILE",
          });
        }
        await withServices(async (services) => {
          if (opts.file) await screenFile(services, opts.file, opts);
          else await screenName(services, name!, opts);
        });
      } catch (error) {
        fail(error);
      }
    });
}
