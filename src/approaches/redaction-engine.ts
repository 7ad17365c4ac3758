/**
 * Hides a reporter's known names inside free text (the pasted message, the account) when a report
 * leaves the organisation pseudonymised — e.g. the police PDF. A message addressed 「田中先生、…」 or
 * "Dear Dr Tanaka" would otherwise name the reporter the PDF's header hides. Pure: no IO.
 */

const HONORIFICS = "(?:さん|先生|様|さま|氏|君|くん|ちゃん|教授|准教授|博士|殿)";
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN_WORD = /^[\p{Script=Latin}][\p{Script=Latin}'.-]*$/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The forms a person's name takes in text: the display name as written and without spaces, each
 * part (family or given name), Latin names in both orders, the username and the e-mail address
 * and its local part. Very short parts are dropped (a one-letter Latin initial would hide every
 * "a"); a one-character Japanese or Chinese name part is kept only before an honorific (「林さん」).
 */
export function nameVariants(input: {
  displayName: string;
  username?: string | null | undefined;
  email?: string | null | undefined;
}): { plain: string[]; beforeHonorific: string[] } {
  const plain = new Set<string>();
  const beforeHonorific = new Set<string>();
  const display = input.displayName.normalize("NFKC").trim();
  if (display) {
    plain.add(display);
    const parts = display.split(/[\s\u3000・,]+/).filter(Boolean);
    if (parts.length > 1) {
      plain.add(parts.join(""));
      if (parts.every((p) => LATIN_WORD.test(p))) plain.add([...parts].reverse().join(" "));
    }
    for (const part of parts) {
      if (CJK.test(part)) {
        if (part.length >= 2) plain.add(part);
        else beforeHonorific.add(part);
      } else if (part.length >= 3) plain.add(part);
    }
  }
  const username = input.username?.normalize("NFKC").trim();
  if (username && username.length >= 3 && !/^\d+$/.test(username)) plain.add(username);
  const email = input.email?.normalize("NFKC").trim();
  if (email?.includes("@")) {
    plain.add(email);
    const local = email.split("@")[0]!;
    if (local.length >= 3) plain.add(local);
  }
  return { plain: [...plain], beforeHonorific: [...beforeHonorific] };
}

/**
 * Replaces every occurrence of the names in the text with the replacement. Latin names match whole
 * words, ignoring case ("TANAKA", "tanaka"); Japanese and Chinese names match where they stand
 * (Japanese has no spaces between words). Longer forms are replaced first, so 「田中 花子」 becomes one
 * replacement, not two.
 */
export function redactNames(
  text: string,
  variants: { plain: string[]; beforeHonorific: string[] },
  replacement: string,
): string {
  let out = text;
  const byLength = [...variants.plain].sort((a, b) => b.length - a.length);
  for (const name of byLength) {
    const pattern = CJK.test(name)
      ? new RegExp(escapeRegExp(name).replace(/\s+/g, "[\\s\\u3000]*"), "gu")
      : new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(name).replace(/\s+/g, "\\s+")}(?![\\p{L}\\p{N}])`,
          "giu",
        );
    out = out.replace(pattern, replacement);
  }
  for (const name of variants.beforeHonorific) {
    out = out.replace(new RegExp(`${escapeRegExp(name)}(?=${HONORIFICS})`, "gu"), replacement);
  }
  return out;
}
