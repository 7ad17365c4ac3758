import { ApiError } from "./api";

/** Turns a server validation error into Mantine form errors keyed by field path. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
}
