import type { FastifySchemaCompiler } from "fastify";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";
import type { FieldError } from "../shared/errors.js";

const jaLocale = z.locales.ja();
const enLocale = z.locales.en();

type RawIssue = z.core.$ZodIssue & { input?: unknown };

function localise(locale: { localeError: z.core.$ZodErrorMap }, issue: RawIssue): string {
  const result = locale.localeError(issue as never);
  if (typeof result === "string") return result;
  return result?.message ?? issue.message;
}

/**
 * Validates with Zod and keeps each raw issue, so the error handler can word it in the user's
 * language (Zod's own ja/en locales) and name the field.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return {
      error: result.error.issues.map((issue) => ({
        keyword: issue.code,
        instancePath: `/${issue.path.join("/")}`,
        schemaPath: "",
        params: { issue: issue as unknown as Record<string, unknown> },
        message: issue.message,
      })) as never,
    };
  };

export const serializerCompiler = zodSerializerCompiler;

/** Turns validation issues into field errors with both languages; custom messages are kept as they are. */
export function zodIssuesToFields(
  validation: { instancePath: string; params: Record<string, unknown>; message?: string }[],
  context: string | undefined,
): FieldError[] {
  return validation.map((v) => {
    const issue = v.params.issue as RawIssue | undefined;
    const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
    const prefix = context && context !== "body" ? `${context === "querystring" ? "query" : context}` : "";
    const fullPath = [prefix, path].filter(Boolean).join(".") || context || "body";
    if (!issue)
      return {
        path: fullPath,
        message: { ja: v.message ?? "不正な値です", en: v.message ?? "Invalid value" },
      };
    const isCustom = issue.code === "custom" && issue.message && issue.message !== "Invalid input";
    return {
      path: fullPath,
      message: isCustom
        ? bilingualCustom(issue.message)
        : { ja: localise(jaLocale, issue), en: localise(enLocale, issue) },
    };
  });
}

/** A custom Zod message may carry both languages as "日本語 | English"; otherwise both get the same text. */
function bilingualCustom(message: string): { ja: string; en: string } {
  const [ja, en] = message.split(" | ");
  return en ? { ja: ja ?? message, en } : { ja: message, en: message };
}

/** A Zod refinement message in both languages, in the form `zodIssuesToFields` understands. */
export function bilingual(ja: string, en: string): string {
  return `${ja} | ${en}`;
}
