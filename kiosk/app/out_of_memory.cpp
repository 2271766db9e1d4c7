#include "app/out_of_memory.hpp"

#include <unistd.h>

#include <cstdlib>
#include <exception>
#include <new>

#include "app/exit_codes.hpp"

namespace kiosk::app {
namespace {

std::terminate_handler g_runtimeHandler = nullptr;

[[noreturn]] void onTerminate() {
    if (const std::exception_ptr thrown = std::current_exception()) {
        try {
            std::rethrow_exception(thrown);
        } catch (const std::bad_alloc&) {
            // No allocation from here on: write(2) a fixed text, then _exit (atexit handlers may allocate).
            static const char message[] = "kiosk: out of memory (close other programs or add memory, then try again)\n";
            if (::write(STDERR_FILENO, message, sizeof message - 1) < 0) {
                // stderr is gone: the exit code still says it
            }
            ::_exit(kExitFailure);
        } catch (...) {
        }
    }
    if (g_runtimeHandler) g_runtimeHandler();
    std::abort();
}

}  // namespace

void reportOutOfMemoryOnTerminate() { g_runtimeHandler = std::set_terminate(onTerminate); }

}  // namespace kiosk::app
