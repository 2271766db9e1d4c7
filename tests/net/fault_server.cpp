// Starting fault_server.py as a child process: python3 from PATH (stdlib only), its port read
// from the line it prints once it listens, so no other test can take the port in between.
#include "fault_server.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kiosk::test {
namespace {

const char* const kScript = KIOSK_SOURCE_DIR "/tests/net/fault_server.py";

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

// The first line the server prints, within `timeout`; empty if it printed none (it failed).
std::string readLine(int fd, std::chrono::milliseconds timeout) {
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (line.find('\n') == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return {};
        pollfd ready{fd, POLLIN, 0};
        if (::poll(&ready, 1, static_cast<int>(left.count())) <= 0) continue;
        char buffer[64];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0) return {};  // the server ended before it listened
        line.append(buffer, static_cast<std::size_t>(n));
    }
    return line.substr(0, line.find('\n'));
}

}  // namespace

FaultServer::FaultServer(std::filesystem::path root) : m_root(std::move(root)) {
    setPlan({});
    const std::string rootArg = m_root.string();
    const std::string plan = (m_dir.path() / "plan.json").string();
    const std::string log = (m_dir.path() / "requests.log").string();
    const std::string errors = (m_dir.path() / "stderr.txt").string();
    int out[2];
    if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        const int err = ::open(errors.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        ::dup2(out[1], STDOUT_FILENO);
        if (err >= 0) ::dup2(err, STDERR_FILENO);
        ::execlp("python3", "python3", kScript, "--root", rootArg.c_str(), "--plan", plan.c_str(), "--log", log.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(out[1]);
    m_portPipe = out[0];
    const std::string line = readLine(m_portPipe, std::chrono::seconds(10));
    if (line.rfind("port ", 0) == 0) m_port = std::stoi(line.substr(5));
    if (m_port <= 0) {
        const std::string why = readAll(errors);
        stop();
        throw std::runtime_error("the fault server did not start (python3 " + std::string(kScript) + "): " + why);
    }
}

FaultServer::~FaultServer() { stop(); }

void FaultServer::stop() {
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);  // Python ends at once; stalled answers are daemon threads
        int status = 0;
        ::waitpid(m_pid, &status, 0);
        m_pid = -1;
    }
    if (m_portPipe >= 0) ::close(m_portPipe);
    m_portPipe = -1;
}

std::string FaultServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(m_port) + path; }

void FaultServer::setPlan(const std::vector<std::string>& rules) {
    std::string json = "{\"generation\": " + std::to_string(++m_generation) + ", \"rules\": [";
    for (std::size_t i = 0; i < rules.size(); ++i) json += (i ? ", " : "") + rules[i];
    json += "]}\n";
    // Written aside and renamed: the server reads the plan on every request, never half of one.
    const auto file = m_dir.path() / "plan.json";
    const auto next = m_dir.path() / "plan.json.next";
    {
        std::ofstream out(next, std::ios::trunc);
        out << json;
        if (!out) throw std::runtime_error("cannot write " + next.string());
    }
    std::filesystem::rename(next, file);
}

std::string FaultServer::requests() const { return readAll(m_dir.path() / "requests.log"); }

}  // namespace kiosk::test
