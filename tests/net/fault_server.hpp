// The misbehaving file server of the net tests (tests/net/fault_server.py) as a child process:
// it serves a folder like nginx does, except for the requests its fault plan names (a connection
// broken off, a stall, a trickle, a wrong length, 500s, Range ignored). Stopped when it goes.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

#include "../core/temp_dir.hpp"

namespace kiosk::test {

class FaultServer {
public:
    // Serves `root` (which may be another server's document root) on a port the kernel picks.
    explicit FaultServer(std::filesystem::path root);
    ~FaultServer();
    FaultServer(const FaultServer&) = delete;
    FaultServer& operator=(const FaultServer&) = delete;

    std::string url(const std::string& path) const;  // "http://127.0.0.1:<port><path>"
    int port() const { return m_port; }

    // Replaces the fault plan; each rule is one JSON object as fault_server.py describes, e.g.
    // R"({"path": "/kiosk/index.json", "status": 500, "times": 2})". The "times" counts start
    // again with every call. No rules: everything is served plainly.
    void setPlan(const std::vector<std::string>& rules);

    // One line per request so far, "GET <path> range=<Range or -> inm=<If-None-Match or -> -> <status> fault=<kinds>".
    // Written before the server answers, so a request the client has finished with is always there.
    std::string requests() const;

private:
    void stop();

    TempDir m_dir;  // the plan, the request log, the server's stderr
    std::filesystem::path m_root;
    pid_t m_pid = -1;
    int m_portPipe = -1;  // the server's stdout, kept open so a late print cannot kill it (SIGPIPE)
    int m_port = 0;
    int m_generation = 0;
};

}  // namespace kiosk::test
