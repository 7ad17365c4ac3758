/** A message in both UI languages; the HTTP layer picks one per request. */
export type Bilingual = { ja: string; en: string };

/** One invalid field: a dotted path into the request (e.g. `names.2.name`) and why. */
export type FieldError = { path: string; message: Bilingual };

/**
 * An error the user can act on: a stable code for programs, a message in Japanese and English for
 * people, and optionally the fields at fault. Anything else thrown becomes a logged 500.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Bilingual;
  readonly fields: FieldError[] | undefined;
  constructor(status: number, code: string, messages: Bilingual, fields?: FieldError[]) {
    super(messages.en);
    this.name = "AppError";
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.fields = fields;
  }
}

/** The entity does not exist (or the caller may not know it exists). */
export function notFound(what: Bilingual): AppError {
  return new AppError(404, "not_found", { ja: `${what.ja}が見つかりません`, en: `${what.en} not found` });
}

/** The request is well-formed but invalid: names the fields. */
export function invalid(fields: FieldError[], message?: Bilingual): AppError {
  return new AppError(
    400,
    "validation_failed",
    message ?? { ja: "入力内容に誤りがあります", en: "Some fields are invalid" },
    fields,
  );
}

/** The caller is logged in but this action is not theirs to take. */
export function forbidden(message?: Bilingual): AppError {
  return new AppError(
    403,
    "forbidden",
    message ?? { ja: "この操作を行う権限がありません", en: "You do not have permission for this action" },
  );
}

/** The action contradicts the current state (stale version, duplicate, illegal transition). */
export function conflict(code: string, message: Bilingual): AppError {
  return new AppError(409, code, message);
}
