/** The one way the web app talks to the server: JSON, the CSRF header, and errors as ApiError. */

export type FieldError = { path: string; message: string };

/** An error answered by the server, with its stable code and (localised) message and fields. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, fields: FieldError[] = []) {
    super(message);
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;
let currentLanguage = "ja";

/** Remembers the session's CSRF token (from login or GET /api/auth/session). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** Sends the UI language so that messages before login come back in it. */
export function setApiLanguage(lang: string): void {
  currentLanguage = lang;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": currentLanguage };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (csrfToken && method !== "GET") headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new ApiError(
      0,
      "network",
      currentLanguage === "ja" ? "サーバーに接続できません" : "Cannot reach the server",
    );
  }
  if (res.status === 204) return undefined as T;
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: FieldError[] };
  } | null;
  if (!res.ok) {
    const error = data?.error;
    if (res.status === 401 && !path.startsWith("/api/auth/login")) onUnauthenticated?.();
    throw new ApiError(
      res.status,
      error?.code ?? "http_error",
      error?.message ?? `HTTP ${res.status}`,
      error?.fields ?? [],
    );
  }
  return data as T;
}

/** Multipart upload (for files); the server answers JSON like every other route. */
export async function upload<T>(path: string, form: FormData): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json", "accept-language": currentLanguage };
  if (csrfToken) headers["x-csrf-token"] = csrfToken;
  const res = await fetch(path, { method: "POST", headers, body: form, credentials: "same-origin" });
  const data = (await res.json().catch(() => null)) as {
    error?: { code: string; message: string; fields?: FieldError[] };
  } | null;
  if (!res.ok) {
    if (res.status === 401) onUnauthenticated?.();
    throw new ApiError(
      res.status,
      data?.error?.code ?? "http_error",
      data?.error?.message ?? `HTTP ${res.status}`,
      data?.error?.fields ?? [],
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body: unknown = {}) => request<T>("POST", path, body),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, body),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, body),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") search.set(k, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
