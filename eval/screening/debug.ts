/** Developer aid: `node dist/eval/screening/debug.js QUERY LISTNAME…` prints analyses and scores. */
import { analyzeName, compareNames } from "../../src/screening/engine/index.js";

const [q, ...names] = process.argv.slice(2);
const show = (s: string) => {
  const a = analyzeName(s);
  console.log(
    s,
    "=>",
    a.forms
      .map((f) => `${f.method}: ${f.tokens.map((t) => `${t.alts.join("/")}@${t.weight}`).join(" ")}`)
      .join(" | "),
    a.cjk ?? "",
  );
  return a;
};
const qa = show(q ?? "");
for (const n of names) {
  const na = show(n);
  console.log("  ->", JSON.stringify(compareNames(qa, na)));
}
