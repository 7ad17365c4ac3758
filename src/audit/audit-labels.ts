/**
 * What the audit log's codes mean to a person: each action (`auth.login`), entity type (`user`) and
 * system actor (`training-reminders`) in Japanese and English. The log itself keeps the codes (they
 * are hashed into the chain and used by programs); the page and the CSV show these labels, with the
 * code beside them for whoever needs it. A module that writes a new action adds its label here —
 * `audit-labels.test.ts` finds every action written in src/ and fails if one has no label.
 */

export type Label = { ja: string; en: string };

const l = (ja: string, en: string): Label => ({ ja, en });

export const AUDIT_ACTION_LABELS: Record<string, Label> = {
  // — auth and users —
  "auth.login": l("ログイン", "Logged in"),
  "auth.password_login_refused": l(
    "パスワードでのログインを拒否（シングルサインオン必須）",
    "Password login refused (single sign-on required)",
  ),
  "auth.sso_login": l("シングルサインオンでログイン", "Signed in through single sign-on"),
  "auth.sso_failed": l("シングルサインオンの失敗", "Single sign-on failed"),
  "user.created_by_sso": l("シングルサインオンで利用者を作成", "User created by single sign-on"),
  "user.sso_linked": l(
    "シングルサインオンの ID を利用者に連携",
    "Single sign-on identity linked to the user",
  ),
  "user.updated_by_sso": l("シングルサインオンで利用者を更新", "User updated by single sign-on"),
  "user.disabled_by_directory": l(
    "名簿連携で利用者を無効化（退職等）",
    "User disabled by the directory (leaver)",
  ),
  // — directory (SCIM, LDAP, HR CSV) —
  "directory.person.created": l("名簿に人員を追加", "Person added from the directory"),
  "directory.person.updated": l("名簿の人員を更新", "Person updated from the directory"),
  "directory.person.deactivated": l(
    "名簿の人員を無効化（記録は保持）",
    "Person deactivated from the directory (records kept)",
  ),
  "directory.person.reactivated": l("名簿の人員を再有効化", "Person reactivated from the directory"),
  "directory.group.created": l("名簿のグループを作成", "Directory group created"),
  "directory.group.updated": l("名簿のグループを更新", "Directory group updated"),
  "directory.group.archived": l("名簿のグループを廃止", "Directory group archived"),
  "directory.sync.applied": l("名簿の同期を反映", "Directory sync applied"),
  "directory.sync.refused": l("名簿の同期を拒否", "Directory sync refused"),
  "directory.scim_token.created": l("SCIM トークンを発行", "SCIM token created"),
  "directory.scim_token.rotated": l("SCIM トークンを更新", "SCIM token rotated"),
  "directory.scim_token.revoked": l("SCIM トークンを失効", "SCIM token revoked"),
  "person.providers_rescreened": l(
    "申告先の再スクリーニング（リスト更新）",
    "Declared providers re-screened (list update)",
  ),
  "auth.logout": l("ログアウト", "Logged out"),
  "auth.logout_everywhere": l("すべての端末からログアウト", "Logged out everywhere"),
  "auth.login_failed": l("ログイン失敗", "Failed login"),
  "auth.locked": l("ログイン失敗によるアカウントの一時ロック", "Account locked after failed logins"),
  "user.created": l("利用者を登録", "User created"),
  "user.updated": l("利用者を変更", "User changed"),
  "user.locale_changed": l("表示言語を変更", "Language changed"),
  "user.password_changed": l("パスワードを変更", "Password changed"),
  "user.password_reset": l("パスワードを再設定", "Password reset"),
  "user.unlocked": l("アカウントのロックを解除", "Account unlocked"),
  "organisation.settings_updated": l("組織の設定を変更", "Organisation settings changed"),
  // — parties —
  "party.created": l("取引先・関係者を登録", "Party created"),
  "party.updated": l("取引先・関係者を変更", "Party changed"),
  "party.archived": l("取引先・関係者をアーカイブ", "Party archived"),
  "party.restored": l("取引先・関係者を復元", "Party restored"),
  // — tasks —
  "task.opened": l("タスクを作成", "Task opened"),
  "task.done": l("タスクを完了", "Task done"),
  "task.cancelled": l("タスクを取り消し", "Task cancelled"),
  // — lists and screening —
  "list.imported": l("リストを取り込み", "List imported"),
  "list.import_failed": l("リストの取込みに失敗", "List import failed"),
  "screening.party_screened": l("取引先・関係者を照合", "Party screened"),
  "screening.hit_decided": l("照合の候補を判定", "Screening hit decided"),
  "screening.batch_created": l("一括照合を開始", "Batch screening started"),
  "screening.batch_finished": l("一括照合が完了", "Batch screening finished"),
  "screening.rescreen_requested": l("再照合を依頼", "Re-screening requested"),
  "screening.rescreen_started": l("再照合を開始", "Re-screening started"),
  "screening.rescreen_finished": l("再照合が完了", "Re-screening finished"),
  // — reviews —
  "review.created": l("審査の申請を作成", "Review created"),
  "review.updated": l("審査の申請を変更", "Review changed"),
  "review.classified": l("該非判定を記録", "Classification recorded"),
  "review.transaction_checked": l("取引審査を記録", "Transaction review recorded"),
  "review.screened": l("審査の相手方を照合", "Review counterparties screened"),
  "review.submit": l("審査を申請", "Review submitted"),
  "review.withdraw": l("審査の申請を取り下げ", "Review withdrawn"),
  "review.return": l("審査を申請者へ差し戻し", "Review returned to the applicant"),
  "review.send_back": l("審査を前の段階へ戻す", "Review sent back one stage"),
  "review.clear": l("事前確認で完了（本審査不要）", "Review cleared (no full review needed)"),
  "review.forward": l("取引審査へ回付", "Review forwarded to transaction review"),
  "review.complete_check": l("取引審査を完了し承認者へ回付", "Transaction review completed"),
  "review.approve": l("審査を承認", "Review approved"),
  "review.approve_with_conditions": l("審査を条件付きで承認", "Review approved with conditions"),
  "review.reject": l("審査を不承認", "Review rejected"),
  // — people —
  "person.created": l("人物記録を登録", "Person record created"),
  "person.updated": l("人物記録を変更", "Person record changed"),
  "person.residency_recorded": l("居住性を記録", "Residency recorded"),
  "person.tokutei_declared": l("特定類型の申告を記録", "特定類型 declaration recorded"),
  "person.disclosure_submitted": l("研究インテグリティの開示を提出", "Integrity disclosure submitted"),
  "person.providers_screened": l("資金提供者等を照合", "Providers screened"),
  "person.flag_dismissed": l("整合性フラグを誤りとして解除", "Consistency flag dismissed as wrong"),
  "people.reminders_sent": l("申告・開示の期限リマインドを送信", "Due-date reminders sent"),
  // — approach reports —
  "approach.draft_created": l("接触報告の下書きを作成", "Approach report draft created"),
  "approach.draft_updated": l("接触報告の下書きを変更", "Approach report draft changed"),
  "approach.draft_deleted": l("接触報告の下書きを削除", "Approach report draft deleted"),
  "approach.attachments_added": l("接触報告に添付", "Attachments added to an approach report"),
  "approach.attachment_removed": l("接触報告の添付を削除", "Attachment removed from an approach report"),
  "approach.submitted": l("接触報告を送信", "Approach report submitted"),
  "approach.triaged": l("接触報告の対応を記録", "Approach report triaged"),
  "approach.note_added": l("接触報告にメモを追加", "Note added to an approach report"),
  "approach.party_linked": l("接触報告に取引先・関係者を紐付け", "Party linked to an approach report"),
  "approach.party_unlinked": l("接触報告から取引先・関係者を解除", "Party unlinked from an approach report"),
  "approach.party_screened": l("接触報告の相手を照合", "Approach report party screened"),
  "approach.review_linked": l("接触報告に審査を紐付け", "Review linked to an approach report"),
  "approach.review_unlinked": l("接触報告から審査を解除", "Review unlinked from an approach report"),
  "approach.exported": l("接触報告を PDF に出力", "Approach report exported as PDF"),
  "approach.cluster_created": l("接触のパターン（クラスター）を検出", "Approach cluster found"),
  "approach.cluster_updated": l("接触のパターン（クラスター）を更新", "Approach cluster updated"),
  "approach.cluster_status": l("クラスターの状況を変更", "Approach cluster status changed"),
  // — cases and training —
  "case.created": l("事例を登録", "Case created"),
  "case.updated": l("事例を変更", "Case changed"),
  "training.module_created": l("研修を作成", "Training module created"),
  "training.module_updated": l("研修を変更", "Training module changed"),
  "training.assigned": l("研修を割り当て", "Training assigned"),
  "training.passed": l("研修に合格", "Training passed"),
  "training.failed": l("研修のクイズが不合格", "Training quiz failed"),
  "training.reminders_run": l("研修の受講リマインドを実行", "Training reminders run"),
  // — insider risk —
  "insider.ingested": l("操作ログを取り込み", "Activity logs ingested"),
  "insider.alert.triaged": l("内部不正アラートの対応を記録", "Insider alert triaged"),
  "insider.alert.revealed": l("アラートの実名を表示", "Insider alert identity revealed"),
  "insider.subject.revealed": l("対象者の実名を表示", "Insider subject identity revealed"),
  "insider.assets.replaced": l("機密資産の一覧を更新", "Confidential asset list replaced"),
  "insider.directory.imported": l("人事情報を取り込み", "Directory imported"),
  "insider.directory.updated": l("人事情報を変更", "Directory updated"),
  "insider.bus.checkpoint": l("分散処理のチェックポイントを記録", "Stream checkpoint recorded"),
  // — added by the access, export-control, projects, hiring and insider work —
  "auth.throttled": l(
    "ログイン失敗が続いたため再試行を待機させた",
    "Login attempts slowed down after failures",
  ),
  "auth.password_accepted": l(
    "パスワード確認済み（2段階目の確認待ち）",
    "Password accepted (second factor pending)",
  ),
  "auth.recovery_code_used": l("リカバリーコードでログイン", "Logged in with a recovery code"),
  "user.reveal_rights_granted": l("仮名の解除権限を付与", "Right to reveal pseudonyms granted"),
  "user.role_change_requested": l(
    "役割の変更を申請（別の管理者の承認待ち）",
    "Role change requested (awaiting a second admin)",
  ),
  "insider.reveal_refused": l("仮名の解除を拒否", "Pseudonym reveal refused"),
  "user.totp_setup_started": l("2段階認証の設定を開始", "Two-step login setup started"),
  "user.totp_enabled": l("2段階認証を有効化", "Two-step login enabled"),
  "user.recovery_codes_regenerated": l("リカバリーコードを再発行", "Recovery codes regenerated"),
  "user.totp_disabled": l("2段階認証を無効化", "Two-step login disabled"),
  "user.totp_reset": l("2段階認証をリセット", "Two-step login reset"),
  "training.attempt_started": l("研修の確認テストを開始", "Training quiz attempt started"),
  "training.disclosure_requirements_set": l(
    "申告に必要な研修を設定",
    "Training required for disclosures set",
  ),
  "review.technology_provided": l("技術提供を記録", "Technology provision recorded"),
  "review.hand_carry_added": l("携行品を登録", "Hand-carried item added"),
  "review.hand_carry_checked": l("携行品の持ち帰りを確認", "Hand-carried item's return checked"),
  "review.rescreened": l("審査の相手方を再照合", "Review's parties re-screened"),
  "country_groups.imported": l("国・地域グループ表を取込み", "Country-group table imported"),
  "country_groups.built_in": l("組み込みの国・地域グループ表に戻す", "Built-in country-group table restored"),
  "export_item.created": l("品目を登録", "Item created"),
  "export_item.updated": l("品目を変更", "Item changed"),
  "export_item.archived": l("品目をアーカイブ", "Item archived"),
  "export_item.restored": l("品目を復元", "Item restored"),
  "export_item.attachment_added": l("品目に添付を追加", "Attachment added to an item"),
  "export_item.attachment_removed": l("品目の添付を削除", "Attachment removed from an item"),
  "licence.created": l("輸出許可を登録", "Licence registered"),
  "licence.updated": l("輸出許可を変更", "Licence changed"),
  "licence.used": l("輸出許可の使用を記録", "Licence use recorded"),
  "self_inspection.saved": l("自己管理チェックリストを保存", "Self-inspection saved"),
  "self_inspection.completed": l("自己管理チェックリストを完了", "Self-inspection completed"),
  "self_inspection.evidence_added": l(
    "自己管理チェックリストに根拠資料を追加",
    "Self-inspection evidence added",
  ),
  "insider.watchlist.added": l("内部不正の監視リストに追加", "Added to the insider-risk watchlist"),
  "party.merged": l("取引先・関係者を統合", "Parties merged"),
  "party.merged_into": l("取引先・関係者を統合先へ統合", "Party merged into another"),
  "research_project.created": l("研究プロジェクトを登録", "Research project created"),
  "research_project.partners_screened": l(
    "研究プロジェクトの相手方を照合",
    "Research project's partners screened",
  ),
  "research_project.marked_ready": l("研究プロジェクトを準備完了にした", "Research project marked ready"),
  "research_project.reopened": l("研究プロジェクトを再開", "Research project reopened"),
  "erad_pledge.requested": l("e-Rad 誓約を依頼", "e-Rad pledge requested"),
  "erad_pledge.recorded": l("e-Rad 誓約を記録", "e-Rad pledge recorded"),
  "erad_pledge.reminders_sent": l("e-Rad 誓約の督促を送信", "e-Rad pledge reminders sent"),
  "review.identity_checked": l("本人確認の項目を記録", "Identity check recorded"),
  "review.hire_watchlisted": l(
    "採用・業務委託のアカウントを内部不正の監視リストに追加",
    "Hire's account added to the insider-risk watchlist",
  ),
  "review.approval_refused": l("承認を拒否（条件未充足）", "Approval refused (conditions not met)"),
  "review.export_facts_recorded": l("輸出の事実（仕向地等）を記録", "Export facts recorded"),
  "review.items_linked": l("審査に品目を紐付け", "Items linked to the review"),
  "review.item_refreshed": l("審査の品目を最新の判定に更新", "Review's item refreshed from the master"),
  "review.licence_linked": l("審査に輸出許可を紐付け", "Licence linked to the review"),
  "review.licence_unlinked": l("審査から輸出許可の紐付けを解除", "Licence unlinked from the review"),
};

export const AUDIT_ENTITY_LABELS: Record<string, Label> = {
  directory_sync: l("名簿の同期", "Directory sync"),
  scim_token: l("SCIM トークン", "SCIM token"),
  scim_group: l("名簿のグループ", "Directory group"),
  user: l("利用者", "User"),
  organisation: l("組織", "Organisation"),
  party: l("取引先・関係者", "Party"),
  task: l("タスク", "Task"),
  list_snapshot: l("リストの版", "List snapshot"),
  screening_batch: l("一括照合", "Batch screening"),
  screening_rescreen: l("再照合", "Re-screening"),
  review: l("審査", "Review"),
  person: l("人物記録", "Person record"),
  people: l("人・申告", "People"),
  approach_report: l("接触報告", "Approach report"),
  approach_cluster: l("接触のパターン", "Approach cluster"),
  case: l("事例", "Case"),
  training: l("研修", "Training"),
  training_module: l("研修", "Training module"),
  training_assignment: l("研修の割り当て", "Training assignment"),
  insider_alert: l("内部不正アラート", "Insider alert"),
  insider_subject: l("内部不正の対象者（仮名）", "Insider subject (pseudonym)"),
  insider_run: l("操作ログの取込み", "Activity-log ingest"),
  insider_assets: l("機密資産の一覧", "Confidential assets"),
  insider_directory: l("人事情報", "Directory"),
  review_condition: l("承認条件", "Approval condition"),
  hand_carry: l("携行品", "Hand-carried item"),
  country_groups: l("国・地域グループ表", "Country-group table"),
  export_item: l("品目（該非判定）", "Item (classification)"),
  licence: l("輸出許可", "Export licence"),
  self_inspection: l("自己管理チェックリスト", "Self-inspection"),
  research_project: l("研究プロジェクト", "Research project"),
  research_project_measure: l("研究プロジェクトのリスク低減策", "Research project mitigation measure"),
  erad_pledge: l("e-Rad 誓約", "e-Rad pledge"),
  review_recheck: l("採用・業務委託の年次再確認", "Yearly re-check of a hire or contractor"),
};

const SYSTEM_ACTORS: Record<string, Label> = {
  system: l("システム", "System"),
  setup: l("初期設定", "Setup"),
  screening: l("スクリーニング（自動）", "Screening (automatic)"),
  "training-reminders": l("研修リマインダー（自動）", "Training reminders (automatic)"),
  "pledge-reminders": l("e-Rad 誓約の督促（自動）", "e-Rad pledge reminders (automatic)"),
};

/** What a person reads for an audit action; an unknown code is shown as it is (never hidden). */
export function auditActionLabel(action: string): Label {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  const noun = AUDIT_ENTITY_LABELS[action.split(".")[0] ?? ""];
  return noun ? l(`${noun.ja}（${action}）`, `${noun.en} (${action})`) : l(action, action);
}

/** What a person reads for an entity type. */
export function auditEntityLabel(entityType: string): Label {
  return AUDIT_ENTITY_LABELS[entityType] ?? l(entityType, entityType);
}

/**
 * What a person reads for an actor that is not a logged-in user: the server's own jobs and the
 * command line. `null` when the label is a user's own (the caller shows their display name).
 */
export function systemActorLabel(actorLabel: string): Label | null {
  const known = SYSTEM_ACTORS[actorLabel];
  if (known) return known;
  const cli = /^cli:(.+)$/.exec(actorLabel);
  if (cli) return l(`コマンドライン（${cli[1]}）`, `Command line (${cli[1]})`);
  const approach = /^approaches:(.+)$/.exec(actorLabel);
  if (approach) return l(`接触報告 ${approach[1]}（自動）`, `Approach report ${approach[1]} (automatic)`);
  return null;
}
