import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  hashRecoveryCode,
  looksLikeRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  totpCode,
  totpStep,
  totpUri,
  verifyTotp,
} from "./totp.js";

describe("TOTP (RFC 6238)", () => {
  // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" (base32 below), 8 digits → the last 6.
  const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("matches the RFC test vector at %i s", (seconds, code) => {
    expect(totpCode(RFC_SECRET, new Date(seconds * 1000))).toBe(code);
  });
  it("accepts one step of drift, and each step only once", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-05-01T00:00:15Z");
    const code = totpCode(secret, now);
    const step = verifyTotp(secret, code, now, null);
    expect(step).toBe(totpStep(now));
    expect(verifyTotp(secret, code, now, step)).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step! - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
    expect(verifyTotp(secret, "12345", now, null)).toBeNull();
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(step);
  });
  it("builds an otpauth URI apps read", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXP", "sato");
    expect(uri).toMatch(/^otpauth:\/\/totp\/Sekimori:sato\?/);
    expect(uri).toContain("secret=JBSWY3DPEHPK3PXP");
    expect(uri).toContain("digits=6");
  });
});

describe("recovery codes", () => {
  it("are distinct, look like recovery codes and hash regardless of case and dashes", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(looksLikeRecoveryCode(c)).toBe(true);
      expect(hashRecoveryCode(c.toUpperCase().replace(/-/g, " "))).toBe(hashRecoveryCode(c));
    }
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
  it("never hash two different codes alike (property)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z2-9]{16}$/), fc.stringMatching(/^[a-z2-9]{16}$/), (a, b) => {
        fc.pre(a !== b);
        expect(hashRecoveryCode(a)).not.toBe(hashRecoveryCode(b));
      }),
    );
  });
});
