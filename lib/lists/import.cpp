#include "lists/import.hpp"

#include <fmt/format.h>
#include <pthread.h>
#include <sqlite3.h>
#include <algorithm>
#include <array>

#include <stdexcept>
#include <thread>

#include "core/errors.hpp"
#include "core/suggest.hpp"
#include "lists/exclusions.hpp"
#include "lists/fields.hpp"
#include "lists/key_table.hpp"
#include "lists/normalize.hpp"
#include "lists/pipe.hpp"
#include "lists/table_reader.hpp"

namespace maplan::lists {

namespace {

std::string fold_token(std::string_view value) {
    // Consent vocabularies differ per system; compare on the NFKC case-folded text without spaces.
    return name_key(value);
}

/// The row hash before schema 4: FNV-1a over each mapped value followed by a 0x1f separator.
/// Ambiguous (a 0x1f inside a value, or a value moved to another field, can leave it unchanged),
/// so it is only compared against for sources whose rows may still carry it.
std::uint64_t legacy_fnv1a(std::uint64_t h, std::string_view s) {
    return key_hash_append(key_hash_append(h, s), "\x1f");
}

/// The row hash since schema 4: FNV-1a over each mapped value as (tag byte, LEB128 length, bytes).
/// A prefix-free encoding: no value can run into the next, and the same text under another field
/// hashes differently. Two or three bytes of prefix per field, not eight: the hash is on the
/// reading thread's path for every row.
std::uint64_t hash_field(std::uint64_t h, unsigned char tag, std::string_view s) {
    unsigned char prefix[1 + 10];
    std::size_t n = 0;
    prefix[n++] = tag;
    for (std::size_t len = s.size();; len >>= 7) {
        const auto low = static_cast<unsigned char>(len & 0x7f);
        if (len < 0x80) {
            prefix[n++] = low;
            break;
        }
        prefix[n++] = low | 0x80;
    }
    h = key_hash_append(h, std::string_view(reinterpret_cast<const char*>(prefix), n));
    return key_hash_append(h, s);
}
constexpr unsigned char channel_name_tag = 0xf0;
constexpr unsigned char channel_value_tag = 0xf1;
constexpr unsigned char default_consent_source_tag = 0xf2;
constexpr unsigned char signal_column_tag = 0xf3;
constexpr unsigned char signal_value_tag = 0xf4;

/// Memoises a key function: real exports repeat the same company (and often the same name) on
/// many rows, and NFKC through utf8proc is the dearest step per row. Bounded: past `limit`
/// distinct texts it starts afresh, so a file of all-distinct names cannot grow it without end.
class KeyMemo {
  public:
    explicit KeyMemo(std::string (*fn)(std::string_view)) : fn_(fn) {}
    /// The key of `text`; valid until the next call.
    std::string_view get(std::string_view text) {
        if (const std::uint64_t* span = index_.find(text)) return view(*span);
        if (index_.size() >= limit) {
            index_.clear();
            keys_.clear();
        }
        const std::string key = fn_(text);
        const std::uint64_t span = keys_.size() << 24 | key.size();
        if (key.size() >= (1u << 24)) return scratch_ = key;  // too long to memoise
        keys_ += key;
        index_.try_emplace(text, span);
        return view(span);
    }

  private:
    static constexpr std::size_t limit = 1 << 20;
    std::string_view view(std::uint64_t span) const {
        return std::string_view(keys_).substr(span >> 24, span & 0xffffff);
    }
    std::string (*fn_)(std::string_view);
    KeyTable index_;  ///< text -> offset << 24 | length of its key in keys_
    std::string keys_;
    std::string scratch_;
};

/// The person-key hash state after a company's key and the separator, by the company as written.
/// Exports repeat companies on many rows, and NFKC is the dearest step per row. Looked up by a
/// 64-bit hash of the text alone (one cache miss instead of three for an exact string table): a
/// collision could only give one contact another company's key, which only the audit's
/// same-person finding reads, the same risk as the stored person hash itself. Bounded: past
/// `limit` distinct texts it starts afresh.
class CompanyMemo {
  public:
    std::uint64_t person_hash_prefix(std::string_view company) {
        const std::uint64_t text = std::hash<std::string_view>{}(company);
        if (const std::uint64_t* state = index_.find(text)) return *state;
        if (index_.size() >= limit) index_.clear();
        const std::uint64_t state = key_hash_append(key_hash(company_key(company)), "\x1f");
        index_.try_emplace(text, state);
        return state;
    }

  private:
    static constexpr std::size_t limit = 1 << 22;
    HashTable index_;
};

/// Memoises a small vocabulary parser (consent and yes/no cells take a handful of distinct values
/// in a whole file, and each parse runs NFKC).
template <typename T>
class ValueMemo {
  public:
    explicit ValueMemo(std::optional<T> (*fn)(std::string_view)) : fn_(fn) {}
    std::optional<T> get(std::string_view text) {
        for (const auto& [seen, value] : seen_) {
            if (seen == text) return value;
        }
        std::optional<T> value = fn_(text);
        if (seen_.size() < 64) seen_.emplace_back(std::string(text), value);
        return value;
    }

  private:
    std::optional<T> (*fn_)(std::string_view);
    std::vector<std::pair<std::string, std::optional<T>>> seen_;
};

struct ColumnMap {
    std::array<std::optional<std::size_t>, field_count> field;
    std::vector<std::pair<std::string, std::size_t>> channels;  // channel name -> column
    /// Every "do not mail" column read (fields opted_out and bounced), with how to read it.
    std::vector<std::pair<SignalColumn, std::size_t>> signals;
};

bool same_header(std::string_view a, std::string_view b) {
    return name_key(a) == name_key(b);
}

/// Stops the import when a column reads as a suppression signal but nothing reads it: an
/// unsubscribe flag left unmapped would make every such person contactable.
void check_unread_signals(const TableReader& table, const SourceConfig& source,
                          const ColumnMap& map, const std::vector<std::size_t>& known_unread) {
    const auto& header = table.header();
    for (const auto& name : source.ignored_columns) {
        if (!table.find_column(name)) {
            throw UsageError(
                {fmt::format("{}: error: --ignore-column \"{}\": the header has no such column",
                             table.path().string(), name),
                 fmt::format("{}: エラー: --ignore-column「{}」: 見出しにその列がありません",
                             table.path().string(), name)});
        }
    }
    std::vector<bool> read(header.size(), false);
    for (const auto& c : map.field) {
        if (c) read[*c] = true;
    }
    for (const auto& [channel, c] : map.channels) read[c] = true;
    for (const auto& [signal, c] : map.signals) read[c] = true;
    for (std::size_t c : known_unread) read[c] = true;
    std::vector<std::string> unread;
    for (std::size_t c = 0; c < header.size(); ++c) {
        if (read[c] || !looks_like_suppression_signal(header[c])) continue;
        const bool ignored =
            std::any_of(source.ignored_columns.begin(), source.ignored_columns.end(),
                        [&](const std::string& name) { return same_header(name, header[c]); });
        if (!ignored) unread.push_back(header[c]);
    }
    if (unread.empty()) return;
    std::string names;
    for (const auto& u : unread) names += (names.empty() ? "\"" : ", \"") + u + "\"";
    throw UsageError(
        {fmt::format("{}: error: column {} reads as an opt-out, unsubscribe, bounce or \"do not "
                     "contact\" signal, but nothing reads it; map it with --map "
                     "opted_out=COLUMN (a refusal) or --map bounced=COLUMN (an undeliverable or "
                     "blocked address), or pass --ignore-column \"{}\" if it is not one; "
                     "nothing was imported",
                     table.path().string(), names, unread.front()),
         fmt::format("{}: エラー: 列 {} は配信停止・配信拒否・不達・連絡不可の印に見えますが、"
                     "読み取る対応付けがありません。--map opted_out=列名(本人の拒否)か --map "
                     "bounced=列名(不達・送信停止)で対応付けるか、そうでなければ "
                     "--ignore-column \"{}\" を指定してください。何も取り込んでいません",
                     table.path().string(), names, unread.front())});
}

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
    // Every signal column of the preset that is present is read: one export can say "do not
    // mail" in several columns (HubSpot: unsubscribed, quarantined, invalid ...).
    std::vector<std::size_t> known_unread;
    auto add_signal = [&](const SignalColumn& signal, std::size_t col) {
        for (const auto& [s, c] : map.signals) {
            if (c == col) return;
        }
        map.signals.emplace_back(signal, col);
    };
    for (const auto& signal : preset_signals(preset)) {
        if (auto col = table.find_column(signal.header)) {
            if (signal.value == SignalValue::ignored) {
                known_unread.push_back(*col);
            } else {
                add_signal(signal, *col);
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
        if (*field == Field::opted_out || *field == Field::bounced) {
            // Mapped by hand: read as yes/no, besides whatever the preset reads.
            std::erase_if(map.signals, [&](const auto& s) { return s.second == *col; });
            map.signals.emplace_back(SignalColumn{column, *field, SignalValue::flag}, *col);
            continue;
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
    for (const auto& [signal, col] : map.signals)
        used.emplace_back(std::string(all_fields()[static_cast<std::size_t>(signal.field)].id),
                          table.header()[col]);
    check_unread_signals(table, source, map, known_unread);
    return map;
}

/// The header's columns that no field or channel reads, in file order.
std::vector<std::string> unmapped_columns(const TableReader& table, const ColumnMap& map) {
    std::vector<bool> read(table.header().size());
    for (const auto& c : map.field) {
        if (c) read[*c] = true;
    }
    for (const auto& [channel, c] : map.channels) read[c] = true;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < read.size(); ++i) {
        if (!read[i]) out.push_back(table.header()[i]);
    }
    return out;
}

/// A record already in the workspace (or inserted earlier in this import).
struct Known {
    std::int64_t id;
    std::uint64_t row_hash;
    std::size_t file_row = 0;  ///< where this file last had the record; 0: not yet
};

/// Bytes of one value in a batch's arena. `null` binds SQL NULL.
struct Span {
    std::uint32_t offset = 0;
    std::uint32_t length = 0;
    bool null = true;
};

enum class Col : std::size_t {
    source_key,
    email,
    email_key,
    company,
    last_name,
    first_name,
    full_name,
    phone,
    consent_source,
    consent_at,
    consent_notice,
    count
};

/// One INSERT or UPDATE for the writer, with everything already decided by the reader.
struct RowOp {
    bool update = false;
    std::int64_t id = 0;
    std::int64_t row_no = 0;
    std::uint64_t row_hash = 0;
    std::int64_t email_problem = 0;
    std::optional<std::uint64_t> person_hash;
    Consent consent = Consent::none;
    bool opted_out = false;
    bool bounced = false;
    std::array<Span, static_cast<std::size_t>(Col::count)> text;
    std::uint32_t channels_begin = 0;  ///< into RowBatch::channel_values, one per mapped channel
    bool email_pending = false;        ///< email_key and email_problem still to be derived
};

/// Rows handed from the reader thread to the writer. The values are copied into one arena, so a
/// batch owns its text whatever the file's encoding or quoting.
struct RowBatch {
    static constexpr std::size_t capacity = 2048;
    std::vector<RowOp> ops;
    std::vector<Span> channel_values;
    std::string arena;
    bool last = false;

    bool full() const { return ops.size() >= capacity; }
    void clear() {
        ops.clear();
        channel_values.clear();
        arena.clear();
        last = false;
    }
    Span store(std::string_view text, bool empty_is_null = true) {
        if (text.empty() && empty_is_null) return Span{};
        Span s{static_cast<std::uint32_t>(arena.size()), static_cast<std::uint32_t>(text.size()),
               false};
        arena.append(text);
        return s;
    }
    std::string_view view(const Span& s) const {
        return std::string_view(arena).substr(s.offset, s.length);
    }
};

/// Sets the derived email columns of `op`: the key only where it differs from the address as
/// written (schema 3); an empty key for a blank address is stored as '' so that it is not read
/// back as "same as written".
void set_email_key(RowOp& op, RowBatch& batch, std::string_view raw, const NormalizedEmail& email) {
    op.email_problem = static_cast<std::int64_t>(email.problem);
    if (email.key != raw)
        op.text[static_cast<std::size_t>(Col::email_key)] = batch.store(email.key, false);
}

/// The reader thread's half: decodes rows, derives keys and hashes, decides new / changed /
/// unchanged, and fills batches. Bad values go to `problems`; once there is one, no more rows are
/// handed to the writer (the import will be rolled back), but every row is still checked.
class RowPreparer {
  public:
    RowPreparer(TableReader& table, const ColumnMap& map, const SourceConfig& source,
                std::vector<Known>& known, KeyTable& known_keys, std::int64_t next_id,
                bool legacy_hashes, bool show_pii, InputProblems& problems, ImportSummary& summary)
        : table_(table),
          map_(map),
          source_(source),
          known_(known),
          known_keys_(known_keys),
          next_id_(next_id),
          legacy_hashes_(legacy_hashes),
          show_pii_(show_pii),
          problems_(problems),
          summary_(summary) {}

    /// Adds the next row's operation to `batch` (none when unchanged); false at the end.
    bool next(RowBatch& batch, const ProgressFn& progress);

  private:
    std::string_view value(Field f) const {
        auto c = map_.field[static_cast<std::size_t>(f)];
        return c ? std::string_view(table_.values()[*c]) : std::string_view();
    }
    std::optional<std::size_t> col_of(Field f) const {
        return map_.field[static_cast<std::size_t>(f)];
    }
    std::uint64_t row_hash() const;
    std::uint64_t legacy_row_hash() const;
    /// The problem of a record key already seen in this file with other values.
    void repeated_key(std::size_t first_row);

    static constexpr std::size_t repeated_examples = 5;

    TableReader& table_;
    const ColumnMap& map_;
    const SourceConfig& source_;
    std::vector<Known>& known_;
    KeyTable& known_keys_;
    std::int64_t next_id_;
    bool legacy_hashes_;
    bool show_pii_;
    InputProblems& problems_;
    ImportSummary& summary_;
    std::string source_key_;
    std::string person_key_;
    NormalizedEmail email_;
    CompanyMemo companies_;
    KeyMemo names_{&name_key};
    ValueMemo<Consent> consents_{&parse_consent};
    ValueMemo<bool> flags_{&parse_flag};
};

std::uint64_t RowPreparer::row_hash() const {
    const auto& v = table_.values();
    std::uint64_t hash = key_hash_seed;
    for (std::size_t f = 0; f < map_.field.size(); ++f) {
        if (const auto& c = map_.field[f])
            hash = hash_field(hash, static_cast<unsigned char>(f), v[*c]);
    }
    // Every do-not-mail column (a preset reads several), named so that a value moving from one
    // column to another is a change.
    for (const auto& [signal, c] : map_.signals) {
        hash = hash_field(hash, signal_column_tag, table_.header()[c]);
        hash = hash_field(hash, signal_value_tag, v[c]);
    }
    for (const auto& [channel, c] : map_.channels) {
        hash = hash_field(hash, channel_name_tag, channel);
        hash = hash_field(hash, channel_value_tag, v[c]);
    }
    if (!source_.default_consent_source.empty())
        hash = hash_field(hash, default_consent_source_tag, source_.default_consent_source);
    return hash;
}

std::uint64_t RowPreparer::legacy_row_hash() const {
    const auto& v = table_.values();
    std::uint64_t hash = key_hash_seed;
    for (const auto& c : map_.field) {
        if (c) hash = legacy_fnv1a(hash, v[*c]);
    }
    for (const auto& [channel, c] : map_.channels) hash = legacy_fnv1a(hash, v[c]);
    if (!source_.default_consent_source.empty())
        hash = legacy_fnv1a(hash, source_.default_consent_source);
    return hash;
}

void RowPreparer::repeated_key(std::size_t first_row) {
    if (auto c = col_of(Field::record_id); c && !value(Field::record_id).empty()) {
        const std::string& column = table_.header()[*c];
        const std::string id = show_pii_ ? fmt::format(" \"{}\"", value(Field::record_id)) : "";
        table_.problem(*c + 1,
                       {fmt::format("the record ID{} in column \"{}\" is also on row {}, with "
                                    "other values; keep one of the two rows",
                                    id, column, first_row),
                        fmt::format("列「{}」のレコード ID{}は {} 行目にもあり、値が異なります。"
                                    "どちらか一方の行だけを残してください",
                                    column, id, first_row)});
        return;
    }
    const std::size_t c = *col_of(Field::email);
    const std::string& column = table_.header()[c];
    const std::string email = show_pii_ ? fmt::format(" \"{}\"", value(Field::email)) : "";
    table_.problem(c + 1,
                   {fmt::format("the address{} in column \"{}\" (the record key: the file has no "
                                "ID column) is also on row {}, with other values; keep one of the "
                                "two rows",
                                email, column, first_row),
                    fmt::format("列「{}」のアドレス{}(ID 列がないためレコードのキー)は {} 行目"
                                "にもあり、値が異なります。どちらか一方の行だけを残してください",
                                column, email, first_row)});
}

bool RowPreparer::next(RowBatch& batch, const ProgressFn& progress) {
    if (!table_.next()) return false;
    if (progress && summary_.rows > 0 && (summary_.rows & 0xfff) == 0)
        progress(table_.bytes_done(), table_.bytes_total());
    ++summary_.rows;
    if (summary_.rows == 1024) {
        // Size the key table for the whole file from the first rows, so it never rehashes
        // (capped: short first rows must not reserve gigabytes for a file of long ones).
        const double per_row = static_cast<double>(table_.bytes_done()) / 1024.0;
        const double estimate = 1.1 * static_cast<double>(table_.bytes_total()) / per_row;
        known_keys_.reserve(known_.size() +
                            static_cast<std::size_t>(std::min(estimate, double{1 << 24})));
    }
    const auto& v = table_.values();
    bool bad_row = table_.row_has_problem();  // an undecodable field, already recorded
    Consent consent = Consent::none;
    if (auto c = col_of(Field::consent)) {
        if (auto parsed = consents_.get(v[*c])) {
            consent = *parsed;
        } else {
            const std::string shown = shown_value(v[*c], show_pii_);
            const std::string& column = table_.header()[*c];
            const std::string_view masked = show_pii_ ? "" : " (masked; --show-pii shows it)";
            const std::string_view masked_ja = show_pii_ ? "" : "(伏せ字。--show-pii で表示)";
            table_.problem(*c + 1,
                           {fmt::format("unknown consent value \"{}\"{} in column \"{}\"; use "
                                        "opt-in / opt-out (or 同意 / 拒否), or leave it empty",
                                        shown, masked, column),
                            fmt::format("列「{}」の同意の値「{}」{}は解釈できません。opt-in / "
                                        "opt-out(または 同意 / 拒否)か空欄にしてください",
                                        column, shown, masked_ja)});
            bad_row = true;
        }
    }
    bool opted_out = false;
    bool bounced = false;
    for (const auto& [signal, c] : map_.signals) {
        bool set = false;
        if (signal.value == SignalValue::any_text) {
            set = !trim_unicode_space(v[c]).empty();
        } else if (auto parsed = flags_.get(v[c])) {
            // An empty IsSubscribed says nothing; only an explicit "false" is a refusal.
            set = signal.value == SignalValue::inverted_flag
                      ? !*parsed && !trim_unicode_space(v[c]).empty()
                      : *parsed;
        } else {
            const std::string shown = shown_value(v[c], show_pii_);
            const std::string& column = table_.header()[c];
            const std::string_view masked = show_pii_ ? "" : " (masked; --show-pii shows it)";
            const std::string_view masked_ja = show_pii_ ? "" : "(伏せ字。--show-pii で表示)";
            table_.problem(c + 1, {fmt::format("unknown yes/no value \"{}\"{} in column \"{}\"",
                                               shown, masked, column),
                                   fmt::format("列「{}」の値「{}」{}は はい/いいえ として解釈"
                                               "できません",
                                               column, shown, masked_ja)});
            bad_row = true;
        }
        if (set) (signal.field == Field::bounced ? bounced : opted_out) = true;
    }
    if (bad_row) return true;
    if (consent == Consent::none) ++summary_.missing_consent;

    const std::string_view raw_email = value(Field::email);
    // The email key is needed here only when the record has no ID (it becomes the record key) or
    // when the row turns out unchanged (to count invalid addresses); otherwise the writing thread
    // normalises it, which evens out the work of the two threads.
    const std::string_view record_id = value(Field::record_id);
    bool email_done = record_id.empty();
    if (email_done) normalize_email(raw_email, email_);

    const std::uint64_t hash = row_hash();
    source_key_.clear();
    if (!record_id.empty()) {
        source_key_.append("id:").append(record_id);
    } else if (!email_.key.empty()) {
        source_key_.append("email:").append(email_.key);
    } else {
        // Sources from before schema 4 keyed these rows by the old hash: keep finding them.
        source_key_.append(
            fmt::format("row-hash:{:016x}", legacy_hashes_ ? legacy_row_hash() : hash));
    }

    RowOp op;
    auto [index, is_new] = known_keys_.try_emplace(source_key_, known_.size());
    const std::size_t row = table_.row();
    if (is_new) {
        op.id = next_id_++;
        known_.push_back({op.id, hash, row});
        ++summary_.new_rows;
    } else {
        // Seen before: in the workspace, or earlier in this same file.
        Known& k = known_[index];
        if (k.file_row != 0) {
            // Twice in one file: an exact repeat is counted once; a different one is an error,
            // since either version could be the current one (and one may say opt-out).
            if (k.row_hash != hash) {
                repeated_key(k.file_row);
                return true;
            }
            ++summary_.repeated_rows;
            if (summary_.repeated.size() < repeated_examples)
                summary_.repeated.push_back({row, k.file_row});
            return true;
        }
        k.file_row = row;
        if (k.row_hash == hash) {
            ++summary_.unchanged_rows;
            if (!email_done) normalize_email(raw_email, email_);
            if (!email_.valid()) ++summary_.invalid_emails;
            return true;
        }
        op.update = true;
        op.id = k.id;
        // A row stored with the old hash that the old hash finds unchanged: rewritten (to store
        // the new hash, and because the old hash could miss a real change) but not counted as a
        // change.
        if (legacy_hashes_ && k.row_hash == legacy_row_hash()) {
            ++summary_.unchanged_rows;
        } else {
            ++summary_.changed_rows;
        }
        k.row_hash = hash;
    }
    if (email_done && !email_.valid()) ++summary_.invalid_emails;
    if (!problems_.empty()) return true;  // rolled back anyway: spare the writer

    // Company + person name key, stored as its hash (all the audit compares).
    person_key_.clear();
    if (value(Field::full_name).empty()) {
        person_key_.append(names_.get(value(Field::last_name)));
        person_key_.append(names_.get(value(Field::first_name)));
    } else {
        person_key_.append(names_.get(value(Field::full_name)));
    }
    if (!person_key_.empty())
        op.person_hash =
            key_hash_append(companies_.person_hash_prefix(value(Field::company)), person_key_);

    std::string_view consent_source = value(Field::consent_source);
    if (consent_source.empty()) consent_source = source_.default_consent_source;
    op.row_no = static_cast<std::int64_t>(table_.row());
    op.row_hash = hash;
    op.consent = consent;
    op.opted_out = opted_out;
    op.bounced = bounced;
    auto set = [&](Col c, std::string_view text) {
        op.text[static_cast<std::size_t>(c)] = batch.store(text);
    };
    set(Col::source_key, source_key_);
    set(Col::email, raw_email);
    op.email_pending = !email_done;
    if (email_done) set_email_key(op, batch, raw_email, email_);
    set(Col::company, value(Field::company));
    set(Col::last_name, value(Field::last_name));
    set(Col::first_name, value(Field::first_name));
    set(Col::full_name, value(Field::full_name));
    set(Col::phone, value(Field::phone));
    set(Col::consent_source, consent_source);
    set(Col::consent_at, value(Field::consent_at));
    set(Col::consent_notice, value(Field::consent_notice));
    op.channels_begin = static_cast<std::uint32_t>(batch.channel_values.size());
    for (const auto& [channel, c] : map_.channels)
        batch.channel_values.push_back(batch.store(v[c]));
    batch.ops.push_back(op);
    return true;
}

/// The contact columns a batch writes, in the order of the virtual table below and of the UPDATE's
/// parameters ?1 ... ?18: one mapping from RowOp to SQL values for both.
constexpr int contact_columns = 18;

struct ColumnValue {
    enum class Kind { null, integer, text } kind = Kind::null;
    std::int64_t integer = 0;
    std::string_view text;
};

ColumnValue column_value(const RowOp& op, const RowBatch& batch, int n) {
    auto text = [&](Col col) {
        const Span& s = op.text[static_cast<std::size_t>(col)];
        return s.null ? ColumnValue{} : ColumnValue{ColumnValue::Kind::text, 0, batch.view(s)};
    };
    auto integer = [](std::int64_t v) { return ColumnValue{ColumnValue::Kind::integer, v, {}}; };
    switch (n) {
        case 0:
            return text(Col::source_key);
        case 1:
            return integer(op.row_no);
        case 2:
            return integer(static_cast<std::int64_t>(op.row_hash));
        case 3:
            return text(Col::email);
        case 4:
            return text(Col::email_key);
        case 5:
            return integer(op.email_problem);
        case 6:
            return text(Col::company);
        case 7:
            return text(Col::last_name);
        case 8:
            return text(Col::first_name);
        case 9:
            return text(Col::full_name);
        case 10:
            return text(Col::phone);
        case 11:
            return op.person_hash ? integer(static_cast<std::int64_t>(*op.person_hash))
                                  : ColumnValue{};
        case 12:
            if (op.consent == Consent::none) return ColumnValue{};
            return ColumnValue{ColumnValue::Kind::text, 0,
                               op.consent == Consent::opt_in ? "opt_in" : "opt_out"};
        case 13:
            return text(Col::consent_source);
        case 14:
            return text(Col::consent_at);
        case 15:
            return integer(op.opted_out ? 1 : 0);
        case 16:
            return text(Col::consent_notice);
        case 17:
            return integer(op.bounced ? 1 : 0);
        default:
            return ColumnValue{};
    }
}

/// New contacts of one batch as an eponymous virtual table, so that one
/// INSERT INTO contacts ... SELECT ... FROM ma_plan_new_contacts writes a whole batch. Binding
/// twenty parameters and stepping a statement per row spent more time in SQLite's per-execution
/// overhead (opening and closing cursors, halting, resetting) than in the B-tree.
class NewContactsTable {
  public:
    static constexpr const char* name = "ma_plan_new_contacts";

    /// What the table yields: the insert operations of `batch`, by index.
    struct Rows {
        const RowBatch* batch = nullptr;
        std::vector<std::uint32_t> ops;
    };

    NewContactsTable(sqlite3* db, Rows* rows) : db_(db) {
        const int rc = sqlite3_create_module_v2(db, name, &module, rows, nullptr);
        if (rc != SQLITE_OK) {
            throw IoError(
                {fmt::format("workspace: cannot register the import table: {}", sqlite3_errstr(rc)),
                 fmt::format("ワークスペース: 取り込み用の表を登録できません: {}",
                             sqlite3_errstr(rc))});
        }
    }
    ~NewContactsTable() { sqlite3_create_module_v2(db_, name, nullptr, nullptr, nullptr); }
    NewContactsTable(const NewContactsTable&) = delete;
    NewContactsTable& operator=(const NewContactsTable&) = delete;

  private:
    struct Table : sqlite3_vtab {
        Rows* rows = nullptr;
    };
    struct Cursor : sqlite3_vtab_cursor {
        std::size_t at = 0;
    };
    // The column order of the table; xColumn maps each to a RowOp field.
    static constexpr const char* schema =
        "CREATE TABLE x(source_key, row_no, row_hash, email, email_key, email_problem, company, "
        "last_name, first_name, full_name, phone, person_hash, consent, consent_source, "
        "consent_at, opted_out, consent_notice, bounced)";

    static int connect(sqlite3* db, void* aux, int, const char* const*, sqlite3_vtab** out,
                       char**) {
        const int rc = sqlite3_declare_vtab(db, schema);
        if (rc != SQLITE_OK) return rc;
        auto* t = new Table();
        t->rows = static_cast<Rows*>(aux);
        *out = t;
        return SQLITE_OK;
    }
    static int disconnect(sqlite3_vtab* t) {
        delete static_cast<Table*>(t);
        return SQLITE_OK;
    }
    static int best_index(sqlite3_vtab*, sqlite3_index_info* info) {
        info->estimatedCost = 1000;
        return SQLITE_OK;
    }
    static int open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
        *out = new Cursor();
        return SQLITE_OK;
    }
    static int close(sqlite3_vtab_cursor* c) {
        delete static_cast<Cursor*>(c);
        return SQLITE_OK;
    }
    static int filter(sqlite3_vtab_cursor* c, int, const char*, int, sqlite3_value**) {
        static_cast<Cursor*>(c)->at = 0;
        return SQLITE_OK;
    }
    static int next(sqlite3_vtab_cursor* c) {
        ++static_cast<Cursor*>(c)->at;
        return SQLITE_OK;
    }
    static int eof(sqlite3_vtab_cursor* c) {
        const Rows* rows = static_cast<Table*>(c->pVtab)->rows;
        return static_cast<Cursor*>(c)->at >= rows->ops.size() ? 1 : 0;
    }
    static int rowid(sqlite3_vtab_cursor* c, sqlite3_int64* out) {
        *out = static_cast<sqlite3_int64>(static_cast<Cursor*>(c)->at);
        return SQLITE_OK;
    }
    static int column(sqlite3_vtab_cursor* c, sqlite3_context* ctx, int n) {
        const Rows* rows = static_cast<Table*>(c->pVtab)->rows;
        const RowBatch& batch = *rows->batch;
        const ColumnValue v =
            column_value(batch.ops[rows->ops[static_cast<Cursor*>(c)->at]], batch, n);
        switch (v.kind) {
            case ColumnValue::Kind::null:
                sqlite3_result_null(ctx);
                break;
            case ColumnValue::Kind::integer:
                sqlite3_result_int64(ctx, v.integer);
                break;
            case ColumnValue::Kind::text:
                sqlite3_result_text(ctx, v.text.data(), static_cast<int>(v.text.size()),
                                    SQLITE_STATIC);
                break;
        }
        return SQLITE_OK;
    }

    static constexpr sqlite3_module module = {
        0,        // iVersion
        nullptr,  // xCreate: none, so the table is eponymous-only
        &connect, &best_index, &disconnect,
        nullptr,  // xDestroy
        &open,    &close,      &filter,     &next,   &eof,    &column, &rowid,  nullptr, nullptr,
        nullptr,  nullptr,     nullptr,     nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
    sqlite3* db_;
};

/// The writer's half: the prepared statements, run on the thread that owns the connection.
class RowWriter {
  public:
    RowWriter(Workspace& ws, std::int64_t source_id, std::int64_t batch_id,
              const std::vector<std::pair<std::string, std::size_t>>& channels)
        : ws_(ws),
          source_id_(source_id),
          batch_id_(batch_id),
          channels_(channels),
          table_(ws.handle(), &new_rows_),
          insert_(ws.prepare(
              "INSERT INTO contacts(source_id, batch_id, source_key, row_no, row_hash, email, "
              "email_key, email_problem, company, last_name, first_name, full_name, phone, "
              "person_hash, consent, consent_source, consent_at, opted_out, consent_notice, "
              "bounced) "
              "SELECT ?1, ?2, source_key, row_no, row_hash, email, email_key, email_problem, "
              "company, last_name, first_name, full_name, phone, person_hash, consent, "
              "consent_source, consent_at, opted_out, consent_notice, bounced "
              "FROM ma_plan_new_contacts")),
          update_(ws.prepare(
              "UPDATE contacts SET source_key = ?1, row_no = ?2, row_hash = ?3, email = ?4, "
              "email_key = ?5, email_problem = ?6, company = ?7, last_name = ?8, first_name = ?9, "
              "full_name = ?10, phone = ?11, person_hash = ?12, consent = ?13, consent_source = "
              "?14, consent_at = ?15, opted_out = ?16, consent_notice = ?17, bounced = ?18, "
              "batch_id = ?19 WHERE id = ?20")),
          clear_channels_(ws.prepare("DELETE FROM contact_channels WHERE contact_id = ?")),
          insert_channel_(ws.prepare(
              "INSERT INTO contact_channels(contact_id, channel, value) VALUES(?, ?, ?)")) {}

    /// Writes `batch`, first deriving the email keys the reader left to this thread.
    void write(RowBatch& batch) {
        for (RowOp& op : batch.ops) {
            if (!op.email_pending) continue;
            const Span raw = op.text[static_cast<std::size_t>(Col::email)];
            // Copied out: storing the key may grow the arena under the view.
            email_raw_.assign(raw.null ? std::string_view() : batch.view(raw));
            normalize_email(email_raw_, email_);
            if (!email_.valid()) ++invalid_emails_;
            set_email_key(op, batch, email_raw_, email_);
            op.email_pending = false;
        }
        // New contacts first, the whole batch in one statement; then the updates in file order
        // (an update can only concern a contact inserted earlier, never a later one).
        new_rows_.batch = &batch;
        new_rows_.ops.clear();
        for (std::uint32_t i = 0; i < batch.ops.size(); ++i) {
            if (!batch.ops[i].update) new_rows_.ops.push_back(i);
        }
        if (!new_rows_.ops.empty()) {
            insert_.bind(1, source_id_).bind(2, batch_id_);
            insert_.run();
            // Ids are left to SQLite (its append path); it gives max + 1, + 2 ..., which the
            // reader predicted. Checked, not assumed.
            const std::int64_t expected = batch.ops[new_rows_.ops.back()].id;
            if (ws_.last_insert_rowid() != expected ||
                static_cast<std::size_t>(ws_.changes()) != new_rows_.ops.size()) {
                std::string what = fmt::format("import: contact id {} where {} was expected",
                                               ws_.last_insert_rowid(), expected);
                throw InternalError({what, what});
            }
            for (std::uint32_t i : new_rows_.ops) write_channels(batch.ops[i], batch);
        }
        for (const RowOp& op : batch.ops) {
            if (!op.update) continue;
            bind_row(update_, op, batch);
            update_.bind(19, batch_id_).bind(20, op.id);
            update_.run();
            if (!channels_.empty()) clear_channels_.bind(1, op.id).run();
            write_channels(op, batch);
        }
    }

    /// Invalid addresses among the rows whose email this thread derived.
    std::size_t invalid_emails() const { return invalid_emails_; }

  private:
    /// Binds one contact's values to the UPDATE's parameters ?1 ... ?18.
    void bind_row(Statement& st, const RowOp& op, const RowBatch& batch) {
        for (int n = 0; n < contact_columns; ++n) {
            const ColumnValue v = column_value(op, batch, n);
            switch (v.kind) {
                case ColumnValue::Kind::null:
                    st.bind_null(n + 1);
                    break;
                case ColumnValue::Kind::integer:
                    st.bind(n + 1, v.integer);
                    break;
                case ColumnValue::Kind::text:
                    st.bind(n + 1, v.text);
                    break;
            }
        }
    }

    void write_channels(const RowOp& op, const RowBatch& batch) {
        for (std::size_t i = 0; i < channels_.size(); ++i) {
            const Span& value = batch.channel_values[op.channels_begin + i];
            if (value.null) continue;
            insert_channel_.bind(1, op.id)
                .bind(2, channels_[i].first)
                .bind(3, batch.view(value))
                .run();
        }
    }

    Workspace& ws_;
    std::int64_t source_id_;
    std::int64_t batch_id_;
    const std::vector<std::pair<std::string, std::size_t>>& channels_;
    std::string email_raw_;
    NormalizedEmail email_;
    std::size_t invalid_emails_ = 0;
    NewContactsTable::Rows new_rows_;
    NewContactsTable table_;
    Statement insert_;
    Statement update_;
    Statement clear_channels_;
    Statement insert_channel_;
};

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

namespace {

/// Sources with at least one import that has not been removed, by name.
std::vector<std::string> live_sources(Workspace& ws) {
    std::vector<std::string> out;
    auto st = ws.prepare(
        "SELECT s.name FROM sources s WHERE EXISTS (SELECT 1 FROM batches b WHERE b.source_id = "
        "s.id AND b.kind = 'import' AND b.removed_at IS NULL) ORDER BY s.name");
    while (st.step()) out.emplace_back(st.text(0));
    return out;
}

/// A mistyped --source would quietly start a second copy of the same contacts: a new name within a
/// typo's distance of an existing source is refused unless it is declared new.
void check_source_name(Workspace& ws, const std::string& name, bool new_source, bool declared) {
    const std::vector<std::string> live = live_sources(ws);
    const bool exists = std::find(live.begin(), live.end(), name) != live.end();
    if (exists && new_source) {
        throw UsageError(
            {fmt::format("--new-source: the source \"{}\" already exists; leave out --new-source "
                         "to import into it",
                         name),
             fmt::format("--new-source: ソース「{}」は既にあります。そこへ取り込むなら "
                         "--new-source を外してください",
                         name)});
    }
    if (exists || new_source || declared) return;
    const std::vector<std::string_view> candidates(live.begin(), live.end());
    if (auto guess = closest_match(name, candidates)) {
        throw UsageError(
            {fmt::format("there is no source \"{}\", and its name is close to the source \"{}\"; "
                         "did you mean \"{}\"? (to start a new source \"{}\", pass --new-source)",
                         name, *guess, *guess, name),
             fmt::format("ソース「{}」はなく、既存のソース「{}」に似ています。「{}」の誤りでは"
                         "ありませんか?(新しいソース「{}」を作るなら --new-source を指定)",
                         name, *guess, *guess, name)});
    }
}

/// Refuses to import without a field the source's last import mapped: the records this import
/// updates would lose its values (consent, say) without a word. Fields the user lets go are
/// listed in `dropped`.
void check_dropped_fields(Workspace& ws, std::int64_t source_id, const std::string& source,
                          const TableReader& table, const ImportOptions& options,
                          ImportSummary& summary) {
    auto last = ws.prepare(
        "SELECT id FROM batches WHERE source_id = ? AND kind = 'import' AND removed_at IS NULL "
        "ORDER BY id DESC LIMIT 1");
    last.bind(1, source_id);
    if (!last.step()) return;
    const std::int64_t batch = last.integer(0);
    last.reset();
    auto fields = ws.prepare(
        "SELECT field, column_name FROM batch_fields WHERE batch_id = ? ORDER BY position");
    fields.bind(1, batch);
    Text refused;
    while (fields.step()) {
        const std::string field(fields.text(0));
        const std::string column(fields.text(1));
        // A do-not-mail field reads several columns (a preset knows every column of its
        // vendor): each one that goes missing is a signal no longer read, so it is compared by
        // column too.
        const auto parsed = parse_field(field);
        const bool signal = parsed == Field::opted_out || parsed == Field::bounced;
        const bool mapped = std::any_of(
            summary.mapping.begin(), summary.mapping.end(),
            [&](const auto& m) { return m.first == field && (!signal || m.second == column); });
        if (mapped) continue;
        if (std::find(options.allow_dropped.begin(), options.allow_dropped.end(), field) !=
            options.allow_dropped.end()) {
            summary.dropped.emplace_back(field, column);
            continue;
        }
        const bool present = table.find_column(column).has_value();
        const Text where =
            present ? Text{fmt::format("the file has that column: add --map {}={}", field, column),
                           fmt::format("ファイルにはその列があります: --map {}={} を指定", field,
                                       column)}
                    : Text{fmt::format("the file has no such column: map the new one with --map "
                                       "{}=COLUMN",
                                       field),
                           fmt::format("ファイルにその列はありません: 新しい列を --map {}=列名 "
                                       "で指定",
                                       field)};
        if (!refused.en.empty()) {
            refused.en += "\n";
            refused.ja += "\n";
        }
        refused.en += fmt::format(
            "source \"{}\": its last import (#{}) mapped {} to column \"{}\", and this import does "
            "not map it, which would clear {} on every record it updates ({}; or pass "
            "--allow-dropped {} to clear it)",
            source, batch, field, column, field, where.en, field);
        refused.ja += fmt::format(
            "ソース「{}」: 前回の取り込み(#{})は {} を列「{}」から読みましたが、今回は対応付けが"
            "なく、更新する全レコードの {} が消えます({}。消してよいなら --allow-dropped {})",
            source, batch, field, column, field, where.ja, field);
    }
    if (!refused.en.empty()) throw UsageError(refused);
}

/// The channels stay within max_channels (see there).
void check_channel_count(Workspace& ws, const ColumnMap& map) {
    std::vector<std::string> existing;
    auto st = ws.prepare("SELECT name FROM channels");
    while (st.step()) existing.emplace_back(st.text(0));
    std::size_t added = 0;
    for (const auto& [channel, col] : map.channels) {
        (void)col;
        if (std::find(existing.begin(), existing.end(), channel) == existing.end()) ++added;
    }
    if (existing.size() + added <= max_channels) return;
    throw UsageError(
        {fmt::format("this import maps {} channel IDs ({} of them new) and the workspace has {}; "
                     "a workspace holds at most {} (the audit and the extract read each as a "
                     "column). Map fewer, or remove channels no longer used with: ma-plan lists "
                     "remove --channel NAME",
                     map.channels.size(), added, existing.size(), max_channels),
         fmt::format(
             "この取り込みはチャネル ID を {} 個(うち新規 {} 個)対応付けており、"
             "ワークスペースには既に {} 個あります。上限は {} 個です(監査と抽出は各チャネル"
             "を 1 列として読むため)。対応付けを減らすか、使わないチャネルを削除してください: "
             "ma-plan lists remove --channel 名前",
             map.channels.size(), added, existing.size(), max_channels)});
}

}  // namespace

ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ProgressFn& progress,
                              const ExclusionRules& plan_rules) {
    ImportOptions options;
    options.progress = progress;
    options.plan_rules = plan_rules;
    return import_contacts(ws, file, source, options);
}

ImportSummary import_contacts(Workspace& ws, const std::filesystem::path& file,
                              const SourceConfig& source, const ImportOptions& options) {
    const ProgressFn& progress = options.progress;
    ImportSummary summary;
    summary.source = source.name;
    summary.file = file;
    InputProblems problems(file);
    TableReader table(file, source.encoding, &problems);
    summary.encoding = table.encoding();
    summary.encoding_reason = table.encoding_choice().reason;
    const ColumnMap map = resolve_columns(table, source, summary.mapping);
    summary.unmapped_columns = unmapped_columns(table, map);

    Workspace::Transaction tx(ws);
    check_source_name(ws, source.name, options.new_source, options.declared_source);
    check_channel_count(ws, map);
    // A new source's rows are all hashed the schema-4 way; an older source may still hold rows
    // hashed the old way.
    auto upsert_source = ws.prepare(
        "INSERT INTO sources(name, row_hash_version) VALUES(?, 2) ON CONFLICT(name) DO NOTHING");
    upsert_source.bind(1, source.name).run();
    auto get_source = ws.prepare("SELECT id, row_hash_version FROM sources WHERE name = ?");
    get_source.bind(1, source.name).step();
    const std::int64_t source_id = get_source.integer(0);
    const bool legacy_hashes = get_source.integer(1) < 2;
    get_source.reset();
    check_dropped_fields(ws, source_id, source.name, table, options, summary);

    auto new_batch = ws.prepare(
        "INSERT INTO batches(kind, source_id, file, encoding) VALUES('import', ?, ?, ?)");
    new_batch.bind(1, source_id)
        .bind(2, file.string())
        .bind(3, encoding_name(summary.encoding))
        .run();
    const std::int64_t batch_id = ws.last_insert_rowid();
    summary.batch_id = batch_id;
    {
        auto field = ws.prepare(
            "INSERT INTO batch_fields(batch_id, position, field, column_name) VALUES(?, ?, ?, "
            "?)");
        std::int64_t order = 0;
        for (const auto& [id, column] : summary.mapping)
            field.bind(1, batch_id).bind(2, order++).bind(3, id).bind(4, column).run();
    }

    for (const auto& [channel, col] : map.channels) {
        (void)col;
        ws.prepare("INSERT INTO channels(name) VALUES(?) ON CONFLICT DO NOTHING")
            .bind(1, channel)
            .run();
    }

    // The source's records already in the workspace, by source key. Kept in memory rather than in
    // a UNIQUE index: one read of the table instead of a B-tree insert per row (schema 3). The
    // write lock is held (BEGIN IMMEDIATE above), so no other run can add keys meanwhile, and new
    // contacts can be given their ids here (max + 1, + 2, ...).
    std::vector<Known> known;
    KeyTable known_keys;
    std::int64_t next_id = 1;
    {
        auto existing =
            ws.prepare("SELECT id, source_key, row_hash FROM contacts WHERE source_id = ?");
        existing.bind(1, source_id);
        while (existing.step()) {
            known_keys.try_emplace(existing.text(1), known.size());
            known.push_back({existing.integer(0), static_cast<std::uint64_t>(existing.integer(2))});
        }
        auto max_id = ws.prepare("SELECT max(id) FROM contacts");
        max_id.step();
        next_id = max_id.integer(0) + 1;
    }

    // Two threads: this one writes to SQLite while a second one reads, decodes and normalises the
    // file a batch ahead. The two halves cost about the same, so a million-row import takes about
    // half the time it would on one core (bench/lists/RESULTS.md).
    RowWriter writer(ws, source_id, batch_id, map.channels);
    BatchPipe<RowBatch> pipe;
    std::jthread reader([&] {
        ::pthread_setname_np(::pthread_self(), "ma-plan-read");  // shows in top and perf
        try {
            RowPreparer prep(table, map, source, known, known_keys, next_id, legacy_hashes,
                             options.show_pii, problems, summary);
            auto batch = pipe.take_empty();
            while (batch && prep.next(*batch, progress)) {
                if (batch->full()) batch = pipe.send(std::move(batch));
            }
            if (!problems.empty()) {
                pipe.fail(std::make_exception_ptr(problems.error()));
            } else if (batch) {
                batch->last = true;
                pipe.put(std::move(batch));
            }
        } catch (const IoError& e) {
            // Reading stopped (a broken quote, a file cut short): report it after the bad values
            // found before it, so that none of them is lost.
            if (problems.empty()) {
                pipe.fail(std::current_exception());
            } else {
                problems.add_line(e.message());
                pipe.fail(std::make_exception_ptr(problems.error()));
            }
        } catch (...) {
            pipe.fail(std::current_exception());
        }
    });
    struct StopReader {
        BatchPipe<RowBatch>& pipe;
        std::jthread& thread;
        ~StopReader() {
            pipe.cancel();
            if (thread.joinable()) thread.join();
        }
    } stop_reader{pipe, reader};
    for (;;) {
        auto batch = pipe.receive();  // rethrows the reader's error
        writer.write(*batch);
        const bool last = batch->last;
        pipe.recycle(std::move(batch));
        if (last) break;
    }
    reader.join();
    summary.invalid_emails += writer.invalid_emails();
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
    summary.plan_rules = store_exclusion_rules(ws, options.plan_rules);
    tx.commit();
    if (progress) progress(table.bytes_total(), table.bytes_total());
    return summary;
}

}  // namespace maplan::lists
