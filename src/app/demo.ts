import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { approachesDemoSeeder } from "../approaches/approaches-demo.js";
import { trainingDemoSeeder } from "../cases/training-demo.js";
import type { Role } from "../db/schema.js";
import { exportControlDemoSeeder } from "../export-control/export-control-demo.js";
import { seedInsiderDemo } from "../insider/insider-demo.js";
import { reviewsDemoSeeder } from "../reviews/reviews-demo.js";
import type { Actor } from "../shared/actor.js";
import type { Services } from "./services.js";

/** One module's demo data; `key` records in app_settings that it has been seeded, so it runs once. */
export type DemoSeeder = {
  key: string;
  seed(ctx: {
    services: Services;
    actor: Actor;
    password: string;
    log: (line: string) => void;
  }): Promise<void>;
};

export const DEMO_USERS: { username: string; displayName: string; roles: Role[]; department: string }[] = [
  {
    username: "tanaka",
    displayName: "田中 花子",
    roles: ["applicant"],
    department: "工学研究科 材料工学専攻",
  },
  { username: "suzuki", displayName: "鈴木 一郎", roles: ["unit_officer"], department: "工学研究科" },
  {
    username: "sato",
    displayName: "佐藤 美咲",
    roles: ["secretariat"],
    department: "研究推進部 安全保障輸出管理室",
  },
  {
    username: "takahashi",
    displayName: "高橋 健",
    roles: ["approver"],
    department: "安全保障輸出管理委員会",
  },
  { username: "ito", displayName: "伊藤 直子", roles: ["auditor"], department: "監査室" },
];

const foundationSeeder: DemoSeeder = {
  key: "demo.foundation",
  async seed({ services, actor, password }) {
    for (const u of DEMO_USERS) {
      if (await services.auth.findByUsername(u.username)) continue;
      await services.auth.createUser(actor, { ...u, password });
    }
    const parties = [
      {
        kind: "organization" as const,
        names: [
          { name: "Harbin Institute of Technology", lang: "en" },
          { name: "哈尔滨工业大学", lang: "zh" },
          { name: "ハルビン工業大学", lang: "ja" },
        ],
        country: "CN",
        website: "https://en.hit.edu.cn/",
        tags: ["共同研究候補"],
        notes: "共同研究の打診あり（デモデータ） / Joint-research enquiry received (demo data)",
      },
      {
        kind: "organization" as const,
        names: [
          { name: "株式会社さくら精密", lang: "ja" },
          { name: "Sakura Precision Co., Ltd.", lang: "en" },
        ],
        country: "JP",
        identifiers: [{ scheme: "corporate_number" as const, value: "3010001000004" }],
        tags: ["取引先"],
      },
      {
        kind: "organization" as const,
        names: [
          { name: "軍需工業部", lang: "ja" },
          { name: "Munitions Industry Department", lang: "en" },
        ],
        country: "KP",
        tags: ["要注意"],
      },
      {
        kind: "organization" as const,
        names: [
          { name: "北京理工大学", lang: "zh" },
          { name: "Beijing Institute of Technology", lang: "en" },
        ],
        country: "CN",
        tags: ["来訪者所属"],
      },
      {
        kind: "organization" as const,
        names: [{ name: "Nordic Photonics AB", lang: "en" }],
        country: "SE",
        tags: ["取引先"],
      },
      {
        kind: "person" as const,
        names: [
          { name: "山田 太郎", lang: "ja" },
          { name: "YAMADA Taro", kind: "transliteration" as const, lang: "en" },
        ],
        country: "JP",
        birthDate: "1985-04-12",
        tags: ["来訪研究者"],
      },
    ];
    for (const p of parties) await services.parties.create(actor, p);
  },
};

const insiderSeeder: DemoSeeder = {
  key: "demo.insider",
  seed: ({ services, actor, log }) => seedInsiderDemo(services.insider, actor, log),
};

/** The folder of demo list samples (`demo/lists` at the repository root, also when run from dist/). */
export function demoListsDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, "demo", "lists");
    if (existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error("demo/lists not found next to the application");
}

/** The demo list samples, imported through the real importers (see demo/lists/README.md). */
export const DEMO_LISTS = [
  { file: "un-consolidated-DEMO-SAMPLE.xml", format: "un_xml", source: "un" },
  { file: "meti-end-user-list-DEMO-SAMPLE.csv", format: "meti_eul_csv", source: "meti_eul" },
  { file: "own-watchlist-DEMO-SAMPLE.csv", format: "custom_csv", source: "custom:demo-watchlist" },
] as const;

/**
 * Screening demo: imports the demo list samples (a dozen entries; never the official lists) so that
 * a fresh installation without network produces real hits — the demo parties are then screened by
 * the re-screening that every list import starts.
 */
const screeningSeeder: DemoSeeder = {
  key: "demo.screening",
  async seed({ services, actor, log }) {
    const dir = demoListsDir();
    for (const list of DEMO_LISTS) {
      const snapshot = await services.lists.importList(actor, {
        files: [path.join(dir, list.file)],
        format: list.format,
        source: list.source,
        sample: true,
      });
      log(`  demo list sample imported: ${list.source} (${snapshot.entityCount} entries, ${list.file})`);
    }
  },
};

/** Every module's demo seeder, in order; a module adds its own here. */
export const DEMO_SEEDERS: DemoSeeder[] = [
  foundationSeeder,
  screeningSeeder,
  exportControlDemoSeeder,
  reviewsDemoSeeder,
  approachesDemoSeeder,
  trainingDemoSeeder,
  insiderSeeder,
];

/** Runs the seeders that have not run on this database yet. */
export async function seedDemo(
  services: Services,
  actor: Actor,
  password: string,
  log: (line: string) => void,
  seeders: DemoSeeder[] = DEMO_SEEDERS,
): Promise<string[]> {
  const done: string[] = [];
  for (const seeder of seeders) {
    if (await services.settings.get(services.db, seeder.key)) continue;
    await seeder.seed({ services, actor, password, log });
    await services.settings.set(services.db, seeder.key, { seededAt: new Date().toISOString() });
    done.push(seeder.key);
  }
  return done;
}
