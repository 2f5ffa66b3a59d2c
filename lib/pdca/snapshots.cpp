#include "pdca/snapshots.hpp"
#include "core/system_error.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "core/errors.hpp"
#include "lists/workspace.hpp"

namespace maplan::pdca {

namespace {

// 'MAPS': marks the file as an ma-plan snapshot database (PRAGMA application_id); the lists
// workspace is 'MAPL', so neither command can be pointed at the other's file.
constexpr std::int64_t application_id = 0x4d415053;

const char* const schema_v1 = R"sql(
CREATE TABLE snapshot (
    id INTEGER PRIMARY KEY,
    taken_at TEXT NOT NULL,
    plan TEXT NOT NULL,
    plan_text TEXT NOT NULL,
    project TEXT NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    overdue INTEGER NOT NULL
);
CREATE TABLE snapshot_step (
    snapshot_id INTEGER NOT NULL REFERENCES snapshot(id),
    step INTEGER NOT NULL,
    done INTEGER NOT NULL,
    total INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    warnings INTEGER NOT NULL,
    infos INTEGER NOT NULL,
    overdue INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, step)
);
)sql";

IoError db_error(const std::filesystem::path& path, const std::string& en, const std::string& ja) {
    return IoError({fmt::format("{}: error: {}", path.string(), en),
                    fmt::format("{}: エラー: {}", path.string(), ja)});
}

/// One open database; closes on every path out.
class SnapshotDb {
  public:
    SnapshotDb(const std::filesystem::path& path, bool create) : path_(path) {
        if (create) {
            // Created here with 0600 before SQLite opens it, so it is never briefly readable.
            int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0) {
                ::fchmod(fd, 0600);
                ::close(fd);
            } else if (errno != EEXIST) {
                Text why = errno_text(errno);
                throw db_error(path, fmt::format("cannot create: {}", why.en),
                               fmt::format("作成できません: {}", why.ja));
            }
        } else if (!std::filesystem::exists(path)) {
            throw db_error(path, "no such snapshot database (create one with ma-plan snapshot)",
                           "スナップショットのデータベースがありません (ma-plan snapshot で作成)");
        }
        int flags = (create ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY) | SQLITE_OPEN_NOMUTEX;
        int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
        if (rc != SQLITE_OK) lists::throw_sqlite_error(db_, rc, path_);
        sqlite3_busy_timeout(db_, 5000);
        check(create);
    }
    ~SnapshotDb() { sqlite3_close_v2(db_); }
    SnapshotDb(const SnapshotDb&) = delete;
    SnapshotDb& operator=(const SnapshotDb&) = delete;

    lists::Statement prepare(std::string_view sql) {
        return lists::Statement(db_, sql, &path_, 5000);
    }
    void exec(const std::string& sql) {
        char* msg = nullptr;
        int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
        sqlite3_free(msg);
        if (rc != SQLITE_OK) lists::throw_sqlite_error(db_, rc, path_);
    }
    std::int64_t last_id() { return sqlite3_last_insert_rowid(db_); }
    int version() const { return version_; }

  private:
    std::int64_t pragma(const char* name) {
        auto st = prepare(fmt::format("PRAGMA {}", name));
        st.step();
        return st.integer(0);
    }
    void check(bool create) {
        // The header is read first here: a file that is not SQLite fails with SQLITE_NOTADB.
        std::int64_t app = pragma("application_id");
        bool empty = false;
        if (app == 0) {
            auto st = prepare("SELECT count(*) FROM sqlite_schema");
            st.step();
            empty = st.integer(0) == 0;
        }
        if (app != application_id && !(app == 0 && empty && create)) {
            throw db_error(path_, "not an ma-plan snapshot database",
                           "ma-plan のスナップショットのデータベースではありません");
        }
        version_ = static_cast<int>(pragma("user_version"));
        if (version_ > snapshot_schema_version) {
            throw db_error(
                path_,
                fmt::format("made by a newer ma-plan (schema {}, this build knows up to {}); "
                            "upgrade ma-plan",
                            version_, snapshot_schema_version),
                fmt::format("新しい ma-plan で作成されています (スキーマ {}、このビルドは {} "
                            "まで)。ma-plan を更新してください",
                            version_, snapshot_schema_version));
        }
    }

    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
    int version_ = 0;
};

}  // namespace

std::int64_t save_snapshot(const std::filesystem::path& path, const SnapshotInput& in) {
    SnapshotDb db(path, true);
    const reports::StatusReport& s = *in.status;
    db.exec("BEGIN IMMEDIATE");
    try {
        if (db.version() == 0) {
            db.exec(fmt::format("PRAGMA application_id={}", application_id));
            db.exec(schema_v1);
            db.exec(fmt::format("PRAGMA user_version={}", snapshot_schema_version));
        }
        auto ins = db.prepare(
            "INSERT INTO snapshot (taken_at, plan, plan_text, project, errors, warnings, infos, "
            "overdue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ins.bind(1, in.taken_at).bind(2, in.plan).bind(3, in.plan_text).bind(4, s.project_name);
        ins.bind(5, static_cast<std::int64_t>(s.total.errors))
            .bind(6, static_cast<std::int64_t>(s.total.warnings))
            .bind(7, static_cast<std::int64_t>(s.total.infos))
            .bind(8, static_cast<std::int64_t>(s.overdue.size()));
        ins.run();
        std::int64_t id = db.last_id();
        auto step = db.prepare(
            "INSERT INTO snapshot_step (snapshot_id, step, done, total, errors, warnings, infos, "
            "overdue) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        for (const reports::StepStatus& st : s.steps) {
            step.bind(1, id).bind(2, std::int64_t{st.step});
            step.bind(3, static_cast<std::int64_t>(st.done))
                .bind(4, static_cast<std::int64_t>(st.total))
                .bind(5, static_cast<std::int64_t>(st.errors))
                .bind(6, static_cast<std::int64_t>(st.warnings))
                .bind(7, static_cast<std::int64_t>(st.infos))
                .bind(8, static_cast<std::int64_t>(st.overdue));
            step.run();
        }
        db.exec("COMMIT");
        return id;
    } catch (...) {
        try {
            db.exec("ROLLBACK");
        } catch (...) {
        }
        throw;
    }
}

History read_snapshots(const std::filesystem::path& path, const HistoryOptions& options) {
    SnapshotDb db(path, false);
    History h;
    h.plan = path.string();
    if (db.version() == 0) return h;  // an empty snapshot file: no snapshots yet
    std::string sql =
        "SELECT id, taken_at, plan, project, errors, warnings, infos, overdue FROM snapshot";
    if (!options.since.empty()) sql += " WHERE substr(taken_at, 1, 10) >= ?";
    sql += " ORDER BY taken_at DESC, id DESC";
    if (options.max > 0) sql += fmt::format(" LIMIT {}", options.max);
    auto q = db.prepare(sql);
    if (!options.since.empty()) q.bind(1, options.since);
    auto steps = db.prepare(
        "SELECT step, done, total, errors, warnings, infos, overdue FROM snapshot_step WHERE "
        "snapshot_id = ? ORDER BY step");
    while (q.step()) {
        HistoryPoint p;
        std::int64_t id = q.integer(0);
        // The history table's commit column shows the snapshot's ID; its subject, the plan file.
        p.commit.hash = fmt::format("#{}", id);
        p.commit.date = std::string(q.text(1)).substr(0, 10);
        p.commit.subject = std::string(q.text(2));
        p.commit.path = std::string(q.text(2));
        p.status.project_name = std::string(q.text(3));
        p.status.total.step = 0;
        p.status.total.errors = static_cast<std::size_t>(q.integer(4));
        p.status.total.warnings = static_cast<std::size_t>(q.integer(5));
        p.status.total.infos = static_cast<std::size_t>(q.integer(6));
        // Only the count of overdue tasks is kept; the renderers read its size.
        p.status.overdue.resize(static_cast<std::size_t>(q.integer(7)));
        steps.bind(1, id);
        while (steps.step()) {
            reports::StepStatus st;
            st.step = static_cast<int>(steps.integer(0));
            st.done = static_cast<std::size_t>(steps.integer(1));
            st.total = static_cast<std::size_t>(steps.integer(2));
            st.errors = static_cast<std::size_t>(steps.integer(3));
            st.warnings = static_cast<std::size_t>(steps.integer(4));
            st.infos = static_cast<std::size_t>(steps.integer(5));
            st.overdue = static_cast<std::size_t>(steps.integer(6));
            p.status.total.done += st.done;
            p.status.total.total += st.total;
            p.status.steps.push_back(st);
        }
        steps.reset();
        h.points.push_back(std::move(p));
    }
    return h;
}

}  // namespace maplan::pdca
