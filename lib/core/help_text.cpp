#include "core/help_text.hpp"

#include <algorithm>
#include <array>

namespace maplan {

namespace {

// One entry per English text given to CLI11, grouped by command in the order of `ma-plan
// completion man`. Texts shared by several commands (--db, --plan, --output) appear once.
constexpr std::array catalogue = {
    // ma-plan (global)
    TextRef{"ma-plan: plan, validate and audit marketing-automation rollouts",
            "ma-plan: MA(マーケティングオートメーション)導入の計画・検証・監査"},
    TextRef{"Print this help message and exit", "このヘルプを表示して終了"},
    TextRef{"Language of messages: ja or en (default: locale)",
            "メッセージの言語: ja または en (既定: ロケール)"},
    TextRef{"Display program version information and exit", "バージョンを表示して終了"},

    // validate
    TextRef{"Check plan files: schema, references and every rule",
            "計画ファイルを検査: スキーマ、参照、すべてのルール"},
    TextRef{"Plan files, directories (searched for *.yaml, *.yml), quoted globs (plans/**/*.yaml) "
            "or - for stdin",
            "計画ファイル、ディレクトリ (*.yaml, *.yml を探す)、引用符で囲んだグロブ "
            "(plans/**/*.yaml)、または標準入力の -"},
    TextRef{
        "Output format, repeatable; FORMAT=FILE writes that format to FILE (text, compact, json, "
        "sarif, junit, github); FILE - is standard output. Default: text, plus github inside "
        "GitHub Actions",
        "出力形式 (複数指定可)。FORMAT=FILE でその形式を FILE に書く (text, compact, json, sarif, "
        "junit, github)。FILE が - なら標準出力。既定: text (GitHub Actions 内では github も)"},
    TextRef{"Lowest severity that makes the exit code 1", "終了コードを 1 にする最も低い重大度"},
    TextRef{"Same as --fail-on warning", "--fail-on warning と同じ"},
    TextRef{"Configuration file for every plan (default: .ma-plan.yaml found by walking up from "
            "each plan)",
            "すべての計画に使う設定ファイル (既定: 各計画のディレクトリから上へたどって見つけた "
            ".ma-plan.yaml)"},
    TextRef{"Ignore '# ma-plan: disable-…' comments and report every finding",
            "'# ma-plan: disable-…' コメントを無視し、すべての指摘を報告"},
    TextRef{"Findings shown per rule and file; the rest are counted in a line \"and N more "
            "RULE-ID\" (default 100, 0: all)",
            "ルールとファイルごとに表示する指摘の数。残りは「ほか N 件 RULE-ID」の 1 行に数える "
            "(既定 100、0: すべて)"},
    TextRef{"Files validated in parallel (default: number of cores)",
            "並行して検査するファイル数 (既定: コア数)"},
    TextRef{
        "Examples:\n"
        "  ma-plan validate plan.yaml\n"
        "  ma-plan validate plans/ --format json\n"
        "  cat plan.yaml | ma-plan validate -\n"
        "  ma-plan validate plans/ --format text --format sarif=ma-plan.sarif\n"
        "  ma-plan validate plans/ --strict --format junit=ma-plan-junit.xml\n"
        "\n"
        "Configuration: .ma-plan.yaml in the plan's directory or above (docs/ci.md).\n"
        "Suppress one finding: # ma-plan: disable-next-line RULE-ID reason\n"
        "\n"
        "Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 a file could not be read "
        "or\n"
        "parsed, 3 bad command line, 4 a value that is not allowed (also in .ma-plan.yaml).\n"
        "終了コード: 0 問題なし、1 指摘あり、2 ファイルを読めない、3 "
        "コマンドラインの誤り、4 不正な値 (.ma-plan.yaml を含む)",
        "例:\n"
        "  ma-plan validate plan.yaml\n"
        "  ma-plan validate plans/ --format json\n"
        "  cat plan.yaml | ma-plan validate -\n"
        "  ma-plan validate plans/ --format text --format sarif=ma-plan.sarif\n"
        "  ma-plan validate plans/ --strict --format junit=ma-plan-junit.xml\n"
        "\n"
        "設定: 計画のディレクトリかその上にある .ma-plan.yaml (docs/ci.md)。\n"
        "指摘を 1 件抑止: # ma-plan: disable-next-line RULE-ID 理由\n"
        "\n"
        "終了コード: 0 --fail-on 以上の指摘なし、1 指摘あり、2 ファイルを読めない・解析できない、\n"
        "3 コマンドラインの誤り、4 許されない値 (.ma-plan.yaml の中も含む)"},

    // rules
    TextRef{"List the rules ma-plan checks (ルール一覧)", "ma-plan が検査するルールの一覧"},
    TextRef{"Show one rule in full", "1 つのルールを詳しく表示"},
    TextRef{"text, md or json", "text、md または json"},
    TextRef{"Examples:\n"
            "  ma-plan rules\n"
            "  ma-plan rules RACI-001\n"
            "  ma-plan rules --format md --lang ja",
            "例:\n"
            "  ma-plan rules\n"
            "  ma-plan rules RACI-001\n"
            "  ma-plan rules --format md --lang ja"},

    // init
    TextRef{"Write a commented starter plan (never overwrites) / 雛形を作成",
            "コメント付きの計画の雛形を作成 (既存のファイルは上書きしない)"},
    TextRef{"File to create (- prints the plan to standard output)",
            "作成するファイル (- なら標準出力に書く)"},
    TextRef{"Project name", "プロジェクト名"},
    TextRef{"MA tool", "MA ツール"},
    TextRef{"Examples:\n"
            "  ma-plan init\n"
            "  ma-plan --lang ja init plan.yaml --name 'A社 MA導入' --tool eloqua",
            "例:\n"
            "  ma-plan init\n"
            "  ma-plan --lang ja init plan.yaml --name 'A社 MA導入' --tool eloqua"},

    // lists
    TextRef{"Customer lists: import, exclusions, consent, audit, extract / 顧客リストの管理",
            "顧客リストの管理: 取り込み、除外、同意、監査、抽出"},
    TextRef{"Create a workspace (mode 0600) / ワークスペースを作成",
            "ワークスペースを作成 (モード 0600)"},
    TextRef{"Workspace database (default: beside --plan, else here) / ワークスペースのデータベース",
            "ワークスペースのデータベース (既定: --plan と同じ場所、なければここ)"},
    TextRef{"Plan YAML: data sources, exclusions, consent policy (step 5) / 計画ファイル",
            "計画ファイル (YAML): データソース、除外、同意の方針 (ステップ 5)"},
    TextRef{"Milliseconds to wait for another run's lock / 他の実行のロックを待つミリ秒",
            "他の実行のロックを待つミリ秒"},
    TextRef{"Import a CSV export as one all-or-nothing batch / CSV を一括で取り込み(全件か無し)",
            "CSV のエクスポートを 1 回の取り込みとして一括で取り込む (全件か無し)"},
    TextRef{"CSV file / CSV ファイル", "CSV ファイル"},
    TextRef{"Source name, e.g. crm / データソース名", "データソース名 (例: crm)"},
    TextRef{"Column preset: generic, salesforce, hubspot, marketo, eloqua / 列のプリセット",
            "列のプリセット: generic、salesforce、hubspot、marketo、eloqua"},
    TextRef{"field=column[,field=column...]; fields: id email company last_name first_name name "
            "phone consent consent_source consent_at consent_notice opted_out bounced channel.NAME "
            "/ 項目と列名の対応",
            "項目と列名の対応 field=column[,field=column...]。項目: id email company last_name "
            "first_name name phone consent consent_source consent_at consent_notice opted_out "
            "bounced channel.NAME"},
    TextRef{"A column that reads as an opt-out/bounce signal but is not one (otherwise the import "
            "stops) / 配信停止・不達の印に見えるが違う列",
            "配信停止・不達の印に見えるが、そうではない列 (指定しないと取り込みは止まる)"},
    TextRef{"auto, utf-8 or cp932 / 文字コード", "文字コード: auto、utf-8 または cp932"},
    TextRef{"Consent source stored when the file has no such column / 同意の取得方法(列がない場合)",
            "ファイルにその列がないときに記録する同意の取得方法"},
    TextRef{"Import without a field the source's last import mapped (its values are cleared) / "
            "前回対応付けた項目なしで取り込む(値は消える)",
            "このソースの前回の取り込みで対応付けた項目なしで取り込む (その値は消える)"},
    TextRef{"The source is new, even if its name is close to an existing one / "
            "既存に似た名前でも新しいソースとして取り込む",
            "既存のソースに似た名前でも、新しいソースとして取り込む"},
    TextRef{"Quote cell values in error messages unmasked / エラーでセルの値を伏せずに表示",
            "エラーメッセージでセルの値を伏せずに表示"},
    TextRef{"Add global exclusions: addresses, domains, role addresses (--remove: take domain or "
            "role rules back) / 全体除外を追加・解除",
            "全体の除外を追加: アドレス、ドメイン、役割アドレス (--remove: "
            "ドメイン・役割の除外を解除)"},
    TextRef{"CSV of addresses or domains / アドレスまたはドメインの CSV",
            "アドレスまたはドメインの CSV"},
    TextRef{"optout, bounce, complaint, competitor, internal, role, legal or other / 理由",
            "理由: optout、bounce、complaint、competitor、internal、role、legal または other"},
    TextRef{"Column holding the addresses / アドレスの列", "アドレスが入っている列"},
    TextRef{"Exclude a whole domain / ドメイン全体を除外", "ドメイン全体を除外"},
    TextRef{"Exclude a role local part, e.g. info / 役割アドレスを除外",
            "役割アドレスのローカル部を除外 (例: info)"},
    TextRef{"Exclude the usual role addresses (info@, sales@ ...) / 一般的な役割アドレスを除外",
            "一般的な役割アドレス (info@、sales@ …) を除外"},
    TextRef{"Remove the given --domain / --role rules instead of adding them (excluded addresses "
            "are never removed) / 指定したドメイン・役割アドレスの除外を解除",
            "指定した --domain / --role の除外を追加せずに解除 (除外したアドレスは解除しない)"},
    TextRef{"Quote rejected rows unmasked in errors / エラーの行を伏せずに表示",
            "エラーで拒否した行を伏せずに表示"},
    TextRef{"Report problems in the customer master / 顧客マスタの問題を報告",
            "顧客マスタの問題を報告"},
    TextRef{"Treat contacts with no recorded consent as contactable (only where an exception of "
            "the Act on Specified Electronic Mail applies) / "
            "同意の記録がない連絡先も配信可能とする(特定電子メール法の例外に当たる場合のみ)",
            "同意の記録がない連絡先も配信可能とする (特定電子メール法の例外に当たる場合のみ)"},
    TextRef{"Declared channel whose customer ID every contact should have / "
            "顧客 ID を必須とするチャネル",
            "すべての連絡先が顧客 ID を持つべき、計画で宣言したチャネル"},
    TextRef{"md or json", "md または json"},
    TextRef{"Show example addresses and names unmasked / 例のアドレスと氏名を伏せずに表示",
            "例のアドレスと氏名を伏せずに表示"},
    TextRef{"Write the report to FILE (mode 0600) instead of standard output / 出力先",
            "レポートを標準出力ではなく FILE (モード 0600) に書く"},
    TextRef{"Write the contactable customers as CSV / 配信可能な顧客を CSV に出力",
            "配信可能な顧客を CSV に出力"},
    TextRef{"Output CSV (mode 0600; - for standard output) / 出力する CSV(- は標準出力)",
            "出力する CSV (モード 0600、- は標準出力)"},
    TextRef{"utf-8, utf-8-bom (Excel) or cp932 / 文字コード",
            "文字コード: utf-8、utf-8-bom (Excel 向け) または cp932"},
    TextRef{"Waterfall summary: md or json / 内訳の形式",
            "内訳 (ウォーターフォール) の形式: md または json"},
    TextRef{"Check integrity, references and one contact per record / 整合性チェック",
            "整合性チェック: 参照、1 レコードにつき 1 連絡先"},
    TextRef{"Show the import and exclusion batches / 取り込み履歴", "取り込みと除外の履歴を表示"},
    TextRef{"List the sources: contacts, imports, last import / データソースの一覧",
            "データソースの一覧: 連絡先数、取り込み回数、最後の取り込み"},
    TextRef{"Remove an import, a source or a channel (exclusions and opt-outs stay) / "
            "取り込み・ソース・チャネルを削除(除外と配信停止は残す)",
            "取り込み・ソース・チャネルを削除 (除外と配信停止は残す)"},
    TextRef{"Import number (lists status): its added and changed rows / 取り込み番号",
            "取り込み番号 (lists status で表示): その回に追加・変更した行"},
    TextRef{"Every import of a source / ソースの全取り込み", "ソースのすべての取り込み"},
    TextRef{"A channel and its customer IDs / チャネルとその顧客 ID", "チャネルとその顧客 ID"},

    // raci, checklist, status (shared report options first)
    TextRef{"Task × department role matrix (GFM table) / 役割分担表",
            "タスク × 部門の役割分担表 (GFM の表)"},
    TextRef{"Plan file (- for standard input)", "計画ファイル (- は標準入力)"},
    TextRef{"Output format", "出力形式"},
    TextRef{"Write to FILE atomically (an existing file is kept if the run fails; - is standard "
            "output; never the plan itself)",
            "FILE にアトミックに書く (失敗したら既存のファイルは残る。- "
            "は標準出力。計画ファイル自身には書かない)"},
    TextRef{"labels: the plan's own labels (主担当/共有/受領); raci: R/A/C/I letters",
            "labels: 計画のラベル (主担当/共有/受領)、raci: R/A/C/I の文字"},
    TextRef{"task: the matrix; stakeholder: one section per department",
            "task: 表で、stakeholder: 部門ごとの節で"},
    TextRef{"step: one table per step; plan: the plan's task order",
            "step: ステップごとに 1 つの表、plan: 計画のタスク順"},
    TextRef{"CSV: start with a UTF-8 BOM so Excel reads Japanese correctly",
            "CSV: Excel が日本語を正しく読めるよう UTF-8 の BOM を付ける"},
    TextRef{"Examples:\n"
            "  ma-plan raci plan.yaml\n"
            "  ma-plan raci plan.yaml --group plan --style raci\n"
            "  ma-plan raci plan.yaml --by stakeholder -o roles.md\n"
            "  ma-plan raci plan.yaml --format csv --bom -o roles.csv\n"
            "  ma-plan raci plan.yaml --format xlsx -o roles.xlsx\n"
            "RACI letters: 主担当→A, R→R, C→C, 共有→I, 受領→I (RACI has no \"receives\"; the "
            "legend\n"
            "says so). Language: --lang, else MA_PLAN_LANG, else the plan's project.language.\n"
            "Docs: docs/reports.md",
            "例:\n"
            "  ma-plan raci plan.yaml\n"
            "  ma-plan raci plan.yaml --group plan --style raci\n"
            "  ma-plan raci plan.yaml --by stakeholder -o roles.md\n"
            "  ma-plan raci plan.yaml --format csv --bom -o roles.csv\n"
            "  ma-plan raci plan.yaml --format xlsx -o roles.xlsx\n"
            "RACI の文字: 主担当→A、R→R、C→C、共有→I、受領→I (RACI "
            "に「受領」はないことを凡例に書く)。\n"
            "言語: --lang、なければ MA_PLAN_LANG、なければ計画の project.language。\n"
            "説明: docs/reports.md"},
    TextRef{"What the rollout still needs, per step, as GFM task lists / チェックリスト",
            "導入に残っている作業をステップごとに GFM のタスクリストで表示するチェックリスト"},
    TextRef{"Only this step (1-7)", "このステップだけ (1-7)"},
    TextRef{"Only items owned by this stakeholder (ID or name)",
            "この関係者 (ID または名前) が担当する項目だけ"},
    TextRef{"Only these states, comma-separated: todo, in_progress, done, blocked, not_applicable",
            "これらの状態だけ (カンマ区切り): todo、in_progress、done、blocked、not_applicable"},
    TextRef{"Date for overdue marks (default: today)", "期限切れの判定に使う日付 (既定: 今日)"},
    TextRef{"Examples:\n"
            "  ma-plan checklist plan.yaml\n"
            "  ma-plan checklist plan.yaml --step 6 --status todo,in_progress\n"
            "  ma-plan checklist plan.yaml --owner it --today 2026-12-01 -o it-checklist.md\n"
            "  ma-plan checklist plan.yaml --format xlsx -o checklist.xlsx\n"
            "Derived items count as done/todo; tracked tasks without a status count as todo.\n"
            "Docs: docs/reports.md",
            "例:\n"
            "  ma-plan checklist plan.yaml\n"
            "  ma-plan checklist plan.yaml --step 6 --status todo,in_progress\n"
            "  ma-plan checklist plan.yaml --owner it --today 2026-12-01 -o it-checklist.md\n"
            "  ma-plan checklist plan.yaml --format xlsx -o checklist.xlsx\n"
            "計画から導いた項目は完了/未着手として数え、状態のないタスクは未着手として数える。\n"
            "説明: docs/reports.md"},
    TextRef{"Readiness per step: done/total, findings, overdue tasks / 準備状況",
            "ステップごとの準備状況: 完了/全体、指摘、期限切れのタスク"},
    TextRef{"Examples:\n"
            "  ma-plan status plan.yaml\n"
            "  ma-plan --lang en status plan.yaml --format md -o status.md\n"
            "  ma-plan status plan.yaml --format json --today 2026-12-01\n"
            "  ma-plan status plan.yaml --format xlsx -o status.xlsx\n"
            "Exit code 0 whenever the report was written (findings are shown, not failed on; use\n"
            "ma-plan validate in CI). Docs: docs/reports.md",
            "例:\n"
            "  ma-plan status plan.yaml\n"
            "  ma-plan --lang en status plan.yaml --format md -o status.md\n"
            "  ma-plan status plan.yaml --format json --today 2026-12-01\n"
            "  ma-plan status plan.yaml --format xlsx -o status.xlsx\n"
            "レポートを書けたら終了コードは 0 (指摘は表示するだけで失敗にはしない。CI では\n"
            "ma-plan validate を使う)。説明: docs/reports.md"},

    // warmup
    TextRef{"Day-by-day IP warm-up schedule and bulk-sender checks / IP ウォーミング計画",
            "日ごとの IP ウォーミング計画と大量送信者向けの確認"},
    TextRef{"Write to FILE atomically (an existing file is kept if the run fails)",
            "FILE にアトミックに書く (失敗したら既存のファイルは残る)"},
    TextRef{"First sending day (default: today)", "最初の送信日 (既定: 今日)"},
    TextRef{"Messages on the first sending day", "最初の送信日の通数"},
    TextRef{"CSV: start with a UTF-8 BOM so Excel reads Japanese",
            "CSV: Excel が日本語を読めるよう UTF-8 の BOM を付ける"},
    TextRef{
        "Examples:\n"
        "  ma-plan warmup plan.yaml --start 2027-01-04\n"
        "  ma-plan warmup plan.yaml --format csv --bom -o warmup.csv\n"
        "  ma-plan --lang en warmup plan.yaml --format json\n"
        "Reads email.daily_volume, email.ip_warming (weeks, days_per_week, providers) and the\n"
        "MAIL-014 findings with the repository's thresholds. Exit 2 when the plan has no\n"
        "daily_volume or ip_warming.weeks, 4 for a value out of range. Docs: docs/mail.md",
        "例:\n"
        "  ma-plan warmup plan.yaml --start 2027-01-04\n"
        "  ma-plan warmup plan.yaml --format csv --bom -o warmup.csv\n"
        "  ma-plan --lang en warmup plan.yaml --format json\n"
        "email.daily_volume と email.ip_warming (weeks、days_per_week、providers) を読み、\n"
        "リポジトリのしきい値で MAIL-014 の指摘を出す。計画に daily_volume か ip_warming.weeks が\n"
        "なければ終了コード 2、範囲外の値なら 4。説明: docs/mail.md"},

    // report, ops, funnel
    TextRef{"The rollout report to hand over: Markdown or one HTML file / 導入レポート",
            "引き渡し用の導入レポート: Markdown または 1 つの HTML ファイル"},
    TextRef{"md (GFM) or html (one self-contained file)",
            "md (GFM) または html (それだけで完結する 1 ファイル)"},
    TextRef{"Report date and overdue marks (default: today)",
            "レポートの日付と期限切れの判定日 (既定: 今日)"},
    TextRef{"Customer-list workspace: adds its waterfall (counts only) / ワークスペース",
            "顧客リストのワークスペース: その内訳 (件数のみ) を加える"},
    TextRef{"Examples:\n"
            "  ma-plan report plan.yaml -o report.md\n"
            "  ma-plan report plan.yaml --format html -o report.html --today 2026-12-01\n"
            "  ma-plan --lang en report plan.yaml --db ma-plan-lists.sqlite\n"
            "Sections: cover, summary, goals and the reverse funnel, roles, journey map,\n"
            "communication flow, hand-off sheets, lists, tool setup, measurement plan, "
            "operations,\n"
            "timeline, findings. A section the plan cannot fill says what to write.\n"
            "Exit code 0 whenever the report was written. Docs: docs/report.md",
            "例:\n"
            "  ma-plan report plan.yaml -o report.md\n"
            "  ma-plan report plan.yaml --format html -o report.html --today 2026-12-01\n"
            "  ma-plan --lang en report plan.yaml --db ma-plan-lists.sqlite\n"
            "章: 表紙、要約、目標と逆算ファネル、役割、カスタマージャーニー、\n"
            "コミュニケーションフロー、引き継ぎシート、リスト、ツール設定、効果測定、運用、\n"
            "スケジュール、指摘。計画から埋められない章には何を書けばよいかを示す。\n"
            "レポートを書けたら終了コードは 0。説明: docs/report.md"},
    TextRef{"Operations sheets alone: review agenda, escalation, pause/resume / 運用シート",
            "運用シートだけを出力: 定例の議題、エスカレーション、停止・再開"},
    TextRef{"Write to FILE atomically (- is standard output; never the plan itself)",
            "FILE にアトミックに書く (- は標準出力。計画ファイル自身には書かない)"},
    TextRef{"Date for the agenda's overdue count (default: today)",
            "議題の期限切れ件数を数える日付 (既定: 今日)"},
    TextRef{"Examples:\n"
            "  ma-plan ops plan.yaml -o runbook-ops.md\n"
            "  ma-plan --lang en ops plan.yaml --format html -o ops.html\n"
            "The operations section of ma-plan report, alone. Docs: docs/report.md",
            "例:\n"
            "  ma-plan ops plan.yaml -o runbook-ops.md\n"
            "  ma-plan --lang en ops plan.yaml --format html -o ops.html\n"
            "ma-plan report の運用の章だけを出力する。説明: docs/report.md"},

    // funnel: forward funnel and --actuals; report --actuals (issues 14, 15; branch i14-15)
    TextRef{"Reverse and forward funnel, ROMI, bands, plan vs actual / ファネル",
            "逆算・順算ファネル (ROMI、目安の範囲、計画と実績の比較つき)"},
    TextRef{"md (with the goals), html, json, csv (plain numbers for a spreadsheet), or text",
            "md (目標つき)、html、json、csv (表計算ソフト向けの数値だけ)、または text"},
    TextRef{"CSV of actual counts per period (period,stage,count or period,<stages>; UTF-8 "
            "or CP932): plan vs actual and the gap",
            "期間ごとの実績件数の CSV (期間,ステージ,件数 または 期間,<ステージ>。UTF-8 か "
            "CP932): 計画と実績、その差"},
    TextRef{"With --actuals: that period only", "--actuals と合わせて: その期間だけ"},
    TextRef{"CSV of actual counts per period (period,stage,count or period,<stages>): plan "
            "vs actual in the funnel section",
            "期間ごとの実績件数の CSV (期間,ステージ,件数 または 期間,<ステージ>): ファネルの"
            "節に計画と実績を加える"},
    TextRef{"Examples:\n"
            "  ma-plan funnel plan.yaml\n"
            "  ma-plan funnel plan.yaml --format csv -o funnel.csv\n"
            "  ma-plan funnel plan.yaml --actuals actuals.csv --period 2027-01 --format text\n"
            "Reverse: revenue target ÷ average deal = deals; ÷ each stage's conversion rate, "
            "rounded\n"
            "up. Forward: the top-of-funnel volume × the rates, rounded down = expected deals "
            "and\n"
            "revenue.\n"
            "Docs: docs/report.md#the-reverse-funnel",
            "例:\n"
            "  ma-plan funnel plan.yaml\n"
            "  ma-plan funnel plan.yaml --format csv -o funnel.csv\n"
            "  ma-plan funnel plan.yaml --actuals actuals.csv --period 2027-01 --format text\n"
            "逆算: 売上目標 ÷ 平均受注額 = 受注件数。それを各段階の転換率で割り、切り上げる。\n"
            "順算: 最上段の件数 × 各段階の転換率 (切り捨て) = 受注見込みと売上見込み。\n"
            "説明: docs/report.md#the-reverse-funnel"},

    // snapshot; history --db (issue 15; branch i14-15)
    TextRef{"Record readiness and findings in SQLite for history --db / スナップショット",
            "準備度と指摘を SQLite に記録する (history --db 用)"},
    TextRef{"Plan file", "計画ファイル"},
    TextRef{"Snapshot database (created 0600 when absent)",
            "スナップショットのデータベース (なければ 0600 で作成)"},
    TextRef{"Date of the snapshot and of the overdue count (default: now)",
            "スナップショットの日付と期限切れを数える日 (既定: 現在)"},
    TextRef{"Examples:\n"
            "  ma-plan snapshot plan.yaml --db ma-plan-history.sqlite\n"
            "  ma-plan history --db ma-plan-history.sqlite --format csv\n"
            "For a plan kept outside git: each run appends one snapshot (plan text, readiness per\n"
            "step, findings by severity, overdue tasks). Docs: docs/pdca.md",
            "例:\n"
            "  ma-plan snapshot plan.yaml --db ma-plan-history.sqlite\n"
            "  ma-plan history --db ma-plan-history.sqlite --format csv\n"
            "git 管理外の計画向け: 実行ごとにスナップショット (計画の本文、ステップ別の準備度、\n"
            "重大度別の指摘、期限切れタスク) を 1 件追加する。説明: docs/pdca.md"},
    TextRef{"Read the snapshots of ma-plan snapshot instead of git",
            "git ではなく ma-plan snapshot のスナップショットを読む"},
    TextRef{"Readiness over time from the plan's git log (a chart in HTML, a table in md)",
            "計画の git 履歴から準備度の推移を加える (HTML はグラフ、md は表)"},
    TextRef{"Readiness over time from the snapshots of ma-plan snapshot",
            "ma-plan snapshot のスナップショットから準備度の推移を加える"},

    // schema
    TextRef{"Print the JSON Schema of plan files for editors (JSON Schema を出力)",
            "エディタ向けに計画ファイルの JSON Schema を出力"},
    TextRef{"Write to FILE instead of standard output (- is standard output)",
            "標準出力ではなく FILE に書く (- は標準出力)"},
    TextRef{"Descriptions are in English and Japanese unless --lang or MA_PLAN_LANG picks one.\n"
            "Examples:\n"
            "  ma-plan schema -o docs/ma-plan.schema.json\n"
            "  ma-plan schema --lang ja > ma-plan.schema.ja.json\n"
            "In a plan: # yaml-language-server: $schema=../docs/ma-plan.schema.json",
            "説明は英語と日本語の両方 (--lang か MA_PLAN_LANG で片方を選べる)。\n"
            "例:\n"
            "  ma-plan schema -o docs/ma-plan.schema.json\n"
            "  ma-plan schema --lang ja > ma-plan.schema.ja.json\n"
            "計画の中で: # yaml-language-server: $schema=../docs/ma-plan.schema.json"},

    // domain
    TextRef{"Check sending domains in live DNS (送信ドメインの DNS 検査)",
            "送信ドメインを実際の DNS で検査"},
    TextRef{
        "Look up SPF (whole include tree), DMARC, DKIM, MX, MTA-STS, TLS-RPT and BIMI; compare "
        "with --plan / SPF・DMARC・DKIM などを DNS で確認",
        "SPF (include をすべてたどる)、DMARC、DKIM、MX、MTA-STS、TLS-RPT、BIMI を DNS で確認し、"
        "--plan と比べる"},
    TextRef{"Domains to check (default: the plan's sending domain)",
            "検査するドメイン (既定: 計画の送信ドメイン)"},
    TextRef{"Plan YAML: compare DNS with its email block / 計画ファイル (email と比較)",
            "計画ファイル (YAML): DNS をその email の設定と比べる"},
    TextRef{"DKIM selector (repeatable; the plan's is added) / DKIM セレクタ",
            "DKIM セレクタ (複数指定可。計画のセレクタも加える)"},
    TextRef{"Ask this server (IP, IP:PORT, [IPv6]:PORT) instead of /etc/resolv.conf / "
            "問い合わせ先の DNS サーバー",
            "/etc/resolv.conf の代わりに問い合わせる DNS サーバー (IP、IP:PORT、[IPv6]:PORT)"},
    TextRef{"Milliseconds to wait per try / 1 回の待ち時間", "1 回の問い合わせで待つミリ秒"},
    TextRef{"Tries per query / 1 件あたりの試行回数", "1 件の問い合わせあたりの試行回数"},
    TextRef{"Examples:\n"
            "  ma-plan domain check example.co.jp --selector s1\n"
            "  ma-plan domain check --plan plan.yaml            # the plan's sending domain\n"
            "  ma-plan domain check a.example b.example --format json\n"
            "  ma-plan domain check example.test --dns-server 127.0.0.1:5353\n"
            "Exit codes: 0 clean, 1 errors found, 2 a DNS failure left the check incomplete,\n"
            "3 bad command line, 4 a value not allowed.",
            "例:\n"
            "  ma-plan domain check example.co.jp --selector s1\n"
            "  ma-plan domain check --plan plan.yaml            # 計画の送信ドメイン\n"
            "  ma-plan domain check a.example b.example --format json\n"
            "  ma-plan domain check example.test --dns-server 127.0.0.1:5353\n"
            "終了コード: 0 問題なし、1 エラーあり、2 DNS の失敗で検査が完了しなかった、\n"
            "3 コマンドラインの誤り、4 許されない値。"},

    // diff, history
    TextRef{"What changed between two versions of a plan, per step / プランの変更点",
            "計画の 2 つの版の間の変更点 (ステップごと)"},
    TextRef{"Old version: a file, - or REV:path (read through git)",
            "古い版: ファイル、-、または REV:path (git から読む)"},
    TextRef{"New version: a file, - or REV:path", "新しい版: ファイル、-、または REV:path"},
    TextRef{"Write to FILE atomically (- is standard output; never one of the inputs)",
            "FILE にアトミックに書く (- は標準出力。入力ファイルには書かない)"},
    TextRef{"Exit 1 when there are differences (like git diff --exit-code)",
            "差分があれば終了コード 1 (git diff --exit-code と同じ)"},
    TextRef{"Examples:\n"
            "  ma-plan diff HEAD~1:plan.yaml plan.yaml\n"
            "  ma-plan diff main:plans/acme.yaml plans/acme.yaml --format md -o changes.md\n"
            "  git show v1:plan.yaml | ma-plan diff - plan.yaml --exit-code\n"
            "Items are matched by ID (tasks without an ID by name): reordering and YAML "
            "formatting\n"
            "are not changes, a new name under the same ID is a rename. Findings of validate are\n"
            "compared by rule and message. Docs: docs/pdca.md",
            "例:\n"
            "  ma-plan diff HEAD~1:plan.yaml plan.yaml\n"
            "  ma-plan diff main:plans/acme.yaml plans/acme.yaml --format md -o changes.md\n"
            "  git show v1:plan.yaml | ma-plan diff - plan.yaml --exit-code\n"
            "項目は ID で (ID のないタスクは名前で) 対応付ける。並べ替えと YAML "
            "の書式は変更ではなく、\n"
            "同じ ID で名前が変われば名前の変更。validate の指摘はルールとメッセージで比べる。\n"
            "説明: docs/pdca.md"},
    TextRef{"Readiness and findings per commit of a plan (git log) / プランの履歴",
            "計画のコミットごとの準備状況と指摘 (git log)"},
    TextRef{"Plan file inside a git work tree", "git の作業ツリーの中にある計画ファイル"},
    TextRef{"Only commits on or after this date", "この日付以降のコミットだけ"},
    TextRef{"At most N commits (newest first)", "最大 N 件のコミット (新しい順)"},
    TextRef{
        "Examples:\n"
        "  ma-plan history plan.yaml\n"
        "  ma-plan history plans/acme.yaml --since 2026-11-01 --max 20 --format csv -o "
        "trend.csv\n"
        "Follows renames (git log --follow). A commit where the plan cannot be parsed is "
        "marked\n"
        "and the history goes on. Overdue tasks are counted as of each commit's date.\n"
        "Docs: docs/pdca.md",
        "例:\n"
        "  ma-plan history plan.yaml\n"
        "  ma-plan history plans/acme.yaml --since 2026-11-01 --max 20 --format csv -o "
        "trend.csv\n"
        "名前の変更もたどる (git log --follow)。計画を解析できないコミットは印を付けて続ける。\n"
        "期限切れのタスクは各コミットの日付で数える。\n"
        "説明: docs/pdca.md"},

    // import
    TextRef{"Import a plan's parts from spreadsheets / 取り込み",
            "計画の一部を表計算の表から取り込む"},
    TextRef{"Role matrix (.xlsx or CSV) into a new plan / 役割分担表 (.xlsx・CSV) からプランを作成",
            "役割分担表 (.xlsx・CSV) から新しい計画を作成"},
    TextRef{"Role matrix as .xlsx or CSV (UTF-8 or CP932)",
            "役割分担表の .xlsx または CSV (UTF-8 または CP932)"},
    TextRef{"Write the plan to FILE (never replaces an existing file; - or none: standard output)",
            "計画を FILE に書く (既存のファイルは置き換えない。- か指定なしなら標準出力)"},
    TextRef{"project.name (default: the file name)", "project.name (既定: ファイル名)"},
    TextRef{"project.tool", "project.tool (MA ツール)"},
    TextRef{"Examples:\n"
            "  ma-plan import roles 役割分担表.xlsx --sheet 役割分担表 -o plan.yaml\n"
            "  ma-plan import roles 役割分担表.csv -o plan.yaml\n"
            "  ma-plan import roles 役割分担表.xlsx --into plan.yaml --patch > roles.patch\n"
            "  ma-plan raci plan.yaml --format csv | ma-plan import roles /dev/stdin --tool "
            "eloqua\n"
            "The first row is the header: ステップ/Step (optional), タスク/Task (else the first "
            "column),\n"
            "then one column per department. Cells: 主担当 共有 受領 R A C I (担当 実施 相談).\n"
            "Every guessed stakeholder ID and kind is listed on stderr and commented in the plan.\n"
            "Docs: docs/excel.md",
            "例:\n"
            "  ma-plan import roles 役割分担表.xlsx --sheet 役割分担表 -o plan.yaml\n"
            "  ma-plan import roles 役割分担表.csv -o plan.yaml\n"
            "  ma-plan import roles 役割分担表.xlsx --into plan.yaml --patch > roles.patch\n"
            "  ma-plan raci plan.yaml --format csv | ma-plan import roles /dev/stdin --tool "
            "eloqua\n"
            "1 行目は見出し: ステップ/Step (省略可)、タスク/Task (なければ最初の列)、\n"
            "続いて部門ごとに 1 列。セル: 主担当 共有 受領 R A C I (担当 実施 相談)。\n"
            "推測した関係者の ID と種類はすべて標準エラーに出し、計画にもコメントで残す。\n"
            "説明: docs/excel.md"},
    // Excel in and out (issue 16, i16-xlsx): import roles FILE.xlsx, --into, report/audit xlsx
    TextRef{"The workbook's sheet to read (default: the first)",
            "読み込むブックのシート (既定: 最初のシート)"},
    TextRef{"Merge into this existing plan: only adds lines, keeps every comment",
            "既存の計画に取り込む: 行を追加するだけで、コメントはすべて残す"},
    TextRef{"With --into: print a unified patch, change no file",
            "--into と共に: unified 形式のパッチを出力し、ファイルは変更しない"},
    TextRef{"With --into: a task the plan has with other roles keeps the plan's roles",
            "--into と共に: 計画に別の役割で既にあるタスクは計画の役割のままにする"},
    TextRef{"md (GFM), html (one self-contained file) or xlsx (one sheet per table; needs -o)",
            "md (GFM)、html (それだけで完結する 1 ファイル) または xlsx (表ごとに 1 シート。"
            "-o が必要)"},
    TextRef{"md, json or xlsx (needs -o)", "md、json または xlsx (-o が必要)"},

    // completion
    TextRef{"Print shell completions (bash, zsh), the man page or the command list",
            "シェル補完 (bash、zsh)、man ページ、またはコマンドの一覧を出力"},
    TextRef{"bash, zsh, man (the manual page) or commands",
            "bash、zsh、man (マニュアルページ) または commands"},
    TextRef{"Examples:\n"
            "  ma-plan completion bash > ~/.local/share/bash-completion/completions/ma-plan\n"
            "  ma-plan completion zsh > \"${fpath[1]}/_ma-plan\"\n"
            "  ma-plan completion man > docs/ma-plan.1\n"
            "  ma-plan completion commands   # every command path, one per line",
            "例:\n"
            "  ma-plan completion bash > ~/.local/share/bash-completion/completions/ma-plan\n"
            "  ma-plan completion zsh > \"${fpath[1]}/_ma-plan\"\n"
            "  ma-plan completion man > docs/ma-plan.1\n"
            "  ma-plan completion commands   # すべてのコマンドを 1 行に 1 つずつ"},

    // run options shared by the plan-reading commands (issue 13: one run configuration,
    // apps/ma-plan/run_options.cpp)
    TextRef{"Switch a rule off, repeatable (over .ma-plan.yaml)",
            "ルールを無効にする (複数指定可、.ma-plan.yaml より優先)"},
    TextRef{"Switch a rule back on that .ma-plan.yaml turned off, repeatable",
            ".ma-plan.yaml で無効にしたルールを有効に戻す (複数指定可)"},
    TextRef{"Show and count errors only (same as --severity error)",
            "エラーだけを表示して数える (--severity error と同じ)"},
    TextRef{"Lowest severity shown and counted (default: info, i.e. all)",
            "表示して数える最も低い重大度 (既定: info、つまりすべて)"},
    TextRef{"Exit code 1 when there are more than N warnings", "警告が N 件を超えたら終了コード 1"},
    TextRef{"Leave out files found in directories and globs that match GLOB, repeatable (named "
            "files are always read)",
            "ディレクトリやグロブで見つけたファイルのうち GLOB に合うものを除く (複数指定可。"
            "名前を指定したファイルは必ず読む)"},
    TextRef{"Colour in text output: auto (a terminal, and NO_COLOR unset), always or never",
            "テキスト出力の色: auto (端末で NO_COLOR が未設定のとき)、always、never"},
    TextRef{"Print the configuration that applies to FILE, each value with where it came from, "
            "and exit",
            "FILE に適用される設定を、各値の出どころとともに表示して終了"},
};

// CLI11's fixed words (FormatterBase labels, default group names, type names of add_option and
// the descriptions of its validators that end up in the type column).
constexpr std::array labels = {
    TextRef{"Usage", "使い方"},
    TextRef{"OPTIONS", "オプション"},
    TextRef{"SUBCOMMAND", "サブコマンド"},
    TextRef{"SUBCOMMANDS", "サブコマンド"},
    TextRef{"Options", "オプション"},
    TextRef{"Positionals", "引数"},
    TextRef{"Subcommands", "サブコマンド"},
    TextRef{"REQUIRED", "必須"},
    TextRef{"Env", "環境変数"},
    TextRef{"Needs", "必要"},
    TextRef{"Excludes", "併用不可"},
    TextRef{"TEXT", "文字列"},
    TextRef{"INT", "整数"},
    TextRef{"UINT", "0以上の整数"},
    TextRef{"FLOAT", "数値"},
    TextRef{"BOOLEAN", "真偽値"},
    TextRef{"NONNEGATIVE", "0以上"},
    TextRef{"POSITIVE", "正の数"},
    TextRef{"in", ""},  // "UINT in [1 - 7]": the range reads as it is
};

}  // namespace

std::span<const TextRef> help_catalogue() {
    return catalogue;
}

std::optional<std::string_view> help_text_ja(std::string_view en) {
    auto found = std::find_if(catalogue.begin(), catalogue.end(),
                              [en](const TextRef& entry) { return entry.en == en; });
    if (found == catalogue.end()) return std::nullopt;
    return found->ja;
}

std::string_view help_label(std::string_view label, Lang lang) {
    if (lang == Lang::en) return label;
    auto found = std::find_if(labels.begin(), labels.end(),
                              [label](const TextRef& entry) { return entry.en == label; });
    return found == labels.end() ? label : found->ja;
}

}  // namespace maplan
