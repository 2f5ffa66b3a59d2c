#include "core/citations.hpp"

#include <algorithm>
#include <array>
#include <string>

namespace maplan {

namespace {

// The URLs were confirmed against the published pages' text; an entry whose page could not be
// confirmed has an empty URL and is cited by title and publisher only.
constexpr std::array table = {
    Citation{
        "dx-station-4",
        {"DX station #4", "DX station 第4回"},
        {"Promoting DX with the MA tool Eloqua as a new employee (4): building the organisation "
         "and assigning roles",
         "新入社員による MA ツール「Eloqua」を使った DX 推進(4)~体制構築・役割分担~"},
        {"SB Technology, DX station", "SBテクノロジー「DX station」"},
        "https://www.softbanktech.co.jp/special/blog/dx_station/2020/0005/",
        {"the seven basic steps of an MA rollout; step 2: stakeholders, the task × department "
         "role matrix (主担当/共有/受領) and the departments most often forgotten",
         "MA 導入の 7 つの基本ステップ。ステップ2: 関係部門、タスク × 部門の役割分担表 "
         "(主担当/共有/受領)、忘れられがちな部門"}},
    Citation{
        "dx-station-6",
        {"DX station #6", "DX station 第6回"},
        {"Promoting DX with the MA tool Eloqua in the second year (6): designing the "
         "communication flow",
         "入社2年目による MA ツール「Eloqua」を使った DX 推進(6)~コミュニケーションフローの策定~"},
        {"SB Technology, DX station", "SBテクノロジー「DX station」"},
        "https://www.softbanktech.co.jp/special/blog/dx_station/2020/0008/",
        {"steps 1, 3 and 4: MQL/SQL definitions, targets and personas, the customer journey map "
         "and the communication items per stage",
         "ステップ1・3・4: MQL/SQL の定義、ターゲットとペルソナ、カスタマージャーニーマップ、"
         "段階ごとのコミュニケーション"}},
    Citation{
        "ma-specialist-textbook",
        {"MA specialist textbook", "MAスペシャリスト教科書"},
        {"The textbook for becoming a marketing-automation specialist",
         "マーケティングオートメーション スペシャリストになるための教科書"},
        {"Mynavi Publishing; written by Members Co., Ltd.", "マイナビ出版 (株式会社メンバーズ 著)"},
        "",
        {"the four implementation steps (environment, data, content, tool setup), customer lists "
         "and exclusions, and the list of common MA failures",
         "導入実装の 4 ステップ (環境構築・データ・コンテンツ・ツール設定)、顧客リストと除外、"
         "よくある失敗例"}},
    Citation{"marketone-demand-center",
             {"MarketOne demand center", "マーケットワン「デマンドセンター」"},
             {"Article on running a demand center across departments (title not recorded)",
              "部門をまたいでデマンドセンターを回す方法についての記事 (題名は未記録)"},
             {"MarketOne Japan", "マーケットワン・ジャパン"},
             "https://japan.marketone.com/articles/demand-center-solutions",
             {"hand-offs between marketing, inside sales and sales, the coordinator of the whole "
              "demand center, the weekly progress meeting and the SiriusDecisions Demand Waterfall",
              "マーケティング・インサイドセールス・営業の受け渡し、デマンドセンター全体の司令塔、"
              "週次の進捗会議、SiriusDecisions のデマンドウォーターフォール"}},
    Citation{"marketone-ma-guide",
             {"MarketOne MA guide", "マーケットワン「MA運用ガイド」"},
             {"[Summary] A guide to operating MA in B2B marketing",
              "【記事まとめ】BtoBマーケティングにおけるMAの運用ガイド"},
             {"MarketOne Japan", "マーケットワン・ジャパン"},
             "https://japan.marketone.com/articles/marketing-automation-operation-guide",
             {"ROMI as the purpose of MA, the reverse funnel, scoring and always-on nurturing",
              "MA の上位目的としての ROMI、逆算ファネル、スコアリング、常時稼働のナーチャリング"}},
    Citation{"first-page-sage-funnel",
             {"First Page Sage funnel stages", "First Page Sage「ファネルの段階」"},
             {"Sales Lead Funnel Stages, Explained", "Sales Lead Funnel Stages, Explained"},
             {"First Page Sage", "First Page Sage"},
             "https://firstpagesage.com/seo-blog/sales-lead-funnel-stages-explained/",
             {"one published set of stage-to-stage conversion rates (data from 160+ clients, "
              "2017–2022); the funnel bands are ranges of this kind, not a universal benchmark",
              "公開されている段階ごとの転換率の一例 (160 社超の 2017〜2022 年のデータ)。"
              "ファネルの目安の範囲はこの種の数値で、普遍的な基準ではありません"}},
};

}  // namespace

std::span<const Citation> citations() {
    return table;
}

const Citation* find_citation(std::string_view key) {
    auto found =
        std::find_if(table.begin(), table.end(), [key](const Citation& c) { return c.key == key; });
    return found == table.end() ? nullptr : &*found;
}

std::vector<const Citation*> citations_in(std::string_view text) {
    std::vector<const Citation*> out;
    for (const Citation& c : table) {
        if (text.find(c.label.en) != std::string_view::npos ||
            text.find(c.label.ja) != std::string_view::npos) {
            out.push_back(&c);
        }
    }
    return out;
}

std::string format_citation(const Citation& c, Lang lang) {
    std::string out = std::string(c.label.in(lang)) + " — ";
    out += lang == Lang::ja ? "「" + std::string(c.title.ja) + "」"
                            : "\"" + std::string(c.title.en) + "\"";
    if (lang == Lang::en && c.title.en != c.title.ja) out += " (" + std::string(c.title.ja) + ")";
    out += lang == Lang::ja ? "、" : ", ";
    out += c.site.in(lang);
    if (c.url.empty()) return out;
    if (lang == Lang::ja) return out + "。" + std::string(c.url);
    return out + (c.site.en.ends_with('.') ? " " : ". ") + std::string(c.url);
}

}  // namespace maplan
