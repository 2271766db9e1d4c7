// A real nginx on 127.0.0.1 for the net tests (DESIGN.md §7: the real server, no mock): its own
// prefix folder with config, logs and document root, on a free port, stopped when it goes.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "../core/temp_dir.hpp"

namespace kiosk::test {

class NginxServer {
public:
    // `locations`: what goes inside nginx's server { } block, e.g. a location with dav_methods.
    // "{prefix}" in it is replaced by the server's folder (for auth files and the like).
    // `tls`: the port speaks https (`locations` then names ssl_certificate and ssl_certificate_key).
    explicit NginxServer(std::string locations, bool tls = false);
    ~NginxServer();
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    // The server gone and back on the same port: a kiosk's server that was down for a while.
    void stop();
    void start();

    std::string url(const std::string& path) const;  // "http://127.0.0.1:<port><path>" (https with tls)
    const std::filesystem::path& root() const { return m_root; }  // the document root
    const std::filesystem::path& prefix() const { return m_dir.path(); }
    // One line per request, "<method> <uri> <status>". nginx writes a line after it answered,
    // so right after a request its line may not be there yet: this waits (at most 5 s) until
    // `needle` occurs `atLeast` times.
    std::string accessLog(const std::string& needle = {}, int atLeast = 0) const;
    int port() const { return m_port; }

private:
    void writeConfig() const;
    bool startOnce();

    TempDir m_dir;
    std::filesystem::path m_root;
    std::string m_locations;
    bool m_tls = false;
    int m_port = 0;
    pid_t m_pid = -1;
};

// A whole file as text ("" when it cannot be read): what a server stored, a log, a fixture.
std::string readFile(const std::filesystem::path& file);

// deploy/nginx/kiosk-stats.conf as shipped (the WebDAV folder of stats uploads and heartbeats),
// with its root and password file moved into the test server's folder ({prefix}/www, {prefix}/users).
std::string shippedStatsConfig();

}  // namespace kiosk::test
