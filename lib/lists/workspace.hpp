#pragma once
// The customer-list workspace: one SQLite database file, created private (mode 0600), its schema
// versioned with PRAGMA user_version and migrated forward on open.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace maplan::lists {

/// A prepared statement. Text passed to bind() must outlive the next step().
class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql, const std::filesystem::path* path,
              int busy_timeout_ms);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    Statement& operator=(Statement&&) = delete;

    Statement& bind(int index, std::string_view text);  ///< 1-based
    Statement& bind(int index, std::int64_t value);
    Statement& bind_null(int index);
    /// Binds text, or NULL when empty.
    Statement& bind_or_null(int index, std::string_view text);
    /// true while there is a row; false when done. Throws IoError on failure.
    bool step();
    /// step() + reset(), for statements without results.
    void run();
    void reset();

    std::string_view text(int column) const;  ///< 0-based; empty for NULL
    std::int64_t integer(int column) const;
    bool is_null(int column) const;

  private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
    const std::filesystem::path* path_;
    int busy_timeout_ms_;
};

struct OpenOptions {
    int busy_timeout_ms = 5000;
    /// SQLite page cache. Measured: 8 MiB imports a million rows with 10% less CPU than 64 MiB
    /// (an import appends, so a big cache only holds dirty pages back until commit).
    int cache_kib = 8192;
    /// Test hook: stop migrating at this schema version (to test migrations from old workspaces).
    std::optional<int> target_version;
};

class Workspace {
  public:
    /// The schema version this build writes.
    static int current_version();

    /// Creates a new workspace file with mode 0600. Throws IoError if it exists.
    static Workspace create(const std::filesystem::path& path, const OpenOptions& options = {});
    /// Opens an existing workspace, migrating it forward. Throws IoError when the file is missing,
    /// not SQLite, not a workspace, from a newer ma-plan, or locked past the busy timeout.
    static Workspace open(const std::filesystem::path& path, const OpenOptions& options = {});

    Workspace(Workspace&& other) noexcept;
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    Workspace& operator=(Workspace&&) = delete;
    ~Workspace();

    Statement prepare(std::string_view sql);
    void exec(std::string_view sql);
    int schema_version();
    std::int64_t last_insert_rowid();
    /// Rows changed by the last INSERT/UPDATE/DELETE.
    int changes();
    const std::filesystem::path& path() const { return path_; }
    /// The database and the journal files SQLite keeps beside it: an output must never replace
    /// any of them (AtomicFileWriter's inputs).
    std::vector<std::filesystem::path> files() const;
    sqlite3* handle() { return db_; }

    /// "ok", or the problems PRAGMA integrity_check lists.
    std::string integrity_check();

    /// BEGIN IMMEDIATE on construction (takes the write lock now, so a second run waits for the
    /// busy timeout instead of failing half-way); ROLLBACK unless commit() was called.
    class Transaction {
      public:
        explicit Transaction(Workspace& ws);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        void commit();

      private:
        Workspace& ws_;
        bool done_ = false;
    };

  private:
    Workspace(sqlite3* db, std::filesystem::path path, int busy_timeout_ms);
    void migrate(std::optional<int> target);
    void configure(int cache_kib);
    sqlite3* db_;
    std::filesystem::path path_;
    int busy_timeout_ms_;
};

/// Turns an SQLite result code into an IoError naming the workspace file.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, const std::filesystem::path& path,
                                     int busy_timeout_ms = 0);

}  // namespace maplan::lists
