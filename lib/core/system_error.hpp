#pragma once
// The operating system's reason for a failed file operation, in both languages. strerror() is
// English only (the C locale), so a Japanese message would otherwise end in English words.
#include "core/text.hpp"

namespace maplan {

/// "No such file or directory" / 「ファイルまたはディレクトリがありません」 for errno `err`. The
/// errors a user can meet reading or writing files have a Japanese text; any other errno keeps
/// strerror's English in both, with its number, so nothing is lost.
Text errno_text(int err);

}  // namespace maplan
