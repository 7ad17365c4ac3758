import { describe, expect, it } from "vitest";
import {
  feedbackFrom,
  type MaskContext,
  maskAddress,
  maskObject,
  maskSourceAddress,
  pseudonymOf,
} from "./privacy.js";

describe("pseudonyms", () => {
  it("are stable per secret, differ between accounts and installations, and read cleanly", () => {
    const a = pseudonymOf("secret-1", "ACM2278");
    expect(a).toMatch(/^P-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    expect(pseudonymOf("secret-1", "ACM2278")).toBe(a);
    expect(pseudonymOf("secret-1", "ACM2279")).not.toBe(a);
    expect(pseudonymOf("secret-2", "ACM2278")).not.toBe(a);
  });
});

describe("masking evidence", () => {
  const ctx: MaskContext = {
    internalDomains: new Set(["dtaa.com"]),
    pseudonymByEmail: new Map([["abel.adams@dtaa.com", "P-AAAA-BBBB"]]),
    pseudonymByKey: new Map([["ACM2278", "P-CCCC-DDDD"]]),
  };
  it("keeps only what triage needs from addresses", () => {
    expect(maskAddress("Abel.Adams@dtaa.com", ctx)).toBe("P-AAAA-BBBB@dtaa.com");
    expect(maskAddress("someone.else@dtaa.com", ctx)).toBe("(internal)@dtaa.com");
    expect(maskAddress("abel.home@gmail.com", ctx)).toBe("***@gmail.com");
    expect(maskAddress("garbage", ctx)).toBe("***");
  });
  it("replaces account names in paths", () => {
    expect(maskObject("C:\\Users\\ACM2278\\Documents\\plan.docx", ctx)).toBe(
      "C:\\Users\\P-CCCC-DDDD\\Documents\\plan.docx",
    );
    expect(maskObject("/home/jdoe/notes.txt", ctx)).toBe("/home/***/notes.txt");
    expect(maskObject("\\\\fs01\\projects\\p1\\a.pdf", ctx)).toBe("\\\\fs01\\projects\\p1\\a.pdf");
  });
});

describe("triage feedback", () => {
  const now = new Date("2024-06-01T00:00:00Z");
  it("is neutral without outcomes and moves weights within bounds", () => {
    expect(feedbackFrom([], now)).toEqual({ indicators: {}, users: {}, userIndicators: {} });
    const fb = feedbackFrom(
      [
        { subjectKey: "A", status: "confirmed", indicatorIds: ["I-USB-CONFIDENTIAL"], triagedAt: now },
        { subjectKey: "B", status: "non_issue", indicatorIds: ["I-USB-VOLUME"], triagedAt: now },
        {
          subjectKey: "C",
          status: "non_issue",
          indicatorIds: ["I-USB-VOLUME"],
          triagedAt: new Date("2023-01-01"),
        },
      ],
      now,
    );
    expect(fb.indicators!["I-USB-CONFIDENTIAL"]).toBeCloseTo(0.5 + 2 / 3, 3);
    expect(fb.indicators!["I-USB-VOLUME"]).toBe(0.75);
    expect(fb.users).toEqual({ A: 1.25 });
    expect(fb.userIndicators).toEqual({ B: { "I-USB-VOLUME": 0.5 } });
    const many = feedbackFrom(
      Array.from({ length: 50 }, () => ({
        subjectKey: "X",
        status: "non_issue" as const,
        indicatorIds: ["I-JOB-SEARCH"],
        triagedAt: now,
      })),
      now,
    );
    expect(many.indicators!["I-JOB-SEARCH"]).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ["203.0.113.7 (JP AS2516 KDDI CORPORATION)", "203.0.x.x (JP AS2516 KDDI CORPORATION)"],
    ["2001:db8:85a3::8a2e:370:7334 (US AS7922 COMCAST-7922)", "2001:db8::x (US AS7922 COMCAST-7922)"],
    ["10.20.3.4", "10.20.x.x"],
    ["", ""],
  ])("masks a sign-in's source address %s → %s, keeping country and network", (raw, masked) => {
    expect(maskSourceAddress(raw)).toBe(masked);
  });
});
