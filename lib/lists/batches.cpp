#include "lists/batches.hpp"

#include <fmt/format.h>
#include <algorithm>

#include "core/errors.hpp"
#include "core/suggest.hpp"

namespace maplan::lists {

namespace {

/// Keeps the opt-outs among the contacts `where` selects (an SQL condition on contacts with one
/// parameter, bound to `value`) as exclusions, under a new exclusion batch that says where they
/// came from. Returns how many addresses became exclusions.
std::int64_t keep_opt_outs(Workspace& ws, const std::string& where, std::int64_t value,
                           std::int64_t source_id, const std::string& what) {
    // The key as matched: email_key, or the address as written where the key equals it (NULL,
    // schema 3); '' is a blank address, which nothing can match.
    const std::string opted_out =
        "SELECT DISTINCT coalesce(email_key, email) AS k FROM contacts WHERE (" + where +
        ") AND (consent = 'opt_out' OR opted_out = 1) AND coalesce(email_key, email, '') <> ''";
    auto any = ws.prepare("SELECT EXISTS (" + opted_out + ")");
    any.bind(1, value).step();
    const bool found = any.integer(0) != 0;
    any.reset();
    if (!found) return 0;
    auto batch = ws.prepare(
        "INSERT INTO batches(kind, source_id, file, encoding) VALUES('exclude', ?, ?, NULL)");
    batch.bind(1, source_id).bind(2, what).run();
    const std::int64_t batch_id = ws.last_insert_rowid();
    auto keep = ws.prepare(
        "INSERT INTO exclusions(kind, value, reason, batch_id) SELECT 'email', "
        "k, 'optout', ?2 FROM (" +
        opted_out + ") WHERE true ON CONFLICT(kind, value) DO NOTHING");
    keep.bind(1, value).bind(2, batch_id).run();
    const std::int64_t kept = ws.changes();
    auto rows = ws.prepare("UPDATE batches SET rows = ?, new_rows = ? WHERE id = ?");
    rows.bind(1, kept).bind(2, kept).bind(3, batch_id).run();
    return kept;
}

/// Deletes the contacts `where` selects (one parameter) and their channel IDs.
std::int64_t delete_contacts(Workspace& ws, const std::string& where, std::int64_t value) {
    auto channels = ws.prepare(
        "DELETE FROM contact_channels WHERE contact_id IN (SELECT id FROM contacts WHERE " + where +
        ")");
    channels.bind(1, value).run();
    auto contacts = ws.prepare("DELETE FROM contacts WHERE " + where);
    contacts.bind(1, value).run();
    return ws.changes();
}

}  // namespace

std::vector<SourceInfo> list_sources(Workspace& ws) {
    std::vector<SourceInfo> out;
    auto st = ws.prepare(
        "SELECT s.name, coalesce(c.n, 0), b.n, b.last, (SELECT started_at FROM batches WHERE id = "
        "b.last) FROM sources s JOIN (SELECT source_id, count(*) AS n, max(id) AS last FROM "
        "batches WHERE kind = 'import' AND removed_at IS NULL GROUP BY source_id) b ON "
        "b.source_id = s.id LEFT JOIN (SELECT source_id, count(*) AS n FROM contacts GROUP BY "
        "source_id) c ON c.source_id = s.id ORDER BY s.name");
    while (st.step()) {
        out.push_back({std::string(st.text(0)), st.integer(1), st.integer(2), st.integer(3),
                       std::string(st.text(4))});
    }
    return out;
}

RemoveSummary remove_import(Workspace& ws, std::int64_t batch) {
    Workspace::Transaction tx(ws);
    auto find = ws.prepare(
        "SELECT b.kind, b.removed_at IS NOT NULL, b.source_id, s.name FROM batches b LEFT JOIN "
        "sources s ON s.id = b.source_id WHERE b.id = ?");
    find.bind(1, batch);
    if (!find.step() || find.text(0) != "import") {
        find.reset();
        std::string imports;
        auto live = ws.prepare(
            "SELECT id FROM batches WHERE kind = 'import' AND removed_at IS NULL ORDER BY id");
        while (live.step())
            imports += fmt::format("{}{}", imports.empty() ? "" : ", ", live.integer(0));
        if (imports.empty()) imports = "none";
        throw UsageError({fmt::format("there is no import #{} (imports: {}; see ma-plan lists "
                                      "status)",
                                      batch, imports),
                          fmt::format("取り込み #{} はありません(取り込み: {}。ma-plan lists "
                                      "status で確認)",
                                      batch, imports == "none" ? "なし" : imports)});
    }
    if (find.integer(1) != 0) {
        throw UsageError({fmt::format("import #{} was removed already", batch),
                          fmt::format("取り込み #{} は既に削除済みです", batch)});
    }
    const std::int64_t source_id = find.integer(2);
    const std::string source(find.text(3));
    find.reset();
    RemoveSummary summary;
    summary.suppressions = keep_opt_outs(ws, "batch_id = ?1", batch, source_id,
                                         fmt::format("lists remove --import {}", batch));
    summary.contacts = delete_contacts(ws, "batch_id = ?1", batch);
    auto mark = ws.prepare(
        "UPDATE batches SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?");
    mark.bind(1, batch).run();
    summary.imports = 1;
    tx.commit();
    return summary;
}

RemoveSummary remove_source(Workspace& ws, const std::string& name) {
    Workspace::Transaction tx(ws);
    std::vector<std::string> names;
    for (const auto& s : list_sources(ws)) names.push_back(s.name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        const auto guess = closest_match(name, candidates);
        std::string known;
        for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
        if (known.empty()) known = "none";
        throw UsageError(
            {fmt::format("there is no source \"{}\"{} (sources: {})", name,
                         guess ? fmt::format("; did you mean \"{}\"?", *guess) : "", known),
             fmt::format("ソース「{}」はありません{}(ソース: {})", name,
                         guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "",
                         known == "none" ? "なし" : known)});
    }
    auto id = ws.prepare("SELECT id FROM sources WHERE name = ?");
    id.bind(1, name).step();
    const std::int64_t source_id = id.integer(0);
    id.reset();
    RemoveSummary summary;
    summary.suppressions = keep_opt_outs(ws, "source_id = ?1", source_id, source_id,
                                         fmt::format("lists remove --source {}", name));
    summary.contacts = delete_contacts(ws, "source_id = ?1", source_id);
    auto mark = ws.prepare(
        "UPDATE batches SET removed_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE source_id = "
        "? AND kind = 'import' AND removed_at IS NULL");
    mark.bind(1, source_id).run();
    summary.imports = ws.changes();
    tx.commit();
    return summary;
}

RemoveSummary remove_channel(Workspace& ws, const std::string& name) {
    Workspace::Transaction tx(ws);
    std::vector<std::string> names;
    auto all = ws.prepare("SELECT name FROM channels ORDER BY name");
    while (all.step()) names.emplace_back(all.text(0));
    if (std::find(names.begin(), names.end(), name) == names.end()) {
        const std::vector<std::string_view> candidates(names.begin(), names.end());
        const auto guess = closest_match(name, candidates);
        throw UsageError(
            {fmt::format("there is no channel \"{}\"{} ({} channels; see ma-plan lists audit)",
                         name, guess ? fmt::format("; did you mean \"{}\"?", *guess) : "",
                         names.size()),
             fmt::format("チャネル「{}」はありません{}(チャネル {} 個。ma-plan lists audit "
                         "で確認)",
                         name, guess ? fmt::format("。「{}」の誤りではありませんか?", *guess) : "",
                         names.size())});
    }
    RemoveSummary summary;
    auto values = ws.prepare("DELETE FROM contact_channels WHERE channel = ?");
    values.bind(1, name).run();
    summary.channel_ids = ws.changes();
    auto channel = ws.prepare("DELETE FROM channels WHERE name = ?");
    channel.bind(1, name).run();
    auto mapped = ws.prepare("DELETE FROM batch_fields WHERE field = 'channel.' || ?");
    mapped.bind(1, name).run();
    tx.commit();
    return summary;
}

}  // namespace maplan::lists
