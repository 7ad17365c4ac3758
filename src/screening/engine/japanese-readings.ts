/**
 * Japanese readings (on'yomi and kun'yomi, in Hepburn without long vowels) of kanji. Japanese
 * names are read with Japanese readings (東芝 = Toshiba, 山田 = Yamada, 日東電工 = Nitto Denko),
 * which neither pinyin nor Sino-Korean give.
 *
 * Breadth comes from KANJIDIC2 (the Electronic Dictionary Research and Development Group, CC BY-SA
 * 4.0), as bundled in the `kanji` npm package (MPL-2.0): on'yomi, kun'yomi and nanori (name
 * readings) of ~13,000 characters. The short table below only puts the readings that Japanese
 * family, given and company names usually take first (KANJIDIC lists readings in no such order):
 * it is a preference order, not the source of the readings.
 */
import { readings as kanjidicEntry } from "kanji";
import { romanizeWord } from "./transliterate.js";

const TABLE = `
山:yama,san 田:ta,da,den 中:naka,chu 川:kawa,gawa,sen 本:moto,hon 木:ki,gi,moku 村:mura 井:i,sei 藤:fuji,to,do
佐:sa 伊:i 加:ka 高:taka,ko 小:ko,o,sho 林:hayashi,bayashi,rin 松:matsu,sho 清:kiyo,sei 水:mizu,sui 石:ishi,seki
橋:hashi,bashi,kyo 島:shima,jima,to 野:no,ya 上:ue,kami,jo 下:shita,shimo,ka 原:hara,bara,gen 森:mori,shin
池:ike,chi 長:naga,cho 谷:tani,ya,dani 岡:oka 内:uchi,nai 前:mae,zen 後:go,ushiro 近:chika,kin 東:higashi,to,azuma
西:nishi,sai,sei 南:minami,nan 北:kita,hoku 大:o,dai,tai 太:ta,tai,futo 郎:ro 一:ichi,kazu 二:ni,ji 三:mi,san,mitsu
四:shi,yon 五:go,itsu 子:ko,shi 花:hana,ka 美:mi,bi 和:kazu,wa 明:aki,mei 正:masa,sho,sei 雄:o,yu
夫:o,fu 男:o,dan 健:ken,take 太:ta 真:ma,shin 由:yu,yoshi 紀:ki,nori 恵:e,kei 裕:hiro,yu 博:hiro,haku
弘:hiro,ko 浩:hiro,ko 宏:hiro,ko 誠:makoto,sei 隆:taka,ryu 信:nobu,shin 秀:hide,shu 英:hide,ei 幸:yuki,ko
孝:taka,ko 義:yoshi,gi 昭:aki,sho 直:nao,choku 智:tomo,chi 知:tomo,chi 友:tomo,yu 春:haru,shun 秋:aki,shu
夏:natsu,ka 冬:fuyu,to 光:mitsu,hikari,ko 健:ken 次:ji,tsugu 介:suke 助:suke 之:yuki,no 平:hira,hei,taira
達:tatsu,tachi 也:ya 哉:ya 樹:ki,ju 輔:suke 翔:sho 大:dai,hiro 悠:yu,haru 陽:yo,haru,hi 菜:na 奈:na 香:ka,kaori
愛:ai 結:yui 彩:aya 優:yu 千:chi,sen 代:yo,dai 京:kyo,kei 都:to,miyako 阪:saka 堺:sakai 福:fuku 岐:gi
芝:shiba,shi 日:hi,nichi,ni 立:tachi,ritsu 菱:bishi,hishi,ryo 丸:maru 紅:beni,ko 電:den 機:ki 工:ko,ku
業:gyo 産:san 物:butsu,mono 商:sho 事:ji 通:tsu 信:shin 製:sei 作:saku,sa 所:sho,jo,tokoro 重:ju,shige,omo
精:sei 鉄:tetsu 鋼:ko 化:ka,ke 学:gaku 薬:yaku 自:ji 動:do 車:sha,kuruma 船:sen,fune 造:zo 航:ko 空:ku,sora
宇:u 宙:chu 研:ken 究:kyu 技:gi 術:jutsu 開:kai 発:hatsu 科:ka 住:sumi,ju 友:tomo 安:yasu,an 田:ta
富:tomi,fu 士:shi,ji 通:tsu 豊:toyo,ho 野:no 村:mura 菊:kiku 竹:take 梅:ume 桜:sakura 浦:ura 沢:sawa,zawa
澤:sawa,zawa 崎:saki,zaki 﨑:saki,zaki 宮:miya 坂:saka,zaka 口:guchi,kuchi 久:hisa,ku 保:ho,yasu 岩:iwa
渡:wata,to 辺:nabe,be 邊:nabe,be 斎:sai 斉:sai 吉:yoshi,kichi 阿:a 部:be,bu 菅:suga,kan 新:shin,nii,ara
古:furu,ko 今:ima,kon 荒:ara 金:kane,kin,kana 銀:gin 谷:tani,ya 宗:mune,so 徳:toku,nori 家:ie,ka,ya
康:yasu,ko 晋:shin 三:mitsu,san 菅:suga 義:yoshi 岸:kishi 田:da 文:fumi,bun 雄:o 純:jun 郎:ro 彦:hiko
`;

/** [kanji, preferred readings] pairs as written above (Japanese forms; folded by the caller). */
export const JAPANESE_READING_ENTRIES: [string, string[]][] = TABLE.split(/\s+/)
  .map((entry) => entry.split(":"))
  .filter((p): p is [string, string] => p.length === 2 && p[0]!.length > 0)
  .map(([k, v]) => [k, v.split(",")]);

const RENDAKU: [RegExp, string][] = [
  [/^k/, "g"],
  [/^sh/, "j"],
  [/^s/, "z"],
  [/^ch/, "j"],
  [/^ts/, "z"],
  [/^t/, "d"],
  [/^h/, "b"],
  [/^f/, "b"],
];

/** A reading and its rendaku-voiced form (used for non-initial characters: 山田 → yamada). */
export function withRendaku(r: string): string[] {
  for (const [re, rep] of RENDAKU) if (re.test(r)) return [r, r.replace(re, rep)];
  return [r];
}

type KanjiReadings = { on: string[]; kunStems: string[]; kunWords: string[]; nanori: string[] };
const KANJIDIC_CACHE = new Map<string, KanjiReadings | null>();

/** Hepburn (no long vowels) of a kana reading, or null when it does not romanise cleanly. */
function kanaToHepburn(kana: string): string | null {
  const clean = kana.replace(/[-\s]/g, "");
  if (!clean || /[っッ]$/.test(clean)) return null;
  const r = romanizeWord(clean, "kana")[0];
  return r && /^[a-z]+$/.test(r) ? r : null;
}

/**
 * A character's KANJIDIC2 readings, romanised: on'yomi; kun'yomi stems (ふる.い → furu) and whole
 * kun'yomi words (しげ.る → shigeru, a given name); nanori. Null when KANJIDIC has no entry. The
 * package reads its bundled per-character data file on first use (memoised here).
 */
export function kanjidicReadings(char: string): KanjiReadings | null {
  const cached = KANJIDIC_CACHE.get(char);
  if (cached !== undefined) return cached;
  let out: KanjiReadings | null = null;
  try {
    const e = [...char].length === 1 ? kanjidicEntry(char) : null;
    if (e) {
      const roman = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => !!x))];
      out = {
        on: roman((e.on ?? []).map(kanaToHepburn)),
        kunStems: roman((e.kun ?? []).map((k) => kanaToHepburn(k.split(".")[0] ?? ""))),
        kunWords: roman(
          (e.kun ?? []).filter((k) => k.includes(".")).map((k) => kanaToHepburn(k.replace(".", ""))),
        ),
        nanori: roman((e.nanori ?? []).map(kanaToHepburn)),
      };
    }
  } catch {
    out = null;
  }
  KANJIDIC_CACHE.set(char, out);
  return out;
}

/**
 * Sokuon (促音) across two on'yomi: a reading ending in -chi, -tsu, -ki or -ku before a voiceless
 * consonant is doubled, as names are written (日東 nichi+to → nitto, 特機 toku+ki → tokki, 日本
 * nichi+hon → nippon). Null when the rule does not apply.
 */
export function sokuon(prev: string, next: string): string | null {
  const m = /^(.*?)(chi|tsu|ki|ku)$/.exec(prev);
  if (!m?.[1]) return null;
  if (/^(ch|sh|ts|k|s|t|p)/.test(next)) {
    const c = next.startsWith("ch") ? "t" : next[0]!;
    return `${m[1]}${c}${next}`;
  }
  if (/^[hf]/.test(next)) return `${m[1]}pp${next.slice(1)}`;
  return null;
}
