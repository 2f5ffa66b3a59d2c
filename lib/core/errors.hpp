#pragma once
// The tool's own failures (unreadable file, unwritable output, bad database). They are thrown and
// caught in one place near main; findings about a plan are never exceptions.
#include <exception>
#include <iosfwd>
#include <stdexcept>
#include <string>

#include "core/text.hpp"

namespace maplan {

class MaPlanError : public std::runtime_error {
  public:
    explicit MaPlanError(Text message)
        : std::runtime_error(message.en), message_(std::move(message)) {}
    const Text& message() const { return message_; }

  private:
    Text message_;
};

/// A file could not be read or written (exit code 2).
class IoError : public MaPlanError {
    using MaPlanError::MaPlanError;
};

/// The user asked for something impossible on the command line or in a config (exit code 3).
class UsageError : public MaPlanError {
    using MaPlanError::MaPlanError;
};

/// Prints the one line for a failure that is not a MaPlanError: "ma-plan: error: out of memory"
/// for std::bad_alloc (without allocating), "ma-plan: error: unexpected failure: WHAT" for other
/// exceptions. Used by the one catch near main.
void print_unexpected_failure(std::ostream& err, std::exception_ptr failure, Lang lang) noexcept;

}  // namespace maplan
