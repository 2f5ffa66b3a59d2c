#include "lists/extract.hpp"

#include <fmt/format.h>

#include "core/atomic_file.hpp"
#include "core/errors.hpp"
#include "lists/csv.hpp"

namespace maplan::lists {

ExtractSummary extract_contactable(Workspace& ws, const ListsConfig& config,
                                   const std::filesystem::path& out, Encoding encoding,
                                   const ProgressFn& progress,
                                   const std::vector<std::filesystem::path>& other_inputs) {
    ExtractSummary summary;
    summary.out = out;
    summary.encoding = encoding;
    const std::vector<std::string> channels = declared_channels(ws, config);
    summary.columns = {"email",      "company",        "last_name", "first_name",
                       "name",       "phone",          "consent",   "consent_source",
                       "consent_at", "consent_notice", "source",    "source_row"};
    for (const auto& ch : channels) summary.columns.push_back("channel." + ch);

    // Read everything inside one read transaction so the extract is one consistent snapshot even
    // while an import runs next to it.
    ws.exec("BEGIN");
    struct EndRead {
        Workspace& ws;
        ~EndRead() {
            try {
                ws.exec("COMMIT");
            } catch (...) {
            }
        }
    } end_read{ws};

    OutputOptions output{.kind = OutputKind::personal_data, .inputs = ws.files()};
    output.inputs.insert(output.inputs.end(), other_inputs.begin(), other_inputs.end());
    AtomicFileWriter writer(out, output);
    std::optional<Cp932Codec> codec;
    if (encoding == Encoding::cp932) codec.emplace(Cp932Codec::Direction::from_utf8);
    std::string buffer;
    std::string encoded;
    std::size_t out_row = 1;
    if (encoding == Encoding::utf8_bom) buffer += utf8_bom;
    std::vector<std::string_view> cells;
    auto flush_record = [&](std::string_view record) {
        if (!codec) {
            buffer += record;
        } else if (auto bad = codec->convert(record, encoded)) {
            (void)bad;
            throw IoError(
                {fmt::format("{}: error: output row {} has a character that CP932 cannot represent "
                             "(emoji, some kanji variants); use --encoding utf-8-bom",
                             out.string(), out_row),
                 fmt::format(
                     "{}: エラー: 出力 {} 行目に CP932 で表せない文字(絵文字、一部の異体字など)"
                     "があります。--encoding utf-8-bom を使ってください",
                     out.string(), out_row)});
        } else {
            buffer += encoded;
        }
        if (buffer.size() >= (1 << 20)) {
            writer.write(buffer);
            buffer.clear();
        }
    };
    std::string record;
    for (const auto& c : summary.columns) cells.emplace_back(c);
    append_csv_record(record, cells);
    flush_record(record);
    std::string row_text;
    summary.waterfall = scan_contacts(
        ws, config, channels, ScanOptions{.details = true}, progress,
        [&](const ContactView& c, Stage stage, const std::string*) {
            if (stage != Stage::contactable) return;
            ++out_row;
            const ContactDetails& d = c.details;
            row_text = std::to_string(d.row);
            cells.assign(
                {c.email_key, d.company, d.last_name, d.first_name, d.full_name, d.phone,
                 c.consent == Consent::opt_in ? std::string_view("opt_in") : std::string_view(""),
                 c.consent_source, d.consent_at, d.consent_notice, d.source, row_text});
            for (auto id : c.channel_ids) cells.push_back(id);
            record.clear();
            append_csv_record(record, cells, 0);  // the email key: contactable, so valid
            flush_record(record);
        });
    writer.write(buffer);
    writer.commit();
    return summary;
}

}  // namespace maplan::lists
