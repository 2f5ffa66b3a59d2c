#include "core/errors.hpp"

#include <new>
#include <ostream>
#include <system_error>
#include <utility>

namespace maplan {

void print_internal_error(std::ostream& err, std::string_view what, Lang lang) noexcept {
    try {
        if (lang == Lang::ja) {
            err << "ma-plan: 内部エラー: " << what
                << "。ma-plan の不具合です。コマンドラインを添えて報告してください\n";
        } else {
            err << "ma-plan: internal error: " << what
                << "; this is a bug in ma-plan, please report it with the command line\n";
        }
        err.flush();
    } catch (...) {
        // The stream itself failed (stderr closed): nothing more can be said.
    }
}

void print_unexpected_failure(std::ostream& err, std::exception_ptr failure, Lang lang) noexcept {
    const bool ja = lang == Lang::ja;
    try {
        try {
            std::rethrow_exception(std::move(failure));
        } catch (const std::bad_alloc&) {
            // String literals only: there may be no memory for anything else.
            err << (ja ? "ma-plan: エラー: メモリが足りません\n"
                       : "ma-plan: error: out of memory\n");
        } catch (const std::system_error& e) {
            // std::thread reports a thread it cannot start (no memory for its stack) this way.
            const bool resources = e.code() == std::errc::resource_unavailable_try_again ||
                                   e.code() == std::errc::not_enough_memory;
            if (!resources) {
                print_internal_error(err, e.what(), lang);
                return;
            }
            err << (ja ? "ma-plan: エラー: メモリが足りません: "
                       : "ma-plan: error: out of memory: ")
                << e.what() << "\n";
        } catch (const std::exception& e) {
            print_internal_error(err, e.what(), lang);
            return;
        } catch (...) {
            print_internal_error(err, ja ? "不明な例外" : "unknown exception", lang);
            return;
        }
        err.flush();
    } catch (...) {
        // The stream itself failed (stderr closed): nothing more can be said.
    }
}

}  // namespace maplan
