#include "fault_run.hpp"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

namespace kiosk::test {
namespace {

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Whatever the sanitizer options of the test are, a preloaded library comes before the ASan
// runtime: ASan must be told that this is meant (it refuses to start otherwise).
std::string sanitizerOptions() {
    const char* options = std::getenv("ASAN_OPTIONS");
    return std::string(options && *options ? options : "") + (options && *options ? ":" : "") + "verify_asan_link_order=0";
}

}  // namespace

FaultRun runWithFault(const std::vector<std::string>& argv, const std::string& point, std::uint64_t at,
                      const std::filesystem::path& scratch, std::uint64_t* calls) {
    const auto countFile = scratch / "fault-count";
    const auto hitFile = scratch / "fault-hit";
    const auto outputFile = scratch / "fault-output";
    std::error_code ec;
    for (const auto& f : {countFile, hitFile, outputFile}) std::filesystem::remove(f, ec);
    const std::string preload = std::string(KIOSK_FAULT_AT_LIBRARY) + " " + KIOSK_FIU_POSIX_PRELOAD;
    const std::string asan = sanitizerOptions();

    const pid_t child = ::fork();
    if (child == 0) {
        const int out = ::open(outputFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (out < 0) ::_exit(126);
        ::dup2(out, 1);
        ::dup2(out, 2);
        ::setenv("KIOSK_FAULT_POINT", point.c_str(), 1);
        ::setenv("KIOSK_FAULT_AT", std::to_string(at).c_str(), 1);
        ::setenv("KIOSK_FAULT_COUNT", countFile.c_str(), 1);
        ::setenv("KIOSK_FAULT_HIT", hitFile.c_str(), 1);
        ::setenv("ASAN_OPTIONS", asan.c_str(), 1);
        ::setenv("SDL_VIDEODRIVER", "dummy", 1);
        // A run whose config could not be read falls back to the default state folder: in the
        // scratch folder, never the machine's own.
        ::setenv("HOME", scratch.c_str(), 1);
        ::setenv("XDG_STATE_HOME", (scratch / "xdg-state").c_str(), 1);
        ::setenv("LD_PRELOAD", preload.c_str(), 1);
        std::vector<char*> args;
        for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    FaultRun run;
    if (child < 0) return run;
    // A run that hangs is as wrong as one that crashes: a minute is far more than any takes.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    int status = 0;
    while (::waitpid(child, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(child, SIGKILL);
            ::waitpid(child, &status, 0);
            run.output = "(killed after 60 s)\n";
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    run.exited = WIFEXITED(status);
    run.code = run.exited ? WEXITSTATUS(status) : WTERMSIG(status);
    run.hit = std::filesystem::exists(hitFile);
    run.output += readAll(outputFile);
    if (calls) *calls = std::strtoull(readAll(countFile).c_str(), nullptr, 10);
    return run;
}

std::vector<std::uint64_t> faultPositions(std::uint64_t count, std::uint64_t budget) {
    if (const char* wanted = std::getenv("KIOSK_FAULT_BUDGET"); wanted && *wanted) budget = std::strtoull(wanted, nullptr, 10);
    std::vector<std::uint64_t> positions;
    if (budget == 1) budget = 2;  // the first call and the last: a spread needs both ends
    if (budget == 0 || count <= budget) {
        for (std::uint64_t n = 1; n <= count; ++n) positions.push_back(n);
        return positions;
    }
    for (std::uint64_t i = 0; i < budget; ++i) positions.push_back(1 + i * (count - 1) / (budget - 1));
    return positions;
}

std::string describe(const FaultRun& run) {
    std::string text = run.exited ? "exit code " + std::to_string(run.code) : "killed by signal " + std::to_string(run.code);
    text += run.hit ? ", the fault landed" : ", the fault did not land";
    return text + "; output:\n" + run.output;
}

}  // namespace kiosk::test
