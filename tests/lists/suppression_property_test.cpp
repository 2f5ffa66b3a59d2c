// Property test of suppression by person: random multi-source imports with random refusals
// (consent opt-outs, opted-out flags, exclusion-file entries, bounces), every address written in
// a random spelling. An oracle written here, with its own folding (not the library's
// normaliser), says who may be mailed; the extract must agree exactly.
#include <stdlib.h>

#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <set>
#include <sstream>

#include "helpers.hpp"
#include "lists/exclusions.hpp"
#include "lists/extract.hpp"
#include "lists/import.hpp"

using namespace maplan;
using namespace maplan::lists;
using lists_test::read_file;
using lists_test::write_file;

namespace {

// ---- The oracle's own folding: full-width ASCII (U+FF01-FF5E) to ASCII, U+3000 to a space,
// ---- spaces and tabs trimmed, ASCII lower-cased. Enough for the spellings generated below.

std::u32string decode(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(c);
            i += 1;
        } else if (c < 0xE0) {
            out.push_back(((c & 0x1F) << 6) | (s[i + 1] & 0x3F));
            i += 2;
        } else {
            out.push_back(((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F));
            i += 3;
        }
    }
    return out;
}

std::string oracle_key(const std::string& written) {
    std::string ascii;
    for (char32_t c : decode(written)) {
        if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
        if (c == 0x3000 || c == 0xA0) c = ' ';
        if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
        ascii.push_back(static_cast<char>(c));
    }
    const auto first = ascii.find_first_not_of(" \t");
    const auto last = ascii.find_last_not_of(" \t");
    return first == std::string::npos ? "" : ascii.substr(first, last - first + 1);
}

// ---- Random spellings of an ASCII address ----

std::string full_width(char c) {
    const char32_t w = static_cast<char32_t>(c) + 0xFEE0;
    std::string out;
    out += static_cast<char>(0xE0 | (w >> 12));
    out += static_cast<char>(0x80 | ((w >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (w & 0x3F));
    return out;
}

std::string spell(const std::string& address, std::mt19937& rng) {
    std::uniform_int_distribution<int> pct(0, 99);
    const bool wide = pct(rng) < 25;
    std::string out;
    for (char c : address) {
        if (c >= 'a' && c <= 'z' && pct(rng) < 40) c = static_cast<char>(c - 'a' + 'A');
        out += (wide || pct(rng) < 10) ? full_width(c) : std::string(1, c);
    }
    static const char* pads[] = {"", "", " ", "\u3000", "\t", "  ", "\u00A0"};
    std::uniform_int_distribution<int> pad(0, 6);
    return pads[pad(rng)] + out + pads[pad(rng)];
}

std::string csv_cell(const std::string& s) {
    return "\"" + s + "\"";  // no quotes or line breaks in generated text
}

/// A private directory in memory where there is one (/dev/shm): every import commits with
/// fsync, and a few hundred iterations on a disk would spend their time waiting for it.
struct MemoryDir {
    std::filesystem::path path;
    MemoryDir() {
        std::error_code ec;
        const std::filesystem::path base = std::filesystem::is_directory("/dev/shm", ec)
                                               ? std::filesystem::path("/dev/shm")
                                               : std::filesystem::temp_directory_path();
        std::string tmpl = (base / "ma-plan-test-XXXXXX").string();
        if (::mkdtemp(tmpl.data()) == nullptr) throw std::runtime_error("mkdtemp");
        path = tmpl;
    }
    ~MemoryDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    MemoryDir(const MemoryDir&) = delete;
    MemoryDir& operator=(const MemoryDir&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path / name; }
};

struct Row {
    std::string key;      // the oracle's key of the person
    std::string consent;  // "opt-in", "opt-out" or ""
    std::string consent_source;
    std::string consent_at;  // "" or a date in January 2026
    bool opted_out = false;
    bool bounced = false;
};

}  // namespace

TEST_CASE("suppression property: no opted-out person ever reaches the extract") {
    const int iterations = 300;
    for (int iteration = 0; iteration < iterations; ++iteration) {
        std::mt19937 rng(20261201u + static_cast<unsigned>(iteration));
        std::uniform_int_distribution<int> pct(0, 99);
        // A handful of people on three domains, so that colleagues share a domain.
        std::vector<std::string> people;
        const int n_people = 3 + static_cast<int>(rng() % 6);
        for (int p = 0; p < n_people; ++p)
            people.push_back("p" + std::to_string(p) + "@d" + std::to_string(p % 3) +
                             ".example.jp");

        MemoryDir dir;
        auto ws = Workspace::create(dir / "w.db");
        std::vector<Row> rows;
        // Names far apart, so that none reads as a typo of another (import refuses those).
        constexpr const char* source_names[] = {"crm", "expo", "webform"};
        const int n_sources = 1 + static_cast<int>(rng() % 3);
        for (int s = 0; s < n_sources; ++s) {
            std::string file = "id,email,consent,consent_source,consent_at,opted_out,bounced\n";
            const int n_rows = 1 + static_cast<int>(rng() % 8);
            for (int r = 0; r < n_rows; ++r) {
                Row row;
                const std::string& person = people[rng() % people.size()];
                const std::string written = spell(person, rng);
                row.key = oracle_key(written);
                const int c = pct(rng);
                row.consent = c < 60 ? "opt-in" : c < 80 ? "opt-out" : "";
                row.consent_source = pct(rng) < 80 ? "form" : "";
                row.consent_at = pct(rng) < 70 ? "2026-01-0" + std::to_string(1 + rng() % 9) : "";
                row.opted_out = pct(rng) < 12;
                row.bounced = pct(rng) < 6;
                file += std::to_string(r + 1) + "," + csv_cell(written) + "," + row.consent + "," +
                        row.consent_source + "," + row.consent_at + "," +
                        (row.opted_out ? "yes" : "no") + "," + (row.bounced ? "1" : "0") + "\n";
                rows.push_back(row);
            }
            const std::string name = source_names[s] + std::string(".csv");
            write_file(dir / name, file);
            SourceConfig source;
            source.name = source_names[s];
            import_contacts(ws, dir / name, source);
        }
        // Exclusion files: opt-outs and bounces, in the forms people paste.
        std::set<std::string> excluded_optout, excluded_bounce;
        for (const char* reason : {"optout", "bounce"}) {
            if (pct(rng) < 40) continue;
            std::string file = "email\n";
            for (const auto& person : people) {
                if (pct(rng) >= 25) continue;
                const std::string written = spell(person, rng);
                const int form = pct(rng);
                file += form < 60   ? csv_cell(written)
                        : form < 80 ? csv_cell("Someone <" + written + ">")
                                    : csv_cell(written + "  # " + reason);
                file += "\n";
                (std::string(reason) == "optout" ? excluded_optout : excluded_bounce)
                    .insert(oracle_key(written));
            }
            write_file(dir / "x.csv", file);
            exclude_from_file(ws, dir / "x.csv", reason, ExcludeOptions{});
        }

        // The oracle. A refusal's time: an opt-out's own date, else "now" (import time, later
        // than every generated date); a recorded opt-in (source and date) after the latest
        // refusal lifts it; a bounce never lifts.
        const std::string now = "9999";
        std::map<std::string, std::string> refused_at, opted_in_at;
        std::set<std::string> bounced = excluded_bounce;
        for (const auto& key : excluded_optout) refused_at[key] = now;
        for (const auto& r : rows) {
            if (r.bounced) bounced.insert(r.key);
            if (r.consent == "opt-out" || r.opted_out) {
                const std::string at =
                    r.consent == "opt-out" && !r.consent_at.empty() ? r.consent_at : now;
                if (at > refused_at[r.key]) refused_at[r.key] = at;
            }
            if (r.consent == "opt-in" && !r.consent_source.empty() && !r.consent_at.empty() &&
                r.consent_at > opted_in_at[r.key])
                opted_in_at[r.key] = r.consent_at;
        }
        auto refused = [&](const std::string& key) {
            auto it = refused_at.find(key);
            if (it == refused_at.end()) return false;
            return !(opted_in_at[key] > it->second);  // "" is never later
        };
        std::set<std::string> allowed;
        for (const auto& r : rows) {
            if (r.consent != "opt-in" || r.opted_out || r.bounced) continue;
            if (bounced.count(r.key) || refused(r.key)) continue;
            allowed.insert(r.key);
        }

        extract_contactable(ws, ListsConfig{}, dir / "out.csv", Encoding::utf8);
        std::set<std::string> extracted;
        std::istringstream in(read_file(dir / "out.csv"));
        std::string line;
        std::getline(in, line);
        while (std::getline(in, line)) extracted.insert(line.substr(0, line.find(',')));

        INFO("iteration " << iteration);
        for (const auto& key : extracted) {
            INFO(key);
            CHECK_FALSE(refused(key));
            CHECK_FALSE(bounced.count(key));
        }
        CHECK(extracted == allowed);
    }
}
