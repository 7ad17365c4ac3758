/**
 * Built-in training modules, each built from cases in the library and ending with a short quiz.
 * Short by design: five minutes to read, two to answer.
 */
import { CURRICULUM_MODULES } from "./curriculum-library.js";
import type { ModuleSettings, TrainingContent } from "./training-engine.js";

export type BuiltInModule = { slug: string; settings: ModuleSettings; content: TrainingContent };

const opt = (ja: string, en: string) => ({ ja, en });

export const BUILT_IN_MODULES: readonly BuiltInModule[] = [
  {
    slug: "routes-of-technology-leakage",
    settings: {
      passPercent: 80,
      dueDays: 30,
      renewMonths: 12,
      requiredFor: ["applicant", "unit_officer", "secretariat", "approver", "admin"],
    },
    content: {
      title: { ja: "技術が流出する5つの経路", en: "Five routes by which technology leaks" },
      summary: {
        ja: "オランダ MIVD の整理（サイバー、内部者、買収、輸出規制の回避、リバースエンジニアリング）を手がかりに、組織のどこを守るべきかを確認します。日本の事例（ソフトバンク、積水化学、JAXA）も各経路に対応しています。",
        en: "Using the Dutch MIVD's list (cyber, insiders, acquisitions, export-control evasion, reverse engineering) as a guide, see where your organisation needs protecting. Japanese cases (SoftBank, Sekisui Chemical, JAXA) map onto the routes.",
      },
      lessons: [
        opt(
          "技術は合法的な協力・投資と、違法な手段の両方を通じて狙われる。",
          "Technology is sought through legal collaboration and investment as well as illegal means.",
        ),
        opt("1つの経路だけを守っても、別の経路から流出する。", "Guarding one route leaves the others open."),
        opt(
          "人への接触（内部者化）は、サイバー攻撃と同じくらい重要な経路である。",
          "Approaching people (turning insiders) matters as much as cyberattacks.",
        ),
        opt(
          "気づいたことは小さくても報告する。担当部署は複数の報告をつなげて全体像を見る。",
          "Report even small things: the security office connects reports into a picture.",
        ),
      ],
      caseSlugs: [
        "mivd-routes-to-technology-2024",
        "softbank-russian-trade-representation-2017-2020",
        "jaxa-tick-cyberattacks-2016-2021",
      ],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "MIVD が挙げた経路に含まれないものはどれですか。",
            "Which of these is NOT one of the MIVD's routes?",
          ),
          options: [
            opt("サイバー諜報", "Cyber espionage"),
            opt("企業買収", "Acquisitions"),
            opt("学会での論文発表", "Presenting a paper at a conference"),
            opt("輸出規制の回避", "Export-control circumvention"),
          ],
          correct: 2,
          explanation: opt(
            "公開の論文発表は経路として挙げられていません。挙げられたのはサイバー諜報、内部者、買収、輸出規制の回避、リバースエンジニアリングです。",
            "Publishing openly is not on the list; the routes are cyber espionage, insiders, acquisitions, export-control evasion and reverse engineering.",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "規制対象外の製品を大量に、用途を曖昧にしたまま購入したいという問い合わせがありました。関係する経路は？",
            "Someone wants to buy a large quantity of a licence-free product and is vague about its use. Which route may this be?",
          ),
          options: [
            opt("リバースエンジニアリング", "Reverse engineering"),
            opt("サイバー諜報", "Cyber espionage"),
            opt("どれにも当たらない", "None of them"),
          ],
          correct: 0,
          explanation: opt(
            "許可の要らない製品でも、買って分析すれば技術を得られます。不自然な購入は担当部署に相談してください。",
            "Products that need no licence can still be bought and analysed; consult the office about unusual purchases.",
          ),
        },
        {
          id: "q3",
          prompt: opt(
            "JAXA などへの攻撃で使われた手口はどれですか。",
            "What did the attacks on JAXA and others rely on?",
          ),
          options: [
            opt(
              "偽名で借りた国内のサーバーを踏み台にした",
              "Servers rented in Japan under false names used as stepping stones",
            ),
            opt("社員を会食で取り込んだ", "Winning over staff with dinners"),
            opt("会社を買収した", "Buying the company"),
          ],
          correct: 0,
          explanation: opt(
            "偽名で契約されたレンタルサーバーの ID が攻撃者に渡り、発信元を隠すために使われました。",
            "Credentials of servers rented under false names were passed to the attackers to hide the source.",
          ),
        },
      ],
    },
  },
  {
    slug: "professional-network-adviser-offers",
    settings: { passPercent: 75, dueDays: 30, renewMonths: 12, requiredFor: ["applicant", "unit_officer"] },
    content: {
      title: {
        ja: "ビジネスSNSからの「技術顧問」の誘い",
        en: "'Technical adviser' offers on professional networks",
      },
      summary: {
        ja: "積水化学工業の事例では、LinkedIn に研究内容を載せていた研究者に、別会社を装った相手が技術指導を依頼し、招待旅行の後に技術情報の「交換」を持ちかけました。同じ型の接触に気づき、止め、報告する方法を学びます。",
        en: "In the Sekisui Chemical case a researcher who described his work on LinkedIn was asked for technical guidance by someone posing as another company, invited on paid trips and then asked to 'exchange' technical information. Learn to see, stop and share the same pattern.",
      },
      lessons: [
        opt(
          "面識のない相手からの好条件の「顧問」「技術指導」の誘いは、接触報告で報告する。",
          "Report unsolicited, generous 'adviser' or 'technical guidance' offers through an approach report.",
        ),
        opt(
          "個人のメールやメッセージアプリへ移ろうとする誘いに応じない。",
          "Do not move to personal e-mail or messaging apps when asked.",
        ),
        opt(
          "先方負担の渡航や兼業は事前に届け出る。",
          "Declare paid trips and outside work before accepting.",
        ),
        opt(
          "「交換」でも営業秘密を渡せば違法になり得る。",
          "An 'exchange' is still disclosure of trade secrets.",
        ),
      ],
      caseSlugs: ["sekisui-linkedin-technical-adviser-2018-2020"],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "LinkedIn で知らない人から、高額な報酬の技術顧問の誘いと「詳しくは WeChat で」というメッセージが届きました。最初にすることは？",
            "A stranger on LinkedIn offers a well-paid technical-adviser role and suggests continuing on WeChat. What do you do first?",
          ),
          options: [
            opt("WeChat で条件を確認する", "Check the terms on WeChat"),
            opt("返信せずに接触報告を出す", "Do not reply; submit an approach report"),
            opt("公開済みの論文だけ送る", "Send only published papers"),
          ],
          correct: 1,
          explanation: opt(
            "一方的な接触・好条件・別の連絡手段への誘導が重なっています。返信する前に報告してください。",
            "Unsolicited contact, a generous offer and a push off-platform together: report before replying.",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "積水化学の事例で、相手が最初にしたことは？",
            "In the Sekisui case, what did the contact do first?",
          ),
          options: [
            opt(
              "本当の会社名を名乗って共同研究を提案した",
              "Proposed joint research under the real company name",
            ),
            opt(
              "別の会社を装って技術指導を依頼した",
              "Posed as another company and asked for technical guidance",
            ),
            opt("現金を渡した", "Handed over cash"),
          ],
          correct: 1,
          explanation: opt(
            "相手は別会社を名乗って近づき、関係ができてから正体を明かしました。プロフィールの薄さや矛盾も赤旗です。",
            "The contact posed as another company and revealed the truth only later; thin or inconsistent profiles are a red flag.",
          ),
        },
        {
          id: "q3",
          prompt: opt(
            "相手の技術と交換するなら、自社の技術情報を渡してもよい。",
            "It is fine to share your employer's technical information if you get the other side's technology in exchange.",
          ),
          options: [opt("正しい", "True"), opt("誤り", "False")],
          correct: 1,
          explanation: opt(
            "見返りが金銭でなくても、営業秘密の開示は不正競争防止法違反になり得ます。元研究員は有罪になりました。",
            "Even without money, disclosing trade secrets can breach the Unfair Competition Prevention Act; the researcher was convicted.",
          ),
        },
        {
          id: "q4",
          prompt: opt(
            "プロフィールについて望ましいのはどれですか。",
            "Which is good practice for your profile?",
          ),
          options: [
            opt("担当する機微な技術を詳しく書く", "Describe the sensitive technology you work on in detail"),
            opt("所属と一般的な分野にとどめる", "Keep to your affiliation and a general field"),
          ],
          correct: 1,
          explanation: opt(
            "詳しいプロフィールは、狙う相手にとって標的リストになります（赤旗 A7）。",
            "Detailed profiles become a target list for those looking (red flag A7).",
          ),
        },
      ],
    },
  },
  {
    slug: "friendly-contacts-dinners-cash",
    settings: { passPercent: 75, dueDays: 30, renewMonths: null, requiredFor: [] },
    content: {
      title: { ja: "親しくなった相手からの会食と謝礼", en: "Friendly contacts, dinners and cash" },
      summary: {
        ja: "ソフトバンクの事例では、所属を明かさない外国の通商代表部の職員が、会食と現金で社員を取り込み、公開資料から社内マニュアルへと要求を広げました。人間関係を使った接触の進み方を学びます。",
        en: "In the SoftBank case officials of a foreign trade representation, hiding who they were, won over an employee with dinners and cash and moved from public documents to internal manuals. Learn how approaches through personal relationships progress.",
      },
      lessons: [
        opt(
          "偶然の出会いから会食や贈り物が続いたら報告する。",
          "Report when a chance acquaintance keeps offering meals or gifts.",
        ),
        opt("現金・謝礼は受け取らない。", "Do not accept cash or 'thank-you' money."),
        opt(
          "依頼が公開情報から社内情報に移ったら、すぐに止めて相談する。",
          "When requests move from public to internal information, stop and consult at once.",
        ),
        opt("「誰にも言わないで」は強い警告のサイン。", "'Don't tell anyone' is a strong warning sign."),
      ],
      caseSlugs: ["softbank-russian-trade-representation-2017-2020"],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "道を尋ねられて知り合った人から、何度も食事に誘われ、仕事の話を聞かれます。どうしますか。",
            "Someone who asked you for directions keeps inviting you to dinner and asking about your work. What do you do?",
          ),
          options: [
            opt("友人なので気にしない", "Nothing, they are a friend"),
            opt("担当部署に報告し、仕事の話はしない", "Report it and do not discuss work"),
            opt("公開情報なら渡してよい", "Share public information only"),
          ],
          correct: 1,
          explanation: opt(
            "偶然を装った出会いから会食が続くのは典型的な手口です（赤旗 A8）。",
            "A staged chance meeting followed by dinners is a typical pattern (red flag A8).",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "ソフトバンクの事例で、面会場所はどう決められていましたか。",
            "In the SoftBank case, how were meeting places set?",
          ),
          options: [
            opt(
              "毎回、次の日時と場所をその場で指示された",
              "The next time and place were given at each meeting",
            ),
            opt("社員が決めた", "The employee chose them"),
          ],
          correct: 0,
          explanation: opt(
            "連絡先を教えず、毎回場所を変えるのは発覚を避けるためで、隠蔽の指示の一種です（A9）。",
            "No contact details and changing places each time avoid detection — a form of concealment (A9).",
          ),
        },
        {
          id: "q3",
          prompt: opt("既に現金を受け取ってしまった場合は？", "What if you have already accepted cash?"),
          options: [
            opt("黙って関係を切る", "Quietly break off contact"),
            opt("隠さず担当部署に相談する", "Tell the security office"),
          ],
          correct: 1,
          explanation: opt(
            "早く相談するほど、本人と組織を守る選択肢が増えます。",
            "The earlier you tell, the more options there are to protect you and the organisation.",
          ),
        },
      ],
    },
  },
  {
    slug: "before-you-leave",
    settings: { passPercent: 75, dueDays: 30, renewMonths: null, requiredFor: [] },
    content: {
      title: { ja: "退職・転職とデータの持ち出し", en: "Leaving a job and taking data" },
      summary: {
        ja: "NISSHA の事例では、元社員が退職前にタッチセンサー技術の情報を複製し、海外の企業に転職しました。会社の社内調査と告訴が逮捕につながりました。退職時に何をしてはいけないか、組織は何を確認すべきかを学びます。",
        en: "In the NISSHA case a former employee copied touch-sensor information before leaving and joined a company abroad; the company's own investigation and complaint led to an arrest. Learn what not to take and what organisations should check.",
      },
      lessons: [
        opt(
          "業務で得た営業秘密は、退職後も持ち出してはならない。",
          "Trade secrets from your work stay behind when you leave.",
        ),
        opt(
          "退職前の大量複製は記録に残り、調べられる。",
          "Bulk copying before departure is logged and reviewed.",
        ),
        opt(
          "組織は秘密の表示とアクセス制限で、法的に保護される状態にしておく。",
          "Organisations must mark and restrict secrets so the law protects them.",
        ),
      ],
      caseSlugs: ["nissha-touch-sensor-2019"],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "転職先で役立ちそうなので、自分が作った設計資料を USB にコピーして持っていく。",
            "You copy design documents you wrote to a USB stick because they would help in your next job.",
          ),
          options: [opt("問題ない", "Fine"), opt("許されない", "Not allowed")],
          correct: 1,
          explanation: opt(
            "自分が作成した資料でも、会社の営業秘密であれば持ち出しは違法になり得ます。",
            "Even documents you wrote can be your employer's trade secrets; taking them can be illegal.",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "NISSHA の事例で、発覚のきっかけは？",
            "In the NISSHA case, how was the copying found?",
          ),
          options: [
            opt("会社の社内調査", "The company's internal investigation"),
            opt("海外の報道", "Foreign news reports"),
          ],
          correct: 0,
          explanation: opt(
            "アクセス記録を残し、退職者について確認する仕組みが役立ちました。",
            "Keeping access logs and reviewing leavers made the difference.",
          ),
        },
      ],
    },
  },
  {
    slug: "false-identities-and-proxies",
    settings: { passPercent: 75, dueDays: 30, renewMonths: null, requiredFor: [] },
    content: {
      title: { ja: "名義貸しと偽りの受注者", en: "Borrowed identities and false contractors" },
      summary: {
        ja: "北朝鮮の IT 労働者は、日本人の名義でクラウドソーシングに登録して仕事を受注し、報酬を海外に送っていました。2025年には名義を貸した日本人2人が書類送検されました。委託先の確認方法と、名義を貸さないことを学びます。",
        en: "North Korean IT workers registered on crowdsourcing sites under Japanese names, took work and sent the money abroad; in 2025 two Japanese men who lent their identities were referred to prosecutors. Learn how to check contractors and why never to lend your identity.",
      },
      lessons: [
        opt(
          "ビデオ会議を断る、相場より安い、口座名義が違う、は確認すべき兆候。",
          "Refusing video calls, very low prices and a different account name are signs to check.",
        ),
        opt(
          "身分証や口座は知人にも貸さない。",
          "Never lend ID documents or bank accounts, even to acquaintances.",
        ),
        opt(
          "制裁対象国の関係者への支払いは違法になり得る。",
          "Paying people tied to a sanctioned state can be illegal.",
        ),
      ],
      caseSlugs: ["dprk-it-workers-false-names-2025"],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "アプリ開発の外注先が、とても安い見積りを出し、ビデオ会議は断り、支払先の口座名義が契約者と違います。どうしますか。",
            "A development contractor quotes very low, refuses video calls and wants payment to an account in another name. What do you do?",
          ),
          options: [
            opt("安いので契約する", "Sign — it is cheap"),
            opt(
              "契約前に担当部署へ相談し、本人確認をする",
              "Consult the office and verify identity before signing",
            ),
          ],
          correct: 1,
          explanation: opt(
            "警察庁などの注意喚起に挙げられた兆候が重なっています。",
            "These are the signs listed in the NPA and ministries' advisory.",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "昔からの知人に「仕事用に免許証の画像と口座を貸して」と頼まれました。",
            "An old acquaintance asks to 'borrow' your licence image and bank account for work.",
          ),
          options: [
            opt("手数料がもらえるなら応じる", "Agree for a commission"),
            opt("断り、報告する", "Refuse and report"),
          ],
          correct: 1,
          explanation: opt(
            "名義を貸した2人は書類送検されました。個人的なつながりを利用した依頼は赤旗 A12 です。",
            "The two men who lent their identities were referred to prosecutors; leaning on personal ties is red flag A12.",
          ),
        },
      ],
    },
  },
  {
    slug: "cyber-and-sanctioned-suppliers",
    settings: { passPercent: 75, dueDays: 30, renewMonths: null, requiredFor: [] },
    content: {
      title: { ja: "サイバー攻撃と制裁対象の事業者", en: "Cyberattacks and sanctioned suppliers" },
      summary: {
        ja: "JAXA など約200の組織への攻撃と、Flax Typhoon に基盤を提供したとして米国の制裁を受けた Integrity Technology Group の事例から、攻撃基盤のつくられ方と、取引先（セキュリティ企業を含む）のスクリーニングの必要性を学びます。",
        en: "From the attacks on JAXA and about 200 organisations, and from Integrity Technology Group — sanctioned by the US for providing infrastructure to Flax Typhoon — learn how attack infrastructure is built and why suppliers, security firms included, must be screened.",
      },
      lessons: [
        opt(
          "古いルーターや IP カメラは乗っ取られて攻撃の踏み台になる。",
          "Old routers and IP cameras get hijacked into attack infrastructure.",
        ),
        opt(
          "セキュリティ企業であっても、制裁リストと照合してから契約する。",
          "Screen even security companies against sanctions lists before contracting.",
        ),
        opt("不審な通信は早めに共有・相談する。", "Share and report suspicious traffic early."),
      ],
      caseSlugs: ["jaxa-tick-cyberattacks-2016-2021", "flax-typhoon-integrity-tech-2025"],
      quiz: [
        {
          id: "q1",
          prompt: opt(
            "研究室でサイバー演習サービスを導入します。提供元について契約前にすべきことは？",
            "Your lab is buying a cyber-range service. What should happen before signing?",
          ),
          options: [
            opt("価格だけ比較する", "Compare prices only"),
            opt(
              "制裁・規制リストとの照合（スクリーニング）",
              "Screen the supplier against sanctions and restricted-party lists",
            ),
          ],
          correct: 1,
          explanation: opt(
            "Integrity Tech はセキュリティ企業でしたが、米国の制裁対象になりました（赤旗 R-LIST-HIT）。",
            "Integrity Tech was a security company and is now on the US sanctions list (red flag R-LIST-HIT).",
          ),
        },
        {
          id: "q2",
          prompt: opt(
            "Flax Typhoon が侵入後に使ったものは？",
            "What did Flax Typhoon use to stay inside networks?",
          ),
          options: [
            opt("正規のリモートアクセスソフト（VPN など）", "Legitimate remote-access software (VPN etc.)"),
            opt("郵送された USB メモリ", "USB sticks sent by post"),
          ],
          correct: 0,
          explanation: opt(
            "正規のツールは目立たないため、想定外の接続を監視することが大切です。",
            "Legitimate tools blend in, so watch for unexpected connections.",
          ),
        },
      ],
    },
  },
  // The curriculum (issue 16): the rules themselves, with citations.
  ...CURRICULUM_MODULES,
];
