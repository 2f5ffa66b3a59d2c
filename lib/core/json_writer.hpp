#pragma once
// A small streaming JSON writer with pretty printing. Strings are escaped per RFC 8259; invalid
// UTF-8 never reaches here (inputs are validated when read).
#include <string>
#include <string_view>
#include <vector>

namespace maplan {

class JsonWriter {
  public:
    explicit JsonWriter(int indent = 2) : indent_(indent) {}

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view name);
    JsonWriter& value(std::string_view text);
    JsonWriter& value(const char* text) { return value(std::string_view(text)); }
    JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
    JsonWriter& value(double number);
    JsonWriter& value(long long number);
    JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(std::size_t number) { return value(static_cast<long long>(number)); }
    JsonWriter& value(bool flag);
    JsonWriter& null();
    /// Inserts already-serialised JSON as a value.
    JsonWriter& raw(std::string_view json);

    /// The document, with a final newline.
    std::string str() const { return out_ + "\n"; }

    static std::string escape(std::string_view text);

  private:
    void before_value();
    void newline();

    struct Level {
        bool object;
        bool empty = true;
    };
    std::string out_;
    std::vector<Level> stack_;
    bool after_key_ = false;
    int indent_;
};

}  // namespace maplan
