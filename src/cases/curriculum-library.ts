/**
 * The curriculum (issue 16): six modules that teach the rules themselves — 外為法 basics, deemed
 * exports and 特定類型, classification (該非判定), carrying laptops and samples abroad, research
 * integrity and disclosure, and recognising approaches — beside the case-based modules of
 * training-library.ts. Where a lesson states law it names the article, notice or guidance; where a
 * detail has conditions the text says "check with the office" instead of guessing. Every quiz has at
 * least five questions so a balanced answer order (quiz-layout-engine.ts) can always stop a person
 * who picks the same position every time.
 */
import type { BuiltInModule } from "./training-library.js";

const o = (ja: string, en: string) => ({ ja, en });

const FEFTA = {
  publisher: "e-Gov 法令検索",
  title: "外国為替及び外国貿易法（昭和24年法律第228号）",
  date: "current",
  url: "https://laws.e-gov.go.jp/law/324AC0000000228",
};
const METI_ANPO = {
  publisher: "経済産業省 安全保障貿易管理",
  title: "安全保障貿易管理（制度の概要・大学・研究機関向け資料）",
  date: "current",
  url: "https://www.meti.go.jp/policy/anpo/",
};
const METI_EXCEPTIONS = {
  publisher: "経済産業省 安全保障貿易管理",
  title: "輸出許可・役務取引許可の特例について",
  date: "current",
  url: "https://www.meti.go.jp/policy/anpo/apply-01/exception.html",
};
const CAO_INTEGRITY = {
  publisher: "内閣府 科学技術・イノベーション推進事務局",
  title:
    "研究活動の国際化、オープン化に伴う新たなリスクに対する研究インテグリティの確保に係る対応方針について（統合イノベーション戦略推進会議決定）",
  date: "2021-04-27",
  url: "https://www8.cao.go.jp/cstp/kokusaiteki/integrity.html",
};
const JSPS_PLEDGE = {
  publisher: "日本学術振興会（JSPS）",
  title: "科学研究費助成事業の変更点（e-Rad での研究インテグリティに係る誓約）",
  date: "2024",
  url: "https://www.jsps.go.jp/j-grantsinaid/06_jsps_info/2023/g_1629.html",
};
const CHIPS_10634 = {
  publisher: "U.S. Code",
  title: "42 U.S.C. 19234 — Research security training requirement (CHIPS and Science Act §10634)",
  date: "2022-08-09",
  url: "https://www.law.cornell.edu/uscode/text/42/19234",
};

export const CURRICULUM_MODULES: readonly BuiltInModule[] = [
  {
    slug: "fefta-basics",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 24,
      requiredFor: ["applicant", "unit_officer", "secretariat", "approver"],
    },
    content: {
      title: o("外為法による安全保障輸出管理の基礎", "Basics of security export control under the FEFTA"),
      summary: o(
        "日本の安全保障輸出管理は外国為替及び外国貿易法（外為法）に基づきます。規制される貨物の輸出と技術の提供には経済産業大臣の許可が必要です。何が規制され、どんな場合に許可が要り、どんな例外があるかの骨組みを学びます。",
        "Japan's security export control rests on the Foreign Exchange and Foreign Trade Act (FEFTA): exporting controlled goods and providing controlled technology need a licence from the Minister of Economy, Trade and Industry. Learn the framework: what is controlled, when a licence is needed, and which exceptions exist.",
      ),
      lessons: [
        o(
          "貨物の輸出は外為法第48条第1項、技術の提供は第25条第1項で規制されます。対象は輸出貿易管理令（輸出令）別表第1と外国為替令（外為令）別表に列挙され、具体的な仕様は「貨物等省令」が定めます。",
          "Exports of goods are controlled by FEFTA Art. 48(1) and provision of technology by Art. 25(1). What is controlled is listed in Appended Table 1 of the Export Trade Control Order and the Appended Table of the Foreign Exchange Order; the detailed specifications are in the Ministerial Ordinance specifying goods and technologies (貨物等省令).",
        ),
        o(
          "1〜15項（リスト規制）に該当する貨物・技術は、仕向地がどの国・地域でも事前に許可が必要です。",
          "Goods and technology falling under items 1–15 (list control) need a licence whatever the destination.",
        ),
        o(
          "16項（キャッチオール規制）：リストに該当しなくても、大量破壊兵器等や通常兵器の開発等に用いられるおそれ（用途要件）、懸念のある需要者（需要者要件。外国ユーザーリスト等）、経済産業大臣からの通知（インフォーム要件）のいずれかがあれば許可が必要になり得ます。適用される仕向地と要件は兵器の種類で異なるため、事務局で確認します。",
          "Item 16 (catch-all): even outside the lists, a licence may be needed when the goods or technology may be used to develop weapons of mass destruction or conventional weapons (end use), the end user is of concern (end user, e.g. METI's End User List), or METI has informed you (inform). Which destinations and requirements apply differs by weapon type; the office checks it.",
        ),
        o(
          "技術の「提供」は、図面やデータの送付に限りません。技術指導、技能訓練、口頭での説明、共同研究での議論も提供に当たり得ます（経済産業省「大学・研究機関向け Q&A」）。",
          "'Providing' technology is not only sending drawings or data: technical guidance, training, oral explanation and discussion in joint research can all be provision (METI Q&A for universities and research institutes).",
        ),
        o(
          "許可が不要な代表例は、既に公開されている技術（公知の技術）や公開を目的とする提供、基礎科学分野の研究活動での提供です（貿易関係貿易外取引等に関する省令（貿易外省令）第9条第2項）。「基礎科学分野の研究活動」は、自然科学の現象の原理の究明を主目的とし、特定の製品の設計・製造を目的としないものに限られます（役務通達）。",
          "Typical exceptions: technology already public (or provided in order to publish it) and provision in basic scientific research (Art. 9(2) of the Ordinance on Trade-Related Invisible Transactions, 貿易外省令). 'Basic scientific research' is limited to research whose main aim is to elucidate the principles of natural phenomena, not the design or manufacture of a specific product (the 役務通達 notice).",
        ),
        o(
          "大学や企業は「輸出者等遵守基準」（外為法第55条の10、同基準を定める省令）に従い、該非確認の責任者や手順を定めて管理します。違反には刑事罰と、一定期間の輸出・技術提供の禁止などの行政制裁があります。",
          "Universities and companies must follow the Exporter Compliance Standards (FEFTA Art. 55-10 and its ordinance): a person responsible for classification and written procedures. Violations carry criminal penalties and administrative sanctions such as a ban on exports or technology provision for a period.",
        ),
      ],
      caseSlugs: ["mivd-routes-to-technology-2024"],
      sources: [FEFTA, METI_ANPO, METI_EXCEPTIONS],
      quiz: [
        {
          id: "q1",
          prompt: o(
            "リスト規制（1〜15項）に該当する技術を、外国の共同研究先に電子メールで送ります。必要なのは？",
            "You will e-mail technology that falls under list control (items 1–15) to a partner abroad. What is needed?",
          ),
          options: [
            o("外為法第25条第1項の役務取引許可", "A technology-provision licence under FEFTA Art. 25(1)"),
            o("何も要らない（メールは輸出ではない）", "Nothing: an e-mail is not an export"),
            o("税関への申告だけ", "Only a customs declaration"),
            o("相手の同意書だけ", "Only the partner's written consent"),
          ],
          correct: 0,
          explanation: o(
            "技術の提供は手段を問わず外為法第25条の対象です。メールでの送付も提供に当たります。",
            "Providing technology is covered by FEFTA Art. 25 whatever the means; e-mailing it is provision.",
          ),
        },
        {
          id: "q2",
          prompt: o(
            "リスト規制に該当する貨物の輸出許可が必要な仕向地は？",
            "For which destinations does a list-controlled item need an export licence?",
          ),
          options: [
            o("すべての国・地域", "Every country and region"),
            o("グループA（旧ホワイト国）以外だけ", "Only countries outside Group A"),
            o("国連武器禁輸国だけ", "Only UN arms-embargoed countries"),
          ],
          correct: 0,
          explanation: o(
            "リスト規制は仕向地を問いません。グループAかどうかで扱いが変わるのは主にキャッチオール規制です。",
            "List control applies to every destination; Group A status matters mainly for the catch-all rules.",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "リストに該当しない貨物でも許可が必要になり得るのはどんなときですか。",
            "When can an item that is not on the lists still need a licence?",
          ),
          options: [
            o("価格が100万円を超えるとき", "When it costs more than one million yen"),
            o(
              "用途・需要者に懸念があるとき、または経済産業省から通知を受けたとき",
              "When the end use or end user raises concern, or METI has informed you",
            ),
            o("相手が外国籍の人のとき", "When the recipient is a foreign national"),
          ],
          correct: 1,
          explanation: o(
            "キャッチオール規制は用途・需要者・インフォームで判断します。国籍そのものは要件ではありません。",
            "The catch-all turns on end use, end user and inform notices; nationality itself is not a criterion.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "「公知の技術」に当たるのはどれですか。",
            "Which of these is 'publicly available' technology?",
          ),
          options: [
            o("研究室のメンバー全員が知っている技術", "Technology everyone in the lab knows"),
            o("共同研究先とだけ共有した技術", "Technology shared only with a research partner"),
            o(
              "書籍・学会誌・ウェブで誰でも入手できる技術",
              "Technology anyone can obtain from books, journals or the web",
            ),
          ],
          correct: 2,
          explanation: o(
            "公知とは不特定多数の者が入手可能な状態にあることです。研究室内や相手先だけで共有したものは公知ではありません。",
            "Public means available to anyone; what is shared inside a lab or with one partner is not.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "次のうち、技術の「提供」に当たり得るものはどれですか。",
            "Which of these can be 'provision' of technology?",
          ),
          options: [
            o(
              "未発表のノウハウを使って外国の研究者に実験手順を指導する",
              "Coaching a foreign researcher through an experiment using unpublished know-how",
            ),
            o("書店で売っている教科書を渡す", "Handing over a textbook sold in bookshops"),
            o("参加制限のない国際会議で発表する", "Presenting at an international conference open to anyone"),
          ],
          correct: 0,
          explanation: o(
            "技術指導は提供の典型です。市販の教科書や公開の発表は公知の技術の扱いになります。",
            "Technical coaching is classic provision; textbooks and open presentations are treated as public.",
          ),
        },
      ],
    },
  },
  {
    slug: "deemed-export-and-tokutei",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 24,
      requiredFor: ["applicant", "unit_officer", "secretariat"],
    },
    content: {
      title: o("みなし輸出と特定類型", "Deemed exports and 特定類型 (persons under foreign influence)"),
      summary: o(
        "国内での技術提供でも、相手が非居住者であれば外為法の許可の対象になります（みなし輸出）。2022年5月からは、居住者でも外国政府等の強い影響下にある「特定類型」の人への提供が管理対象になりました。居住性の決まり方と特定類型の3つの型を学びます。",
        "Providing technology inside Japan still needs a licence when the recipient is a non-resident (a deemed export). Since May 2022, residents strongly influenced by a foreign government or entity (特定類型) are covered too. Learn how residency is decided and the three types.",
      ),
      lessons: [
        o(
          "居住者が非居住者に特定技術を提供する取引は、日本国内で行っても外為法第25条第1項の許可の対象です（みなし輸出）。",
          "A resident providing controlled technology to a non-resident needs a licence under FEFTA Art. 25(1) even inside Japan (a deemed export).",
        ),
        o(
          "居住者か非居住者かは国籍ではなく、勤務地と滞在で決まります。外国から来た人は、日本の事務所に勤務するか、入国後6か月以上たつと居住者になります。日本から出た人は、外国の事務所に勤務するため、または2年以上外国に滞在する目的で出国すると非居住者になります（財務省「外国為替法令の解釈及び運用について」）。",
          "Residency depends on work and stay, not nationality. Someone who came from abroad becomes a resident when employed at an office in Japan or after six months here; someone who left Japan becomes a non-resident when leaving to work at an office abroad or to stay abroad for two years or more (MOF notice on the interpretation of the foreign-exchange laws).",
        ),
        o(
          "2022年5月1日から（役務通達の改正）、居住者でも次の「特定類型」に当たる人への提供は、非居住者への提供とみなして管理します。① 外国政府・外国法人等と雇用などの契約を結び、その指揮命令に服する、または善管注意義務を負う人、② 外国政府等から多額の金銭その他の重要な経済的利益を得ている（得ることを約している）人（年間所得の25%以上が目安）、③ 日本での行動について外国政府等の指示や依頼を受けている人。",
          "Since 1 May 2022 (amended 役務通達 notice), provision to a resident in one of these 特定類型 is treated like provision to a non-resident: ① under a contract (employment etc.) with a foreign government or foreign legal person and subject to its direction or owing it a duty of care; ② receiving, or promised, substantial money or other significant economic benefit from a foreign government etc. (guide: 25 % or more of annual income); ③ acting in Japan on a foreign government's instruction or request.",
        ),
        o(
          "大学や企業は、雇用や受入れのときの本人の申告（誓約）と定期的な確認で特定類型の該当を把握し、該当する人に規制技術を提供する前に許可の要否を審査します。",
          "Institutions learn 特定類型 status from the person's declaration (pledge) at hiring or admission and periodic re-checks, and review whether a licence is needed before providing controlled technology to someone who is covered.",
        ),
        o(
          "国籍や出身はそれ自体では判断基準ではありません。見るのは居住性、契約・収入・指示の有無、そして技術が規制対象かどうかです。",
          "Nationality or origin is never the test by itself: residency, contracts, income and instructions, and whether the technology is controlled, are.",
        ),
      ],
      caseSlugs: [],
      sources: [
        FEFTA,
        {
          publisher: "経済産業省",
          title: "みなし輸出管理の明確化（特定類型）について",
          date: "2022-05-01",
          url: "https://www.meti.go.jp/policy/anpo/index.html",
        },
      ],
      quiz: [
        {
          id: "q1",
          prompt: o(
            "日本の大学に雇用されず、3か月前に来日した客員研究者は？",
            "A visiting researcher who arrived three months ago and is not employed by a Japanese institution is…",
          ),
          options: [
            o("非居住者", "A non-resident"),
            o("居住者", "A resident"),
            o("国籍によって決まる", "Decided by nationality"),
          ],
          correct: 0,
          explanation: o(
            "日本の事務所に勤務しておらず、入国後6か月未満なので非居住者です。",
            "Not working at an office in Japan and here for less than six months: a non-resident.",
          ),
        },
        {
          id: "q2",
          prompt: o(
            "日本の大学に雇用されて先週着任した外国出身の教員は？",
            "A faculty member from abroad who started employment at a Japanese university last week is…",
          ),
          options: [
            o("6か月たつまで非居住者", "A non-resident until six months pass"),
            o("居住者（日本の事務所に勤務）", "A resident (works at an office in Japan)"),
            o("国籍によって決まる", "Decided by nationality"),
          ],
          correct: 1,
          explanation: o(
            "日本の事務所に勤務する人は入国時から居住者です。特定類型に当たるかは別に確認します。",
            "People employed at an office in Japan are residents from arrival; 特定類型 status is checked separately.",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "特定類型②（外国政府等からの経済的利益）の目安は？",
            "What is the guide for 特定類型 ② (economic benefit from a foreign government etc.)?",
          ),
          options: [
            o("年間所得の10%以上", "10 % or more of annual income"),
            o("年間所得の50%以上", "50 % or more of annual income"),
            o("年間所得の25%以上", "25 % or more of annual income"),
          ],
          correct: 2,
          explanation: o(
            "年間所得の25%以上が目安です。Sekimori の申告画面はこの割合を計算します。",
            "25 % or more of annual income; Sekimori's declaration form computes the share.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "外国企業と雇用契約を結び、その指揮命令の下で兼業している日本の研究者に規制技術を提供するときは？",
            "You will give controlled technology to a researcher in Japan who also works under contract and direction for a foreign company. What applies?",
          ),
          options: [
            o(
              "特定類型①に当たり得るので、提供前に許可の要否を審査する",
              "They may fall under 特定類型 ①: review whether a licence is needed before providing it",
            ),
            o("居住者同士なので常に自由に提供できる", "Residents can always share freely"),
            o("日本国籍なので確認不要", "No check: they are a Japanese national"),
          ],
          correct: 0,
          explanation: o(
            "契約に基づき外国法人の指揮命令に服する人は特定類型①です。国籍に関係なく確認します。",
            "Working under a foreign company's contract and direction is type ①, whatever the nationality.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "みなし輸出の判断で、それ自体は判断基準にならないものは？",
            "In a deemed-export decision, which of these is NOT a criterion by itself?",
          ),
          options: [
            o("相手の居住性", "The recipient's residency"),
            o("相手の国籍", "The recipient's nationality"),
            o("特定類型への該当", "Whether a 特定類型 applies"),
            o("技術が規制対象かどうか", "Whether the technology is controlled"),
          ],
          correct: 1,
          explanation: o(
            "国籍そのものは基準ではありません。居住性、特定類型、技術の該非で判断します。",
            "Nationality itself is not a criterion: residency, 特定類型 and classification are.",
          ),
        },
      ],
    },
  },
  {
    slug: "classification-gaihi",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 24,
      requiredFor: ["unit_officer", "secretariat"],
    },
    content: {
      title: o("該非判定の進め方", "How to classify goods and technology (該非判定)"),
      summary: o(
        "該非判定は、貨物や技術がリスト規制（輸出令別表第1・外為令別表の1〜15項）に該当するかを、貨物等省令の仕様と照らして判断し、記録することです。判定の手順、記録、キャッチオールの確認、市販品の扱いを学びます。",
        "Classification (該非判定) decides, and records, whether goods or technology fall under list control (items 1–15 of the Export Trade Control Order's Appended Table 1 / the Foreign Exchange Order's Appended Table) by comparing them with the specifications of the 貨物等省令. Learn the steps, the record, the catch-all check and how to treat off-the-shelf products.",
      ),
      lessons: [
        o(
          "貨物は輸出令別表第1、技術は外為令別表の項目と、貨物等省令の仕様（性能値・パラメータ）を照らし合わせ、該当する項・号（例：5項(2)）か非該当かを判定します。経済産業省の「貨物・技術のマトリクス表」が対応関係の手がかりになります。",
          "Compare goods with the Export Trade Control Order's Appended Table 1 and technology with the Foreign Exchange Order's Appended Table, using the 貨物等省令 specifications (performance values, parameters), and record the item and sub-item (e.g. item 5(2)) or 'not listed'. METI's goods/technology matrix helps find the matching entries.",
        ),
        o(
          "技術には設計・製造・使用に係る技術があり、プログラム（ソフトウェア）も技術として判定の対象になります（役務通達）。",
          "Technology covers design, production and use technology, and programs (software) count as technology (役務通達 notice).",
        ),
        o(
          "判定には根拠（仕様書、パラメータシート、判断した人と日付）を付けて記録します。非該当でも記録を残します（輸出者等遵守基準）。",
          "Record each classification with its basis (specifications, parameter sheet, who decided and when) — 'not listed' too (Exporter Compliance Standards).",
        ),
        o(
          "リスト非該当でも、用途・需要者を確認してキャッチオール規制（16項）の該当を確かめます。",
          "Even when not listed, check the end use and end user for the catch-all (item 16).",
        ),
        o(
          "市販品はメーカーの該非判定書やパラメータシートを参考にできますが、改造・組み合わせ・用途で結論が変わり得るため、最終的な判断と記録は自組織が行います。迷うときは事務局（必要なら経済産業省への事前相談）に相談します。",
          "For off-the-shelf products the maker's classification or parameter sheet helps, but modification, combination and use can change the answer; your institution makes and records the final call. When unsure, ask the office (and, if needed, METI's pre-consultation).",
        ),
      ],
      caseSlugs: [],
      sources: [FEFTA, METI_ANPO],
      quiz: [
        {
          id: "q1",
          prompt: o("該非判定とは何ですか。", "What is classification (該非判定)?"),
          options: [
            o(
              "相手が制裁リストに載っているかを調べること",
              "Checking whether the other party is on a sanctions list",
            ),
            o(
              "貨物・技術がリスト規制の項目に該当するかを省令の仕様と照らして判断すること",
              "Deciding whether goods or technology fall under a list-control entry by comparing them with the ordinance's specifications",
            ),
            o("輸出先の国の危険度を評価すること", "Rating the risk of the destination country"),
          ],
          correct: 1,
          explanation: o(
            "相手の確認はスクリーニング・取引審査、該非判定は物と技術の仕様の確認です。",
            "Checking the party is screening and transaction review; classification is about the item's specifications.",
          ),
        },
        {
          id: "q2",
          prompt: o("「非該当」と判定したときは？", "You concluded 'not listed'. What now?"),
          options: [
            o("記録は不要", "No record is needed"),
            o("口頭で伝えれば足りる", "Telling the applicant is enough"),
            o("根拠とともに記録を残す", "Keep a record with the basis"),
          ],
          correct: 2,
          explanation: o(
            "非該当の判断も、根拠・判断者・日付とともに記録します。後で確認を求められたときの証拠になります。",
            "Record 'not listed' with its basis, who decided and when: it is the evidence if anyone asks later.",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "リスト規制に非該当の試作品を海外の研究機関に送ります。",
            "You will send a prototype that is not list-controlled to a research institute abroad.",
          ),
          options: [
            o(
              "用途・需要者を確認し、キャッチオール規制の該当を確かめる",
              "Check end use and end user for the catch-all",
            ),
            o("何も確認しなくてよい", "Nothing to check"),
            o("必ず輸出許可を申請する", "Always apply for a licence"),
          ],
          correct: 0,
          explanation: o(
            "非該当でも16項（キャッチオール）の確認が必要です。",
            "Not listed still needs the item-16 (catch-all) check.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "自作の制御プログラムを海外の共同研究先に渡します。プログラムは？",
            "You will give your own control software to a partner abroad. The software is…",
          ),
          options: [
            o("技術として該非判定の対象になり得る", "Technology that may need classification"),
            o("プログラムは対象外", "Outside the rules"),
            o("貨物としてだけ判定する", "Classified only as goods"),
          ],
          correct: 0,
          explanation: o(
            "プログラムは技術に含まれます（役務通達）。提供前に判定します。",
            "Programs are technology (役務通達); classify before providing.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "メーカーの非該当証明書がある市販の装置を改造して海外に持ち出します。",
            "You modified an off-the-shelf device that came with the maker's 'not listed' statement and will take it abroad.",
          ),
          options: [
            o("証明書があるので確認不要", "No check: the statement covers it"),
            o(
              "改造で性能が変わり得るので、自組織で判定し直す",
              "Modification can change the specification: classify it again yourselves",
            ),
            o("改造品は輸出できない", "Modified devices can never be exported"),
          ],
          correct: 1,
          explanation: o(
            "メーカーの判定は元の仕様についてのものです。改造や組み合わせの後は自組織で判定します。",
            "The maker's statement covers the original specification; after modification your institution decides.",
          ),
        },
      ],
    },
  },
  {
    slug: "laptops-and-samples-abroad",
    settings: { passPercent: 80, dueDays: 30, renewMonths: 24, requiredFor: ["applicant"] },
    content: {
      title: o(
        "海外渡航：ノートPC・データ・試料の持ち出し",
        "Travelling abroad with laptops, data and samples",
      ),
      summary: o(
        "出張の荷物も外為法の対象になり得ます。規制技術を入れたPCやUSBメモリ、試料や機材を持ち出すとき、許可が要る場合と特例、出張先での振る舞いを学びます。",
        "Luggage can be an export. Learn when laptops or USB sticks holding controlled technology, or samples and equipment, need a licence, what the exceptions are, and how to behave on the trip.",
      ),
      lessons: [
        o(
          "外国で提供するために、規制技術を記録したPC・USBメモリ・書類を持ち出すことは、許可の対象です（外為法第25条第3項）。",
          "Taking a laptop, USB stick or documents holding controlled technology abroad in order to provide it there needs a licence (FEFTA Art. 25(3)).",
        ),
        o(
          "自分が外国で使うだけで誰にも提供しない場合などに許可を不要とする特例があります（貿易外省令第9条）。条件があるため、出張前に事務局で確認し、誰にも渡さずに持ち帰ります。",
          "Exceptions exist, e.g. when only you use the technology abroad and provide it to no one (Art. 9 of the 貿易外省令 ordinance). They have conditions: confirm with the office before the trip and bring everything back without handing it over.",
        ),
        o(
          "試料・材料・機材は「貨物」です。リスト規制に該当すれば、手荷物でも輸出許可が必要です（外為法第48条第1項）。一時的な出国者の携帯品・職業用具の特例（輸出令第4条、別表第6）には条件があり、すべての貨物に使えるわけではありません。",
          "Samples, materials and equipment are 'goods': if listed, hand luggage needs an export licence too (FEFTA Art. 48(1)). The exception for personal effects and tools of trade of temporary travellers (Export Trade Control Order Art. 4, Appended Table 6) has conditions and does not cover every item.",
        ),
        o(
          "PCや機器そのもの（暗号機能、高性能の計測機器など）が規制対象かどうかも確認します。",
          "Check whether the laptop or device itself is controlled (encryption functions, high-performance instruments).",
        ),
        o(
          "渡航用の端末には必要最小限のデータだけを入れ、暗号化し、紛失や検査に備えます。出張先で予定外の人から資料やデータを求められたら渡さず、帰国後に報告します。",
          "Put only the data you need on a travel device, encrypt it, and plan for loss or inspection. If someone unexpected asks for documents or data on the trip, do not hand them over; report it when you are back.",
        ),
      ],
      caseSlugs: ["mivd-routes-to-technology-2024"],
      sources: [FEFTA, METI_EXCEPTIONS],
      quiz: [
        {
          id: "q1",
          prompt: o(
            "リスト規制に該当する設計データを、海外の共同研究先に渡すためにUSBメモリで持って行きます。",
            "You will carry list-controlled design data on a USB stick to hand it to a partner abroad.",
          ),
          options: [
            o("手荷物なので許可は要らない", "No licence: it is hand luggage"),
            o("税関に申告するだけでよい", "A customs declaration is enough"),
            o("外為法第25条に基づく許可が必要", "A licence under FEFTA Art. 25 is needed"),
          ],
          correct: 2,
          explanation: o(
            "外国で提供する目的で技術を記録した媒体を持ち出す行為は許可の対象です（第25条第3項）。",
            "Taking media holding technology abroad to provide it there needs a licence (Art. 25(3)).",
          ),
        },
        {
          id: "q2",
          prompt: o(
            "出張用のPCに入れるデータとして望ましいのは？",
            "What should go on the laptop you take on a trip?",
          ),
          options: [
            o("必要最小限のデータだけ", "Only the data you need"),
            o("研究室のデータをすべて同期", "A full sync of the lab's data"),
            o("念のため未発表データもすべて", "Every unpublished dataset, just in case"),
          ],
          correct: 0,
          explanation: o(
            "紛失・盗難・検査に備え、必要最小限にします。規制技術が含まれるなら事前に事務局に相談します。",
            "Keep it minimal in case of loss, theft or inspection, and ask the office first if controlled technology is involved.",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "規制対象かもしれない試料を手荷物で持って行きます。",
            "You want to take a sample that may be controlled in your hand luggage.",
          ),
          options: [
            o("少量なら常に許可は要らない", "Small amounts never need a licence"),
            o(
              "出発前に該非判定し、該当すれば輸出許可を取る",
              "Classify it before leaving and get an export licence if it is listed",
            ),
            o("手荷物は外為法の対象外", "Hand luggage is outside the FEFTA"),
          ],
          correct: 1,
          explanation: o(
            "手荷物も貨物の輸出です（第48条）。事前に判定します。",
            "Hand luggage is an export of goods (Art. 48); classify it first.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "出張先で初対面の人から、研究データのコピーを求められました。",
            "On a trip, someone you have just met asks for a copy of your research data.",
          ),
          options: [
            o("名刺をもらえば渡してよい", "Hand it over once you have their business card"),
            o("公開予定のデータなら渡してよい", "Hand it over if it will be published anyway"),
            o("渡さずに、帰国後に事務局に報告する", "Do not hand it over; report it to the office when back"),
          ],
          correct: 2,
          explanation: o(
            "その場で判断せず、渡さずに報告します。予定外の依頼は接触報告の対象です。",
            "Do not decide on the spot: decline and report. Unexpected requests are worth an approach report.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "一時的な出国者の携帯品・職業用具の特例について正しいのは？",
            "What is true of the exception for temporary travellers' personal effects and tools of trade?",
          ),
          options: [
            o(
              "条件があり、すべての貨物に使えるわけではないので事前に確認する",
              "It has conditions and does not cover every item: check beforehand",
            ),
            o("どんな貨物にも使える", "It covers any item"),
            o("技術データにも使える", "It also covers technology data"),
          ],
          correct: 0,
          explanation: o(
            "特例には条件があり、技術の提供には別の規定（外為法第25条・貿易外省令）が適用されます。",
            "The exception has conditions, and technology falls under different rules (FEFTA Art. 25 and the 貿易外省令 ordinance).",
          ),
        },
      ],
    },
  },
  {
    slug: "research-integrity-disclosure",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 12,
      requiredFor: ["applicant", "unit_officer", "secretariat"],
    },
    content: {
      title: o("研究インテグリティと申告", "Research integrity and disclosure"),
      summary: o(
        "研究者は所属機関に、外国を含むすべての所属・兼業・研究資金・支援を申告し、機関はそれをもとにリスクを管理します。競争的研究費の応募時の e-Rad 登録と誓約、米国の資金に関わる場合の要件、申告漏れが招く結果を学びます。",
        "Researchers disclose to their institution every affiliation, outside post, research fund and support, including foreign ones, and the institution manages risk from that. Learn the e-Rad entry and pledge for competitive funding, the extra US requirements, and what missing disclosures lead to.",
      ),
      lessons: [
        o(
          "政府方針（2021年4月27日 統合イノベーション戦略推進会議決定「研究インテグリティの確保に係る対応方針」）：研究者は所属機関に必要な情報を適切に開示し、機関はその情報に基づきリスクを管理します。",
          "Government policy (decision of the Integrated Innovation Strategy Promotion Council, 27 April 2021): researchers disclose the necessary information to their institution, and the institution manages risk on that basis.",
        ),
        o(
          "競争的研究費の応募では、他の研究費の応募・受入状況（制度名、課題、期間、金額、エフォート）と、すべての所属機関・役職（兼業、外国の人材登用プログラムへの参加、雇用契約のない名誉教授等を含む）を e-Rad に登録します（「競争的研究費の適正な執行に関する指針」2021年12月17日改正）。",
          "Applications for competitive funding list other funding applied for or received (programme, project, period, amount, effort) and every affiliation and position — outside posts, foreign talent-programme participation, honorary posts without employment — entered in e-Rad (Guidelines on the proper execution of competitive research funds, revised 17 December 2021).",
        ),
        o(
          "科研費では令和7年度公募から、e-Rad で「所属機関に必要な情報を提供した」旨の誓約をしていない研究代表者・研究分担者は応募できません（日本学術振興会）。誓約の前に、機関への申告を最新にしておきます。",
          "For KAKENHI, from the FY2025 call, principal and co-investigators who have not made the e-Rad pledge that they reported the necessary information to their institution cannot apply (JSPS). Bring your disclosure up to date before pledging.",
        ),
        o(
          "秘密保持契約があっても機関への申告は必要です。e-Rad では秘密保持の有無を記入し、その場合はエフォートのみを記入する扱いがあります。",
          "A confidentiality agreement does not remove the duty to tell your institution; e-Rad records whether one exists and then asks only for the effort.",
        ),
        o(
          "米国の研究資金に関わる場合：NSPM-33（2021年1月）は申請時の所属・支援の開示を求め、CHIPS and Science Act §10634 は申請に記載される研究者が申請前1年以内に研究セキュリティ研修を修了したことの証明を求めます。同法は悪意ある外国人材招致プログラムへの参加も禁じています。",
          "With US federal funding: NSPM-33 (January 2021) requires disclosure of affiliations and support in proposals, and CHIPS and Science Act §10634 requires each covered individual on an application to certify research-security training completed within the year before applying. The Act also prohibits participation in malign foreign talent recruitment programs.",
        ),
        o(
          "所属や資金の申告漏れは、それ自体が信頼を損ない、虚偽の説明は犯罪になり得ます（米国では元ハーバード大学教授が2021年に有罪）。新しい兼業や外国からの資金は、年次更新を待たずに申告します。",
          "Missing disclosures damage trust, and false statements can be a crime (a former Harvard professor was convicted in the US in 2021). Report a new outside post or foreign funding at once, not at the next annual update.",
        ),
      ],
      caseSlugs: ["lieber-undisclosed-wut-talent-plan-2020-2023"],
      sources: [CAO_INTEGRITY, JSPS_PLEDGE, CHIPS_10634],
      quiz: [
        {
          id: "q1",
          prompt: o("申告が必要なものはどれですか。", "Which of these must you disclose?"),
          options: [
            o("外国の大学の客員ポスト（無給でも）", "A visiting post at a foreign university (even unpaid)"),
            o("国内学会の一般会員資格", "Ordinary membership of a Japanese learned society"),
            o("趣味のサークルへの参加", "A hobby club"),
          ],
          correct: 0,
          explanation: o(
            "無給でも所属・役職は申告対象です（雇用契約のない名誉職等を含む）。",
            "Affiliations and positions are disclosed even when unpaid (including honorary posts).",
          ),
        },
        {
          id: "q2",
          prompt: o(
            "秘密保持契約のある外国企業との共同研究があります。",
            "You have joint research with a foreign company under a confidentiality agreement.",
          ),
          options: [
            o("秘密なので申告しない", "It is confidential, so you do not disclose it"),
            o(
              "機関に申告し、e-Rad では秘密保持ありとして登録する",
              "Disclose it to the institution and mark it confidential in e-Rad",
            ),
            o("終わってから申告する", "Disclose it after it ends"),
          ],
          correct: 1,
          explanation: o(
            "秘密保持契約は申告を免除しません。登録の仕方が変わるだけです。",
            "Confidentiality does not exempt you; it only changes how it is entered.",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "科研費に応募する研究分担者が e-Rad で研究インテグリティの誓約をしていません。",
            "A co-investigator on a KAKENHI application has not made the e-Rad integrity pledge.",
          ),
          options: [
            o("研究代表者が誓約していれば足りる", "Enough if the principal investigator pledged"),
            o("採択後に誓約すればよい", "They can pledge after the award"),
            o("誓約するまで応募できない", "The application cannot be made until they pledge"),
          ],
          correct: 2,
          explanation: o(
            "令和7年度公募からは研究代表者・研究分担者の双方に誓約が必要です。",
            "From the FY2025 call both principal and co-investigators must have pledged.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "外国の人材招致プログラムに参加しています（給与はありません）。",
            "You take part in a foreign talent programme (without salary).",
          ),
          options: [
            o("無給なので申告不要", "No salary, so no disclosure"),
            o("外国で行うので申告不要", "It happens abroad, so no disclosure"),
            o("人材登用プログラムへの参加として申告する", "Disclose it as talent-programme participation"),
          ],
          correct: 2,
          explanation: o(
            "外国の人材登用プログラムへの参加は、報酬の有無に関わらず申告対象です。",
            "Foreign talent-programme participation is disclosed whether or not it is paid.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "ハーバード大学の元学科長の事件（2020〜2023年）で有罪の理由となったのは？",
            "In the former Harvard department chair's case (2020–2023), what was he convicted of?",
          ),
          options: [
            o(
              "武漢理工大学との関係と人材計画への参加について虚偽を述べたこと（および税の申告）",
              "Lying about his Wuhan University of Technology ties and talent-plan participation (and tax offences)",
            ),
            o("論文の盗用", "Plagiarism"),
            o("研究費の目的外使用", "Misusing grant money"),
          ],
          correct: 0,
          explanation: o(
            "虚偽説明2件、虚偽の納税申告2件、外国銀行口座の報告義務違反2件で有罪となりました。",
            "Two counts of false statements, two of false tax returns and two of failing to report a foreign bank account.",
          ),
        },
        {
          id: "q6",
          prompt: o(
            "外国の研究機関から新たに研究資金を受け取ることになりました。",
            "A foreign research institute will start funding you.",
          ),
          options: [
            o("すぐに申告を更新する", "Update your disclosure now"),
            o("次の年次更新まで待つ", "Wait for the annual update"),
            o("金額が少なければ不要", "No need if the amount is small"),
          ],
          correct: 0,
          explanation: o(
            "変更は速やかに申告します。Sekimori では申告を更新すると相手先が自動的に照合されます。",
            "Report changes promptly; in Sekimori every new funder is screened when you update.",
          ),
        },
      ],
    },
  },
  {
    slug: "recognising-approaches",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 12,
      requiredFor: ["applicant", "unit_officer", "secretariat", "approver"],
    },
    content: {
      title: o("不審な接触に気づく・止める・報告する", "Recognising, stopping and reporting approaches"),
      summary: o(
        "技術は人への接触から漏れます。一方的な接触、好条件、別の連絡手段への誘導、公開情報から非公開への要求の変化など、典型的なサインと、気づいたときの行動を学びます。",
        "Technology leaks through people. Learn the typical signs — unsolicited contact, generous offers, pushes to another channel, requests moving from public to confidential — and what to do when you notice them.",
      ),
      lessons: [
        o(
          "サインは一つでは決め手になりません。面識のない相手からの一方的な接触、仕事量に比べて良すぎる条件、個人のメールやメッセージアプリへの誘導、薄い・矛盾したプロフィール、決断を急かす、秘密にするよう言う — 重なったら報告します（警察庁、英国 NPSA「Think Before You Link」）。",
          "No single sign decides: unsolicited contact from a stranger, an offer too good for the work, a push to personal e-mail or messaging apps, a thin or inconsistent profile, pressure to decide, a request for secrecy — when they add up, report (National Police Agency; UK NPSA 'Think Before You Link').",
        ),
        o(
          "依頼は公開情報から始まり、次第に非公開・機密へと進むことがあります。有償の短時間「専門家インタビュー」で非公開の業務内容を聞かれるのも典型です。",
          "Requests often start with public information and move towards confidential material; paid short 'expert interviews' about non-public work are a classic form.",
        ),
        o(
          "秘密保持や国外での研究室設置を条件とする人材招致プログラムへの招待は、研究インテグリティ上の申告・相談が必要です。",
          "Invitations to talent programmes with secrecy or lab-abroad terms need disclosure and a talk with the office.",
        ),
        o(
          "判断は相手の国籍ではなく、行動と求められた内容で行います。",
          "Judge by behaviour and by what is asked — never by the person's nationality.",
        ),
        o(
          "小さなことでも接触報告を出します。事務局は複数の報告をつなげて、同じ相手が多くの人に近づいているかを見ます。報告者が責められることはありません。",
          "Report even small things: the office connects reports to see whether the same contact is approaching many people. Reporters are never blamed.",
        ),
      ],
      caseSlugs: [
        "sekisui-linkedin-technical-adviser-2018-2020",
        "softbank-russian-trade-representation-2017-2020",
      ],
      sources: [
        {
          publisher: "UK National Protective Security Authority (NPSA)",
          title: "Think Before You Link",
          date: "current",
          url: "https://www.npsa.gov.uk/think-you-link",
        },
      ],
      quiz: [
        {
          id: "q1",
          prompt: o(
            "SNSで知らない人から高額な顧問の誘いがあり、「続きは WeChat で」と言われました。",
            "A stranger on social media offers a well-paid adviser role and says 'let's continue on WeChat'.",
          ),
          options: [
            o("条件を WeChat で確認する", "Check the terms on WeChat"),
            o("返信せず接触報告を出す", "Do not reply; submit an approach report"),
            o("公開済みの論文だけ送る", "Send only published papers"),
          ],
          correct: 1,
          explanation: o(
            "一方的な接触・好条件・別の連絡手段への誘導が重なっています。",
            "Unsolicited contact, a generous offer and a push off-platform together.",
          ),
        },
        {
          id: "q2",
          prompt: o(
            "1時間3万円の「専門家インタビュー」で、社内でしか知られていない開発状況を聞かれます。",
            "A one-hour paid 'expert interview' asks about development status known only inside your organisation.",
          ),
          options: [
            o("謝礼があるなら答えてよい", "Fine to answer: it is paid"),
            o("非公開情報は答えず、報告する", "Do not share non-public information; report it"),
            o("匿名なら答えてよい", "Fine if you stay anonymous"),
          ],
          correct: 1,
          explanation: o(
            "有償インタビューで非公開情報を聞くのは典型的な手口です（警察庁）。",
            "Paid interviews seeking non-public information are a known method (National Police Agency).",
          ),
        },
        {
          id: "q3",
          prompt: o(
            "最初は公開論文について聞いてきた相手が、次第に未発表データを求めてきました。これは？",
            "A contact who first asked about published papers now asks for unpublished data. This is…",
          ),
          options: [
            o("公開から機密へのエスカレーション", "Escalation from public to confidential"),
            o("普通の学術交流", "Normal academic exchange"),
            o("判断できない", "Impossible to judge"),
          ],
          correct: 0,
          explanation: o(
            "要求が段階的に非公開情報へ進むのは典型的なサインです。",
            "Requests moving step by step towards non-public material are a typical sign.",
          ),
        },
        {
          id: "q4",
          prompt: o(
            "接触を判断するときに使ってはいけない情報は？",
            "What must NOT be used to judge an approach?",
          ),
          options: [
            o("求められた内容", "What was asked for"),
            o("相手の国籍", "The person's nationality"),
            o("連絡の経路と相手の行動", "The channel and the person's behaviour"),
          ],
          correct: 1,
          explanation: o(
            "国籍は判断材料にしません。行動と依頼内容で判断します。",
            "Nationality is never a factor; behaviour and requests are.",
          ),
        },
        {
          id: "q5",
          prompt: o(
            "小さな違和感があるが、悪意があるかはわかりません。",
            "Something feels slightly off, but you cannot tell whether it is malicious.",
          ),
          options: [
            o("確信が持てるまで待つ", "Wait until you are sure"),
            o("同僚にだけ話す", "Tell only a colleague"),
            o("接触報告を出す", "Submit an approach report"),
          ],
          correct: 2,
          explanation: o(
            "事務局は複数の報告をつなげて判断します。小さな報告が決め手になることがあります。",
            "The office connects reports; a small one can be the missing piece.",
          ),
        },
      ],
    },
  },
];
