/**
 * The built-in case library: public cases written in Sekimori's own words from news reports and
 * official releases, each with its sources. Facts are limited to what those sources state; where
 * the public record was not found, the case stays a draft with an editorial note instead of
 * guessed details. Private individuals are not named.
 */
import type { CaseContent } from "./case-engine.js";

export type BuiltInCase = { slug: string; status: "published" | "draft"; content: CaseContent };

export const BUILT_IN_CASES: readonly BuiltInCase[] = [
  {
    slug: "softbank-russian-trade-representation-2017-2020",
    status: "published",
    content: {
      title: {
        ja: "ソフトバンク元社員とロシア通商代表部の職員（2017〜2020年）",
        en: "A SoftBank employee and the Russian Trade Representation (2017–2020)",
      },
      period: "2017–2020",
      channels: ["in_person", "embassy_or_trade_mission"],
      sector: { ja: "通信（携帯電話基地局）", en: "Telecommunications (mobile base stations)" },
      summary: {
        ja: "大手携帯電話会社の社員が、在日ロシア通商代表部の職員と飲食店で会うことを重ね、現金を受け取って、基地局などの通信設備に関する社内マニュアルを渡していました。2020年1月、警視庁が不正競争防止法違反の疑いで元社員を逮捕しました。警察は、接触していた職員をロシアの対外情報機関の関係者とみていました。",
        en: "An employee of a major Japanese mobile carrier met officials of the Russian Trade Representation in Tokyo again and again at restaurants, took cash, and handed over internal manuals on base stations and other communications equipment. Tokyo police arrested the former employee in January 2020 under the Unfair Competition Prevention Act; investigators believed the officials belonged to Russia's foreign intelligence service.",
      },
      timeline: [
        {
          date: "2017",
          text: {
            ja: "最初に接触してきた通商代表部の職員が帰国し、外交官の身分を持つ後任の職員が関係を引き継ぐ。",
            en: "The trade-representation official who first approached the employee returns to Russia; a successor with diplomatic status takes over the contact.",
          },
        },
        {
          date: "2017–2019",
          text: {
            ja: "飲食店などで面会を繰り返す。次に会う日時と場所は毎回その場で指示され、資料と引き換えに現金（1回数万円、総額で数十万円とされる）が渡される。",
            en: "Repeated meetings at restaurants; each time the official sets the next time and place on the spot, and pays cash for documents (reported as tens of thousands of yen each, hundreds of thousands in total).",
          },
        },
        {
          date: "2019-02-18",
          text: {
            ja: "面会の予定が近づく中、社員が社内サーバーから基地局等のマニュアル（営業秘密）を取得する。",
            en: "With a meeting coming up, the employee takes manuals on base stations and other facilities (trade secrets) from a company server.",
          },
        },
        {
          date: "2019-12",
          text: { ja: "会社が社員を解雇する。", en: "The company dismisses the employee." },
        },
        {
          date: "2020-01-25",
          text: {
            ja: "警視庁公安部が元社員を逮捕し、外務省を通じてロシア側の職員2人に出頭を要請する。",
            en: "The Tokyo Metropolitan Police's Public Security Bureau arrests the former employee and, through the Foreign Ministry, asks for the two Russian officials to appear.",
          },
        },
        {
          date: "2020",
          text: {
            ja: "通商代表部の職員は出頭に応じず出国し、検察は再入国の見込みがないとして不起訴とする。元社員は不正競争防止法違反で有罪となる。",
            en: "The official leaves Japan without appearing and prosecutors decline to indict him, as he is unlikely to return; the former employee is found guilty under the Unfair Competition Prevention Act.",
          },
        },
        {
          date: "2022-07",
          text: {
            ja: "警視庁が、同じ通商代表部の別の職員が会社の近くで道を尋ねるふりをして半導体関連企業の社員に声をかけ、連絡先を聞いて飲みに誘っていたとして、企業に注意を呼びかけたことが報じられる。",
            en: "Tokyo police are reported to have warned companies about another staff member of the same office who approached semiconductor-company employees near their workplace by pretending to ask for directions, then asked for contact details and invited them for drinks.",
          },
        },
      ],
      method: [
        {
          ja: "所属も連絡先も明かさないまま、仕事の外で個人的な関係をつくる。",
          en: "Build a personal relationship outside work without revealing affiliation or contact details.",
        },
        {
          ja: "飲食店での面会を重ね、もてなしと現金で「小遣い稼ぎ」の感覚にさせる。",
          en: "Meet repeatedly at restaurants; hospitality and cash make it feel like earning pocket money.",
        },
        {
          ja: "報道によれば、最初は公開済みの資料を求め、次第に社内の資料を具体的に指定して求める。",
          en: "According to reports, first ask for material that is already public, then name specific internal documents.",
        },
        {
          ja: "次の面会の場所と時間をその都度指示し、場所を毎回変えて発覚を避ける。",
          en: "Give the next time and place at each meeting and change places every time to avoid detection.",
        },
        {
          ja: "担当者が帰国する際は、後任に関係を引き継ぐ。",
          en: "When the handler leaves the country, hand the relationship to a successor.",
        },
      ],
      redFlags: [
        "A1",
        "A2",
        "A4",
        "A8",
        "A9",
        "R-MILITARY",
        "R-TOKUTEI",
        "R-EXCESS-ACCESS",
        "I-USB-CONFIDENTIAL",
      ],
      countermeasures: [
        {
          ja: "偶然の出会いから食事や贈り物が続く、所属を明かさない相手から仕事の話を聞かれる、といった接触は早めに担当部署へ報告する。",
          en: "Report early when a chance acquaintance keeps offering meals or gifts, or someone who hides their affiliation asks about your work.",
        },
        {
          ja: "現金や謝礼は受け取らない。受け取ってしまった場合も隠さず相談する。",
          en: "Do not accept cash or 'thank-you' payments; if you already did, say so rather than hide it.",
        },
        {
          ja: "営業秘密を置くサーバーはアクセス権を絞り、記録を残し、リムーバブルメディアへの複製を検知する。",
          en: "Restrict and log access to servers holding trade secrets, and detect copying to removable media.",
        },
        {
          ja: "外国政府関係者との接触について社内の報告ルールを決め、周知する。",
          en: "Set and publicise an internal rule for reporting contacts with foreign government officials.",
        },
      ],
      outcome: {
        ja: "元社員は有罪。ロシア側の職員は出国し、不起訴となった。",
        en: "The former employee was convicted; the Russian official left Japan and was not indicted.",
      },
      sources: [
        {
          publisher: "The Japan Times (Kyodo, Jiji)",
          date: "2020-01-26",
          title:
            "Report on the arrest of a former SoftBank employee for passing information to Russian trade-mission officials",
          url: "https://www.japantimes.co.jp/news/2020/01/26/national/softbank-employee-arrested-leak-proprietary-information-russia-spies/",
        },
        {
          publisher: "The Japan Times (Jiji, Kyodo)",
          date: "2020-01-27",
          title:
            "Report that the former employee was repeatedly wined and dined and thought the officials might be spies",
          url: "https://www.japantimes.co.jp/news/2020/01/27/national/crime-legal/ex-softbank-worker-russians-might-be-spies/",
        },
        {
          publisher: "Arab News Japan (Kyodo/Jiji)",
          date: "2020-01-27",
          title: "Ex-Softbank worker gets tens of thousands of Yen from Russian Diplomat",
          url: "https://www.arabnews.jp/en/business/article_9523/",
        },
        {
          publisher: "Tokyo Reporter (citing TBS News)",
          date: "2020-07",
          title: "Ex-Russian diplomat suspected of spying on Softbank not indicted",
          url: "https://www.tokyoreporter.com/crime/ex-russian-diplomat-suspected-of-spying-on-softbank-not-indicted/",
        },
        {
          publisher: "The Japan News (Yomiuri) via Nation Thailand",
          date: "2022-07-29",
          title:
            "Report on the police warning to semiconductor companies about a trade-representation staff member",
          url: "https://www.nationthailand.com/international/40018301",
        },
      ],
    },
  },
  {
    slug: "sekisui-linkedin-technical-adviser-2018-2020",
    status: "published",
    content: {
      title: {
        ja: "積水化学工業と LinkedIn の「技術指導」の誘い（2018〜2020年）",
        en: "Sekisui Chemical and the LinkedIn 'technical adviser' offer (2018–2020)",
      },
      period: "2018–2021",
      channels: ["professional_network", "email"],
      sector: {
        ja: "化学（スマートフォンのタッチパネル用導電性微粒子）",
        en: "Chemicals (conductive particles for smartphone touch panels)",
      },
      summary: {
        ja: "LinkedIn に勤務先と研究内容（導電性微粒子）を載せていた研究者に、中国の電子部品メーカー（潮州三環グループ）の社員が別の会社の者を装って連絡し、技術指導を依頼しました。渡航費を先方負担で何度も中国に招いた後に正体を明かし、技術情報の「交換」を持ちかけました。研究者は2018年8月から2019年1月にかけて製造工程に関する営業秘密をメールで送り、2021年に有罪判決を受けました。",
        en: "A researcher whose LinkedIn profile named his employer and his work on conductive particles was contacted by an employee of a Chinese electronic-components maker (Chaozhou Three-Circle Group) posing as someone from a different company and asking for technical guidance. After several all-expenses-paid trips to China the contact revealed who he was and proposed an 'exchange' of technical information. Between August 2018 and January 2019 the researcher e-mailed production-process trade secrets; he was convicted in 2021.",
      },
      timeline: [
        {
          date: "2018",
          text: {
            ja: "LinkedIn で一方的にメッセージが届く。相手は別の中国企業の者を名乗り、技術指導を依頼する。その後は電話やメールでやり取りが続く。",
            en: "An unsolicited LinkedIn message arrives from someone claiming to represent another Chinese company and asking for technical guidance; phone and e-mail contact follows.",
          },
        },
        {
          date: "2018",
          text: {
            ja: "先方が渡航費と宿泊費を負担し、研究者は数回中国を訪れる。訪問中に相手が本当の所属を明かし、技術情報の交換を提案する。",
            en: "The researcher visits China several times with travel and hotels paid; during a visit the contact reveals his real employer and proposes exchanging technical information.",
          },
        },
        {
          date: "2018-08 – 2019-01",
          text: {
            ja: "会社のサーバーから製造工程の資料や装置の画像を USB メモリに移し、私用のメールで2回送信する。",
            en: "He copies process documents and equipment images from the company server to a USB stick and sends them twice from a private e-mail account.",
          },
        },
        {
          date: "2019-05",
          text: {
            ja: "社内調査で発覚し、会社が研究者を解雇する。",
            en: "An internal investigation uncovers the leak and the company dismisses him.",
          },
        },
        {
          date: "2020-10-13",
          text: {
            ja: "大阪府警が不正競争防止法違反の疑いで書類送検する。",
            en: "Osaka Prefectural Police send the case to prosecutors under the Unfair Competition Prevention Act.",
          },
        },
        {
          date: "2021-08-18",
          text: {
            ja: "大阪地裁が懲役2年・執行猶予4年、罰金100万円の有罪判決を言い渡す。",
            en: "Osaka District Court sentences him to two years in prison suspended for four years and a ¥1 million fine.",
          },
        },
      ],
      method: [
        {
          ja: "ビジネスSNSで、勤務先と担当技術を公開している技術者を探す。",
          en: "Search a professional network for engineers who list their employer and technology.",
        },
        {
          ja: "別の会社を名乗って一方的に連絡し、「技術指導」「アドバイザー」として協力を求める。",
          en: "Send an unsolicited message under another company's name asking for 'technical guidance' as an adviser.",
        },
        {
          ja: "電話とメールに移り、費用先方持ちで海外に招待して関係を深める。",
          en: "Move to phone and e-mail, and deepen the relationship with all-expenses-paid invitations abroad.",
        },
        {
          ja: "関係ができてから正体を明かし、相手の技術と「交換」しようと持ちかけて、技術者としての評価を上げたい気持ちにつけ込む。",
          en: "Reveal the real identity only once a relationship exists, and propose an 'exchange' of technology that plays on the engineer's wish to advance.",
        },
        {
          ja: "資料は USB メモリ経由で持ち出され、私用メールで送られる。",
          en: "The material leaves via a USB stick and a private e-mail account.",
        },
      ],
      redFlags: [
        "A1",
        "A2",
        "A4",
        "A5",
        "A6",
        "A7",
        "R-EXCESS-ACCESS",
        "I-PRO-NETWORK",
        "I-USB-CONFIDENTIAL",
        "I-EMAIL-PERSONAL",
        "I-CASE3-RECRUITED-EMAIL",
        "I-EXTERNAL-EMAIL-CONFIDENTIAL",
      ],
      countermeasures: [
        {
          ja: "ビジネスSNSのプロフィールに、機微な技術や担当業務を詳しく書きすぎない。",
          en: "Keep sensitive technology and duties off professional-network profiles.",
        },
        {
          ja: "見知らぬ相手からの「技術顧問」「技術指導」の誘いは、応じる前に担当部署へ報告し、相手の会社を自分で確かめる。",
          en: "Report unsolicited 'technical adviser' or 'technical guidance' offers before answering, and check the company independently.",
        },
        {
          ja: "兼業・技術指導や、先方負担の海外渡航は事前の届出・承認を必要とする。",
          en: "Require prior approval for outside consulting and for trips paid by third parties.",
        },
        {
          ja: "機密ファイルの USB 複製と私用メール・個人アドレスへの送信を制限し、検知する。",
          en: "Restrict and detect copying of confidential files to USB and sending them to personal e-mail.",
        },
        {
          ja: "技術の「交換」であっても、営業秘密を渡せば不正競争防止法違反になり得ることを研修で伝える。",
          en: "Teach that an 'exchange' of technology is still disclosure of trade secrets under the Unfair Competition Prevention Act.",
        },
      ],
      outcome: {
        ja: "研究者は有罪（懲役2年・執行猶予4年、罰金100万円）。報道によれば金銭は受け取っておらず、相手の技術を得て社内での評価を上げたかったと説明した。",
        en: "The researcher was convicted (two years suspended for four, ¥1 million fine). Reports say he received no money and wanted the other company's technology to raise his standing at work.",
      },
      sources: [
        {
          publisher: "nippon.com (Jiji Press)",
          date: "2020-10-14",
          title: "Ex-Sekisui Chemical Worker Allegedly Leaks Data to China Firm",
          url: "https://www.nippon.com/en/news/yjj2020101301112/ex-sekisui-chemical-worker-allegedly-leaks-data-to-china-firm.html",
        },
        {
          publisher: "The Asahi Shimbun (Asia & Japan Watch)",
          date: "2020-10-14",
          title: "Report on the referral of the former Sekisui Chemical employee contacted through LinkedIn",
          url: "https://www.asahi.com/ajw/articles/13824415",
        },
        {
          publisher: "Nikkei Asia",
          date: "2020-10-15",
          title: "Japan's Sekisui struck by espionage using social media",
        },
        {
          publisher: "nippon.com (Jiji Press)",
          date: "2021-08-18",
          title: "Ex-Sekisui Chemical Worker Found Guilty of Leaking Info",
          url: "https://www.nippon.com/en/news/yjj2021081800143/ex-sekisui-chemical-worker-found-guilty-of-leaking-info.html",
        },
      ],
    },
  },
  {
    slug: "nissha-touch-sensor-2019",
    status: "published",
    content: {
      title: {
        ja: "NISSHA のタッチセンサー技術の持ち出し（2019年）",
        en: "NISSHA touch-sensor know-how taken to a new employer (2019)",
      },
      period: "2017–2019",
      channels: ["insider"],
      sector: { ja: "電子部品（タッチセンサー）", en: "Electronic components (touch sensors)" },
      summary: {
        ja: "2019年6月、京都府警は、NISSHA の元社員（40代）を不正競争防止法違反（営業秘密の領得）の疑いで逮捕しました。2017年秋ごろ、同社の施設でタッチセンサー技術に関する情報を、中国の精密機器会社に漏らす目的で複製して持ち出した疑いです。元社員は直後に退職してその会社に転職しており、NISSHA の社内調査で発覚し、同社が刑事告訴していました。",
        en: "In June 2019 Kyoto Prefectural Police arrested a former NISSHA employee in his forties under the Unfair Competition Prevention Act. He was suspected of copying and taking information on the company's touch-sensor technology at a company facility around autumn 2017, in order to disclose it to a Chinese precision-equipment company that he joined right after leaving. NISSHA found the copying in an internal investigation and filed a criminal complaint.",
      },
      timeline: [
        {
          date: "2017 (autumn)",
          text: {
            ja: "在職中に、タッチセンサー技術に関する情報を複製して持ち出したとされる。",
            en: "While still employed, he allegedly copies and takes out information on touch-sensor technology.",
          },
        },
        {
          date: "2017",
          text: {
            ja: "直後に退職し、中国の精密機器会社に転職する。",
            en: "He leaves soon after and joins a Chinese precision-equipment company.",
          },
        },
        {
          date: "before 2019-06",
          text: {
            ja: "NISSHA が社内調査で持ち出しを確認し、京都府警に刑事告訴する（時期は報道されていない）。",
            en: "NISSHA confirms the copying in an internal investigation and files a criminal complaint with Kyoto police (the date was not reported).",
          },
        },
        {
          date: "2019-06-05",
          text: {
            ja: "京都府警が不正競争防止法違反の疑いで元社員を逮捕する。",
            en: "Kyoto police arrest the former employee under the Unfair Competition Prevention Act.",
          },
        },
      ],
      method: [
        {
          ja: "業務で正当にアクセスできる技術情報を、退職前に複製する。",
          en: "Copy technical information one can legitimately access at work, shortly before leaving.",
        },
        {
          ja: "退職直後に、転職先（競合する海外企業）へ移る。",
          en: "Move straight to the new employer, a competing company abroad.",
        },
      ],
      redFlags: ["I-DEPARTING", "I-CASE2-DEPARTING-EXFIL", "I-DEPARTING-EXFIL"],
      countermeasures: [
        {
          ja: "退職の申し出があったら、過去数か月の機密情報へのアクセスと複製の記録を確認する。",
          en: "When someone resigns, review their access to and copying of confidential information over the past months.",
        },
        {
          ja: "退職時に秘密保持の誓約を改めて取り、貸与媒体を回収し、転職先を確認する。",
          en: "At exit, renew the confidentiality pledge, collect issued media and ask about the next employer.",
        },
        {
          ja: "営業秘密として保護されるよう、秘密であることを表示し、アクセスを限定して管理する（秘密管理性）。",
          en: "Mark trade secrets and limit access so they qualify for legal protection.",
        },
        {
          ja: "告訴や立証に使えるよう、アクセス記録を十分な期間保存する。",
          en: "Keep access logs long enough to support a complaint and prosecution.",
        },
      ],
      outcome: {
        ja: "会社自身の社内調査と刑事告訴が、元社員の逮捕につながった。",
        en: "The company's own internal investigation and criminal complaint led to the arrest.",
      },
      sources: [
        {
          publisher: "京都新聞 (Kyoto Shimbun) via Yahoo! News Japan",
          date: "2019-06-05",
          title: "NISSHA 元社員の逮捕を伝える記事（タッチセンサー技術の持ち出し）",
          url: "https://headlines.yahoo.co.jp/hl?a=20190605-00010001-kyt-soci",
        },
      ],
    },
  },
  {
    slug: "researcher-li-student-zhang-academic-k-2025",
    status: "draft",
    content: {
      title: {
        ja: "研究者 Li、その学生 Zhang と外国の研究者 K（2025年）",
        en: "The researcher Li, his student Zhang and the foreign academic K (2025)",
      },
      period: "2025",
      channels: ["research_or_investment_proposal"],
      sector: { ja: "（未確認）", en: "(not yet confirmed)" },
      summary: {
        ja: "下書き：この事例の公開情報（報道・公的資料）を作成時に確認できなかったため、推測で内容を書いていません。管理者が出典を確認して経緯・手口・対策を記入するまで公開されません。",
        en: "Draft: the public record of this case (news or official material) could not be confirmed when the library was written, so nothing has been filled in by guesswork. It stays unpublished until an administrator adds the facts and their sources.",
      },
      timeline: [],
      method: [],
      redFlags: ["R-PLACED-INTERN", "I-OUT-OF-SCOPE-ACCESS"],
      countermeasures: [],
      outcome: { ja: "（未記入）", en: "(not filled in)" },
      sources: [
        {
          publisher:
            "中华人民共和国国家安全部 (Ministry of State Security of the PRC), official WeChat account",
          date: "2025",
          title:
            "研究者 Li・学生 Zhang・外国の研究者 K の事例の公表（題名・日付・URL は要確認 / title, date and URL to verify）",
        },
      ],
      editorialNote: {
        ja: "この事例の出典は、中国国家安全部（MSS）が2025年に公式アカウントで公表した事例（研究者 Li が外国の研究者 K の求めで学生 Zhang をインターンとして送り込み、データを収集させたとされるもの）であり、警察庁の事例ではありません。赤旗 R-PLACED-INTERN と I-OUT-OF-SCOPE-ACCESS はこの公表に基づきます。一党の国家機関による公表であることを踏まえ、公表文（日付・URL）を確認して出典欄に記入してから公開してください。",
        en: "The source of this case is a disclosure by China's Ministry of State Security (MSS) on its official account in 2025 (a researcher Li said to have placed his student Zhang as an intern, at the request of a foreign academic K, to collect data) — not a Japanese National Police Agency case. R-PLACED-INTERN and I-OUT-OF-SCOPE-ACCESS rest on it. As a disclosure by a state security agency, check the original post (date, URL) and fill in the source before publishing.",
      },
    },
  },
  {
    slug: "jaxa-tick-cyberattacks-2016-2021",
    status: "published",
    content: {
      title: {
        ja: "JAXA など約200の組織へのサイバー攻撃（2016〜2017年、2021年に公表）",
        en: "Cyberattacks on JAXA and about 200 organisations (2016–2017, revealed 2021)",
      },
      period: "2016–2021",
      channels: ["cyber"],
      sector: {
        ja: "宇宙航空・防衛関連企業・大学",
        en: "Aerospace, defence-related companies and universities",
      },
      summary: {
        ja: "2021年4月、警視庁は、日本国内のレンタルサーバーを偽名で5回契約した中国共産党員のシステムエンジニアを書類送検しました。サーバーの利用に必要な ID などはハッカー集団「Tick」に渡り、警察は、Tick が中国人民解放軍の61419部隊の指示の下で JAXA や防衛関連企業、大学など約200の組織を狙ったとみています。もう1人の元留学生も、同部隊の関係者の指示で偽名によりサーバーを契約していました。JAXA は不正アクセスはあったが情報流出はないと説明しました。",
        en: "In April 2021 Tokyo police referred to prosecutors a systems engineer, a Chinese Communist Party member, who had rented servers in Japan five times under false names. The credentials went to the hacker group 'Tick', which police believe attacked about 200 Japanese organisations — JAXA, defence-related firms, universities — under the direction of the People's Liberation Army's Unit 61419. A former student had also rented servers under false names on the instructions of someone in that unit. JAXA said there had been unauthorised access but no data leak.",
      },
      timeline: [
        {
          date: "2016",
          text: {
            ja: "JAXA が不正アクセスを受ける。",
            en: "JAXA suffers unauthorised access.",
          },
        },
        {
          date: "2016–2017",
          text: {
            ja: "国内のレンタルサーバーが偽名で繰り返し契約され、ID などがオンラインのサイトを通じて Tick に渡る。約200の研究機関・企業（大手電機メーカー、大学を含むと報道）が標的となる。",
            en: "Servers in Japan are repeatedly rented under false names and the credentials passed to Tick through an online site; about 200 research institutions and companies (reportedly including major electronics makers and universities) are targeted.",
          },
        },
        {
          date: "2021-04-20",
          text: {
            ja: "警視庁が、すでに出国していたシステムエンジニアを私電磁的記録不正作出・同供用の疑いで書類送検する。",
            en: "Tokyo police send papers on the systems engineer, who had already left Japan, to prosecutors on suspicion of illegally creating and using electronic records.",
          },
        },
      ],
      method: [
        {
          ja: "偽の身元で国内のサーバーを借り、攻撃の踏み台にする（国内からの通信に見せかけ、発信元を隠す）。",
          en: "Rent servers in the target country under false identities and use them as stepping stones, hiding the origin of the attack.",
        },
        {
          ja: "借りたサーバーの ID・パスワードを攻撃者に売り渡す。",
          en: "Sell the rented servers' credentials on to the attackers.",
        },
        {
          ja: "宇宙航空・防衛の技術を持つ組織を長期にわたり狙う。",
          en: "Target organisations holding aerospace and defence technology over long periods.",
        },
      ],
      redFlags: ["R-MILITARY", "R-SENSITIVE-TOPIC"],
      countermeasures: [
        {
          ja: "機微な技術を扱う研究ネットワークを分離し、外部からの不正アクセスを監視する。",
          en: "Separate research networks that hold sensitive technology and monitor them for intrusions.",
        },
        {
          ja: "多要素認証と脆弱性の早期修正を徹底する。",
          en: "Enforce multi-factor authentication and patch vulnerabilities quickly.",
        },
        {
          ja: "不審な通信や侵害の兆候は、JPCERT/CC や警察に早めに相談・共有する。",
          en: "Share suspicious traffic and signs of compromise early with JPCERT/CC and the police.",
        },
        {
          ja: "サーバー等を貸す事業者は、契約者の本人確認を確実に行う。",
          en: "Hosting providers should verify the identity of customers who rent servers.",
        },
      ],
      outcome: {
        ja: "システムエンジニアは出国後に書類送検された。警察は攻撃の背後に人民解放軍の部隊があるとみている。",
        en: "The engineer was referred to prosecutors after leaving Japan; police believe a PLA unit was behind the attacks.",
      },
      sources: [
        {
          publisher: "NHK World",
          date: "2021-04-20",
          title: "China's PLA allegedly behind cyberattacks in Japan",
          url: "https://www3.nhk.or.jp/nhkworld/en/news/20210420_10/",
        },
        {
          publisher: "The Japan News (Yomiuri Shimbun)",
          date: "2021-04-20",
          title: "JAXA among 200 Japanese entities cyber-attacked; Chinese military suspected",
          url: "https://japannews.yomiuri.co.jp/politics/defense-security/20210420-69512/",
        },
      ],
    },
  },
  {
    slug: "dprk-it-workers-false-names-2025",
    status: "published",
    content: {
      title: {
        ja: "他人名義で仕事を受注する北朝鮮の IT 労働者（2025年）",
        en: "North Korean IT workers under false names (2025)",
      },
      period: "2020–2025",
      channels: ["identity_fraud"],
      sector: {
        ja: "ソフトウェア・アプリ開発の業務委託",
        en: "Outsourced software and app development",
      },
      summary: {
        ja: "2025年4月、警視庁公安部は、北朝鮮の IT 労働者とみられる知人に運転免許証の画像や銀行口座の情報を送った日本人の男性2人を書類送検しました。知人はこの名義で国内のクラウドソーシングサイトに登録して日本企業の仕事を受注し、報酬は2人の口座に振り込まれ、2人は約1割を受け取って残りを海外に送金していました。警察庁と外務省・財務省・経済産業省は2024年3月、北朝鮮の IT 労働者が日本人を装って仕事を受注し、核・ミサイル開発の資金を得ているとして注意を呼びかけていました。",
        en: "In April 2025 Tokyo police referred two Japanese men to prosecutors for sending images of their driving licences and their bank details to an acquaintance believed to be a North Korean IT worker. The acquaintance used them to register on a Japanese crowdsourcing site and take work from a Japanese company; payment went into the men's accounts, they kept about ten per cent and sent the rest abroad. In March 2024 the National Police Agency and the foreign, finance and economy ministries had warned that North Korean IT workers pose as Japanese freelancers to fund nuclear and missile programmes.",
      },
      timeline: [
        {
          date: "2020-09 – 2020-10",
          text: {
            ja: "7年来の知人から頼まれ、2人が免許証の画像と口座情報をメッセージアプリで送る。",
            en: "Asked by an acquaintance they had known for seven years, the two men send licence images and bank details through a messaging app.",
          },
        },
        {
          date: "2024-03-26",
          text: {
            ja: "警察庁・外務省・財務省・経済産業省が注意喚起：不自然な日本語、ビデオ会議を断る、相場より安い受注、登録名と異なる口座名義、短時間に異なる IP アドレスからのアクセス。",
            en: "The NPA and the foreign, finance and economy ministries issue an advisory: unnatural Japanese, refusing video calls, below-market prices, payee names that differ from the registered name, logins from different IP addresses in a short time.",
          },
        },
        {
          date: "2025-04-07",
          text: {
            ja: "警視庁が2人を書類送検する。サイトへのアクセスには北朝鮮からとみられるものがあった。",
            en: "Tokyo police refer the two men to prosecutors; some access to the platform appeared to come from North Korea.",
          },
        },
      ],
      method: [
        {
          ja: "長年の知人関係を使い、身分証と口座を「貸して」もらう。",
          en: "Lean on a long acquaintance to 'borrow' identity documents and a bank account.",
        },
        {
          ja: "日本人名義でクラウドソーシングに登録し、相場より安くアプリやウェブ制作を受注する。",
          en: "Register on a crowdsourcing platform under a Japanese name and bid low for app and web work.",
        },
        {
          ja: "ビデオ会議を避け、文字だけでやり取りする。",
          en: "Avoid video calls; communicate in text only.",
        },
        {
          ja: "報酬は名義人の口座に入り、手数料を差し引いて海外へ送金される。",
          en: "Payments land in the proxies' accounts and are forwarded abroad minus a commission.",
        },
      ],
      redFlags: [
        "A6",
        "A12",
        "R-LIST-HIT",
        "R-UNCLEAR-FUNDING",
        "H-PAYEE-MISMATCH",
        "H-NO-LIVE-VIDEO",
        "H-LAPTOP-ADDRESS",
        "H-IDENTITY-INCONSISTENT",
        "H-UNNATURAL-JAPANESE",
        "H-CRYPTO-PAYMENT",
        "H-AVOIDS-MEETING",
      ],
      countermeasures: [
        {
          ja: "委託先の本人確認を行い、ビデオ会議で顔と身分証を確かめ、支払先口座の名義が契約者と一致するか確認する。",
          en: "Verify contractors' identity, see them on video with their ID, and check the payee account is in the contractor's name.",
        },
        {
          ja: "注意喚起に挙げられた兆候（不自然な日本語、安すぎる見積り、異なる IP アドレス）に気づいたら担当部署に相談する。",
          en: "Consult the security office when you notice the advisory's signs (unnatural Japanese, very low quotes, changing IP addresses).",
        },
        {
          ja: "知人であっても、身分証や口座を他人に貸さない。頼まれたら報告する。",
          en: "Never lend your identity documents or bank account, even to an acquaintance; report such requests.",
        },
        {
          ja: "制裁対象国の関係者への支払いは外為法違反になり得るため、取引先をスクリーニングする。",
          en: "Screen counterparties: paying people tied to a sanctioned state can breach the Foreign Exchange Act.",
        },
      ],
      outcome: {
        ja: "名義を貸した2人が書類送検された。",
        en: "The two men who lent their identities were referred to prosecutors.",
      },
      sources: [
        {
          publisher: "nippon.com (Jiji Press)",
          date: "2025-04-07",
          title: "2 Japanese Men Suspected of Helping N. Korean IT Worker",
          url: "https://www.nippon.com/en/news/yjj2025040700804/2-japanese-men-suspected-of-helping-n-korean-it-worker.html",
        },
        {
          publisher: "The Asahi Shimbun (Asia & Japan Watch)",
          date: "2025-04-07",
          title:
            "Report on the referral of two men who provided identification to a suspected North Korean IT worker",
          url: "https://www.asahi.com/ajw/articles/15701897",
        },
        {
          publisher: "NHK World",
          date: "2024-03-26",
          title: "Japan police warn of fraudulent N.Korean IT workers' tactics",
          url: "https://www3.nhk.or.jp/nhkworld/en/news/20240326_12/",
        },
        {
          publisher: "nippon.com (Jiji Press)",
          date: "2024-03-26",
          title: "Japan Warns of N. Korean Technicians Impersonating Nationals",
          url: "https://www.nippon.com/en/news/yjj2024032600410/japan-warns-of-n-korean-technicians-impersonating-nationals.html",
        },
      ],
    },
  },
  {
    slug: "flax-typhoon-integrity-tech-2025",
    status: "published",
    content: {
      title: {
        ja: "Flax Typhoon と Integrity Technology Group への制裁（2025年）",
        en: "Flax Typhoon and the sanctions on Integrity Technology Group (2025)",
      },
      period: "2021–2025",
      channels: ["cyber"],
      sector: {
        ja: "重要インフラ・大学・政府機関・通信・報道",
        en: "Critical infrastructure, universities, government, telecoms and media",
      },
      summary: {
        ja: "2025年1月3日、米財務省外国資産管理室（OFAC）は、北京のサイバーセキュリティ企業 Integrity Technology Group（上場企業）を制裁対象に指定しました。国家の支援を受けるハッカー集団 Flax Typhoon が2022〜2023年に同社の基盤を使って侵入を繰り返したためです。これに先立つ2024年9月、FBI などは同社が管理していた、ルーターや IP カメラなど20万台以上の機器からなるボットネットを無力化していました。",
        en: "On 3 January 2025 the US Treasury's Office of Foreign Assets Control (OFAC) designated Integrity Technology Group, a listed cybersecurity company in Beijing, because the state-sponsored group Flax Typhoon had used the company's infrastructure for intrusions in 2022–2023. In September 2024 the FBI and partners had disrupted a botnet of more than 200,000 routers, IP cameras and other devices that the company controlled.",
      },
      timeline: [
        {
          date: "2021",
          text: {
            ja: "この頃から Flax Typhoon の活動が確認される（北米・欧州・アフリカ・アジア、特に台湾）。",
            en: "Flax Typhoon is active from at least this year (North America, Europe, Africa and Asia, especially Taiwan).",
          },
        },
        {
          date: "2022 – 2023",
          text: {
            ja: "侵入の際に Integrity Tech の基盤と日常的に通信する。2023年夏には米カリフォルニア州の組織のサーバーと端末に侵入する。",
            en: "Intrusions routinely talk to Integrity Tech infrastructure; in summer 2023 servers and workstations of a California organisation are compromised.",
          },
        },
        {
          date: "2024-09-18",
          text: {
            ja: "FBI・米サイバー国家任務部隊・NSA とファイブアイズ各国が共同で注意喚起を公表し、裁判所の許可を得てボットネットを無力化する。",
            en: "The FBI, US Cyber National Mission Force, NSA and Five Eyes partners publish a joint advisory; a court-authorised operation disrupts the botnet.",
          },
        },
        {
          date: "2025-01-03",
          text: {
            ja: "OFAC が大統領令13694号に基づき同社を制裁対象（SDN）に指定する。",
            en: "OFAC designates the company under Executive Order 13694 (SDN list).",
          },
        },
      ],
      method: [
        {
          ja: "インターネットに公開された機器の既知の脆弱性を突いて侵入する。",
          en: "Break in through known vulnerabilities in internet-facing devices.",
        },
        {
          ja: "正規のリモートアクセスソフト（VPN、リモートデスクトップ）で長期間居座る。",
          en: "Stay inside with legitimate remote-access software (VPN, remote desktop).",
        },
        {
          ja: "乗っ取った家庭用ルーターや IP カメラをボットネットにし、攻撃元を隠す。",
          en: "Turn hijacked home routers and IP cameras into a botnet that hides the source of attacks.",
        },
        {
          ja: "表向きはセキュリティ企業である会社が、基盤を提供する。",
          en: "A company that presents itself as a cybersecurity firm provides the infrastructure.",
        },
      ],
      redFlags: ["R-LIST-HIT", "R-MILITARY"],
      countermeasures: [
        {
          ja: "セキュリティ製品・演習環境・診断サービスの提供元も、契約前に制裁リスト（OFAC SDN など）と照合する。",
          en: "Screen security-product, cyber-range and testing suppliers against sanctions lists (e.g. OFAC SDN) before contracting.",
        },
        {
          ja: "サポートの終わったルーターやカメラを更新し、初期パスワードを変更する。",
          en: "Replace end-of-life routers and cameras and change default passwords.",
        },
        {
          ja: "VPN やリモートデスクトップの利用を監視し、想定外の接続を調べる。",
          en: "Monitor VPN and remote-desktop use and investigate unexpected connections.",
        },
        {
          ja: "各国機関の共同注意喚起に示された侵害の痕跡を確認する。",
          en: "Check for the indicators of compromise published in joint advisories.",
        },
      ],
      outcome: {
        ja: "同社は米国の制裁対象となり、米国の個人・企業との取引が原則禁止された。",
        en: "The company was sanctioned; US persons are generally barred from dealing with it.",
      },
      sources: [
        {
          publisher: "U.S. Department of the Treasury",
          date: "2025-01-03",
          title: "Treasury press release on the sanctions against Integrity Technology Group (jy2769)",
          url: "https://home.treasury.gov/news/press-releases/jy2769",
        },
        {
          publisher: "FBI, Cyber National Mission Force, NSA and partners",
          date: "2024-09-18",
          title:
            "Joint cybersecurity advisory on PRC-linked actors compromising routers and IoT devices for botnet operations",
        },
        {
          publisher: "MeriTalk",
          date: "2025-01-07",
          title: "Treasury Sanctions China-Based Flax Typhoon Hacker",
          url: "https://www.meritalk.com/articles/treasury-sanctions-china-based-flax-typhoon-hacker/",
        },
      ],
    },
  },
  {
    slug: "mivd-routes-to-technology-2024",
    status: "published",
    content: {
      title: {
        ja: "オランダ軍情報保安局（MIVD）が挙げた技術取得の経路",
        en: "The Dutch MIVD's list of routes to technology",
      },
      period: "2023–2025",
      channels: ["cyber", "insider", "acquisition", "export_evasion", "reverse_engineering"],
      sector: {
        ja: "半導体・宇宙航空・海事・量子技術",
        en: "Semiconductors, aerospace, maritime and quantum technology",
      },
      summary: {
        ja: "オランダ軍情報保安局（MIVD）は2024年4月に公表した年次報告で、中国が研究協力や投資といった合法的な手段に加えて、サイバー諜報、企業内部の協力者、企業買収、輸出規制の回避、許可の要らない製品のリバースエンジニアリングによって、オランダの技術（特に半導体・宇宙航空・海事分野）を得ようとしていると指摘しました。大学の研究者を通じた情報収集にも触れています。1つの経路だけを守っても不十分だという点で、この一覧は組織の対策を点検する枠組みとして使えます。",
        en: "In its annual report published in April 2024, the Dutch Military Intelligence and Security Service (MIVD) said China seeks Dutch technology — especially in semiconductors, aerospace and maritime — not only through legal means such as research collaboration and investment but also through cyber espionage, insiders in companies, acquisitions, circumvention of export restrictions and reverse engineering of products that need no licence. It also mentioned collection through university researchers. Because guarding one route is not enough, the list works as a checklist for an organisation's defences.",
      },
      timeline: [
        {
          date: "2023-04",
          text: {
            ja: "MIVD が年次報告で、隠れみのの会社を使って輸出規制をすり抜け、軍事的に重要な技術を得ようとする試みを複数調査したと公表する。",
            en: "The MIVD's annual report says it investigated several attempts to acquire militarily relevant technology around export restrictions using cover companies.",
          },
        },
        {
          date: "2024-02-06",
          text: {
            ja: "オランダの情報機関が、2023年の国防省ネットワークへの侵入を中国の国家支援のサイバー諜報と初めて公に名指しする。",
            en: "Dutch intelligence services publicly attribute a 2023 intrusion into a Dutch military network to Chinese state-backed cyber espionage, a first.",
          },
        },
        {
          date: "2024-04-18",
          text: {
            ja: "MIVD の年次報告が、サイバー諜報・内部者・買収・輸出規制の回避・リバースエンジニアリングという経路を挙げる。",
            en: "The MIVD annual report lists cyber espionage, insiders, acquisitions, export-control circumvention and reverse engineering as routes.",
          },
        },
      ],
      method: [
        { ja: "サイバー諜報：ネットワークへの侵入。", en: "Cyber espionage: intrusion into networks." },
        {
          ja: "内部者：企業や研究機関の中の協力者。",
          en: "Insiders: people inside companies and research institutions.",
        },
        {
          ja: "買収・投資：技術を持つ企業を取得する。",
          en: "Acquisitions and investment in companies with the technology.",
        },
        {
          ja: "輸出規制の回避：隠れみのの会社や第三国を経由する。",
          en: "Export-control circumvention via cover companies or third countries.",
        },
        {
          ja: "リバースエンジニアリング：規制のかからない製品を買って分析する。",
          en: "Reverse engineering of products that can be bought without a licence.",
        },
      ],
      redFlags: [
        "R-STATE-OWNED",
        "R-END-USE",
        "R-AKIRAKA",
        "R-SENSITIVE-TOPIC",
        "R-UNCLEAR-FUNDING",
        "I-OUT-OF-SCOPE",
        "I-EMAIL-CONFIDENTIAL",
      ],
      countermeasures: [
        {
          ja: "5つの経路それぞれについて、自組織で誰が何を守っているかを点検する。",
          en: "For each of the five routes, check who in your organisation protects what.",
        },
        {
          ja: "出資・買収の打診は、外為法の事前届出や経済安全保障の観点で早めに評価する。",
          en: "Assess investment and acquisition approaches early (Foreign Exchange Act prior notification, economic security).",
        },
        {
          ja: "需要者・用途の確認（明らかガイドライン、キャッチオール規制）で迂回取引を見抜く。",
          en: "Use end-user and end-use checks (the 'clearly' guideline, catch-all controls) to spot diversion.",
        },
        {
          ja: "規制対象外の製品でも、不自然な購入（用途が曖昧、大量、転売先不明）に注意する。",
          en: "Watch unusual purchases of licence-free products (vague use, large quantities, unclear resale).",
        },
        {
          ja: "内部者対策とサイバー対策を組み合わせる。",
          en: "Combine insider-risk and cyber defences.",
        },
      ],
      outcome: {
        ja: "個別の事件ではなく、情報機関による脅威の評価である（判決などの結果はない）。",
        en: "This is an intelligence service's threat assessment, not a single incident with a verdict.",
      },
      sources: [
        {
          publisher: "MIVD (Ministerie van Defensie)",
          date: "2024-04-18",
          title: "MIVD Jaarverslag 2023 (annual report)",
        },
        {
          publisher: "Reuters via Asharq Al-Awsat",
          date: "2024-04-18",
          title: "Intelligence Agency: Chinese Spies Target Dutch Industries to Strengthen Military",
          url: "https://english.aawsat.com/world/4972536-intelligence-agency-chinese-spies-target-dutch-industries-strengthen-military",
        },
        {
          publisher: "NRC",
          date: "2023-04-19",
          title: "MIVD: China aast op kennis en materieel Nederlandse ruimtevaartsector voor spionage",
          url: "https://www.nrc.nl/nieuws/2023/04/19/mivd-china-aast-op-kennis-en-materieel-nederlandse-ruimtevaartsector-voor-spionage-a4162491",
        },
      ],
    },
  },
  {
    slug: "lieber-undisclosed-wut-talent-plan-2020-2023",
    status: "published",
    content: {
      title: {
        ja: "ハーバード大学の学科長と申告されなかった中国の大学・人材計画（2020〜2023年）",
        en: "A Harvard department chair, an undisclosed Chinese university post and a talent plan (2020–2023)",
      },
      period: "2011–2023",
      channels: ["research_or_investment_proposal"],
      sector: { ja: "大学（ナノサイエンス）", en: "University (nanoscience)" },
      summary: {
        ja: "米国政府の研究費（国防総省・国立衛生研究所）を受けていたハーバード大学化学・化学生物学科の学科長が、大学に知らせないまま武漢理工大学の「戦略科学者」となり、中国の千人計画に契約上参加していました。調査に対して関与を否定したため虚偽説明の罪などに問われ、2021年に陪審で有罪、2023年に判決を受けました。申告されなかった所属と報酬が、研究費の申請書類とは別の記録（契約書、メール、口座）に現れていた事例です。",
        en: "The chair of Harvard's Department of Chemistry and Chemical Biology, whose group was funded by the US Department of Defense and the National Institutes of Health, became a 'Strategic Scientist' at Wuhan University of Technology and a contractual participant in China's Thousand Talents Plan without telling Harvard. He denied the ties when asked, was charged with making false statements among other offences, convicted by a jury in 2021 and sentenced in 2023. The undisclosed post and pay showed up in records other than the grant paperwork: contracts, e-mails and a bank account.",
      },
      timeline: [
        {
          date: "2008–2019",
          text: {
            ja: "研究グループが米国政府機関から1,500万ドルを超える研究費を受ける（申請には外国からの支援などの開示が求められる）。",
            en: "The research group receives more than $15 million in US government funding, whose terms require disclosure of foreign support.",
          },
        },
        {
          date: "2011–2015",
          text: {
            ja: "大学に知らせないまま武漢理工大学の「戦略科学者」となり、少なくとも2012〜2015年に千人計画に契約上参加。裁判資料によれば、月額最大5万ドルの報酬、生活費、同大学での研究室設置の資金を受ける取り決めだった。",
            en: "Without telling Harvard, becomes a 'Strategic Scientist' at Wuhan University of Technology and, from at least 2012 to 2015, a contractual Thousand Talents participant; court documents describe up to $50,000 a month, living expenses and funding to set up a lab there.",
          },
        },
        {
          date: "2018–2019",
          text: {
            ja: "国防総省の調査担当者に千人計画への参加を否定し、国立衛生研究所の照会に対しても大学を通じて事実と異なる説明をさせる。",
            en: "Denies Thousand Talents participation to Defense Department investigators and causes Harvard to give the National Institutes of Health an untrue account.",
          },
        },
        {
          date: "2020-01-28",
          text: { ja: "逮捕・起訴される。", en: "Arrested and charged." },
        },
        {
          date: "2021-12-21",
          text: {
            ja: "陪審が、虚偽説明2件、虚偽の納税申告2件、外国銀行口座の報告義務違反2件で有罪と評決。",
            en: "A jury convicts him on two counts of false statements, two of false tax returns and two of failing to report a foreign bank account.",
          },
        },
        {
          date: "2023-04-26",
          text: {
            ja: "判決：拘禁2日（服役済み）、保護観察2年（うち自宅拘禁6か月）、罰金5万ドル、内国歳入庁への賠償3万3,600ドル。",
            en: "Sentenced to time served (two days), two years of supervised release with six months of home confinement, a $50,000 fine and $33,600 restitution to the IRS.",
          },
        },
      ],
      method: [
        {
          ja: "外国の大学の肩書（客員・戦略科学者など）と人材計画の契約を、所属機関に知らせずに結ぶ。",
          en: "Take a title at a foreign university (visiting, 'strategic scientist') and a talent-plan contract without telling the home institution.",
        },
        {
          ja: "報酬の一部を外国の口座で受け取り、申告や税の書類に載せない。",
          en: "Take part of the pay into a foreign account and leave it out of disclosures and tax filings.",
        },
        {
          ja: "資金配分機関や所属機関から問われると、関与を否定・矮小化する。",
          en: "Deny or minimise the ties when the funder or the institution asks.",
        },
      ],
      redFlags: ["P-UNDISCLOSED-AFFILIATION", "P-TALENT-PROGRAM", "A10", "P-DISCLOSURE-DROPPED"],
      countermeasures: [
        {
          ja: "申告（所属・兼業・資金・人材プログラム）を年1回と変更時に更新させ、申請書類、兼業の審査、接触報告、公開情報と突き合わせる。",
          en: "Have disclosures (affiliations, outside posts, funding, talent programmes) updated yearly and on change, and compare them with applications, outside-post reviews, approach reports and public information.",
        },
        {
          ja: "申告に現れない所属が他の記録にあれば、責めるためでなく確認のために本人と話す。",
          en: "When an affiliation appears elsewhere but not in the disclosure, talk to the researcher to clarify — not to accuse.",
        },
        {
          ja: "競争的研究費の申請前に、申告と e-Rad の誓約が最新であることを確認する。",
          en: "Before a funding application, check that the disclosure and the e-Rad pledge are current.",
        },
      ],
      outcome: {
        ja: "有罪判決（虚偽説明、虚偽の納税申告、外国口座の報告義務違反）。",
        en: "Convicted of false statements, false tax returns and failing to report a foreign account.",
      },
      sources: [
        {
          publisher: "U.S. Department of Justice",
          date: "2020-01-28",
          title:
            "Harvard University Professor and Two Chinese Nationals Charged in Three Separate China Related Cases",
          url: "https://www.justice.gov/opa/pr/harvard-university-professor-and-two-chinese-nationals-charged-three-separate-china-related",
        },
        {
          publisher: "U.S. Attorney's Office, District of Massachusetts",
          date: "2023-04-26",
          title:
            "Former Harvard University Professor Sentenced for Lying About His Affiliation with Wuhan University of Technology; China's Thousand Talents Program Participation; and Filing False Tax Returns",
          url: "https://www.justice.gov/usao-ma/pr/former-harvard-university-professor-sentenced-lying-about-his-affiliation-wuhan",
        },
        {
          publisher: "MassLive",
          date: "2023-04-26",
          title: "Ex-Harvard professor sentenced for lying about connection to Wuhan university",
          url: "https://www.masslive.com/news/2023/04/ex-harvard-professor-sentenced-for-lying-about-connection-to-wuhan-university.html",
        },
      ],
    },
  },
];
