// Starting nginx as a child process in the foreground (daemon off, one process), so the test
// owns its lifetime and a crashed test leaves no server behind for long.
#include "nginx_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace kiosk::test {
namespace {

const char* const kNginx = "/usr/sbin/nginx";

// A port the kernel just handed out and took back: free unless something grabs it in between,
// which start() survives by trying another.
int freePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        if (fd >= 0) ::close(fd);
        throw std::runtime_error("no free port on 127.0.0.1");
    }
    ::close(fd);
    return ntohs(address.sin_port);
}

bool accepts(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    if (fd >= 0) ::close(fd);
    return ok;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
    return text;
}

std::string readAll(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

}  // namespace

NginxServer::NginxServer(std::string locations, bool tls) : m_root(m_dir.path() / "www"), m_locations(std::move(locations)), m_tls(tls) {
    if (::access(kNginx, X_OK) != 0) throw std::runtime_error("nginx is not installed (deploy/install-deps.sh installs nginx-light)");
    std::filesystem::create_directories(m_root);
    std::filesystem::create_directories(m_dir.path() / "temp");
    start();
}

NginxServer::~NginxServer() { stop(); }

void NginxServer::writeConfig() const {
    const std::string p = m_dir.path().string();
    std::ofstream out(m_dir.path() / "nginx.conf");
    // As root nginx would hand its work to "nobody", who cannot write into the test's folder.
    if (::geteuid() == 0) out << "user root root;\n";
    out << "daemon off;\nmaster_process off;\nworker_processes 1;\npid " << p << "/nginx.pid;\nerror_log " << p
        << "/error.log info;\nevents { worker_connections 64; }\nhttp {\n"
        << "  log_format short '$request_method $uri $status';\n  access_log " << p << "/access.log short;\n";
    for (const char* kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"}) {
        out << "  " << kind << "_temp_path " << p << "/temp/" << kind << ";\n";
    }
    out << "  server {\n    listen 127.0.0.1:" << m_port << (m_tls ? " ssl" : "") << ";\n    root " << m_root.string() << ";\n"
        << replaceAll(m_locations, "{prefix}", p) << "\n  }\n}\n";
}

bool NginxServer::startOnce() {
    writeConfig();
    const std::string prefix = m_dir.path().string() + "/";
    const std::string config = m_dir.path().string() + "/nginx.conf";
    const std::string errorLog = m_dir.path().string() + "/error.log";
    m_pid = ::fork();
    if (m_pid < 0) throw std::runtime_error("fork failed");
    if (m_pid == 0) {
        ::execl(kNginx, kNginx, "-p", prefix.c_str(), "-c", config.c_str(), "-e", errorLog.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
        int status = 0;
        if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {  // it gave up: the port was taken, or the config is wrong
            m_pid = -1;
            return false;
        }
        if (accepts(m_port)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    stop();
    return false;
}

void NginxServer::start() {
    if (m_pid > 0) return;
    const bool keepPort = m_port != 0;
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!keepPort) m_port = freePort();
        if (startOnce()) return;
    }
    throw std::runtime_error("nginx did not start; its log says:\n" + readAll(m_dir.path() / "error.log"));
}

void NginxServer::stop() {
    if (m_pid <= 0) return;
    ::kill(m_pid, SIGTERM);  // fast shutdown: open connections are closed, which is what a test wants
    int status = 0;
    ::waitpid(m_pid, &status, 0);
    m_pid = -1;
}

std::string NginxServer::url(const std::string& path) const {
    return (m_tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + std::to_string(m_port) + path;
}

std::string NginxServer::accessLog(const std::string& needle, int atLeast) const {
    const auto occurrences = [&needle](const std::string& text) {
        int n = 0;
        for (auto at = text.find(needle); !needle.empty() && at != std::string::npos; at = text.find(needle, at + 1)) ++n;
        return n;
    };
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    std::string log = readAll(m_dir.path() / "access.log");
    while (occurrences(log) < atLeast && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        log = readAll(m_dir.path() / "access.log");
    }
    return log;
}

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string shippedStatsConfig() {
    std::string config = readFile(std::filesystem::path(KIOSK_SOURCE_DIR) / "deploy/nginx/kiosk-stats.conf");
    const auto replace = [&config](const std::string& from, const std::string& to) {
        const auto at = config.find(from);
        if (at == std::string::npos) throw std::runtime_error("deploy/nginx/kiosk-stats.conf no longer has " + from);
        config.replace(at, from.size(), to);
    };
    replace("root /srv;", "root {prefix}/www;");
    replace("auth_basic_user_file /etc/nginx/kiosk-stats.users;", "auth_basic_user_file {prefix}/users;");
    return config;
}

}  // namespace kiosk::test
