import type { DemoSeeder } from "../app/demo.js";
import type { Actor } from "../shared/actor.js";

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Demo data for export control: items in the item master (a listed machine tool, the electrolyte
 * know-how correctly classified as not listed, an electrolyte sample as goods), and a comprehensive
 * licence close to expiry. Runs before the reviews demo, which links the know-how to a review.
 */
export const exportControlDemoSeeder: DemoSeeder = {
  key: "demo.export_control",
  async seed({ services, log }) {
    const u = async (name: string): Promise<Actor | null> => {
      const found = await services.auth.findByUsername(name);
      return found ? { id: found.id, label: found.username, roles: found.roles, locale: "ja" } : null;
    };
    const suzuki = await u("suzuki");
    const sato = await u("sato");
    if (!suzuki || !sato) {
      log("  demo export control: skipped (demo users missing)");
      return;
    }
    const items = services.exportItems;
    await items.create(suzuki, {
      kind: "technology",
      name: "全固体電池用硫化物電解質の合成条件（ノウハウ）",
      description: "合成温度・雰囲気・前駆体の混合条件。未公開の実験ノウハウ",
      judgement: {
        listStatus: "not_listed",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-2",
        exceptions: [],
      },
      rationale:
        "電解質材料の合成条件は外為令別表5項（先端材料: 貨物等省令の5項該当材料の製造技術）の対象材料に当たらない。電池に係るリスト規制は7項の一次・二次電池（所定のエネルギー密度等を超えるセル）の開発・製造技術であり、電解質単体の合成条件はこれに当たらない（パラメータシート7項で確認）。したがって非該当。16の項(2)の技術としてキャッチオールは取引ごとに確認する。",
      decidedOn: day(-10),
      recheckOn: day(355),
    });
    const tool = await items.create(suzuki, {
      kind: "goods",
      name: "5軸マシニングセンタ（デモ）",
      modelNumber: "DEMO-MC500",
      maker: "株式会社さくら精密",
      hsCode: "8457.10",
      description: "位置決め精度等が輸出令別表第1 6の項の数値制御工作機械の仕様を満たす（デモデータ）",
      judgement: {
        listStatus: "listed",
        item: "6",
        subItem: "(2)",
        provision: { ordinance: "goods_ordinance", article: 5, paragraph: null, item: null, sub: null },
        catchAllCategory: null,
        exceptions: [],
      },
      rationale:
        "メーカーの該非判定書とパラメータシート（6の項）で仕様を照合し、該当と判断（デモデータ。条項は例示）",
      decidedOn: day(-30),
      recheckOn: day(20),
    });
    await items.create(suzuki, {
      kind: "goods",
      name: "リチウムイオン電池用電解液サンプル 100 mL",
      modelNumber: "ELX-200",
      hsCode: "3824.99",
      description: "研究用サンプル（LiPF6 系電解液）",
      judgement: {
        listStatus: "not_listed",
        item: null,
        subItem: null,
        provision: null,
        catchAllCategory: "16-2",
        exceptions: [],
      },
      rationale:
        "輸出令別表第1の1〜15の項のいずれの仕様にも該当しない（メーカー非該当証明書で確認）。関税定率法別表第38類のため16の項の対象",
      decidedOn: day(-5),
      recheckOn: day(360),
    });
    await services.licences.create(sato, {
      kind: "general_bulk",
      status: "valid",
      licenceNumber: "DEMO-一般包括-0001",
      holder: "デモ大学",
      appliedOn: day(-400),
      issuedOn: day(-320),
      validFrom: day(-320),
      validUntil: day(45),
      conditions: "包括許可の条件（報告・管理体制）を遵守すること（デモデータ）",
      items: [{ itemId: tool.id, listedItem: "6", description: tool.name }],
      destinations: ["group:group_a"],
      quantityLimit: null,
      quantityUnit: null,
      valueLimitJpy: null,
      responsibleUserId: sato.id,
      note: "デモデータ: 有効期限が近い包括許可（60日前の通知が出る）",
    });
    log("  demo export control: 3 items in the item master, 1 comprehensive licence");
  },
};
