#pragma once
// Shared helpers for the lists tests: a private temporary directory, files, a fingerprint of the
// whole workspace database, and running the real ma-plan binary.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "../common/files.hpp"

namespace lists_test {

using test_support::read_file;
using test_support::TempDir;
using test_support::write_file;

/// Every row of every table, in a fixed order: equal fingerprints mean an unchanged database.
inline std::string db_fingerprint(const std::filesystem::path& db_path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        throw std::runtime_error("cannot open " + db_path.string());
    }
    // Every table the schema has (so a table added by a migration is covered too), and the
    // schema itself.
    std::vector<std::string> tables;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                           -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
        sqlite3_finalize(st);
    }
    std::string out;
    {
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
        if (sqlite3_step(st) == SQLITE_ROW)
            out += "[user_version " + std::to_string(sqlite3_column_int(st, 0)) + "]\n";
        sqlite3_finalize(st);
    }
    for (const std::string& table : tables) {
        std::string sql = "SELECT * FROM \"" + table + "\" ORDER BY 1, 2";
        sqlite3_stmt* st = nullptr;
        sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr);
        out += std::string("[") + table + "]\n";
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* t = sqlite3_column_text(st, i);
                out += t ? reinterpret_cast<const char*>(t) : "NULL";
                out += '|';
            }
            out += '\n';
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

struct RunResult {
    int exit_code = -1;
    int signal = 0;
    std::string out;
    std::string err;
};

inline std::string drain(int fd) {
    std::string s;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<std::size_t>(n));
    return s;
}

/// Runs ma-plan with `args` in `cwd`; `env` entries are "NAME=value" added to the environment.
/// `program` replaces the binary, e.g. /bin/sh to run it under a ulimit.
inline RunResult run_ma_plan(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                             const std::vector<std::string>& env = {},
                             const std::string& program = MA_PLAN_BINARY) {
    int out_pipe[2], err_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe");
    pid_t pid = ::fork();
    if (pid == 0) {
        ::dup2(out_pipe[1], 1);
        ::dup2(err_pipe[1], 2);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        if (::chdir(cwd.c_str()) != 0) ::_exit(127);
        ::setenv("LANG", "C", 1);
        ::unsetenv("LC_ALL");
        ::unsetenv("LC_MESSAGES");
        ::unsetenv("MA_PLAN_LANG");
        for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
        std::vector<char*> argv;
        std::string bin = program;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    RunResult r;
    // Small outputs: reading stdout fully and then stderr cannot deadlock for these tests' sizes.
    r.out = drain(out_pipe[0]);
    r.err = drain(err_pipe[0]);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
    return r;
}

}  // namespace lists_test
