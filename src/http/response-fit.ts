import type { z } from "zod";

/** Every key of any object member of S (a union's members may differ, as in a discriminated union). */
type AllKeys<S> = S extends object ? keyof S : never;
/** The value at K in whichever object members of S have it. */
type ValueAt<S, K> = S extends object ? (K extends keyof S ? S[K] : never) : never;
type ElementOf<S> = S extends readonly (infer E)[] ? E : never;

/**
 * The fields of T (by path, e.g. `.usages[].createdAt`) that the response type S does not describe.
 * Fastify serialises a response through its Zod schema, which DROPS every field the schema does not
 * name: a field the service adds but the schema forgets would silently never reach the web.
 */
export type UndescribedFields<T, S, P extends string = ""> = T extends readonly (infer E)[]
  ? UndescribedFields<E, ElementOf<Extract<S, readonly unknown[]>>, `${P}[]`>
  : T extends Date
    ? never
    : T extends object
      ? {
          [K in keyof T & string]-?: K extends AllKeys<S>
            ? UndescribedFields<T[K], ValueAt<S, K>, `${P}.${K}`>
            : `${P}.${K}`;
        }[keyof T & string]
      : never;

/**
 * Compile-time proof that a service's shape T and a route's response schema S agree both ways:
 * T passes S (the constraint; a field S requires that T lacks or types differently fails here) and S
 * names every field of T (the value; `true` only type-checks when nothing would be dropped, else the
 * error lists the undescribed paths). Write `export const xFitsSchema: FitsResponse<X, typeof XSchema> = true;`.
 */
export type FitsResponse<T extends z.input<S>, S extends z.ZodType> = [
  UndescribedFields<T, z.output<S>>,
] extends [never]
  ? true
  : { undescribedFields: UndescribedFields<T, z.output<S>> };
