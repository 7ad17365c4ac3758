import { z } from "zod";
import { actorOf, ROLE_GROUPS } from "../http/access.js";
import type { App } from "../http/server.js";
import {
  HIRE_WATCHLIST_EDITORS,
  HIRE_WATCHLISTS,
  type HireWatchlistService,
} from "./hire-watchlist-service.js";

const Bilingual = z.object({ ja: z.string(), en: z.string() });
const HireWatchlistSchema = z.object({
  eligible: z.boolean(),
  highRisk: z.boolean(),
  taskOpen: z.boolean(),
  mayAdd: z.boolean(),
  lists: z.array(z.object({ value: z.enum(HIRE_WATCHLISTS), label: Bilingual })),
  entries: z.array(
    z.object({
      account: z.string(),
      list: z.enum(HIRE_WATCHLISTS),
      listLabel: Bilingual,
      addedBy: z.string(),
      addedAt: z.string(),
    }),
  ),
});
const IdParams = z.object({ id: z.uuid() });

/** A hiring review's accounts on the insider-risk watchlist (issue 15 §4). */
export function registerHireWatchlistRoutes(
  app: App,
  { hireWatchlist }: { hireWatchlist: HireWatchlistService },
) {
  app.get(
    "/api/reviews/:id/watchlist",
    {
      config: { access: ROLE_GROUPS.everyone },
      schema: {
        tags: ["reviews"],
        summary:
          "Whether an approved hire's account can go on the insider watchlist, and the accounts already added",
        params: IdParams,
        response: { 200: HireWatchlistSchema },
      },
    },
    async (req) => hireWatchlist.get(actorOf(req), req.params.id),
  );
  app.post(
    "/api/reviews/:id/watchlist",
    {
      config: { access: [...HIRE_WATCHLIST_EDITORS] },
      schema: {
        tags: ["reviews"],
        summary:
          "Put the approved hire's account on an insider watchlist (audited; closes the follow-up task of a high-risk hire)",
        params: IdParams,
        body: z.object({ account: z.string().max(400), list: z.string().max(40) }),
        response: { 200: HireWatchlistSchema },
      },
    },
    async (req) => hireWatchlist.add(actorOf(req), req.params.id, req.body),
  );
}
