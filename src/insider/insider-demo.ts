import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Actor } from "../shared/actor.js";
import { writeDemoDataset } from "./demo/write-dataset.js";
import type { InsiderService } from "./insider-service.js";

/**
 * Seeds `npm start`'s demo with a small synthetic organisation (150 people, 75 days, one insider per
 * case) ingested through the normal path, so the insider dashboard has alerts to look at; one alert
 * is put under review to show the triage states.
 */
export async function seedInsiderDemo(
  insider: InsiderService,
  actor: Actor,
  log: (line: string) => void,
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "sekimori-insider-demo-"));
  try {
    const summary = writeDemoDataset(dir, { users: 150, days: 75, seed: 2024, insidersPerCase: 1 });
    const report = await insider.ingestPath(actor, dir);
    log(
      `  insider demo: ${summary.users} people × ${summary.days} days, ${report.events.toLocaleString("en")} events, ${report.alertsNew} alerts`,
    );
    const top = await insider.listAlerts({ page: 1, pageSize: 1 });
    const first = top.items[0];
    if (first) await insider.triage(actor, first.id, { status: "reviewing", version: first.version });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
