// The transport over https against a real nginx with a certificate made for the test: the
// certificate is checked (a server the kiosk has no reason to trust is refused), a hub's own
// authority can be named, and a pinned key refuses any other, even a trusted one.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "../core/temp_dir.hpp"
#include "net/curl_transport.hpp"
#include "nginx_server.hpp"

using namespace kiosk;

namespace {

std::string readFile(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::stringstream out;
    out << in.rdbuf();
    return out.str();
}

// A self-signed certificate for 127.0.0.1 (openssl, from deploy/install-deps.sh), and the pin of
// its key as curl wants it: sha256// and the base64 of the key's DER form's sha256.
struct Certificate {
    test::TempDir dir;
    std::filesystem::path cert = dir.path() / "cert.pem";
    std::filesystem::path key = dir.path() / "key.pem";
    std::string pin;

    explicit Certificate(const char* name) {
        const std::string make = "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=" + std::string(name) +
                                 " -addext subjectAltName=IP:127.0.0.1 -keyout '" + key.string() + "' -out '" + cert.string() + "' 2>/dev/null";
        REQUIRE(std::system(make.c_str()) == 0);
        const std::string pinFile = (dir.path() / "pin").string();
        const std::string hash = "openssl x509 -in '" + cert.string() + "' -pubkey -noout | openssl pkey -pubin -outform der 2>/dev/null | " +
                                 "openssl dgst -sha256 -binary | base64 > '" + pinFile + "'";
        REQUIRE(std::system(hash.c_str()) == 0);
        pin = "sha256//" + readFile(pinFile);
        while (!pin.empty() && (pin.back() == '\n' || pin.back() == '\r')) pin.pop_back();
    }
};

long fetchStatus(const std::string& url, const net::TransportOptions& options, std::string* error = nullptr) {
    net::CurlTransport transport(options);
    auto response = transport.get({url, 4096, {}, 0}, [](std::string_view) { return true; });
    if (!response) {
        if (error) *error = response.error().describe();
        return -1;
    }
    return response.value().status;
}

}  // namespace

TEST_CASE("tls: the server's certificate is checked, a hub's own authority can be trusted, and a pin refuses any other key") {
    const Certificate served("kiosk-test-server");
    const Certificate other("someone-else");
    test::NginxServer server("ssl_certificate " + served.cert.string() + ";\n    ssl_certificate_key " + served.key.string() +
                                 ";\n    location /kiosk/ { }",
                             true);
    std::filesystem::create_directories(server.root() / "kiosk");
    std::ofstream(server.root() / "kiosk" / "index.json") << "{}";
    const std::string url = server.url("/kiosk/index.json");
    REQUIRE(url.rfind("https://", 0) == 0);

    std::string error;
    CHECK(fetchStatus(url, {}, &error) == -1);  // self-signed: not trusted by the system
    CHECK_MESSAGE(error.find("the server's certificate was refused") != std::string::npos, error);

    net::TransportOptions ownAuthority;
    ownAuthority.caFile = served.cert;
    CHECK(fetchStatus(url, ownAuthority) == 200);

    net::TransportOptions pinned = ownAuthority;
    pinned.pinnedPublicKey = served.pin;
    CHECK(fetchStatus(url, pinned) == 200);
    pinned.pinnedPublicKey = other.pin;  // a trusted certificate, but not the pinned key
    CHECK(fetchStatus(url, pinned, &error) == -1);
    CHECK_MESSAGE(error.find("pinned") != std::string::npos, error);

    net::TransportOptions wrongAuthority;
    wrongAuthority.caFile = other.cert;
    CHECK(fetchStatus(url, wrongAuthority) == -1);
}

TEST_CASE("tls: plain http is refused unless the server is this machine") {
    std::string error;
    CHECK(fetchStatus("http://content.hub.example/kiosk/index.json", {}, &error) == -1);
    CHECK(error.find("plain http:// is only for this machine") != std::string::npos);
    CHECK(fetchStatus("ftp://127.0.0.1/index.json", {}, &error) == -1);
    CHECK(error.find("not an https:// URL") != std::string::npos);
}
