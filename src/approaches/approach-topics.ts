/**
 * Technology topics an approach asks about, each with the words Japanese and English messages use
 * for it, so that "全固体電池の電解質" and "solid-state battery electrolytes" name the same thing.
 * The topics follow Japan's 特定重要技術 research areas and the US Critical and Emerging Technologies
 * list (src/reviews/control-lists.ts), narrowed to the subjects approach campaigns name; the terms
 * are the standard Japanese and English technical words, written by the Sekimori authors. A topic is
 * specific enough to link two reports only together with what was offered and asked (see
 * approach-link-engine.ts): many people work on AI, fewer are asked for the same thing about it.
 * English terms match at the start of a word ("batter" finds battery and batteries); Japanese terms
 * anywhere in the text.
 */
export type Topic = { id: string; label: { ja: string; en: string }; ja: string[]; en: string[] };

export const TOPICS: readonly Topic[] = [
  {
    id: "solid_state_battery",
    label: { ja: "全固体電池", en: "solid-state batteries" },
    ja: ["全固体電池", "固体電解質", "固体電池"],
    en: ["solid-state batter", "solid state batter", "solid electrolyte", "sulfide electrolyte"],
  },
  {
    id: "battery",
    label: { ja: "蓄電池", en: "batteries" },
    ja: ["リチウムイオン電池", "二次電池", "蓄電池", "電池材料", "正極材", "負極材"],
    en: ["lithium-ion", "lithium ion", "battery cell", "cathode material", "anode material"],
  },
  {
    id: "semiconductor_lithography",
    label: { ja: "半導体露光・リソグラフィ", en: "semiconductor lithography" },
    ja: ["リソグラフィ", "露光装置", "フォトレジスト", "極端紫外線", "euv"],
    en: ["lithography", "photoresist", "euv", "stepper", "scanner optics"],
  },
  {
    id: "semiconductor_process",
    label: { ja: "半導体製造工程", en: "semiconductor manufacturing" },
    ja: ["半導体製造", "成膜", "エッチング", "ウェハ", "ウエハ", "前工程", "歩留"],
    en: ["semiconductor manufacturing", "wafer", "etching", "deposition process", "fab process"],
  },
  {
    id: "power_semiconductor",
    label: { ja: "パワー半導体", en: "power semiconductors" },
    ja: ["パワー半導体", "炭化ケイ素", "窒化ガリウム"],
    en: ["power semiconductor", "silicon carbide", "gallium nitride", "sic mosfet", "gan hemt"],
  },
  {
    id: "quantum",
    label: { ja: "量子技術", en: "quantum technology" },
    ja: ["量子コンピュータ", "量子計算", "量子暗号", "量子センサ", "量子ビット"],
    en: ["quantum comput", "qubit", "quantum cryptograph", "quantum key distribution", "quantum sens"],
  },
  {
    id: "ai_models",
    label: { ja: "AI・機械学習モデル", en: "AI and machine-learning models" },
    ja: ["人工知能", "機械学習", "深層学習", "学習データ", "大規模言語モデル"],
    en: ["artificial intelligence", "machine learning", "deep learning", "training data", "language model"],
  },
  {
    id: "hypersonic",
    label: { ja: "極超音速", en: "hypersonics" },
    ja: ["極超音速", "スクラムジェット"],
    en: ["hypersonic", "scramjet"],
  },
  {
    id: "propulsion",
    label: { ja: "推進・エンジン", en: "propulsion and engines" },
    ja: ["ガスタービン", "ジェットエンジン", "ロケットエンジン", "推進系", "タービンブレード"],
    en: ["gas turbine", "jet engine", "rocket engine", "propulsion", "turbine blade"],
  },
  {
    id: "space",
    label: { ja: "宇宙・衛星", en: "space and satellites" },
    ja: ["人工衛星", "衛星", "ロケット", "宇宙機"],
    en: ["satellite", "spacecraft", "launch vehicle", "rocket"],
  },
  {
    id: "uav_robotics",
    label: { ja: "ドローン・ロボット", en: "drones and robotics" },
    ja: ["ドローン", "無人機", "無人航空機", "ロボット", "自律制御"],
    en: ["drone", "uav", "unmanned", "robotic", "autonomous control"],
  },
  {
    id: "sensors_lidar_radar",
    label: { ja: "センサー・レーダー", en: "sensors and radar" },
    ja: ["レーダー", "ライダー", "赤外線センサ", "イメージセンサ", "ソナー"],
    en: ["radar", "lidar", "infrared sensor", "image sensor", "sonar"],
  },
  {
    id: "lasers_optics",
    label: { ja: "レーザー・光学", en: "lasers and optics" },
    ja: ["レーザー", "光ファイバ", "光学系", "光学設計"],
    en: ["laser", "optical fiber", "optical fibre", "optics design"],
  },
  {
    id: "communications",
    label: { ja: "通信", en: "communications" },
    ja: ["5g", "6g", "無線通信", "基地局", "光通信", "アンテナ"],
    en: ["5g", "6g", "wireless communication", "base station", "optical communication", "antenna"],
  },
  {
    id: "cyber",
    label: { ja: "サイバー・暗号", en: "cyber security and cryptography" },
    ja: ["暗号", "サイバー", "脆弱性", "マルウェア"],
    en: ["cryptograph", "encryption", "cyber", "vulnerabilit", "malware"],
  },
  {
    id: "advanced_materials",
    label: { ja: "先端材料", en: "advanced materials" },
    ja: ["炭素繊維", "複合材料", "セラミックス", "超合金", "磁性材料", "レアアース"],
    en: [
      "carbon fiber",
      "carbon fibre",
      "composite material",
      "ceramic",
      "superalloy",
      "magnet material",
      "rare earth",
    ],
  },
  {
    id: "chemicals",
    label: { ja: "化学・触媒", en: "chemistry and catalysts" },
    ja: ["触媒", "化学合成", "プロセス化学", "前駆体"],
    en: ["catalyst", "chemical synthesis", "process chemistry", "precursor"],
  },
  {
    id: "biotech",
    label: { ja: "バイオ・ゲノム", en: "biotechnology and genomics" },
    ja: ["ゲノム", "遺伝子", "ワクチン", "抗体", "細胞培養", "病原体"],
    en: ["genom", "genetic", "vaccine", "antibod", "cell culture", "pathogen"],
  },
  {
    id: "nuclear",
    label: { ja: "原子力", en: "nuclear technology" },
    ja: ["原子力", "原子炉", "核燃料", "ウラン", "遠心分離"],
    en: ["nuclear", "reactor", "fuel rod", "uranium", "centrifuge"],
  },
  {
    id: "machine_tools",
    label: { ja: "工作機械・精密加工", en: "machine tools and precision machining" },
    ja: ["工作機械", "5軸", "精密加工", "数値制御"],
    en: ["machine tool", "5-axis", "five-axis", "precision machining", "cnc"],
  },
  {
    id: "supercomputing",
    label: { ja: "スパコン・先端計算", en: "supercomputing" },
    ja: ["スーパーコンピュータ", "スパコン", "gpu", "高性能計算"],
    en: ["supercomput", "gpu", "high-performance computing", "hpc"],
  },
  {
    id: "marine",
    label: { ja: "海洋", en: "marine technology" },
    ja: ["海洋", "潜水", "水中"],
    en: ["marine", "submarine", "underwater", "subsea"],
  },
];
