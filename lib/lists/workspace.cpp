#include "lists/workspace.hpp"
#include "core/system_error.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "core/errors.hpp"
#include "lists/normalize.hpp"

namespace maplan::lists {

namespace {

// 'MAPL': marks the file as an ma-plan workspace (PRAGMA application_id).
constexpr int application_id = 0x4d41504c;

// Forward migrations; entry i takes the schema from version i to i + 1. Append only: a released
// migration never changes, because workspaces in the field were built with it.
constexpr const char* migrations[] = {
    // 0 -> 1: the initial schema.
    R"sql(
CREATE TABLE sources(
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE batches(
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('import', 'exclude')),
    source_id INTEGER REFERENCES sources(id),
    file TEXT NOT NULL,
    encoding TEXT,
    started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    rows INTEGER NOT NULL DEFAULT 0,
    new_rows INTEGER NOT NULL DEFAULT 0,
    changed_rows INTEGER NOT NULL DEFAULT 0,
    unchanged_rows INTEGER NOT NULL DEFAULT 0
);
-- One row per record of a source. Original text is stored as read (decoded to UTF-8); *_key
-- columns are derived match keys.
CREATE TABLE contacts(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    source_key TEXT NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    row_no INTEGER NOT NULL,
    row_hash INTEGER NOT NULL,
    email TEXT,
    email_key TEXT,
    email_problem INTEGER NOT NULL,
    company TEXT,
    last_name TEXT,
    first_name TEXT,
    full_name TEXT,
    phone TEXT,
    person_key TEXT,
    consent TEXT CHECK (consent IN ('opt_in', 'opt_out')),
    consent_source TEXT,
    consent_at TEXT,
    opted_out INTEGER NOT NULL DEFAULT 0,
    UNIQUE (source_id, source_key)
);
CREATE TABLE channels(name TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE contact_channels(
    contact_id INTEGER NOT NULL REFERENCES contacts(id),
    channel TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (contact_id, channel)
) WITHOUT ROWID;
-- Global exclusions: addresses (by match key), whole domains, role local parts.
CREATE TABLE exclusions(
    kind TEXT NOT NULL CHECK (kind IN ('email', 'domain', 'role')),
    value TEXT NOT NULL,
    reason TEXT NOT NULL,
    batch_id INTEGER REFERENCES batches(id),
    PRIMARY KEY (kind, value)
) WITHOUT ROWID;
)sql",
    // 1 -> 2: GDPR Art. 7(1) records also say what the person was told: the notice version.
    R"sql(
ALTER TABLE contacts ADD COLUMN consent_notice TEXT;
)sql",
    // 2 -> 3: a leaner contacts table, because a million-row import spent most of its time in
    // SQLite B-trees and writing derived bytes. The UNIQUE (source_id, source_key) index goes:
    // import keeps a source's keys in memory and enforces uniqueness itself (lists check verifies
    // it). email_key is NULL where it equals the address as written (most rows), and the
    // company + name key is stored as its 64-bit hash, the only thing the audit compares.
    R"sql(
CREATE TABLE contacts_v3(
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id),
    source_key TEXT NOT NULL,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    row_no INTEGER NOT NULL,
    row_hash INTEGER NOT NULL,
    email TEXT,
    email_key TEXT,
    email_problem INTEGER NOT NULL,
    company TEXT,
    last_name TEXT,
    first_name TEXT,
    full_name TEXT,
    phone TEXT,
    person_hash INTEGER,
    consent TEXT CHECK (consent IN ('opt_in', 'opt_out')),
    consent_source TEXT,
    consent_at TEXT,
    opted_out INTEGER NOT NULL DEFAULT 0,
    consent_notice TEXT
);
INSERT INTO contacts_v3
    SELECT id, source_id, source_key, batch_id, row_no, row_hash, email,
           CASE WHEN email_key IS email THEN NULL ELSE coalesce(email_key, '') END, email_problem,
           company,
           last_name, first_name, full_name, phone, ma_plan_key_hash(person_key), consent,
           consent_source, consent_at, opted_out, consent_notice
    FROM contacts;
DROP TABLE contacts;
ALTER TABLE contacts_v3 RENAME TO contacts;
)sql",
    // 3 -> 4: suppression by person (issue 9). A hard bounce (or an address the sending system
    // blocks) is its own flag, never lifted by a new opt-in; exclusions remember their file row
    // for the audit's consent conflicts; a partial index finds the refusing contacts. Email keys
    // are now taken after NFKC, so the keys of addresses written with non-ASCII text or several
    // "@" are derived again, and exclusion entries stored as "domains" that hold an address after
    // NFKC ("ｋｏｂａｙａｓｈｉ＠kobayashi.co.jp") become address entries.
    R"sql(
ALTER TABLE contacts ADD COLUMN bounced INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exclusions ADD COLUMN row_no INTEGER;
-- The refusing and bouncing contacts, few in a big list: the scan's pre-pass reads them through
-- this index instead of every page (its WHERE is the pre-pass's, see suppression.cpp).
CREATE INDEX contacts_refusals ON contacts(email_problem)
    WHERE consent = 'opt_out' OR opted_out <> 0 OR bounced <> 0;
UPDATE contacts
    SET email_key = ma_plan_email_key_v4(email), email_problem = ma_plan_email_problem_v4(email)
    WHERE email GLOB '*[^ -~]*' OR email GLOB '*@*@*';
INSERT OR IGNORE INTO exclusions(kind, value, reason, batch_id)
    SELECT 'email', ma_plan_valid_email_key_v4(value), reason, batch_id FROM exclusions
    WHERE kind IN ('domain', 'email') AND value GLOB '*[^ -~]*'
      AND ma_plan_valid_email_key_v4(value) IS NOT NULL;
DELETE FROM exclusions
    WHERE kind IN ('domain', 'email') AND value GLOB '*[^ -~]*'
      AND ma_plan_valid_email_key_v4(value) IS NOT NULL;
)sql",
    // 4 -> 5 (import safety, issue 9). batch_fields: what each import mapped (field id -> column,
    // in mapping order; the do-not-mail fields opted_out and bounced may read several columns), so
    // that the next import of the source can refuse to drop a field (and with it, say, every
    // record's consent) without a word. batches.removed_at: `lists remove`
    // marks an import removed instead of deleting its history. sources.row_hash_version: rows of
    // sources imported before this version carry the old, ambiguous row hash (1); new sources
    // start at 2.
    R"sql(
-- The key columns come first: SQLite 3.40's integrity_check misreads NOT NULL columns of a
-- WITHOUT ROWID table that sit before the last key column.
CREATE TABLE batch_fields(
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    field TEXT NOT NULL,
    column_name TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (batch_id, field, column_name)
) WITHOUT ROWID;
ALTER TABLE batches ADD COLUMN removed_at TEXT;
ALTER TABLE sources ADD COLUMN row_hash_version INTEGER NOT NULL DEFAULT 1;
)sql",
};
constexpr int migration_count = static_cast<int>(std::size(migrations));

constexpr int new_workspace_page_size = 65536;

// ma_plan_key_hash(text): the stored hash of a match key (used by the 2 -> 3 migration).
void sql_key_hash(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* p = sqlite3_value_text(argv[0]);
    const int n = sqlite3_value_bytes(argv[0]);
    if (p == nullptr || n == 0) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_int64(ctx, static_cast<sqlite3_int64>(key_hash(std::string_view(
                                  reinterpret_cast<const char*>(p), static_cast<std::size_t>(n)))));
}

std::string_view sql_text_arg(sqlite3_value* v) {
    const auto* p = sqlite3_value_text(v);
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_value_bytes(v))};
}

// The 3 -> 4 migration's email functions. ma_plan_email_key_v4(email): the key, or NULL where it
// equals the address as written (schema 3's rule); ma_plan_email_problem_v4(email): its
// EmailProblem; ma_plan_valid_email_key_v4(text): the key of a valid address, else NULL.
void sql_email_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    const std::string_view raw = sql_text_arg(argv[0]);
    const NormalizedEmail e = normalize_email(raw);
    if (e.key == raw) {
        sqlite3_result_null(ctx);
    } else {
        sqlite3_result_text(ctx, e.key.data(), static_cast<int>(e.key.size()), SQLITE_TRANSIENT);
    }
}
void sql_email_problem(sqlite3_context* ctx, int, sqlite3_value** argv) {
    sqlite3_result_int(ctx, static_cast<int>(normalize_email(sql_text_arg(argv[0])).problem));
}
void sql_valid_email_key(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const NormalizedEmail e = normalize_email(sql_text_arg(argv[0]));
    if (!e.valid()) {
        sqlite3_result_null(ctx);
        return;
    }
    sqlite3_result_text(ctx, e.key.data(), static_cast<int>(e.key.size()), SQLITE_TRANSIENT);
}

IoError workspace_error(const std::filesystem::path& path, std::string_view en,
                        std::string_view ja) {
    return IoError({fmt::format("{}: error: {}", path.string(), en),
                    fmt::format("{}: エラー: {}", path.string(), ja)});
}

}  // namespace

void throw_sqlite_error(sqlite3* db, int rc, const std::filesystem::path& path,
                        int busy_timeout_ms) {
    const int primary = rc & 0xff;
    const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    switch (primary) {
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw workspace_error(
                path,
                fmt::format("the workspace is locked by another run (waited {} ms); try again when "
                            "it has finished",
                            busy_timeout_ms),
                fmt::format("ワークスペースは別の実行がロックしています({} ミリ秒待機)。終了後に"
                            "やり直してください",
                            busy_timeout_ms));
        case SQLITE_NOTADB:
            throw workspace_error(
                path, "not an SQLite database (is --db pointing at the wrong file?)",
                "SQLite データベースではありません(--db の指定先を確認してください)");
        case SQLITE_CORRUPT:
            throw workspace_error(
                path, fmt::format("the database is damaged ({}); restore it from a backup", detail),
                fmt::format("データベースが破損しています({})。バックアップから"
                            "復元してください",
                            detail));
        case SQLITE_FULL:
            throw workspace_error(path, "the disk is full; nothing was changed",
                                  "ディスクがいっぱいです。何も変更していません");
        case SQLITE_IOERR: {
            const int err = db != nullptr ? sqlite3_system_errno(db) : 0;
            const Text why = err != 0 ? errno_text(err) : Text{detail, detail};
            throw workspace_error(path,
                                  fmt::format("cannot read or write the database ({}); nothing "
                                              "was changed",
                                              why.en),
                                  fmt::format("データベースを読み書きできません({})。何も変更して"
                                              "いません",
                                              why.ja));
        }
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            throw workspace_error(path, fmt::format("cannot open for writing ({})", detail),
                                  fmt::format("書き込み用に開けません({})", detail));
        default:
            throw workspace_error(path, fmt::format("database error: {}", detail),
                                  fmt::format("データベースのエラー: {}", detail));
    }
}

// ---- Statement ----

Statement::Statement(sqlite3* db, std::string_view sql, const std::filesystem::path* path,
                     int busy_timeout_ms)
    : db_(db), path_(path), busy_timeout_ms_(busy_timeout_ms) {
    int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, *path_);
}

Statement::~Statement() {
    if (stmt_ != nullptr) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(other.stmt_),
      path_(other.path_),
      busy_timeout_ms_(other.busy_timeout_ms_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}
Statement& Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}
Statement& Statement::bind_null(int index) {
    sqlite3_bind_null(stmt_, index);
    return *this;
}
Statement& Statement::bind_or_null(int index, std::string_view text) {
    return text.empty() ? bind_null(index) : bind(index, text);
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    sqlite3_reset(stmt_);
    throw_sqlite_error(db_, rc, *path_, busy_timeout_ms_);
}

void Statement::run() {
    step();
    reset();
}

void Statement::reset() {
    sqlite3_reset(stmt_);
}

std::string_view Statement::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    if (p == nullptr) return {};
    return {reinterpret_cast<const char*>(p),
            static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}
std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}
bool Statement::is_null(int column) const {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// ---- Workspace ----

std::vector<std::filesystem::path> Workspace::files() const {
    std::vector<std::filesystem::path> out{path_};
    for (const char* suffix : {"-journal", "-wal", "-shm"})
        out.emplace_back(path_.string() + suffix);
    return out;
}

int Workspace::current_version() {
    return migration_count;
}

Workspace::Workspace(sqlite3* db, std::filesystem::path path, int busy_timeout_ms)
    : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}

Workspace::Workspace(Workspace&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), busy_timeout_ms_(other.busy_timeout_ms_) {
    other.db_ = nullptr;
}

Workspace::~Workspace() {
    if (db_ != nullptr) sqlite3_close_v2(db_);
}

Workspace Workspace::create(const std::filesystem::path& path, const OpenOptions& options) {
    // Create the file ourselves so it is private from the first byte: customer lists are personal
    // data. SQLite gives its -wal and -shm files the same permissions.
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        int err = errno;
        if (err == EEXIST) {
            throw workspace_error(
                path, "already exists; use it with --db, or choose another path",
                "既に存在します。--db で指定して使うか、別のパスを選んでください");
        }
        Text why = errno_text(err);
        throw workspace_error(path, fmt::format("cannot create: {}", why.en),
                              fmt::format("作成できません: {}", why.ja));
    }
    ::fchmod(fd, 0600);  // in case the umask was unusual
    ::close(fd);
    try {
        return open(path, options);
    } catch (...) {
        std::error_code ignored;  // the open's own error is the one to report
        std::filesystem::remove(path, ignored);
        throw;
    }
}

Workspace Workspace::open(const std::filesystem::path& path, const OpenOptions& options) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        throw workspace_error(
            path,
            fmt::format("no workspace here; create it with: ma-plan lists init --db {}",
                        path.string()),
            fmt::format("ワークスペースがありません。作成: ma-plan lists init --db {}",
                        path.string()));
    }
    sqlite3* db = nullptr;
    int rc =
        sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_close_v2(db);
        throw_sqlite_error(nullptr, rc, path);
    }
    Workspace ws(db, path, options.busy_timeout_ms);
    sqlite3_busy_timeout(db, options.busy_timeout_ms);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_create_function_v2(db, "ma_plan_key_hash", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                               nullptr, &sql_key_hash, nullptr, nullptr, nullptr);
    for (auto [name, fn] : {std::pair{"ma_plan_email_key_v4", &sql_email_key},
                            std::pair{"ma_plan_email_problem_v4", &sql_email_problem},
                            std::pair{"ma_plan_valid_email_key_v4", &sql_valid_email_key}}) {
        sqlite3_create_function_v2(db, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, fn,
                                   nullptr, nullptr, nullptr);
    }
    ws.configure(options.cache_kib);
    ws.migrate(options.target_version);
    // After migrating: a migration that rebuilds a table must drop the old one, which foreign keys
    // would refuse while other tables still point at it (SQLite's documented 12-step procedure).
    ws.exec("PRAGMA foreign_keys=ON");
    return ws;
}

void Workspace::configure(int cache_kib) {
    // Reading the header is the first access: a file that is not SQLite fails here.
    auto check = prepare("PRAGMA application_id");
    check.step();
    const std::int64_t app = check.integer(0);
    check.reset();
    if (app != 0 && app != application_id) {
        throw workspace_error(
            path_, "an SQLite database, but not an ma-plan lists workspace",
            "SQLite データベースですが、ma-plan のリスト用ワークスペースではありません");
    }
    if (app == 0) {
        auto tables = prepare("SELECT count(*) FROM sqlite_schema");
        tables.step();
        if (tables.integer(0) != 0) {
            throw workspace_error(
                path_, "an SQLite database, but not an ma-plan lists workspace",
                "SQLite データベースですが、ma-plan のリスト用ワークスペースではありません");
        }
    }
    // A rollback journal rather than WAL: a bulk import appends pages, so the journal stays tiny,
    // while WAL would write every page twice (log, then checkpoint) and need twice the disk space
    // until the checkpoint. A killed import leaves a hot journal that the next open rolls back.
    // The price: readers wait for a running import (busy timeout), which lists runs can afford.
    exec("PRAGMA journal_mode=DELETE");
    exec("PRAGMA synchronous=FULL");
    exec(fmt::format("PRAGMA cache_size=-{}", cache_kib));
}

void Workspace::migrate(std::optional<int> target) {
    const int want = target.value_or(migration_count);
    int version = schema_version();
    if (version > migration_count) {
        throw workspace_error(
            path_,
            fmt::format(
                "made by a newer ma-plan (schema {}, this build knows up to {}); upgrade ma-plan",
                version, migration_count),
            fmt::format(
                "新しい ma-plan で作成されています(スキーマ {}、このビルドは {} まで)。ma-plan を"
                "更新してください",
                version, migration_count));
    }
    if (version >= want) return;
    // Larger pages for a new workspace: fewer B-tree pages and page writes per million-row import
    // (measured in bench/lists/RESULTS.md). Only possible before the first table exists.
    if (version == 0) exec(fmt::format("PRAGMA page_size={}", new_workspace_page_size));
    Transaction tx(*this);
    if (version == 0) exec(fmt::format("PRAGMA application_id={}", application_id));
    for (; version < want; ++version) exec(migrations[version]);
    exec(fmt::format("PRAGMA user_version={}", want));
    tx.commit();
}

Statement Workspace::prepare(std::string_view sql) {
    return Statement(db_, sql, &path_, busy_timeout_ms_);
}

void Workspace::exec(std::string_view sql) {
    std::string s(sql);
    char* msg = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &msg);
    sqlite3_free(msg);
    if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, path_, busy_timeout_ms_);
}

int Workspace::schema_version() {
    auto st = prepare("PRAGMA user_version");
    st.step();
    return static_cast<int>(st.integer(0));
}

std::int64_t Workspace::last_insert_rowid() {
    return sqlite3_last_insert_rowid(db_);
}

int Workspace::changes() {
    return sqlite3_changes(db_);
}

std::string Workspace::integrity_check() {
    auto st = prepare("PRAGMA integrity_check");
    std::string out;
    while (st.step()) {
        if (!out.empty()) out += '\n';
        out += st.text(0);
    }
    if (out != "ok") return out;
    out.clear();
    // What the schema does not enforce itself: references between tables, and (since schema 3,
    // where import enforces it in memory) one contact per record of a source.
    auto fk = prepare("PRAGMA foreign_key_check");
    while (fk.step()) {
        if (!out.empty()) out += '\n';
        out += fmt::format("row {} of {} refers to a missing row of {}", fk.integer(1), fk.text(0),
                           fk.text(2));
    }
    // Names contact row ids, not the key itself: a key can be an email address.
    auto unique = prepare(
        "SELECT s.name, group_concat(c.id, ', ') FROM contacts c JOIN sources s ON s.id = "
        "c.source_id GROUP BY c.source_id, c.source_key HAVING count(*) > 1 LIMIT 10");
    while (unique.step()) {
        if (!out.empty()) out += '\n';
        out += fmt::format("contacts {} of source {} have the same record key", unique.text(1),
                           unique.text(0));
    }
    return out.empty() ? "ok" : out;
}

Workspace::Transaction::Transaction(Workspace& ws) : ws_(ws) {
    ws_.exec("BEGIN IMMEDIATE");
}

Workspace::Transaction::~Transaction() {
    if (!done_) sqlite3_exec(ws_.db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Workspace::Transaction::commit() {
    ws_.exec("COMMIT");
    done_ = true;
}

}  // namespace maplan::lists
