import { describe, expect, it } from "vitest";
import { attachmentProblem, safeFileName, sniffAttachment } from "./attachment-engine.js";

const bytes = (...b: number[]) => new Uint8Array(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("attachment types", () => {
  it("recognises screenshots, PDFs, text and saved e-mails by content", () => {
    expect(sniffAttachment(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0))?.mediaType).toBe(
      "image/png",
    );
    expect(sniffAttachment(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10))?.mediaType).toBe("image/jpeg");
    expect(sniffAttachment(utf8("GIF89a......"))?.mediaType).toBe("image/gif");
    expect(sniffAttachment(utf8("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "))?.mediaType).toBe("image/webp");
    expect(sniffAttachment(utf8("%PDF-1.7\n%âãÏÓ"))?.kind).toBe("document");
    expect(sniffAttachment(utf8("突然のご連絡失礼いたします。技術顧問のご相談です。"))).toMatchObject({
      kind: "message_text",
      mediaType: "text/plain; charset=utf-8",
    });
    expect(
      sniffAttachment(
        utf8("From: kevin@example.com\r\nTo: a@b.jp\r\nSubject: Offer\r\nDate: Mon, 2 Jun 2025\r\n\r\nHello"),
      ),
    ).toMatchObject({ mediaType: "message/rfc822", extension: "eml" });
  });

  it("refuses executables, archives and text that is not UTF-8", () => {
    expect(sniffAttachment(utf8("MZ\u0090\u0000\u0003\u0000"))).toBeUndefined(); // Windows executable
    expect(sniffAttachment(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0))).toBeUndefined(); // ZIP / docx
    expect(sniffAttachment(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0))).toBeUndefined(); // ELF
    expect(sniffAttachment(bytes(0x93, 0xfa, 0x96, 0x7b))).toBeUndefined(); // Shift_JIS "日本"
  });
});

describe("attachment problems", () => {
  const png = sniffAttachment(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a));
  it("names the file and the limit when it is too large, and says the draft is kept", () => {
    const p = attachmentProblem("screenshot.png", 0, true, png, 5 * 1024 * 1024);
    expect(p?.code).toBe("too_large");
    expect(p?.message.ja).toContain("「screenshot.png」は大きすぎます（上限 5 MB）");
    expect(p?.message.en).toContain("kept as a draft");
  });

  it("names the file and the accepted types when the type is wrong", () => {
    const p = attachmentProblem("setup.exe", 100, false, undefined, 1024);
    expect(p?.code).toBe("wrong_type");
    expect(p?.message.en).toContain('"setup.exe" is not a file type that can be attached');
    expect(p?.message.ja).toContain("PNG");
  });

  it("accepts a file of the right type and size", () => {
    expect(attachmentProblem("a.png", 100, false, png, 1024)).toBeUndefined();
    expect(attachmentProblem("a.png", 0, false, png, 1024)?.code).toBe("empty");
  });

  it("makes file names safe to show and store", () => {
    expect(safeFileName("C:\\Users\\x\\..\\evil<script>.png", "png")).toBe("evil_script_.png");
    expect(safeFileName("../../etc/passwd", "txt")).toBe("passwd");
    expect(safeFileName("", "png")).toBe("attachment.png");
    expect(safeFileName("...", "png")).toBe("attachment.png");
    expect([...safeFileName("あ".repeat(300), "txt")]).toHaveLength(200);
  });
});
