/**
 * The server's request and response shapes, read from the types generated from its OpenAPI
 * document (`schema.d.ts`, `npm run gen:api`). Feature `api.ts` files name these instead of
 * re-declaring them, so a changed route schema breaks `tsc` for the web instead of a user's screen.
 */
import type { paths } from "./schema";

type Method = "get" | "post" | "put" | "patch" | "delete";

/**
 * What a lookup gives when the route, method or JSON body does not exist: an object no real value
 * has, so a wrong path in an alias fails `tsc` where it is used (a silent `never` would not).
 */
export type NoSuchApiShape<Why extends string> = { readonly __noSuchApiShape: Why };

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : NoSuchApiShape<"no JSON body">;

type Operation<P extends keyof paths, M extends Method> = NonNullable<paths[P][M & keyof paths[P]]>;

/** The JSON body a route answers with on success (200, else 201). */
export type ApiResponse<P extends keyof paths, M extends Method = "get"> =
  Operation<P, M> extends {
    responses: infer R;
  }
    ? R extends { 200: infer OK }
      ? JsonOf<OK>
      : R extends { 201: infer Created }
        ? JsonOf<Created>
        : NoSuchApiShape<"no 200/201 response">
    : NoSuchApiShape<"no such method">;

/** The JSON body a route accepts. */
export type ApiRequestBody<P extends keyof paths, M extends Method = "post"> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : NoSuchApiShape<"no request body">;

/** The query parameters a route accepts. */
export type ApiQuery<P extends keyof paths, M extends Method = "get"> =
  Operation<P, M> extends {
    parameters: { query?: infer Q };
  }
    ? NonNullable<Q>
    : NoSuchApiShape<"no query parameters">;

/** One element of an array type (for list rows: `Item<ApiResponse<…>["items"]>`). */
export type Item<A> = A extends readonly (infer E)[] ? E : NoSuchApiShape<"not an array">;

export type { paths };
