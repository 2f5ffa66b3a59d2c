#include "lists/import.hpp"

#include <fmt/format.h>
#include <array>

#include "core/errors.hpp"
#include "lists/fields.hpp"
#include "lists/normalize.hpp"
#include "lists/table_reader.hpp"

namespace maplan::lists {

namespace {

std::string fold_token(std::string_view value) {
    // Consent vocabularies differ per system; compare on the NFKC case-folded text without spaces.
    return name_key(value);
}

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    h ^= 0x1f;
    h *= 1099511628211ULL;
    return h;
}

/// Memoises a key function: real exports repeat the same company (and often the same name) on
/// many rows, and NFKC through utf8proc is the dearest step per row. Direct-mapped: a fixed array
/// indexed by hash, a miss overwrites the slot, so lookups never allocate once the slots are warm.
class KeyCache {
  public:
    explicit KeyCache(std::string (*fn)(std::string_view)) : fn_(fn), slots_(1 << 16) {}
    const std::string& get(std::string_view text) {
        Slot& slot = slots_[std::hash<std::string_view>{}(text) & (slots_.size() - 1)];
        if (!slot.filled || slot.text != text) {
            slot.text.assign(text);
            slot.key = fn_(text);
            slot.filled = true;
        }
        return slot.key;
    }

  private:
    struct Slot {
        std::string text;
        std::string key;
        bool filled = false;
    };
    std::string (*fn_)(std::string_view);
    std::vector<Slot> slots_;
};

struct ColumnMap {
    std::array<std::optional<std::size_t>, field_count> field;
    std::vector<std::pair<std::string, std::size_t>> channels;  // channel name -> column
};

ColumnMap resolve_columns(const TableReader& table, const SourceConfig& source,
                          std::vector<std::pair<std::string, std::string>>& used) {
    ColumnMap map;
    const std::string preset = source.preset.empty() ? "generic" : source.preset;
    if (!is_preset(preset)) {
        throw UsageError(
            {fmt::format("unknown preset \"{}\" (known: generic, salesforce, hubspot, "
                         "marketo, eloqua)",
                         preset),
             fmt::format("不明なプリセット「{}」(generic, salesforce, hubspot, marketo, "
                         "eloqua のいずれか)",
                         preset)});
    }
    for (const auto& info : all_fields()) {
        for (auto candidate : preset_candidates(preset, info.field)) {
            if (auto col = table.find_column(candidate)) {
                map.field[static_cast<std::size_t>(info.field)] = *col;
                break;
            }
        }
    }
    std::string present;
    for (const auto& h : table.header()) present += (present.empty() ? "" : ", ") + h;
    for (const auto& [field_id, column] : source.columns) {
        auto col = table.find_column(column);
        if (!col) {
            throw input_error(
                table.path(), 1, 1,
                {fmt::format("the header has no column \"{}\" (mapped to {}); columns "
                             "present: {}",
                             column, field_id, present),
                 fmt::format("見出しに列「{}」({} に対応付け)がありません。ある列: {}", column,
                             field_id, present)});
        }
        if (field_id.starts_with("channel.")) {
            map.channels.emplace_back(field_id.substr(8), *col);
            continue;
        }
        auto field = parse_field(field_id);
        if (!field) {
            throw UsageError({fmt::format("unknown field \"{}\" in --map", field_id),
                              fmt::format("--map に不明な項目「{}」があります", field_id)});
        }
        map.field[static_cast<std::size_t>(*field)] = *col;
    }
    if (!map.field[static_cast<std::size_t>(Field::email)]) {
        throw input_error(
            table.path(), 1, 1,
            {fmt::format("no email column found with preset \"{}\"; map it with --map "
                         "email=COLUMN (columns present: {})",
                         preset, present),
             fmt::format("プリセット「{}」ではメールアドレスの列が見つかりません。--map "
                         "email=列名 で指定してください(ある列: {})",
                         preset, present)});
    }
    for (const auto& info : all_fields()) {
        if (auto col = map.field[static_cast<std::size_t>(info.field)])
            used.emplace_back(std::string(info.id), table.header()[*col]);
    }
    for (const auto& [channel, col] : map.channels)
        used.emplace_back("channel." + channel, table.header()[col]);
    return map;
}

}  // namespace

std::optional<Consent> parse_consent(std::string_view value) {
    const std::string v = fold_token(value);
    if (v.empty()) return Consent::none;
    static constexpr std::string_view opt_in[] = {
        "opt-in", "optin",      "optedin",    "opt_in", "yes",    "y",        "true",
        "1",      "subscribed", "granted",    "同意",   "同意済", "同意済み", "同意あり",
        "許諾",   "許諾済",     "オプトイン", "はい",   "可",     "○"};
    static constexpr std::string_view opt_out[] = {
        "opt-out",    "optout", "optedout",     "opt_out",   "no",     "n",
        "false",      "0",      "unsubscribed", "withdrawn", "拒否",   "同意なし",
        "同意しない", "撤回",   "オプトアウト", "配信停止",  "いいえ", "不可",
        "×"};
    for (auto t : opt_in) {
        if (v == t) return Consent::opt_in;
    }
    for (auto t : opt_out) {
        if (v == t) return Consent::opt_out;
    }
    return std::nullopt;
}

std::optional<bool> parse_flag(std::string_view value) {
    const std::string v = fold_token(value);
    if (v.empty()) return false;
    static constexpr std::string_view yes[] = {"1",  "true", "yes", "y", "はい",
                                               "済", "○",    "✓",   "x"};
    static constexpr std::string_view no[] = {"0", "false", "no", "n", "いいえ", "-"};
    for (auto t : yes) {
        if (v == t) return true;
    }
    for (auto t : no) {
        if (v == t) return false;
    }
    return std::nullopt;
}

ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ProgressFn& progress) {
    ImportSummary summary;
    summary.source = source.name;
    summary.file = file;
    TableReader table(file, source.encoding);
    summary.encoding = table.encoding();
    const ColumnMap map = resolve_columns(table, source, summary.mapping);
    auto col_of = [&](Field f) { return map.field[static_cast<std::size_t>(f)]; };

    Workspace::Transaction tx(ws);
    auto upsert_source =
        ws.prepare("INSERT INTO sources(name) VALUES(?) ON CONFLICT(name) DO NOTHING");
    upsert_source.bind(1, source.name).run();
    auto get_source = ws.prepare("SELECT id FROM sources WHERE name = ?");
    get_source.bind(1, source.name).step();
    const std::int64_t source_id = get_source.integer(0);
    get_source.reset();

    auto new_batch = ws.prepare(
        "INSERT INTO batches(kind, source_id, file, encoding) VALUES('import', ?, ?, ?)");
    new_batch.bind(1, source_id)
        .bind(2, file.string())
        .bind(3, encoding_name(summary.encoding))
        .run();
    const std::int64_t batch_id = ws.last_insert_rowid();

    for (const auto& [channel, col] : map.channels) {
        (void)col;
        ws.prepare("INSERT INTO channels(name) VALUES(?) ON CONFLICT DO NOTHING")
            .bind(1, channel)
            .run();
    }

    auto find =
        ws.prepare("SELECT id, row_hash FROM contacts WHERE source_id = ? AND source_key = ?");
    auto insert = ws.prepare(
        "INSERT INTO contacts(source_id, source_key, batch_id, row_no, row_hash, email, email_key, "
        "email_problem, company, last_name, first_name, full_name, phone, person_key, consent, "
        "consent_source, consent_at, opted_out, consent_notice) "
        "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
        "?19) ON CONFLICT(source_id, source_key) DO NOTHING");
    auto update = ws.prepare(
        "UPDATE contacts SET batch_id = ?3, row_no = ?4, row_hash = ?5, email = ?6, email_key = "
        "?7, "
        "email_problem = ?8, company = ?9, last_name = ?10, first_name = ?11, full_name = ?12, "
        "phone = ?13, person_key = ?14, consent = ?15, consent_source = ?16, consent_at = ?17, "
        "opted_out = ?18, consent_notice = ?19 WHERE id = ?20");
    auto clear_channels = ws.prepare("DELETE FROM contact_channels WHERE contact_id = ?");
    auto insert_channel =
        ws.prepare("INSERT INTO contact_channels(contact_id, channel, value) VALUES(?, ?, ?)");

    const auto& v = table.values();
    auto value = [&](Field f) -> std::string_view {
        auto c = col_of(f);
        return c ? std::string_view(v[*c]) : std::string_view();
    };
    std::string source_key;
    std::string person_key;
    KeyCache companies(&company_key);
    KeyCache names(&name_key);
    for (std::size_t n = 0; table.next(); ++n) {
        if (progress && n > 0 && (n & 0xfff) == 0)
            progress(table.bytes_done(), table.bytes_total());
        ++summary.rows;
        const NormalizedEmail email = normalize_email(value(Field::email));
        if (!email.valid()) ++summary.invalid_emails;

        Consent consent = Consent::none;
        if (auto c = col_of(Field::consent)) {
            auto parsed = parse_consent(v[*c]);
            if (!parsed) {
                table.fail(
                    *c + 1,
                    {fmt::format("unknown consent value \"{}\" in column \"{}\"; use opt-in / "
                                 "opt-out (or 同意 / 拒否), or leave it empty",
                                 v[*c], table.header()[*c]),
                     fmt::format("列「{}」の同意の値「{}」は解釈できません。opt-in / opt-out"
                                 "(または 同意 / 拒否)か空欄にしてください",
                                 table.header()[*c], v[*c])});
            }
            consent = *parsed;
        }
        if (consent == Consent::none) ++summary.missing_consent;
        bool opted_out = false;
        if (auto c = col_of(Field::opted_out)) {
            auto parsed = parse_flag(v[*c]);
            if (!parsed) {
                table.fail(*c + 1,
                           {fmt::format("unknown yes/no value \"{}\" in column \"{}\"", v[*c],
                                        table.header()[*c]),
                            fmt::format("列「{}」の値「{}」は はい/いいえ として解釈できません",
                                        table.header()[*c], v[*c])});
            }
            opted_out = *parsed;
        }

        std::uint64_t hash = 14695981039346656037ULL;
        for (const auto& c : map.field) {
            if (c) hash = fnv1a(hash, v[*c]);
        }
        for (const auto& [channel, c] : map.channels) hash = fnv1a(hash, v[c]);
        if (source.default_consent_source.size() > 0)
            hash = fnv1a(hash, source.default_consent_source);

        source_key.clear();
        if (auto id = value(Field::record_id); !id.empty()) {
            source_key.append("id:").append(id);
        } else if (!email.key.empty()) {
            source_key.append("email:").append(email.key);
        } else {
            source_key.append(fmt::format("row-hash:{:016x}", hash));
        }

        person_key.clear();
        if (value(Field::full_name).empty()) {
            const std::string& last = names.get(value(Field::last_name));
            const std::string& first = names.get(value(Field::first_name));
            if (!last.empty() || !first.empty()) person_key.append(last).append(first);
        } else {
            person_key.append(names.get(value(Field::full_name)));
        }
        if (!person_key.empty())
            person_key.insert(0, companies.get(value(Field::company)) + "\x1f");

        std::string_view consent_source = value(Field::consent_source);
        if (consent_source.empty()) consent_source = source.default_consent_source;
        auto bind_values = [&](Statement& st) {
            st.bind(1, source_id)
                .bind(2, source_key)
                .bind(3, batch_id)
                .bind(4, static_cast<std::int64_t>(table.row()))
                .bind(5, static_cast<std::int64_t>(hash))
                .bind_or_null(6, value(Field::email))
                .bind_or_null(7, email.key)
                .bind(8, static_cast<std::int64_t>(email.problem))
                .bind_or_null(9, value(Field::company))
                .bind_or_null(10, value(Field::last_name))
                .bind_or_null(11, value(Field::first_name))
                .bind_or_null(12, value(Field::full_name))
                .bind_or_null(13, value(Field::phone))
                .bind_or_null(14, person_key);
            if (consent == Consent::none) {
                st.bind_null(15);
            } else {
                st.bind(15, consent == Consent::opt_in ? std::string_view("opt_in")
                                                       : std::string_view("opt_out"));
            }
            st.bind_or_null(16, consent_source)
                .bind_or_null(17, value(Field::consent_at))
                .bind(18, static_cast<std::int64_t>(opted_out ? 1 : 0))
                .bind_or_null(19, value(Field::consent_notice));
        };

        // Insert first: on a fresh source (the common, big case) that is one B-tree probe per row.
        bind_values(insert);
        insert.run();
        std::int64_t contact_id = 0;
        if (ws.changes() == 1) {
            contact_id = ws.last_insert_rowid();
            ++summary.new_rows;
        } else {
            find.bind(1, source_id).bind(2, source_key);
            find.step();
            contact_id = find.integer(0);
            const bool same = static_cast<std::uint64_t>(find.integer(1)) == hash;
            find.reset();
            if (same) {
                ++summary.unchanged_rows;
                continue;
            }
            bind_values(update);
            update.bind(20, contact_id);
            update.run();
            ++summary.changed_rows;
            if (!map.channels.empty()) clear_channels.bind(1, contact_id).run();
        }
        for (const auto& [channel, c] : map.channels) {
            if (v[c].empty()) continue;
            insert_channel.bind(1, contact_id).bind(2, channel).bind(3, v[c]).run();
        }
    }
    if (summary.rows == 0) {
        throw IoError(
            {fmt::format("{}: error: the file has a header but no data rows", file.string()),
             fmt::format("{}: エラー: 見出し行だけでデータ行がありません", file.string())});
    }
    auto finish = ws.prepare(
        "UPDATE batches SET rows = ?, new_rows = ?, changed_rows = ?, unchanged_rows = ? WHERE id "
        "= ?");
    finish.bind(1, static_cast<std::int64_t>(summary.rows))
        .bind(2, static_cast<std::int64_t>(summary.new_rows))
        .bind(3, static_cast<std::int64_t>(summary.changed_rows))
        .bind(4, static_cast<std::int64_t>(summary.unchanged_rows))
        .bind(5, batch_id)
        .run();
    tx.commit();
    if (progress) progress(table.bytes_total(), table.bytes_total());
    return summary;
}

}  // namespace maplan::lists
