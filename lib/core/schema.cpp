#include "core/schema.hpp"

namespace maplan::schema {

const Field* Type::field(std::string_view key) const {
    for (const Field& f : fields) {
        if (f.key == key) return &f;
    }
    return nullptr;
}

std::vector<std::string_view> Type::keys() const {
    std::vector<std::string_view> out;
    for (const Field& f : fields) out.push_back(f.key);
    return out;
}

std::vector<std::string_view> Type::value_names() const {
    std::vector<std::string_view> out;
    for (const EnumValue& v : values) out.push_back(v.value);
    return out;
}

namespace {

// ----- scalar types -----
const Type string_t{Kind::string};
const Type id_t{Kind::identifier};
const Type date_t{Kind::date};
const Type bool_t{Kind::boolean};
const Type number_t{Kind::number};
const Type non_negative_t{.kind = Kind::number, .minimum = 0.0};
const Type rate_t{.kind = Kind::number, .minimum = 0.0, .maximum = 1.0, .fraction = true};
// ROMI as revenue ÷ budget: 300% is written 3.
const Type ratio_t{.kind = Kind::number, .minimum = 0.0, .fraction = true};
const Type step_t{.kind = Kind::integer, .minimum = 1.0, .maximum = 7.0};
const Type version_t{.kind = Kind::integer, .minimum = 1.0, .maximum = 1000.0};
const Type key_bits_t{.kind = Kind::integer, .minimum = 512.0, .maximum = 8192.0};
const Type string_list_t{.kind = Kind::list, .item = &string_t};
const Type id_list_t{.kind = Kind::list, .item = &id_t};
const Type string_map_t{.kind = Kind::map, .item = &string_t};

Type enumeration(std::vector<EnumValue> values) {
    return Type{.kind = Kind::enumeration, .values = std::move(values)};
}

const Type tool_t = enumeration({
    {"eloqua", {"Oracle Eloqua", "Oracle Eloqua"}},
    {"marketo", {"Adobe Marketo Engage", "Adobe Marketo Engage"}},
    {"hubspot", {"HubSpot", "HubSpot"}},
    {"account_engagement",
     {"Salesforce Account Engagement (Pardot)", "Salesforce Account Engagement (Pardot)"}},
    {"mautic", {"Mautic", "Mautic"}},
    {"other", {"another MA tool", "その他の MA ツール"}},
});
const Type language_t = enumeration({{"ja", {"Japanese", "日本語"}}, {"en", {"English", "英語"}}});
const Type stakeholder_kind_t = enumeration({
    {"marketing", {"marketing department", "マーケティング部門"}},
    {"inside_sales", {"inside sales", "インサイドセールス"}},
    {"sales", {"field sales", "営業部門"}},
    {"internal_systems",
     {"department governing internal systems (IT)", "社内システム管理部門 (情報システム部)"}},
    {"privacy_legal",
     {"department governing personal-information handling (legal)", "個人情報管理部門 (法務)"}},
    {"sponsor", {"executive sponsor", "経営層・スポンサー"}},
    {"customer_success", {"customer success / support", "カスタマーサクセス・サポート"}},
    {"agency", {"agency or consultant", "代理店・コンサルタント"}},
    {"vendor", {"MA vendor", "MA ベンダー"}},
    {"other", {"other", "その他"}},
});
const Type task_status_t = enumeration({
    {"todo", {"not started", "未着手"}},
    {"in_progress", {"in progress", "進行中"}},
    {"done", {"done", "完了"}},
    {"blocked", {"blocked", "停滞"}},
    {"not_applicable", {"not applicable", "対象外"}},
});
const Type buying_role_t = enumeration({
    {"person_in_charge", {"person in charge (selects products)", "担当者 (製品選定)"}},
    {"decision_maker", {"decision maker", "決裁者"}},
    {"user_department", {"user department", "利用部門"}},
    {"influencer", {"influencer", "影響者"}},
    {"gatekeeper", {"gatekeeper (e.g. purchasing)", "ゲートキーパー (購買部門など)"}},
});
const Type content_status_t = enumeration({
    {"new", {"to be created", "新規作成"}},
    {"existing", {"exists and can be used", "既存"}},
    {"needs_update", {"exists but needs an update", "要更新"}},
});
const Type pause_kind_t = enumeration({
    {"holiday", {"holidays (e.g. year end, Golden Week)", "連休 (年末年始・GW など)"}},
    {"disaster", {"a disaster (earthquake, typhoon)", "災害 (地震・台風など)"}},
    {"incident",
     {"an incident (data leak, system failure)", "事故・障害 (情報漏えい・システム障害)"}},
    {"maintenance", {"planned maintenance", "計画メンテナンス"}},
    {"other", {"another reason", "その他"}},
});
const Type channel_t = enumeration({
    {"email", {"email", "メール"}},
    {"web", {"web site", "Web サイト"}},
    {"landing_page", {"landing page", "ランディングページ"}},
    {"sms", {"SMS", "SMS"}},
    {"line", {"LINE", "LINE"}},
    {"web_ads", {"web advertising", "Web 広告"}},
    {"app", {"mobile app", "アプリ"}},
    {"store", {"store", "店舗"}},
    {"call_center", {"call centre", "コールセンター"}},
    {"phone", {"phone (inside sales)", "電話 (インサイドセールス)"}},
    {"direct_mail", {"direct mail", "DM (郵送)"}},
    {"event", {"event or trade show", "展示会・イベント"}},
    {"webinar", {"webinar or seminar", "ウェビナー・セミナー"}},
    {"sales_visit", {"sales visit", "営業訪問"}},
    {"other", {"other", "その他"}},
});
const Type communication_kind_t = enumeration({
    {"one_off", {"one-off send", "単発配信"}},
    {"always_on",
     {"always-on program (automated, triggered by interest)",
      "Always On プログラム (関心に応じた自動配信)"}},
    {"nurture", {"nurturing sequence", "ナーチャリング"}},
    {"event_follow", {"event follow-up", "イベントフォロー"}},
    {"newsletter", {"newsletter", "メールマガジン"}},
});
const Type sync_t = enumeration({
    {"realtime", {"real time", "リアルタイム"}},
    {"hourly", {"hourly", "毎時"}},
    {"daily", {"daily", "毎日"}},
    {"weekly", {"weekly", "毎週"}},
    {"monthly", {"monthly", "毎月"}},
    {"manual", {"manual import", "手動取り込み"}},
});
const Type encoding_t = enumeration({
    {"utf-8", {"UTF-8", "UTF-8"}},
    {"cp932", {"CP932 (Shift_JIS as Excel writes it)", "CP932 (Excel の Shift_JIS)"}},
});
const Type preset_t = enumeration({
    {"salesforce", {"Salesforce report export", "Salesforce のレポートエクスポート"}},
    {"hubspot", {"HubSpot contacts export", "HubSpot のコンタクトエクスポート"}},
    {"marketo", {"Marketo Engage person export", "Marketo Engage の人物エクスポート"}},
    {"eloqua", {"Eloqua contact export", "Eloqua のコンタクトエクスポート"}},
});
const Type exclusion_kind_t = enumeration({
    {"optout", {"people who opted out", "配信停止 (オプトアウト) 済みの人"}},
    {"hard_bounce", {"addresses that hard-bounced", "ハードバウンスしたアドレス"}},
    {"soft_bounce_repeated",
     {"addresses that soft-bounced repeatedly", "ソフトバウンスを繰り返すアドレス"}},
    {"competitor_domains", {"competitors' domains", "競合企業のドメイン"}},
    {"internal_domains", {"our own domains", "自社ドメイン"}},
    {"role_addresses", {"role addresses such as info@", "info@ などの役割アドレス"}},
    {"complaints", {"people who complained (spam reports)", "苦情 (迷惑メール報告) のあった人"}},
    {"deceased_or_left", {"people known to have left the company", "退職・異動が判明した人"}},
    {"other", {"other reason (describe it)", "その他 (説明を書く)"}},
});
const Type consent_policy_t = enumeration({
    {"opt_in",
     {"prior consent required (Japan's Specified Electronic Mail Act)",
      "事前同意 (オプトイン) 必須 (特定電子メール法)"}},
    {"opt_out",
     {"send until the person opts out (not lawful for ads to Japan)",
      "オプトアウト方式 (日本向け広告メールには不可)"}},
});
const Type third_party_t = enumeration({
    {"none", {"no third-party provision", "第三者提供なし"}},
    {"outsourcing", {"outsourcing (委託)", "委託"}},
    {"joint_use", {"joint use (共同利用)", "共同利用"}},
    {"with_consent", {"provision with the person's consent", "本人同意に基づく第三者提供"}},
});
const Type direction_t = enumeration({
    {"inbound", {"into the MA tool", "MA へ取り込み"}},
    {"outbound", {"out of the MA tool", "MA から連携"}},
    {"both", {"both ways", "双方向"}},
});
const Type agreement_t = enumeration({
    {"signed", {"signed", "締結済み"}},
    {"in_review", {"in review", "確認中"}},
    {"not_started", {"not started", "未着手"}},
    {"not_needed",
     {"not needed (no personal data leaves the company)", "不要 (個人データを外部に出さない)"}},
});
const Type cadence_t = enumeration({
    {"daily", {"daily", "毎日"}},
    {"weekly", {"weekly", "毎週"}},
    {"biweekly", {"every two weeks", "隔週"}},
    {"monthly", {"monthly", "毎月"}},
    {"quarterly", {"quarterly", "四半期ごと"}},
});
const Type on_resume_t = enumeration({
    {"skip_missed",
     {"skip what would have been sent during the pause", "停止中の配信対象には送らない"}},
    {"send_missed", {"send what was missed after resuming", "再開後に停止中の分を配信する"}},
    {"review_each_program",
     {"decide per program before resuming", "再開前にプログラムごとに判断する"}},
});

// ----- object types -----
const Type project_info_t{
    .kind = Kind::object,
    .name = "ProjectInfo",
    .description = {"Who the rollout is for and which tool", "導入プロジェクトの概要"},
    .fields = {
        {"name", &string_t, true, {"project name", "プロジェクト名"}},
        {"client", &string_t, false, {"client company", "クライアント企業"}},
        {"tool", &tool_t, true, {"MA tool being introduced", "導入する MA ツール"}},
        {"language", &language_t, false, {"language of generated documents", "出力文書の言語"}},
        {"owner",
         &id_t,
         false,
         {"stakeholder ID coordinating the whole demand center (MarketOne demand center)",
          "デマンドセンター全体の統括部門 (ステークホルダー ID)"}},
    }};

const Type kpi_t{
    .kind = Kind::object,
    .name = "Kpi",
    .description = {"A measurable goal", "測定可能な目標"},
    .fields = {
        {"metric", &string_t, true, {"what is counted (e.g. SQL件数)", "指標 (例: SQL件数)"}},
        {"target", &non_negative_t, true, {"target value", "目標値"}},
        {"period", &string_t, true, {"period (e.g. 2027-H1)", "期間 (例: 2027-H1)"}},
        {"unit", &string_t, false, {"unit (e.g. 件)", "単位 (例: 件)"}},
    }};

const Type goal_t{.kind = Kind::object,
                  .name = "Goal",
                  .description = {"A rollout goal (step 1)", "導入のゴール (ステップ1)"},
                  .fields = {
                      {"id", &id_t, true, {"goal ID", "ゴール ID"}},
                      {"statement", &string_t, true, {"the goal in words", "ゴールの内容"}},
                      {"kpi", &kpi_t, false, {"how the goal is measured", "ゴールの KPI"}},
                      {"agreed_by",
                       &id_list_t,
                       false,
                       {"stakeholder IDs that agreed to the goal", "合意したステークホルダー ID"}},
                  }};

const Type stage_t{
    .kind = Kind::object,
    .name = "LifecycleStage",
    .description = {"A lead lifecycle stage", "リードのライフサイクル段階"},
    .fields = {
        {"definition",
         &string_t,
         false,
         {"written definition agreed by sales and marketing",
          "営業とマーケティングが合意した定義"}},
        {"score_at_least", &number_t, false, {"score threshold", "スコアのしきい値"}},
        {"trigger",
         &string_t,
         false,
         {"event that moves a lead into this stage (e.g. 見積依頼)",
          "この段階に進むきっかけ (例: 見積依頼)"}},
        {"conversion_rate",
         &rate_t,
         false,
         {"assumed share of the previous stage reaching this one (0..1)",
          "前段階からの想定転換率 (0〜1)"}},
    }};
const Type stage_entry_map_t{.kind = Kind::map, .item = &stage_t, .single_entry = true};
const Type stage_entry_t{.kind = Kind::one_of, .alternatives = {&id_t, &stage_entry_map_t}};
const Type lifecycle_t{.kind = Kind::list, .item = &stage_entry_t};

const Type romi_t{
    .kind = Kind::object,
    .name = "Romi",
    .description = {"Return on marketing investment", "ROMI (マーケティング投資対効果)"},
    .fields = {
        {"budget_jpy",
         &non_negative_t,
         false,
         {"marketing budget in yen", "マーケティング予算 (円)"}},
        {"target_ratio",
         &ratio_t,
         false,
         {"target ROMI (revenue ÷ budget)", "目標 ROMI (売上 ÷ 予算)"}},
        {"revenue_target_jpy", &non_negative_t, false, {"revenue target in yen", "売上目標 (円)"}},
        {"average_deal_jpy",
         &non_negative_t,
         false,
         {"average deal size in yen", "平均受注単価 (円)"}},
    }};

const Type stakeholder_t{
    .kind = Kind::object,
    .name = "Stakeholder",
    .description = {"A department or person involved (step 2)", "関係部門・関係者 (ステップ2)"},
    .fields = {
        {"id", &id_t, true, {"stakeholder ID used in roles and owners", "役割や担当で使う ID"}},
        {"name", &string_t, true, {"display name (e.g. 法務部)", "表示名 (例: 法務部)"}},
        {"kind", &stakeholder_kind_t, true, {"what the department governs", "部門の種類"}},
        {"people", &string_list_t, false, {"contact people", "担当者"}},
    }};

const Type role_labels_t{
    .kind = Kind::object,
    .name = "RoleLabels",
    .description = {"Labels shown for each role (defaults: 主担当 / 共有 / 受領)",
                    "役割の表示ラベル (既定: 主担当 / 共有 / 受領)"},
    .fields = {
        {"owner", &string_t, false, {"holds the decision (RACI: A)", "主担当 (RACI の A)"}},
        {"responsible", &string_t, false, {"does the work (RACI: R)", "実施担当 (RACI の R)"}},
        {"consulted", &string_t, false, {"is consulted (RACI: C)", "相談先 (RACI の C)"}},
        {"informed", &string_t, false, {"is kept informed (RACI: I)", "共有 (RACI の I)"}},
        {"receives", &string_t, false, {"receives or accepts the deliverable", "受領"}},
    }};

const Type task_t{
    .kind = Kind::object,
    .name = "Task",
    .description = {"A task of the rollout with its role matrix row", "導入タスクと役割分担"},
    .fields = {
        {"id", &id_t, false, {"task ID", "タスク ID"}},
        {"name", &string_t, true, {"task name", "タスク名"}},
        {"step",
         &step_t,
         true,
         {"the rollout step (1-7) the task belongs to", "属するステップ (1〜7)"}},
        {"roles",
         &string_map_t,
         false,
         {"stakeholder ID → role label (主担当, 共有, 受領, R, A, C, I)",
          "ステークホルダー ID → 役割 (主担当・共有・受領・R・A・C・I)"}},
        {"status", &task_status_t, false, {"progress", "進捗"}},
        {"due", &date_t, false, {"due date (YYYY-MM-DD)", "期限 (YYYY-MM-DD)"}},
        {"notes", &string_t, false, {"notes", "メモ"}},
        {"produces",
         &id_list_t,
         false,
         {"IDs of the communication items whose content this task produces",
          "このタスクでコンテンツを制作するコミュニケーション項目の ID"}},
    }};

const Type segment_t{.kind = Kind::object,
                     .name = "Segment",
                     .description = {"A market segment (step 3)", "セグメント (ステップ3)"},
                     .fields = {
                         {"id", &id_t, true, {"segment ID", "セグメント ID"}},
                         {"criteria", &string_t, true, {"who belongs to it", "条件"}},
                         {"target", &bool_t, false, {"chosen as a target", "ターゲットとして選定"}},
                     }};

const Type persona_t{
    .kind = Kind::object,
    .name = "Persona",
    .description = {"A persona in the buying group (step 3)", "ペルソナ (ステップ3)"},
    .fields = {
        {"id", &id_t, true, {"persona ID", "ペルソナ ID"}},
        {"name", &string_t, true, {"name", "名前"}},
        {"segment", &id_t, false, {"segment ID", "セグメント ID"}},
        {"buying_role",
         &buying_role_t,
         false,
         {"role in the buying group", "購買関与者としての役割"}},
        {"challenges", &string_list_t, false, {"the persona's problems", "ペルソナの課題"}},
    }};

const Type journey_entry_t{
    .kind = Kind::object,
    .name = "JourneyEntry",
    .description = {"What a persona wants at a stage", "段階ごとの欲しい情報とコンテンツ"},
    .fields = {
        {"wants", &string_t, false, {"information wanted", "欲しい情報"}},
        {"content", &string_list_t, false, {"content that answers it", "提供コンテンツ"}},
        {"channel", &channel_t, false, {"medium", "媒体"}},
    }};
const Type journey_stage_map_t{.kind = Kind::map, .item = &journey_entry_t};
const Type journey_map_t{.kind = Kind::map, .item = &journey_stage_map_t};
const Type journey_t{
    .kind = Kind::object,
    .name = "Journey",
    .description = {"Customer journey map", "カスタマージャーニーマップ"},
    .fields = {
        {"stages",
         &string_list_t,
         true,
         {"journey stages in order (e.g. 認知, 情報収集)", "ジャーニーの段階 (順序どおり)"}},
        {"map", &journey_map_t, false, {"persona ID → stage → entry", "ペルソナ ID → 段階 → 内容"}},
    }};

const Type communication_t{
    .kind = Kind::object,
    .name = "Communication",
    .description = {"A communication item (step 4)", "コミュニケーション項目 (ステップ4)"},
    .fields = {
        {"id", &id_t, true, {"ID", "ID"}},
        {"stage", &string_t, false, {"journey stage", "ジャーニー段階"}},
        {"persona", &id_t, false, {"persona ID", "ペルソナ ID"}},
        {"content", &string_t, true, {"content", "コンテンツ"}},
        {"content_status",
         &content_status_t,
         false,
         {"whether the content exists", "コンテンツの状態"}},
        {"channel", &channel_t, true, {"channel", "チャネル"}},
        {"timing", &string_t, false, {"when it is sent", "タイミング"}},
        {"owner", &id_t, false, {"owner stakeholder ID", "担当部門 ID"}},
        {"kind", &communication_kind_t, false, {"kind of program", "施策の種類"}},
        {"production_task",
         &id_t,
         false,
         {"ID of the task that produces the content (new or needs_update)",
          "コンテンツ (新規作成・要更新) を制作するタスクの ID"}},
    }};

const Type handoff_condition_t{
    .kind = Kind::object,
    .name = "HandoffCondition",
    .description = {"When a lead is passed on", "受け渡し条件"},
    .fields = {
        {"attributes",
         &string_list_t,
         false,
         {"attributes the lead must have", "リードが満たすべき属性"}},
        {"state", &string_t, false, {"state the lead must reach", "リードが到達すべき状態"}},
    }};
const Type handoff_t{
    .kind = Kind::object,
    .name = "Handoff",
    .description = {"A hand-off between departments (MarketOne demand center)",
                    "部門間の受け渡し (マーケットワン「デマンドセンター」)"},
    .fields = {
        {"from", &id_t, true, {"stakeholder ID passing the lead", "渡す側 ID"}},
        {"to", &id_t, true, {"stakeholder ID receiving the lead", "受ける側 ID"}},
        {"when", &handoff_condition_t, false, {"conditions", "条件"}},
        {"fields", &string_list_t, false, {"fields that travel with the lead", "引き継ぐ項目"}},
        {"sla_hours",
         &non_negative_t,
         false,
         {"hours within which the receiver acts", "受け手の対応期限 (時間)"}},
        {"closed_lost_reasons_to",
         &id_t,
         false,
         {"who receives the reasons of leads closed as 'no need'", "「ニーズなし」の理由を戻す先"}},
    }};

const Type scoring_rule_t{
    .kind = Kind::object,
    .name = "ScoringRule",
    .description = {"A scoring rule", "スコアリングルール"},
    .fields = {
        {"if", &string_t, true, {"condition", "条件"}},
        {"points", &number_t, true, {"points added (negative to subtract)", "加点 (負の値で減点)"}},
    }};
const Type scoring_rules_t{.kind = Kind::list, .item = &scoring_rule_t};
const Type scoring_t{
    .kind = Kind::object,
    .name = "Scoring",
    .description = {"Lead scoring", "リードスコアリング"},
    .fields = {
        {"profile", &scoring_rules_t, false, {"attribute (fit) rules", "属性スコア"}},
        {"behavior", &scoring_rules_t, false, {"behaviour (interest) rules", "行動スコア"}},
    }};

const Type data_source_t{
    .kind = Kind::object,
    .name = "DataSource",
    .description = {"A system holding customers (step 5)", "顧客データの保有元 (ステップ5)"},
    .fields = {
        {"id",
         &id_t,
         true,
         {"source ID (used by `lists import --source`)",
          "ソース ID (lists import --source で使用)"}},
        {"system", &string_t, true, {"system name", "システム名"}},
        {"owner", &id_t, false, {"stakeholder ID that owns the data", "データの管理部門 ID"}},
        {"sync", &sync_t, false, {"how often it reaches the MA master", "MA マスターへの反映頻度"}},
        {"customer_id",
         &string_t,
         false,
         {"the source's customer-ID field", "ソース側の顧客 ID 項目"}},
        {"encoding", &encoding_t, false, {"CSV encoding", "CSV の文字コード"}},
        {"preset",
         &preset_t,
         false,
         {"column preset for a known export", "既知のエクスポート形式"}},
        {"columns",
         &string_map_t,
         false,
         {"ma-plan field → CSV column", "ma-plan の項目 → CSV の列名"}},
    }};

const Type exclusion_object_t{
    .kind = Kind::object,
    .name = "Exclusion",
    .description = {"A global exclusion", "全施策共通の除外条件"},
    .fields = {
        {"kind", &exclusion_kind_t, true, {"what is excluded", "除外の種類"}},
        {"domains", &string_list_t, false, {"domains (for *_domains kinds)", "対象ドメイン"}},
        {"description", &string_t, false, {"description", "説明"}},
    }};
const Type exclusion_t{.kind = Kind::one_of,
                       .alternatives = {&exclusion_kind_t, &exclusion_object_t}};
const Type exclusions_t{.kind = Kind::list, .item = &exclusion_t};

const Type consent_t{.kind = Kind::object,
                     .name = "Consent",
                     .description = {"Consent policy (Specified Electronic Mail Act, APPI)",
                                     "同意の方針 (特定電子メール法・個人情報保護法)"},
                     .fields = {
                         {"policy", &consent_policy_t, true, {"consent model", "同意の方式"}},
                         {"record_fields",
                          &string_list_t,
                          false,
                          {"what is recorded per consent (when, how, notice version)",
                           "同意ごとに記録する項目 (日時・方法・文言バージョン)"}},
                         {"withdrawal",
                          &string_t,
                          false,
                          {"how opt-outs are taken and honoured", "配信停止の受付と反映方法"}},
                         {"unsubscribe_within_days",
                          &non_negative_t,
                          false,
                          {"days within which an opt-out takes effect", "配信停止の反映日数"}},
                         {"third_party_sharing",
                          &third_party_t,
                          false,
                          {"third-party provision of personal data", "個人データの第三者提供"}},
                     }};

const Type environments_t{
    .kind = Kind::object,
    .name = "Environments",
    .description = {"Tool environments (step 6)", "環境 (ステップ6)"},
    .fields = {
        {"production", &bool_t, false, {"a production environment exists", "本番環境あり"}},
        {"sandbox",
         &bool_t,
         false,
         {"a separate development / test environment exists", "開発・検証環境あり"}},
        {"test_recipients", &string_t, false, {"who test mail may reach", "テストメールの送信先"}},
    }};
const Type security_t{
    .kind = Kind::object,
    .name = "Security",
    .description = {"Security settings", "セキュリティ設定"},
    .fields = {
        {"ip_restriction", &bool_t, false, {"log-in restricted by IP address", "IP アドレス制限"}},
        {"sso", &bool_t, false, {"single sign-on", "シングルサインオン"}},
        {"per_user_roles", &bool_t, false, {"per-user permissions", "ユーザー別の権限"}},
        {"data_encryption", &bool_t, false, {"customer data encrypted", "顧客データの暗号化"}},
        {"encrypted_transport", &bool_t, false, {"encrypted transport (TLS)", "通信の暗号化"}},
        {"audit_log", &bool_t, false, {"operation logs kept", "操作ログの保存"}},
    }};
const Type dkim_t{
    .kind = Kind::object,
    .name = "Dkim",
    .description = {"DKIM signing", "DKIM 署名"},
    .fields = {
        {"selector", &string_t, true, {"selector", "セレクター"}},
        {"key_bits", &key_bits_t, true, {"RSA key length in bits", "RSA 鍵長 (ビット)"}},
    }};
const Type mailbox_provider_t{
    .kind = Kind::object,
    .name = "MailboxProvider",
    .description = {"A mailbox provider's share of the list (warmed separately)",
                    "メールボックス事業者ごとのリストの割合 (別々にウォーミング)"},
    .fields = {
        {"name", &string_t, true, {"provider (e.g. gmail.com)", "事業者 (例: gmail.com)"}},
        {"share", &rate_t, true, {"share of the list (0..1)", "リストに占める割合 (0〜1)"}},
    }};
const Type mailbox_providers_t{.kind = Kind::list, .item = &mailbox_provider_t};
const Type ip_warming_t{
    .kind = Kind::object,
    .name = "IpWarming",
    .description = {"IP warming plan", "IP ウォーミング計画"},
    .fields = {
        {"weeks", &non_negative_t, true, {"planned duration in weeks", "期間 (週)"}},
        {"days_per_week", &non_negative_t, false, {"sending days per week", "週あたりの送信日数"}},
        {"providers",
         &mailbox_providers_t,
         false,
         {"mailbox providers to ramp separately", "個別にウォーミングするメールボックス事業者"}},
    }};
const Type email_t{
    .kind = Kind::object,
    .name = "Email",
    .description = {"Email sending set-up", "メール配信の設定"},
    .fields = {
        {"sending_domain", &string_t, true, {"domain mail is sent from", "送信ドメイン"}},
        {"spf", &string_t, false, {"SPF TXT record", "SPF レコード"}},
        {"dkim", &dkim_t, false, {"DKIM", "DKIM"}},
        {"dmarc", &string_t, false, {"DMARC TXT record", "DMARC レコード"}},
        {"dedicated_ip", &bool_t, false, {"sending from a dedicated IP", "専用 IP から送信"}},
        {"ip_warming", &ip_warming_t, false, {"IP warming plan", "IP ウォーミング計画"}},
        {"daily_volume",
         &non_negative_t,
         false,
         {"expected messages per day", "1 日あたりの想定送信数"}},
        {"one_click_unsubscribe",
         &bool_t,
         false,
         {"RFC 8058 one-click unsubscribe headers", "RFC 8058 ワンクリック配信停止"}},
        {"spam_rate",
         &rate_t,
         false,
         {"user-reported spam rate from Google Postmaster Tools (0..1)",
          "Google Postmaster Tools の迷惑メール報告率 (0〜1)"}},
        {"reply_handling", &string_t, false, {"where customers' replies go", "返信メールの扱い"}},
        {"sender_name", &string_t, false, {"sender name shown in every message", "送信者名"}},
        {"postal_address",
         &string_t,
         false,
         {"sender's postal address shown in every message", "送信者の住所"}},
        {"unsubscribe_url",
         &string_t,
         false,
         {"opt-out URL shown in every message", "配信停止 URL"}},
    }};
const Type integration_t{
    .kind = Kind::object,
    .name = "Integration",
    .description = {"A system or channel integration", "システム・チャネル連携"},
    .fields = {
        {"system", &string_t, false, {"system name", "システム名"}},
        {"channel", &channel_t, false, {"channel", "チャネル"}},
        {"direction", &direction_t, false, {"direction of data", "連携方向"}},
        {"id_mapping",
         &string_t,
         false,
         {"how the MA customer ID maps to the channel's ID",
          "MA の顧客 ID とチャネル側 ID の対応"}},
        {"owner", &id_t, false, {"stakeholder ID that builds it", "構築担当 ID"}},
    }};
const Type contracts_t{
    .kind = Kind::object,
    .name = "Contracts",
    .description = {"Contracts with the vendor", "ベンダーとの契約"},
    .fields = {
        {"personal_data_processing_agreement",
         &agreement_t,
         false,
         {"personal-information handling agreement", "個人情報の取扱いに関する契約"}},
        {"capabilities_in_contract",
         &string_list_t,
         false,
         {"capabilities the contract includes", "契約に含まれる機能"}},
        {"capabilities_required",
         &string_list_t,
         false,
         {"capabilities the plan relies on", "計画が前提とする機能"}},
    }};
const Type budget_t{
    .kind = Kind::object,
    .name = "Budget",
    .description = {"Operating budget and staff", "運用予算と体制"},
    .fields = {
        {"operating_jpy_per_year",
         &non_negative_t,
         false,
         {"yearly operating budget in yen", "年間運用予算 (円)"}},
        {"operators", &non_negative_t, false, {"people operating the tool", "運用担当者数"}},
    }};

const Type kpi_measurement_t{
    .kind = Kind::object,
    .name = "KpiMeasurement",
    .description = {"How a goal's KPI is measured (step 7)", "KPI の測定方法 (ステップ7)"},
    .fields = {
        {"goal", &id_t, true, {"goal ID", "ゴール ID"}},
        {"source", &string_t, true, {"data the KPI is measured from", "測定データ"}},
        {"owner", &id_t, true, {"stakeholder ID that measures it", "測定担当 ID"}},
        {"cadence", &cadence_t, true, {"how often", "頻度"}},
    }};
const Type reporting_t{
    .kind = Kind::object,
    .name = "Reporting",
    .description = {"Reporting", "レポーティング"},
    .fields = {
        {"cadence", &cadence_t, true, {"how often", "頻度"}},
        {"audience",
         &id_list_t,
         false,
         {"stakeholder IDs receiving reports", "レポートの共有先 ID"}},
        {"owner", &id_t, false, {"stakeholder ID writing reports", "作成担当 ID"}},
    }};
const Type review_meeting_t{
    .kind = Kind::object,
    .name = "ReviewMeeting",
    .description = {"Cross-department progress meeting (MarketOne demand center)",
                    "部門横断の進捗会議 (マーケットワン「デマンドセンター」)"},
    .fields = {
        {"cadence", &cadence_t, true, {"how often", "頻度"}},
        {"minutes", &non_negative_t, false, {"length in minutes", "時間 (分)"}},
        {"members", &id_list_t, false, {"stakeholder IDs attending", "参加部門 ID"}},
    }};
const Type error_response_t{
    .kind = Kind::object,
    .name = "ErrorResponse",
    .description = {"Error-response process", "エラー対応フロー"},
    .fields = {
        {"first_responder", &id_t, true, {"stakeholder ID that responds first", "一次対応部門 ID"}},
        {"escalation", &id_t, false, {"stakeholder ID escalated to", "エスカレーション先 ID"}},
        {"runbook", &string_t, false, {"where the procedure is written", "手順書の場所"}},
    }};
const Type pause_policy_t{
    .kind = Kind::object,
    .name = "PausePolicy",
    .description = {"What to send after a pause, per scenario (the MA specialist textbook)",
                    "停止後の配信再開方針 (シナリオ別、MAスペシャリスト教科書)"},
    .fields = {
        {"scenario",
         &string_t,
         true,
         {"pause scenario (e.g. 年末年始, 大規模災害)", "停止シナリオ (例: 年末年始、大規模災害)"}},
        {"kind",
         &pause_kind_t,
         false,
         {"what causes the pause (holiday, disaster, incident, maintenance, other)",
          "停止の種類 (holiday・disaster・incident・maintenance・other)"}},
        {"on_resume",
         &on_resume_t,
         true,
         {"what happens to messages missed during the pause", "再開時の扱い"}},
    }};
const Type pause_policies_t{.kind = Kind::list, .item = &pause_policy_t};
const Type operations_t{
    .kind = Kind::object,
    .name = "Operations",
    .description = {"Operations flow", "運用フロー"},
    .fields = {
        {"review_meeting", &review_meeting_t, false, {"regular progress meeting", "定例会議"}},
        {"error_response",
         &error_response_t,
         false,
         {"error-response process", "エラー対応フロー"}},
        {"pause_policy",
         &pause_policies_t,
         false,
         {"pause and resume decisions per scenario", "シナリオ別の停止・再開方針"}},
    }};

const Type goals_t{.kind = Kind::list, .item = &goal_t};
const Type stakeholders_t{.kind = Kind::list, .item = &stakeholder_t};
const Type tasks_t{.kind = Kind::list, .item = &task_t};
const Type segments_t{.kind = Kind::list, .item = &segment_t};
const Type personas_t{.kind = Kind::list, .item = &persona_t};
const Type communications_t{.kind = Kind::list, .item = &communication_t};
const Type handoffs_t{.kind = Kind::list, .item = &handoff_t};
const Type data_sources_t{.kind = Kind::list, .item = &data_source_t};
const Type integrations_t{.kind = Kind::list, .item = &integration_t};
const Type kpi_measurements_t{.kind = Kind::list, .item = &kpi_measurement_t};

const Type project_file_t{
    .kind = Kind::object,
    .name = "ProjectFile",
    .description = {"An ma-plan project file: the seven steps of an MA rollout",
                    "ma-plan のプロジェクトファイル: MA 導入の 7 ステップ"},
    .fields = {
        {"ma_plan", &version_t, true, {"format version (1)", "フォーマットのバージョン (1)"}},
        {"project", &project_info_t, true, {"the project", "プロジェクト"}},
        {"problems", &string_list_t, false, {"step 1: current problems", "ステップ1: 現状の課題"}},
        {"goals", &goals_t, false, {"step 1: goals and KPIs", "ステップ1: ゴールと KPI"}},
        {"lifecycle",
         &lifecycle_t,
         false,
         {"step 1: lead lifecycle stages in order",
          "ステップ1: リードのライフサイクル (順序どおり)"}},
        {"romi",
         &romi_t,
         false,
         {"step 1: ROMI budget and target", "ステップ1: ROMI の予算と目標"}},
        {"stakeholders",
         &stakeholders_t,
         false,
         {"step 2: departments and people", "ステップ2: 関係部門"}},
        {"role_labels",
         &role_labels_t,
         false,
         {"step 2: labels for roles", "ステップ2: 役割のラベル"}},
        {"tasks",
         &tasks_t,
         false,
         {"step 2: tasks and the role matrix", "ステップ2: タスクと役割分担"}},
        {"segments", &segments_t, false, {"step 3: segments", "ステップ3: セグメント"}},
        {"personas", &personas_t, false, {"step 3: personas", "ステップ3: ペルソナ"}},
        {"journey",
         &journey_t,
         false,
         {"step 3: customer journey map", "ステップ3: カスタマージャーニーマップ"}},
        {"communications",
         &communications_t,
         false,
         {"step 4: communication items", "ステップ4: コミュニケーション項目"}},
        {"handoffs",
         &handoffs_t,
         false,
         {"step 4: hand-offs between departments", "ステップ4: 部門間の受け渡し"}},
        {"scoring", &scoring_t, false, {"step 4: lead scoring", "ステップ4: スコアリング"}},
        {"data_sources",
         &data_sources_t,
         false,
         {"step 5: customer data sources", "ステップ5: 顧客データの保有元"}},
        {"customer_id_key",
         &string_t,
         false,
         {"step 5: the key matching customers across systems",
          "ステップ5: システム間で顧客を突合するキー"}},
        {"exclusions",
         &exclusions_t,
         false,
         {"step 5: exclusions applied to every campaign", "ステップ5: 全施策共通の除外条件"}},
        {"consent", &consent_t, false, {"step 5: consent policy", "ステップ5: 同意の方針"}},
        {"environments", &environments_t, false, {"step 6: environments", "ステップ6: 環境"}},
        {"security", &security_t, false, {"step 6: security", "ステップ6: セキュリティ"}},
        {"email", &email_t, false, {"step 6: email sending", "ステップ6: メール配信"}},
        {"integrations", &integrations_t, false, {"step 6: integrations", "ステップ6: 連携"}},
        {"contracts", &contracts_t, false, {"step 6: contracts", "ステップ6: 契約"}},
        {"budget",
         &budget_t,
         false,
         {"step 7: operating budget and staff", "ステップ7: 運用予算と体制"}},
        {"kpi_measurement",
         &kpi_measurements_t,
         false,
         {"step 7: KPI measurement", "ステップ7: KPI の測定"}},
        {"reporting", &reporting_t, false, {"step 7: reporting", "ステップ7: レポーティング"}},
        {"operations", &operations_t, false, {"step 7: operations flow", "ステップ7: 運用フロー"}},
    }};

}  // namespace

const Type& project_file() {
    return project_file_t;
}

std::vector<const Type*> object_types() {
    return {&project_file_t,
            &project_info_t,
            &kpi_t,
            &goal_t,
            &stage_t,
            &romi_t,
            &stakeholder_t,
            &role_labels_t,
            &task_t,
            &segment_t,
            &persona_t,
            &journey_entry_t,
            &journey_t,
            &communication_t,
            &handoff_condition_t,
            &handoff_t,
            &scoring_rule_t,
            &scoring_t,
            &data_source_t,
            &exclusion_object_t,
            &consent_t,
            &environments_t,
            &security_t,
            &dkim_t,
            &mailbox_provider_t,
            &ip_warming_t,
            &email_t,
            &integration_t,
            &contracts_t,
            &budget_t,
            &kpi_measurement_t,
            &reporting_t,
            &review_meeting_t,
            &error_response_t,
            &pause_policy_t,
            &operations_t};
}

}  // namespace maplan::schema
