/**
 * What an approach report may carry as attachments: message texts and screenshots (and PDFs of
 * messages), each limited in size. The type is decided from the file's first bytes, never from the
 * name or the browser's claim, so a renamed executable is refused. Pure: no IO.
 */
import type { Bilingual } from "./approach-risk-engine.js";

export type AttachmentKind = "message_text" | "screenshot" | "document";

export type SniffedType = { mediaType: string; kind: AttachmentKind; extension: string };

/** Attachments a report may hold at most. */
export const MAX_ATTACHMENTS_PER_REPORT = 10;

const startsWith = (bytes: Uint8Array, sig: number[], offset = 0) =>
  bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);

function isUtf8Text(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // Text files have no NUL bytes and few control characters.
    if (text.includes("\u0000")) return false;
    let controls = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x0b) || c === 0x7f)
        controls++;
    }
    return controls <= Math.max(2, text.length / 1000);
  } catch {
    return false;
  }
}

/** Looks like an e-mail saved as a file: RFC 5322 header lines at the top. */
function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, 4000);
  return (
    /^(received|from|to|subject|date|message-id|return-path|mime-version|delivered-to):/im.test(head) &&
    /^(from|subject|date):/im.test(head) &&
    /\r?\n\r?\n/.test(head)
  );
}

/**
 * The type of a file from its content: PNG, JPEG, GIF, WebP, PDF, a saved e-mail (.eml) or UTF-8
 * text; undefined for anything else.
 */
export function sniffAttachment(bytes: Uint8Array): SniffedType | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: "image/png", kind: "screenshot", extension: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { mediaType: "image/jpeg", kind: "screenshot", extension: "jpg" };
  if (
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) &&
    (bytes[4] === 0x37 || bytes[4] === 0x39) &&
    bytes[5] === 0x61
  )
    return { mediaType: "image/gif", kind: "screenshot", extension: "gif" };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8))
    return { mediaType: "image/webp", kind: "screenshot", extension: "webp" };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mediaType: "application/pdf", kind: "document", extension: "pdf" };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  if (body.length > 0 && isUtf8Text(body)) {
    const text = new TextDecoder("utf-8").decode(body.subarray(0, 8000));
    return looksLikeEmail(text)
      ? { mediaType: "message/rfc822", kind: "message_text", extension: "eml" }
      : { mediaType: "text/plain; charset=utf-8", kind: "message_text", extension: "txt" };
  }
  return undefined;
}

/** A display-safe file name: no directories, no control characters, at most 200 characters. */
export function safeFileName(raw: string | undefined, fallbackExtension: string): string {
  const base = (raw ?? "")
    .normalize("NFC")
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}"<>|*?:]/gu, "_")
    .trim()
    .replace(/^\.+/, "");
  const name = base === "" ? `attachment.${fallbackExtension}` : base;
  return [...name].slice(0, 200).join("");
}

export type AttachmentProblem = {
  fileName: string;
  code: "too_large" | "wrong_type" | "empty";
  message: Bilingual;
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 10 ? mb.toFixed(0) : mb.toFixed(1).replace(/\.0$/, "");
}

/** The problem with one uploaded file, worded so the reporter knows what to do, or undefined. */
export function attachmentProblem(
  fileName: string,
  size: number,
  truncated: boolean,
  sniffed: SniffedType | undefined,
  maxBytes: number,
): AttachmentProblem | undefined {
  if (truncated || size > maxBytes) {
    return {
      fileName,
      code: "too_large",
      message: {
        ja: `「${fileName}」は大きすぎます（上限 ${megabytes(maxBytes)} MB）。画像を縮小するか、必要な部分だけを添付してください。報告の内容は下書きとして保存されています。`,
        en: `"${fileName}" is too large (limit ${megabytes(maxBytes)} MB). Shrink the image or attach only the relevant part. Your report is kept as a draft.`,
      },
    };
  }
  if (size === 0) {
    return {
      fileName,
      code: "empty",
      message: { ja: `「${fileName}」は空のファイルです。`, en: `"${fileName}" is empty.` },
    };
  }
  if (!sniffed) {
    return {
      fileName,
      code: "wrong_type",
      message: {
        ja: `「${fileName}」は添付できない種類のファイルです。スクリーンショット（PNG・JPEG・GIF・WebP）、PDF、テキスト（UTF-8）、保存したメール（.eml）を添付してください。報告の内容は下書きとして保存されています。`,
        en: `"${fileName}" is not a file type that can be attached. Attach screenshots (PNG, JPEG, GIF, WebP), PDFs, UTF-8 text or saved e-mails (.eml). Your report is kept as a draft.`,
      },
    };
  }
  return undefined;
}
