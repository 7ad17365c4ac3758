import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  estimateSimilarity,
  fingerprint,
  jaccard,
  LSH_BANDS,
  minhash,
  NEAR_DUPLICATE_THRESHOLD,
  normaliseMessage,
  shingleLength,
  shingles,
} from "./text-similarity-engine.js";

// Recruiter templates as they arrive at different people: names, titles and a sentence changed.
const EN_A = `Dear Dr. Tanaka, I came across your impressive profile and your work on solid-state battery
electrolytes. Our client, a fast-growing technology company in Shenzhen, is looking for a part-time technical
adviser. The role is remote, flexible and very well paid (USD 3,000 per consultation), and all travel for an
on-site visit would be covered. Could we continue this conversation on WeChat or your private e-mail? Best regards,
Kevin Lee, Senior Talent Partner`;
const EN_B = `Dear Prof. Sato,
I came across your impressive profile and your work on solid state battery electrolytes! Our client, a fast growing
technology company in Shenzhen, is looking for a part-time technical adviser. The role is remote, flexible and very
well paid (USD 3,500 per consultation), and all travel for an on-site visit would be covered.
Could we continue this conversation on WeChat or your personal email?
Best regards, Kevin Lee — Senior Talent Partner`;
const EN_UNRELATED = `Hello team, the quarterly safety inspection of the chemistry building is scheduled for next
Tuesday at 10am. Please make sure that fume hoods are cleared, waste containers are labelled and that the emergency
shower has been tested. Contact facilities if you need extra time.`;
const EN_UNRELATED_2 = `Thank you for submitting your manuscript to the Journal of Applied Physics. The editor has
assigned two reviewers and you should expect a decision within six weeks. Please do not reply to this automated
message; use the submission portal for any questions about the review.`;

const JA_A = `田中先生
突然のご連絡失礼いたします。先生の全固体電池の電解質に関するご研究を拝見し、大変感銘を受けました。
弊社のクライアント（深圳の成長企業）が技術顧問を探しております。リモートで月数回のご相談、1回あたり30万円の謝礼、
現地視察の旅費はすべて先方負担です。詳細は WeChat か個人のメールでお話しできますでしょうか。
ケビン・リー（シニア・タレントパートナー）`;
const JA_B = `佐藤先生
突然のご連絡失礼いたします。先生の全固体電池の電解質に関するご研究を拝見し、たいへん感銘を受けました。
弊社クライアント（深圳の成長企業）が技術顧問を探しております。リモートで月数回のご相談、一回あたり35万円の謝礼、
現地視察の旅費は全て先方負担です。詳細はWeChatか個人メールでお話しできますでしょうか。
ケビン・リー（シニア タレントパートナー）`;
const JA_UNRELATED = `研究室の皆さま
来週火曜日の10時から化学棟の定期安全点検があります。ドラフトチャンバー内を片付け、廃液容器にラベルを貼り、
緊急シャワーの動作確認をお願いします。時間が足りない場合は施設課までご連絡ください。`;
const JA_UNRELATED_2 = `お世話になっております。先日の学会での発表資料をお送りいたします。ご質問の件につきましては、
来月の共同研究打ち合わせの際に改めてご説明いたします。引き続きどうぞよろしくお願いいたします。`;

const sim = (a: string, b: string) =>
  estimateSimilarity(fingerprint(a)!.signature, fingerprint(b)!.signature);
const exact = (a: string, b: string) => jaccard(shingles(normaliseMessage(a)), shingles(normaliseMessage(b)));

describe("normalisation and shingles", () => {
  it("folds width, case, kana and punctuation so trivial edits vanish", () => {
    expect(normaliseMessage("ＡＢＣ abc、あいう アイウ!")).toBe("abcabcアイウアイウ");
    expect(normaliseMessage("山田 様")).toBe(normaliseMessage("山田様"));
  });

  it("uses 3-character shingles for Japanese and 5 for alphabetic text", () => {
    expect(shingleLength(normaliseMessage(JA_A))).toBe(3);
    expect(shingleLength(normaliseMessage(EN_A))).toBe(5);
    expect([...shingles("abcdef", 5)]).toEqual(["abcde", "bcdef"]);
    expect([...shingles("ab", 5)]).toEqual(["ab"]);
  });

  it("refuses to fingerprint a text too short to compare", () => {
    expect(fingerprint("Hi, let's talk on WeChat")).toBeNull();
    expect(fingerprint(EN_A)).not.toBeNull();
  });
});

describe("near-duplicate detection", () => {
  it("clusters English template messages sent to different people", () => {
    expect(exact(EN_A, EN_B)).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
    expect(sim(EN_A, EN_B)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it("clusters Japanese template messages sent to different people", () => {
    expect(exact(JA_A, JA_B)).toBeGreaterThan(NEAR_DUPLICATE_THRESHOLD);
    expect(sim(JA_A, JA_B)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it("keeps unrelated messages apart, in each language and across languages", () => {
    const pairs: [string, string][] = [
      [EN_A, EN_UNRELATED],
      [EN_A, EN_UNRELATED_2],
      [EN_UNRELATED, EN_UNRELATED_2],
      [JA_A, JA_UNRELATED],
      [JA_A, JA_UNRELATED_2],
      [JA_UNRELATED, JA_UNRELATED_2],
      [JA_A, EN_A],
    ];
    for (const [a, b] of pairs) {
      expect(sim(a, b), `${a.slice(0, 20)} / ${b.slice(0, 20)}`).toBeLessThan(0.2);
      expect(exact(a, b)).toBeLessThan(0.2);
    }
  });

  it("puts near-duplicates in a shared LSH band and unrelated texts in none", () => {
    const bandsOf = (t: string) => new Set(fingerprint(t)!.bands);
    const shared = (a: string, b: string) => [...bandsOf(a)].filter((x) => bandsOf(b).has(x)).length;
    expect(shared(EN_A, EN_B)).toBeGreaterThan(0);
    expect(shared(JA_A, JA_B)).toBeGreaterThan(0);
    expect(shared(EN_A, EN_UNRELATED)).toBe(0);
    expect(shared(JA_A, JA_UNRELATED)).toBe(0);
    expect(fingerprint(EN_A)!.bands).toHaveLength(LSH_BANDS);
  });

  it("estimates Jaccard within a few points of the exact value (property)", () => {
    const words = ["alpha", "beta", "gamma", "delta", "研究", "技術", "顧問", "謝礼", "epsilon", "zeta"];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 20, maxLength: 60 }),
        fc.array(fc.constantFrom(...words), { minLength: 20, maxLength: 60 }),
        (a, b) => {
          const sa = shingles(normaliseMessage(a.join(" ")), 5);
          const sb = shingles(normaliseMessage(b.join(" ")), 5);
          const est = estimateSimilarity(minhash(sa), minhash(sb));
          // 128 permutations: standard error ≤ 0.045; allow 4 standard errors.
          expect(Math.abs(est - jaccard(sa, sb))).toBeLessThan(0.18);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("gives identical texts similarity 1 and is symmetric (property)", () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 50, maxLength: 300 }),
        fc.string({ minLength: 50, maxLength: 300 }),
        (a, b) => {
          const fa = fingerprint(a);
          const fb = fingerprint(b);
          if (!fa || !fb) return;
          expect(estimateSimilarity(fa.signature, fa.signature)).toBe(1);
          expect(estimateSimilarity(fa.signature, fb.signature)).toBe(
            estimateSimilarity(fb.signature, fa.signature),
          );
        },
      ),
      { numRuns: 50 },
    );
  });
});
