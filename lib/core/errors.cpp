#include "core/errors.hpp"

#include <new>
#include <ostream>
#include <system_error>

namespace maplan {

void print_unexpected_failure(std::ostream& err, std::exception_ptr failure, Lang lang) noexcept {
    const bool ja = lang == Lang::ja;
    try {
        try {
            std::rethrow_exception(failure);
        } catch (const std::bad_alloc&) {
            // String literals only: there may be no memory for anything else.
            err << (ja ? "ma-plan: エラー: メモリが足りません\n"
                       : "ma-plan: error: out of memory\n");
        } catch (const std::system_error& e) {
            // std::thread reports a thread it cannot start (no memory for its stack) this way.
            const bool resources = e.code() == std::errc::resource_unavailable_try_again ||
                                   e.code() == std::errc::not_enough_memory;
            err << (resources ? (ja ? "ma-plan: エラー: メモリが足りません: "
                                    : "ma-plan: error: out of memory: ")
                              : (ja ? "ma-plan: エラー: 想定外の失敗です: "
                                    : "ma-plan: error: unexpected failure: "))
                << e.what() << "\n";
        } catch (const std::exception& e) {
            err << (ja ? "ma-plan: エラー: 想定外の失敗です: "
                       : "ma-plan: error: unexpected failure: ")
                << e.what() << "\n";
        } catch (...) {
            err << (ja ? "ma-plan: エラー: 想定外の失敗です\n"
                       : "ma-plan: error: unexpected failure\n");
        }
        err.flush();
    } catch (...) {
        // The stream itself failed (stderr closed): nothing more can be said.
    }
}

}  // namespace maplan
