// The canary test: every flow of every sample pack, driven through the Navigator with a unique
// canary in every text field, leaves no trace of any canary in usage.sqlite, its WAL and -shm,
// or any stats output (table, CSV, JSON, the HTML report). A positive control proves the search
// finds a canary where there is one.
#include <doctest/doctest.h>

#include <fstream>
#include <random>

#include "core/nav/field_check.hpp"
#include "core/nav/navigator.hpp"
#include "core/pack/pack_library.hpp"
#include "core/stats/stats_report.hpp"
#include "core/stats/usage_stats.hpp"
#include "core/usage/sqlite_usage_log.hpp"
#include "core/usage/usage_database.hpp"
#include "diagnostics_text.hpp"
#include "temp_dir.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

class Canaries {
public:
    // A value the field accepts that no content, schema or number in the database contains.
    std::string make(const core::FlowField& field) {
        std::string value;
        switch (field.format) {
            case core::TextFormat::Any: value = "Kanarie" + letters(10); break;
            case core::TextFormat::Email: value = "kanarie" + letters(8) + "@example.org"; break;
            case core::TextFormat::Postcode: value = digits(5); break;
            case core::TextFormat::Number: value = digits(7); break;
            case core::TextFormat::Phone: value = "0351" + digits(7); break;
        }
        if (static_cast<int>(value.size()) > field.maxLength) value.resize(static_cast<std::size_t>(field.maxLength));
        all.push_back(value);
        return value;
    }
    std::string date() {
        std::uniform_int_distribution<int> day(1, 28);
        std::uniform_int_distribution<int> year(2101, 2190);
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(m_random), 7, day(m_random));
        all.emplace_back(buffer);
        return buffer;
    }

    std::vector<std::string> all;

private:
    std::string letters(int n) {
        std::uniform_int_distribution<int> pick(0, 25);
        std::string out;
        for (int i = 0; i < n; ++i) out += static_cast<char>('a' + pick(m_random));
        return out;
    }
    std::string digits(int n) {
        std::uniform_int_distribution<int> pick(0, 9);
        std::string out;
        for (int i = 0; i < n; ++i) out += static_cast<char>('0' + pick(m_random));
        return out;
    }
    std::mt19937 m_random{std::random_device{}()};
};

std::string fileBytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Every canary found in any of `haystacks`, as "canary in name".
std::vector<std::string> hits(const std::vector<std::string>& canaries, const std::vector<std::pair<std::string, std::string>>& haystacks) {
    std::vector<std::string> found;
    for (const auto& [name, bytes] : haystacks) {
        for (const auto& canary : canaries) {
            if (bytes.find(canary) != std::string::npos) found.push_back(canary + " in " + name);
        }
    }
    return found;
}

std::vector<std::pair<std::string, std::string>> logFiles(const std::filesystem::path& folder) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().filename().string().starts_with("usage.sqlite")) out.emplace_back(entry.path().filename().string(), fileBytes(entry.path()));
    }
    return out;
}

}  // namespace

TEST_CASE("usage: canary: nothing typed or chosen in any sample flow reaches the database or the stats") {
    const std::vector<std::filesystem::path> folders{KIOSK_SOURCE_DIR "/content"};
    const core::PackLibrary library = core::loadPackLibrary(folders);
    REQUIRE_MESSAGE(library.problems.empty(), test::allMessages(library.problems));
    test::TempDir state;
    core::ManualWallClock wall;
    core::ManualClock clock;
    Canaries canaries;
    std::vector<std::string> chosenOptions;
    std::size_t flows = 0;
    std::size_t textFields = 0;
    {
        core::SqliteUsageLog log(state.path(), wall);
        const std::vector<std::string> languages{"de", "en", "de-x-ls", "uk"};
        core::Navigator nav(library, languages, "de", 90s, clock.now());
        nav.setUsageLog(&log);
        auto apply = [&](const core::Intent& intent) {
            clock.advance(2s);
            nav.apply(intent, clock.now());
        };
        for (const core::Pack& pack : library.packs) {
            for (const core::Flow& flow : pack.flows) {
                for (const bool finish : {true, false}) {  // each flow completed once and abandoned once
                    apply(core::StartVisit{});
                    apply(core::OpenPack{pack.id});
                    apply(core::SetLanguage{"en"});
                    apply(core::StartFlow{flow.id});
                    REQUIRE_MESSAGE(nav.flowSession(), (pack.id + "/" + flow.id));
                    ++flows;
                    for (std::size_t s = 0; s < flow.steps.size(); ++s) {
                        for (const core::FlowField& field : flow.steps[s].fields) {
                            std::string value;
                            switch (field.type) {
                                case core::FlowField::Type::Text:
                                    value = canaries.make(field);
                                    ++textFields;
                                    break;
                                case core::FlowField::Type::Choice:
                                    value = field.options.back().id;
                                    chosenOptions.push_back(value);
                                    break;
                                case core::FlowField::Type::Date: value = canaries.date(); break;
                                case core::FlowField::Type::Check: value = "yes"; break;
                            }
                            if (core::checkField(field, value) != core::FieldProblem::None) {
                                value = core::sampleValue(field, pack.languages, "2025-01-01");
                            }
                            apply(core::SetFieldValue{field.id, value});
                        }
                        apply(core::NextStep{});
                        REQUIRE_MESSAGE(nav.flowSession()->step == s + 1, (pack.id + "/" + flow.id + " step " + flow.steps[s].id));
                        if (!finish && s + 1 == flow.steps.size() / 2 + 1) break;
                    }
                    if (finish) {
                        apply(core::NextStep{});  // summary → result
                        const std::string caseNumber = nav.flowSession() ? nav.flowSession()->caseNumber : "";
                        if (!caseNumber.empty()) canaries.all.push_back(caseNumber);
                        apply(core::FinishFlow{});
                        apply(core::GoHome{});
                    }
                    clock.advance(200s);
                    nav.tick(clock.now());  // an idle reset in the middle of (or after) the flow
                }
            }
        }
        log.flush();
        CHECK(log.warnings().empty());
        CHECK(log.droppedEvents() == 0);
        // While the log is open, the WAL and -shm exist: search them too.
        const auto found = hits(canaries.all, logFiles(state.path()));
        CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));
    }
    CHECK(flows >= 8);
    CHECK(textFields >= 8);
    CHECK(canaries.all.size() >= textFields);

    core::StatsRequest request;
    request.now = wall.now();
    request.minCellSessions = 3;
    auto stats = core::computeUsageStats(core::usageDatabasePath(state.path()), request);
    REQUIRE(stats);
    CHECK(stats.value().sessions.value == static_cast<std::int64_t>(flows));
    auto haystacks = logFiles(state.path());
    haystacks.emplace_back("stats table", core::formatStatsTable(stats.value()));
    haystacks.emplace_back("stats csv", core::formatStatsCsv(stats.value()));
    haystacks.emplace_back("stats json", core::formatStatsJson(stats.value()));
    haystacks.emplace_back("stats report (de)", core::formatStatsReport(stats.value(), {wall.now(), wall.now(), core::ReportLanguage::German, request.zone}));
    haystacks.emplace_back("stats report (en)", core::formatStatsReport(stats.value(), {wall.now(), wall.now(), core::ReportLanguage::English, request.zone}));
    const auto found = hits(canaries.all, haystacks);
    CHECK_MESSAGE(found.empty(), (found.empty() ? std::string() : found.front()));

    // Chosen options are content ids, which the log may name elsewhere (never as a field's value):
    // no event carries a field value, so no row has an option id as its item.
    SQLite::Database db(core::usageDatabasePath(state.path()).string(), SQLite::OPEN_READONLY);
    SQLite::Statement items(db, "SELECT COUNT(*) FROM events WHERE item = ?");
    for (const auto& option : chosenOptions) {
        items.bind(1, option);
        items.executeStep();
        CHECK_MESSAGE(items.getColumn(0).getInt() == 0, option);
        items.reset();
    }

    // The positive control: the same search, on a file with a canary in it, finds it.
    const std::string control = canaries.make(core::FlowField{});
    state.write("scratch.bin", "some bytes " + control + " more bytes");
    std::vector<std::pair<std::string, std::string>> scratch{{"scratch.bin", fileBytes(state.path() / "scratch.bin")}};
    CHECK(hits({control}, scratch).size() == 1);
}
