#include "core/system_error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace maplan {

namespace {
/// Plain Japanese for the errors a user meets reading and writing files.
const char* japanese_of(int err) {
    switch (err) {
        case ENOENT:
            return "ファイルまたはディレクトリがありません";
        case EACCES:
            return "許可がありません";
        case EPERM:
            return "操作が許可されていません";
        case EISDIR:
            return "ディレクトリです";
        case ENOTDIR:
            return "ディレクトリではありません";
        case EEXIST:
            return "ファイルが存在します";
        case ENOSPC:
            return "デバイスに空き領域がありません";
        case EDQUOT:
            return "ディスク使用量の制限を超えました";
        case EROFS:
            return "読み込み専用のファイルシステムです";
        case ELOOP:
            return "シンボリックリンクの階層が多すぎます";
        case ENAMETOOLONG:
            return "ファイル名が長すぎます";
        case EMFILE:
        case ENFILE:
            return "開いているファイルが多すぎます";
        case EIO:
            return "入出力エラーです";
        case EBUSY:
            return "デバイスまたはリソースがビジー状態です";
        case ETXTBSY:
            return "テキストファイルがビジー状態です";
        case EXDEV:
            return "別のデバイスをまたぐリンクです";
        case EFBIG:
            return "ファイルが大きすぎます";
        case EINVAL:
            return "無効な引数です";
        default:
            return nullptr;
    }
}
}  // namespace

Text errno_text(int err) {
    std::string en = std::strerror(err);
    const char* ja = japanese_of(err);
    if (ja != nullptr) return {en, ja};
    return {en, fmt::format("{} (errno {})", en, err)};
}

}  // namespace maplan
