import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/**
 * TOTP (RFC 6238) for local accounts, through the maintained `otpauth` library: SHA-1, 6 digits,
 * 30-second steps (what every authenticator app reads from an otpauth:// URI), one step of clock
 * drift either way. A code is accepted once: the step it matched is remembered and an equal or
 * older step is refused, so a code read over someone's shoulder cannot be replayed.
 */

const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = "Sekimori";

/** A new random shared secret (160 bits, as RFC 4226 recommends), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: "SHA1",
    digits: DIGITS,
    period: PERIOD_SECONDS,
  });
}

/** The otpauth:// URI an authenticator app reads (from the QR code, or typed in). */
export function totpUri(secretBase32: string, username: string): string {
  return totp(secretBase32, username).toString();
}

/** The QR code of the URI as an SVG document, drawn here (nothing leaves the server). */
export function totpQrSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

/** The 30-second step a moment falls in. */
export function totpStep(at: Date): number {
  return Math.floor(at.getTime() / 1000 / PERIOD_SECONDS);
}

/** The code for a moment (tests and the CLI use it; users read it from their app). */
export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32, "x").generate({ timestamp: at.getTime() });
}

/**
 * Checks a code typed by the user. Returns the step it matched, or null when it is wrong, malformed
 * or not newer than `lastStep` (already used).
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const token = code.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secretBase32, "x").validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

// Recovery codes: 16 characters from a 31-letter alphabet without look-alikes (79 bits each), shown
// once, stored only as SHA-256 (their entropy makes a slow hash unnecessary).
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
export const RECOVERY_CODE_COUNT = 10;

/** A fresh set of one-time recovery codes, formatted `xxxx-xxxx-xxxx-xxxx`. */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes: string[] = [];
  while (codes.length < count) {
    const bytes = randomBytes(32);
    let raw = "";
    for (const b of bytes) {
      if (raw.length === 16) break;
      if (b < 256 - (256 % RECOVERY_ALPHABET.length)) raw += RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length];
    }
    if (raw.length === 16) codes.push(raw.match(/.{4}/g)!.join("-"));
  }
  return codes;
}

/** The stored form of a recovery code: case, spaces and dashes do not matter when typed. */
export function hashRecoveryCode(code: string): string {
  const canonical = code.toLowerCase().replace(/[^a-z0-9]/g, "");
  return createHash("sha256").update(`sekimori-recovery:${canonical}`).digest("hex");
}

/** True when the text looks like a recovery code rather than a 6-digit TOTP code. */
export function looksLikeRecoveryCode(text: string): boolean {
  return text.replace(/[^a-zA-Z0-9]/g, "").length === 16;
}
