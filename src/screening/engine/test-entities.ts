import type { ListEntity } from "../screening-contract.js";

/**
 * A hand-written list entity for engine tests (never copied from a list file): the first name is
 * the primary one, the others aliases, and every fact empty unless `extra` gives it. Shared so that
 * a change to the entity shape is made once for all engine tests.
 */
export function testEntity(
  sourceId: string,
  schema: ListEntity["schema"],
  names: string[],
  extra: Partial<ListEntity> = {},
): ListEntity {
  return {
    source: "test",
    sourceId,
    schema,
    names: names.map((name, i) => ({ name, kind: i === 0 ? ("primary" as const) : ("alias" as const) })),
    countries: [],
    birthDates: [],
    identifiers: [],
    programs: [],
    ...extra,
  };
}
