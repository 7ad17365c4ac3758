import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { FitsResponse, UndescribedFields } from "./response-fit.js";

/**
 * The compile-time check must be able to fail: the `@ts-expect-error` lines below make `tsc` fail
 * if a forgotten field, a wrong type or a missing field ever stops being an error. The runtime part
 * shows why it matters: parsing through a response schema drops what the schema does not name.
 */
const Schema = z.object({
  id: z.string(),
  owner: z.object({ name: z.string() }).nullable(),
  rows: z.array(z.object({ at: z.string() })),
  basis: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("a"), date: z.string() }),
    z.object({ kind: z.literal("b"), reason: z.string() }),
  ]),
});

type Exact = {
  id: string;
  owner: { name: string } | null;
  rows: { at: string }[];
  basis: { kind: "a"; date: string } | { kind: "b"; reason: string };
};
const exactFits: FitsResponse<Exact, typeof Schema> = true;

type ExtraNested = Omit<Exact, "rows"> & { rows: { at: string; by: string }[] };
// @ts-expect-error — `.rows[].by` is not in the schema: it would be dropped from the response.
const extraNestedFits: FitsResponse<ExtraNested, typeof Schema> = true;

type ExtraInUnion = Omit<Exact, "basis"> & { basis: { kind: "a"; date: string; note: string } };
// @ts-expect-error — `.basis.note` is in no member of the union.
const extraInUnionFits: FitsResponse<ExtraInUnion, typeof Schema> = true;

type Missing = Omit<Exact, "owner">;
// @ts-expect-error — the schema requires `owner`, which the service does not return.
const missingFits: FitsResponse<Missing, typeof Schema> = true;

type WrongType = Omit<Exact, "id"> & { id: number };
// @ts-expect-error — `id` is a number where the schema wants a string.
const wrongTypeFits: FitsResponse<WrongType, typeof Schema> = true;

const undescribed: UndescribedFields<ExtraNested, z.output<typeof Schema>> = ".rows[].by";

describe("response schemas as the one source of the API's shapes", () => {
  it("name the undescribed field by its path (the checks themselves run in tsc)", () => {
    expect(undescribed).toBe(".rows[].by");
    expect([exactFits, extraNestedFits, extraInUnionFits, missingFits, wrongTypeFits]).toEqual(
      Array(5).fill(true),
    );
  });

  it("drop a field they do not name when a response is serialised", () => {
    const sent = Schema.parse({
      id: "1",
      owner: null,
      rows: [{ at: "2026-01-01", by: "someone" }],
      basis: { kind: "a", date: "2026-01-01" },
    });
    expect(sent.rows[0]).toEqual({ at: "2026-01-01" });
  });
});
