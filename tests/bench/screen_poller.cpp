// Watches what an X screen shows, for tests/bench/reference_run.sh (issue 9, item 8): grabs the root
// window every few milliseconds, hashes each picture and writes "wall-clock-ns hash" lines, so the
// script can tell when a subject's screen became what it finally settled on, the same way for a
// browser, the kiosk and a minimal app. MIT-SHM when the server has it (Xvfb does): a 1080p grab is
// then a copy inside shared memory instead of 8 MB through the socket, so polling disturbs the
// subject less and the figures are finer.
//
//   bench_screen_poller OUT_FILE SECONDS [INTERVAL_MS]   (DISPLAY names the screen)
// Touches OUT_FILE.ready after the first grab: start the subject only then. Times are
// CLOCK_REALTIME, comparable with `date +%s%N` in the script.
#include <sys/ipc.h>
#include <sys/shm.h>

#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

namespace {

std::int64_t wallNanoseconds() {
    timespec now{};
    clock_gettime(CLOCK_REALTIME, &now);
    return static_cast<std::int64_t>(now.tv_sec) * 1000000000 + now.tv_nsec;
}

// FNV-1a over 64-bit words: any changed pixel changes it; fast enough for 8 MB in about a millisecond.
std::uint64_t hashPixels(const XImage& image) {
    std::uint64_t hash = 1469598103934665603ull;
    const auto rowBytes = static_cast<std::size_t>(image.bytes_per_line);
    for (int y = 0; y < image.height; ++y) {
        const char* row = image.data + static_cast<std::size_t>(y) * rowBytes;
        const std::size_t words = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.bits_per_pixel / 8) / 8;
        for (std::size_t i = 0; i < words; ++i) {
            std::uint64_t word;
            std::memcpy(&word, row + i * 8, 8);
            hash = (hash ^ word) * 1099511628211ull;
        }
    }
    return hash;
}

struct Sample {
    std::int64_t ns;
    std::uint64_t hash;
};

// One way to grab the root window: shared memory if the server offers it, else XGetImage.
class RootGrabber {
public:
    explicit RootGrabber(Display* display) : m_display(display), m_root(DefaultRootWindow(display)) {
        XWindowAttributes attributes{};
        XGetWindowAttributes(display, m_root, &attributes);
        m_width = attributes.width;
        m_height = attributes.height;
        if (XShmQueryExtension(display)) {
            m_image = XShmCreateImage(display, attributes.visual, static_cast<unsigned>(attributes.depth), ZPixmap, nullptr,
                                      &m_shm, static_cast<unsigned>(m_width), static_cast<unsigned>(m_height));
            if (m_image != nullptr) {
                m_shm.shmid = shmget(IPC_PRIVATE, static_cast<std::size_t>(m_image->bytes_per_line) * static_cast<std::size_t>(m_height),
                                     IPC_CREAT | 0600);
                m_shm.shmaddr = m_image->data = static_cast<char*>(shmat(m_shm.shmid, nullptr, 0));
                m_shm.readOnly = False;
                XShmAttach(display, &m_shm);
                XSync(display, False);
                shmctl(m_shm.shmid, IPC_RMID, nullptr);  // freed by the kernel when both sides detach, even on a crash
            }
        }
    }
    ~RootGrabber() {
        if (m_image == nullptr) return;
        XShmDetach(m_display, &m_shm);
        shmdt(m_shm.shmaddr);
        m_image->data = nullptr;
        XDestroyImage(m_image);
    }
    RootGrabber(const RootGrabber&) = delete;
    RootGrabber& operator=(const RootGrabber&) = delete;

    bool usesSharedMemory() const { return m_image != nullptr; }

    std::uint64_t grabAndHash() {
        if (m_image != nullptr) {
            XShmGetImage(m_display, m_root, m_image, 0, 0, AllPlanes);
            return hashPixels(*m_image);
        }
        XImage* image = XGetImage(m_display, m_root, 0, 0, static_cast<unsigned>(m_width), static_cast<unsigned>(m_height), AllPlanes, ZPixmap);
        const std::uint64_t hash = image != nullptr ? hashPixels(*image) : 0;
        if (image != nullptr) XDestroyImage(image);
        return hash;
    }

private:
    Display* m_display;
    Window m_root;
    int m_width = 0;
    int m_height = 0;
    XShmSegmentInfo m_shm{};
    XImage* m_image = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_screen_poller OUT_FILE SECONDS [INTERVAL_MS]   (DISPLAY names the screen)\n");
        return 2;
    }
    const std::string outPath = argv[1];
    const double seconds = std::atof(argv[2]);
    const long intervalMs = argc > 3 ? std::atol(argv[3]) : 5;
    if (seconds <= 0 || intervalMs < 0) {
        std::fprintf(stderr, "bench_screen_poller: SECONDS must be over 0 and INTERVAL_MS at least 0\n");
        return 2;
    }
    Display* display = XOpenDisplay(nullptr);
    if (display == nullptr) {
        std::fprintf(stderr, "bench_screen_poller: cannot open the display '%s'\n", std::getenv("DISPLAY") ? std::getenv("DISPLAY") : "");
        return 1;
    }
    std::vector<Sample> samples;
    samples.reserve(static_cast<std::size_t>(seconds * 1000.0 / static_cast<double>(std::max(intervalMs, 1L))) + 16);
    {
        RootGrabber grabber(display);
        samples.push_back({wallNanoseconds(), grabber.grabAndHash()});
        if (std::FILE* ready = std::fopen((outPath + ".ready").c_str(), "w")) std::fclose(ready);
        const std::int64_t end = samples.front().ns + static_cast<std::int64_t>(seconds * 1e9);
        const timespec pause{0, intervalMs * 1000000};
        while (samples.back().ns < end) {
            if (intervalMs > 0) nanosleep(&pause, nullptr);
            // The time is taken before the grab: the picture is at least as new as that moment.
            const std::int64_t ns = wallNanoseconds();
            samples.push_back({ns, grabber.grabAndHash()});
        }
        std::fprintf(stderr, "bench_screen_poller: %zu grabs (%s)\n", samples.size(), grabber.usesSharedMemory() ? "MIT-SHM" : "XGetImage");
    }
    XCloseDisplay(display);
    std::FILE* out = std::fopen(outPath.c_str(), "w");
    if (out == nullptr) {
        std::fprintf(stderr, "bench_screen_poller: cannot write %s\n", outPath.c_str());
        return 1;
    }
    for (const Sample& sample : samples) std::fprintf(out, "%lld %016llx\n", static_cast<long long>(sample.ns), static_cast<unsigned long long>(sample.hash));
    return std::fclose(out) == 0 ? 0 : 1;
}
