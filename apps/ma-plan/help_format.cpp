#include "help_format.hpp"

#include "config/run.hpp"

#include <algorithm>
#include <memory>

#include "core/help_text.hpp"
#include "core/source.hpp"

namespace maplan::cli {

namespace {

class HelpFormatter : public CLI::Formatter {
  public:
    explicit HelpFormatter(Lang lang) : lang_(lang) {
        for (const char* key : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals",
                                "REQUIRED", "Env", "Needs", "Excludes"}) {
            label(key, std::string(help_label(key, lang)));
        }
    }

    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return row(make_option_name(opt, is_positional) + make_option_opts(opt),
                   make_option_desc(opt));
    }

    std::string make_option_opts(const CLI::Option* opt) const override {
        if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
        std::string out;
        if (opt->get_type_size() != 0) {
            if (!opt->get_type_name().empty()) out += " " + type_name(opt->get_type_name());
            if (!opt->get_default_str().empty()) out += "=" + opt->get_default_str();
            if (opt->get_expected_max() == CLI::detail::expected_max_vector_size ||
                opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll) {
                out += " ...";
            } else if (opt->get_expected_min() > 1) {
                out += " x " + std::to_string(opt->get_expected());
            }
            if (opt->get_required()) out += " " + get_label("REQUIRED");
        }
        // Settings resolved by config::resolve_run read their variables there, not in CLI11.
        std::string env = opt->get_envname();
        if (env.empty() && !opt->get_lnames().empty())
            env = config::environment_variable_for(opt->get_lnames().front());
        if (!env.empty()) out += " (" + get_label("Env") + ":" + env + ")";
        if (!opt->get_needs().empty()) {
            out += " " + get_label("Needs") + ":";
            for (const CLI::Option* needed : opt->get_needs()) out += " " + needed->get_name();
        }
        if (!opt->get_excludes().empty()) {
            out += " " + get_label("Excludes") + ":";
            for (const CLI::Option* excluded : opt->get_excludes()) {
                out += " " + excluded->get_name();
            }
        }
        return out;
    }

    std::string make_option_desc(const CLI::Option* opt) const override {
        return text(opt->get_description());
    }

    std::string make_group(std::string group, bool is_positional,
                           std::vector<const CLI::Option*> opts) const override {
        std::string out = "\n" + std::string(help_label(group, lang_)) + ":\n";
        for (const CLI::Option* opt : opts) out += make_option(opt, is_positional);
        return out;
    }

    // CLI11's version also notes require_option() counts; no ma-plan command sets one.
    std::string make_description(const CLI::App* app) const override {
        std::string desc = text(app->get_description());
        return desc.empty() ? std::string{} : desc + "\n";
    }

    // CLI11's version prints the group names ("Subcommands") as they are; the listing is the
    // same otherwise.
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override {
        std::vector<std::string> groups;
        for (const CLI::App* sub : app->get_subcommands({})) {
            if (sub->get_name().empty() || sub->get_group().empty()) continue;
            if (std::find(groups.begin(), groups.end(), sub->get_group()) == groups.end()) {
                groups.push_back(sub->get_group());
            }
        }
        std::string out;
        for (const std::string& group : groups) {
            out += "\n" + std::string(help_label(group, lang_)) + ":\n";
            for (const CLI::App* sub : app->get_subcommands(
                     [&group](const CLI::App* s) { return s->get_group() == group; })) {
                if (sub->get_name().empty()) continue;
                out += mode == CLI::AppFormatMode::All
                           ? sub->help(sub->get_name(), CLI::AppFormatMode::Sub) + "\n"
                           : make_subcommand(sub);
            }
        }
        return out;
    }

    std::string make_subcommand(const CLI::App* sub) const override {
        return row(sub->get_display_name(true), text(sub->get_description()));
    }

    std::string make_footer(const CLI::App* app) const override {
        std::string footer = text(app->get_footer());
        return footer.empty() ? std::string{} : footer + "\n";
    }

  private:
    /// The text in the user's language; English where the catalogue has no entry (the
    /// catalogue test fails for those).
    std::string text(const std::string& en) const {
        if (lang_ == Lang::ja && !en.empty()) {
            if (auto ja = help_text_ja(en)) return std::string(*ja);
        }
        return en;
    }

    /// "TEXT:{ja,en}", "UINT in [0 - 100]", "INT:NONNEGATIVE": CLI11's words translated, the
    /// choices and numbers kept.
    std::string type_name(const std::string& name) const {
        std::string out, word;
        auto flush = [&] {
            out += help_label(word, lang_);
            word.clear();
        };
        for (char c : name) {
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                word += c;
            } else {
                flush();
                out += c;
            }
        }
        flush();
        // A word translated to nothing ("in") leaves two spaces.
        for (auto at = out.find("  "); at != std::string::npos; at = out.find("  ")) {
            out.erase(at, 1);
        }
        return out;
    }

    /// One help row as CLI11's detail::format_help lays it out, padded by display width.
    std::string row(const std::string& name, const std::string& description) const {
        std::string out = "  " + name;
        std::size_t width = display_width(out);
        const std::string indent(column_width_, ' ');
        if (!description.empty()) {
            if (width >= column_width_) {
                out += "\n" + indent;
            } else {
                out += std::string(column_width_ - width, ' ');
            }
            for (char c : description) {
                out += c;
                if (c == '\n') out += indent;
            }
        } else if (width < column_width_) {
            out += std::string(column_width_ - width, ' ');
        }
        return out + "\n";
    }

    Lang lang_;
};

void install(CLI::App& app, const std::shared_ptr<HelpFormatter>& formatter) {
    app.formatter(formatter);
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        install(*sub, formatter);
    }
}

}  // namespace

void install_help_formatter(CLI::App& app, Lang lang) {
    install(app, std::make_shared<HelpFormatter>(lang));
}

}  // namespace maplan::cli
