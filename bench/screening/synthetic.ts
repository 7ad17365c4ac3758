/**
 * Deterministic synthetic list entities in many scripts for the index benchmark: a million
 * realistic-looking names (persons and organisations; Latin, Cyrillic, Arabic, Han, Hangul, kana,
 * Greek) without touching any real list.
 */
import type { ListEntity } from "../../src/screening/screening-contract.js";

/** Small fast PRNG (mulberry32) so every run generates the same entities. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN_ONSETS = [
  "b",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "ch",
  "sh",
  "kh",
  "br",
  "tr",
  "st",
  "gr",
  "al",
  "ab",
  "el",
  "ma",
];
const LATIN_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ia", "ei"];
const LATIN_CODAS = ["", "", "", "n", "r", "s", "m", "l", "d", "t", "k", "ng", "sh"];
const CYR_SYL = [
  "ва",
  "ди",
  "ми",
  "ро",
  "ко",
  "ле",
  "на",
  "то",
  "ша",
  "жу",
  "ни",
  "ка",
  "ев",
  "ов",
  "ин",
  "ский",
  "ий",
  "ан",
  "ал",
  "ер",
  "ге",
  "бо",
];
const AR_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
const HAN_SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const HAN_GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国文辉玲鹏飞斌宇浩凯健俊帆帅旭宁龙林欣怡晨阳雪梅海波东亮志红";
const HAN_ORG = [
  "科技",
  "电子",
  "工业",
  "贸易",
  "集团",
  "研究所",
  "大学",
  "航空",
  "航天",
  "银行",
  "矿业",
  "开发",
  "国际",
  "机械",
  "能源",
  "化工",
  "通信",
];
const HAN_PLACES = [
  "北京",
  "上海",
  "天津",
  "深圳",
  "广州",
  "哈尔滨",
  "西安",
  "成都",
  "武汉",
  "南京",
  "大连",
  "沈阳",
  "长沙",
  "杭州",
];
const HAN_LEGAL = ["有限公司", "股份有限公司", "", "集团有限公司"];
const HANGUL_SYL =
  "김이박최정강조윤장임한오서신권황안송류홍전고문양손배백허남심노하곽성차주우구민진지엄채원천방공현함변염여추도소석선설마길연표명기반왕금옥육인맹제모탁국";
const HANGUL_GIVEN = "민서지현수영준호우진성훈재은혜경태희동철광명길남순자옥";
const KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン";
const GREEK = "αβγδεζηθικλμνξοπρστυφχψω";
const ORG_WORDS = [
  "Trading",
  "Industrial",
  "Electronics",
  "Aviation",
  "Shipping",
  "Engineering",
  "Technology",
  "Bank",
  "Mining",
  "Development",
  "Research Institute",
  "University",
  "Group",
  "International",
  "Logistics",
  "Energy",
  "Chemical",
  "Machinery",
];
const LEGAL = ["LLC", "Co., Ltd.", "JSC", "GmbH", "Limited", "Inc.", "", "", "OOO", "S.A."];
const COUNTRIES = [
  "ru",
  "cn",
  "kp",
  "ir",
  "sy",
  "by",
  "ve",
  "cu",
  "ae",
  "tr",
  "in",
  "pk",
  "jp",
  "kr",
  "de",
  "us",
  "gb",
  "fr",
];

function pick<T>(r: () => number, xs: readonly T[] | string): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

function latinWord(r: () => number, syllables: number): string {
  let w = "";
  for (let i = 0; i < syllables; i++)
    w += pick(r, LATIN_ONSETS) + pick(r, LATIN_VOWELS) + (i === syllables - 1 ? pick(r, LATIN_CODAS) : "");
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function chars(r: () => number, alphabet: string, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += pick(r, alphabet);
  return s;
}

/** One synthetic name of the given kind. */
export function syntheticName(r: () => number, kind: number): { name: string; schema: ListEntity["schema"] } {
  switch (kind) {
    case 0:
    case 1:
    case 2:
    case 3: {
      const given = latinWord(r, 2 + Math.floor(r() * 2));
      const family = latinWord(r, 2 + Math.floor(r() * 2)).toUpperCase();
      const middle = r() < 0.3 ? ` ${latinWord(r, 2)}` : "";
      return {
        name: r() < 0.5 ? `${family}, ${given}${middle}` : `${given}${middle} ${family}`,
        schema: "Person",
      };
    }
    case 4:
    case 5: {
      const words = [latinWord(r, 2 + Math.floor(r() * 2)), pick(r, ORG_WORDS)];
      if (r() < 0.4) words.push(pick(r, ORG_WORDS));
      const legal = pick(r, LEGAL);
      return { name: `${words.join(" ")}${legal ? ` ${legal}` : ""}`.toUpperCase(), schema: "Organization" };
    }
    case 6: {
      let given = "";
      let family = "";
      for (let i = 0; i < 2; i++) given += pick(r, CYR_SYL);
      for (let i = 0; i < 2 + Math.floor(r() * 2); i++) family += pick(r, CYR_SYL);
      return { name: `${family} ${given}`, schema: "Person" };
    }
    case 7:
      return {
        name: `${chars(r, AR_LETTERS, 3 + Math.floor(r() * 3))} ${chars(r, AR_LETTERS, 4 + Math.floor(r() * 3))}`,
        schema: "Person",
      };
    case 8:
      return { name: pick(r, HAN_SURNAMES) + chars(r, HAN_GIVEN, 1 + Math.floor(r() * 2)), schema: "Person" };
    case 9: {
      const org =
        pick(r, HAN_PLACES) +
        chars(r, HAN_GIVEN, 2) +
        pick(r, HAN_ORG) +
        pick(r, HAN_ORG) +
        pick(r, HAN_LEGAL);
      return { name: org, schema: "Organization" };
    }
    case 10:
      return { name: pick(r, HANGUL_SYL) + chars(r, HANGUL_GIVEN, 2), schema: "Person" };
    case 11:
      return {
        name: `${chars(r, KANA, 3 + Math.floor(r() * 3))}・${chars(r, KANA, 3 + Math.floor(r() * 2))}`,
        schema: "Person",
      };
    default:
      return {
        name: `${chars(r, GREEK, 5 + Math.floor(r() * 3))} ${chars(r, GREEK, 6 + Math.floor(r() * 3))}`,
        schema: "Person",
      };
  }
}

/** Kind mix: ~31 % Latin persons, 15 % Latin organisations, the rest spread over other scripts. */
const KIND_WEIGHTS = [0.08, 0.08, 0.08, 0.07, 0.08, 0.07, 0.1, 0.09, 0.1, 0.06, 0.09, 0.05, 0.05];

function pickKind(r: () => number): number {
  let x = r();
  for (let k = 0; k < KIND_WEIGHTS.length; k++) {
    x -= KIND_WEIGHTS[k]!;
    if (x < 0) return k;
  }
  return 0;
}

/** The i-th synthetic entity (deterministic for a given seed). */
export function* syntheticEntities(count: number, seed = 42): Generator<ListEntity> {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const kind = pickKind(r);
    const primary = syntheticName(r, kind);
    const names: ListEntity["names"] = [{ name: primary.name, kind: "primary" }];
    if (r() < 0.35) names.push({ name: syntheticName(r, kind).name, kind: "alias" });
    if (r() < 0.1) names.push({ name: syntheticName(r, pickKind(r)).name, kind: "originalScript" });
    const person = primary.schema === "Person";
    const year = 1940 + Math.floor(r() * 60);
    yield {
      source: "synthetic",
      sourceId: `S${i}`,
      schema: primary.schema,
      names,
      countries: r() < 0.8 ? [pick(r, COUNTRIES)] : [],
      birthDates: person && r() < 0.7 ? [`${year}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`] : [],
      identifiers: r() < 0.2 ? [{ scheme: "passport", value: `P${Math.floor(r() * 1e8)}` }] : [],
      programs: [pick(r, ["SDN", "DPRK", "IRAN", "RUSSIA-EO14024", "Entity List", "EUL"])],
    };
  }
}

/** A query derived from an entity name with a typo (swap two letters), for latency runs. */
export function perturb(r: () => number, name: string): string {
  const chars = [...name];
  if (chars.length < 4 || r() < 0.5) return name;
  const i = 1 + Math.floor(r() * (chars.length - 3));
  const t = chars[i]!;
  chars[i] = chars[i + 1]!;
  chars[i + 1] = t;
  return chars.join("");
}
