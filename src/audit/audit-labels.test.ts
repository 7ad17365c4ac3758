import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REVIEW_ACTIONS } from "../reviews/workflow-engine.js";
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionLabel,
  auditEntityLabel,
  systemActorLabel,
} from "./audit-labels.js";

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
  });
}

/** Every audit action and entity type written anywhere in src/ (literals on `action:` / `entityType:` lines). */
function writtenCodes(): { actions: Set<string>; entityTypes: Set<string> } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (/\baction:/.test(line)) {
        for (const m of line.matchAll(/"([a-z][a-z_]*(?:\.[a-z_]+)+)"/g)) actions.add(m[1]!);
      }
      const et = /\bentityType: "([a-z_]+)"/.exec(line);
      if (et) entityTypes.add(et[1]!);
    }
  }
  for (const a of REVIEW_ACTIONS) actions.add(`review.${a}`);
  return { actions, entityTypes };
}

describe("audit labels", () => {
  it("every action and entity type written in src/ has a Japanese and an English label", () => {
    const { actions, entityTypes } = writtenCodes();
    expect(actions.size).toBeGreaterThan(50);
    const missing = [...actions].filter((a) => !AUDIT_ACTION_LABELS[a]);
    expect(missing, "add these actions to src/audit/audit-labels.ts").toEqual([]);
    const missingTypes = [...entityTypes].filter((t) => !AUDIT_ENTITY_LABELS[t]);
    expect(missingTypes, "add these entity types to src/audit/audit-labels.ts").toEqual([]);
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_ENTITY_LABELS)]) {
      expect(label.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(label.en).not.toMatch(/^[a-z_.]+$/);
    }
  });

  it("labels known codes and keeps unknown ones visible", () => {
    expect(auditActionLabel("auth.login")).toEqual({ ja: "ログイン", en: "Logged in" });
    expect(auditActionLabel("party.teleported")).toEqual({
      ja: "取引先・関係者（party.teleported）",
      en: "Party (party.teleported)",
    });
    expect(auditActionLabel("weird")).toEqual({ ja: "weird", en: "weird" });
    expect(auditEntityLabel("user").ja).toBe("利用者");
  });

  it("names the server's own jobs and the command line, and leaves users to their display names", () => {
    expect(systemActorLabel("training-reminders")?.ja).toBe("研修リマインダー（自動）");
    expect(systemActorLabel("cli:root")?.en).toBe("Command line (root)");
    expect(systemActorLabel("approaches:AR-00003")?.ja).toBe("接触報告 AR-00003（自動）");
    expect(systemActorLabel("sato")).toBeNull();
  });
});
