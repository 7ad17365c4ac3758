import type { FastifyRequest } from "fastify";

/**
 * The language of messages for a request: the user's saved choice, else the browser's preference
 * between Japanese and English, else Japanese (the product's default).
 */
export function requestLanguage(req: FastifyRequest): "ja" | "en" {
  if (req.actor) return req.actor.locale;
  const header = req.headers["accept-language"];
  if (typeof header !== "string") return "ja";
  const prefs = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: tag.toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1 };
    })
    .filter((p) => p.lang === "ja" || p.lang === "en")
    .sort((a, b) => b.q - a.q);
  return prefs[0]?.lang === "en" ? "en" : "ja";
}
