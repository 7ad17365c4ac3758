import type { DemoSeeder } from "../app/demo.js";
import type { Services } from "../app/services.js";
import type { Role } from "../db/schema.js";
import type { Actor } from "../shared/actor.js";
import type { ApproachInput } from "./approach-service.js";

/** Researchers who have already reported the demo recruiter (besides the main demo users). */
export const APPROACH_DEMO_USERS: {
  username: string;
  displayName: string;
  roles: Role[];
  department: string;
}[] = [
  {
    username: "kobayashi",
    displayName: "小林 誠",
    roles: ["applicant"],
    department: "理学研究科 物理学専攻",
  },
  {
    username: "watanabe",
    displayName: "渡辺 由美",
    roles: ["applicant"],
    department: "工学研究科 電気電子工学専攻",
  },
];

/** The demo recruiter: three different researchers are contacted by this profile. */
export const DEMO_RECRUITER = {
  name: "Kevin Lee",
  organisation: "TalentBridge Partners",
  profileUrl: "https://www.linkedin.com/in/kevin-lee-talentbridge",
  email: "k.lee@talentbridge-partners.example",
};

const TEMPLATE = (name: string) => `${name}先生

突然のご連絡失礼いたします。TalentBridge Partners の Kevin Lee と申します。
先生の全固体電池の電解質に関するご研究を拝見し、大変感銘を受けました。
弊社のクライアント（急成長中のテクノロジー企業）が、非常勤の技術顧問を探しております。
リモートで月に数回のご相談、1回あたり30万円の謝礼、現地視察の旅費はすべて先方負担です。
詳細は WeChat か個人のメールアドレスでお話しできますでしょうか。`;

const reports: { username: string; input: ApproachInput }[] = [
  {
    username: "kobayashi",
    input: {
      channel: "professional_network",
      sender: DEMO_RECRUITER,
      offered: ["adviser_role", "fee", "travel"],
      asked: ["information"],
      messageText: TEMPLATE("小林"),
      description: "LinkedIn で突然メッセージが届きました。返信はしていません。",
      answers: { A1: "yes", A2: "yes", A5: "yes", A6: "unsure", A7: "yes" },
    },
  },
  {
    username: "watanabe",
    input: {
      channel: "email",
      sender: { name: "LEE Kevin", email: DEMO_RECRUITER.email, profileUrl: `${DEMO_RECRUITER.profileUrl}/` },
      offered: ["adviser_role", "fee"],
      asked: ["information", "data"],
      messageText: TEMPLATE("渡辺"),
      description: "研究室の代表アドレスに届き、その後 LinkedIn でも申請がありました。",
      answers: { A1: "yes", A2: "yes", A5: "yes", A7: "unsure" },
    },
  },
  {
    username: "suzuki",
    input: {
      channel: "conference",
      sender: { name: "Anna Morozova", organisation: "Northline Instruments" },
      offered: ["gifts"],
      asked: ["visits", "introductions"],
      description:
        "学会の懇親会で声をかけられ、研究室の見学と指導教員の紹介を頼まれました。名刺の会社名とウェブサイトの社名が違っていました。",
      answers: { A1: "yes", A6: "yes", A8: "unsure" },
    },
  },
];

function actorFor(user: { id: string; username: string; roles: Role[] }): Actor {
  return { id: user.id, label: user.username, roles: user.roles, locale: "ja" };
}

/**
 * Demo approach reports: two researchers have already reported the same LinkedIn recruiter (a
 * cluster the security office is alerted to), and an unrelated conference contact.
 */
export const approachesDemoSeeder: DemoSeeder = {
  key: "demo.approaches",
  async seed({ services, actor, password, log }: Parameters<DemoSeeder["seed"]>[0]) {
    for (const u of APPROACH_DEMO_USERS) {
      if (!(await services.auth.findByUsername(u.username)))
        await services.auth.createUser(actor, { ...u, password });
    }
    for (const r of reports) {
      await submitAs(services, r.username, r.input);
    }
    log("  demo: approach reports (a cluster of reports about one recruiter)");
  },
};

async function submitAs(services: Services, username: string, input: ApproachInput): Promise<void> {
  const user = await services.auth.findByUsername(username);
  if (!user) return;
  const reporter = actorFor(user);
  const draft = await services.approaches.createDraft(reporter, input);
  await services.approaches.submit(reporter, draft.id, draft.version);
}
