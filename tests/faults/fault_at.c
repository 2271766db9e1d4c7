/* Fails one chosen call of one libc function in the process it is preloaded into, so a test can
 * walk a fault through every write, fsync, rename or allocation a command makes, one run each.
 * libfiu's POSIX preload (fiu_posix_preload.so, Debian's libfiu0) wraps the libc functions and
 * asks libfiu before each call; this library answers it through libfiu's external callback.
 *
 * The environment says what to do:
 *   KIOSK_FAULT_POINT  libfiu's name of the function, e.g. posix/io/sync/fsync or libc/mm/malloc
 *   KIOSK_FAULT_AT     fail the Nth call (from 1); 0: fail nothing, only count
 *   KIOSK_FAULT_ERRNO  the errno the failed call sets (default EIO; malloc's is always ENOMEM)
 *   KIOSK_FAULT_COUNT  a file that gets the number of calls seen when the process exits
 *   KIOSK_FAULT_HIT    a file created when the fault fired, so a test knows it landed
 *
 * Calls are counted from main() on: what the dynamic loader and static constructors allocate
 * before it is not the program's to handle (a bad_alloc there cannot be caught).
 *
 * LD_PRELOAD order: this library, then fiu_posix_preload.so (tests/faults/CMakeLists.txt). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fiu-control.h>
#include <fiu.h>

static unsigned long g_failAt;
static unsigned long g_calls; /* atomically: threads call too */
static const char* g_countFile;
static const char* g_hitFile;
static intptr_t g_errno = EIO;
static int g_inMain;

/* Called by libfiu inside the wrapped function: no allocation here (malloc may be the point). */
static int decide(const char* name, int* failnum, void** failinfo, unsigned int* flags) {
    (void)name;
    (void)flags;
    if (!__atomic_load_n(&g_inMain, __ATOMIC_RELAXED)) return 0;
    const unsigned long call = __atomic_add_fetch(&g_calls, 1, __ATOMIC_RELAXED);
    if (g_failAt == 0 || call != g_failAt) return 0;
    *failnum = 1;
    *failinfo = (void*)g_errno;
    if (g_hitFile) {
        const int fd = open(g_hitFile, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) close(fd);
    }
    return 1;
}

static void writeCount(void) {
    if (!g_countFile) return;
    const int fd = open(g_countFile, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return;
    char text[32];
    const int n = snprintf(text, sizeof text, "%lu\n", __atomic_load_n(&g_calls, __ATOMIC_RELAXED));
    if (n > 0 && write(fd, text, (size_t)n) != n) { /* nothing to be done at exit */ }
    close(fd);
}

__attribute__((constructor)) static void setUp(void) {
    const char* point = getenv("KIOSK_FAULT_POINT");
    if (!point || !*point) return;
    const char* at = getenv("KIOSK_FAULT_AT");
    const char* err = getenv("KIOSK_FAULT_ERRNO");
    g_failAt = at ? strtoul(at, NULL, 10) : 0;
    if (err && *err) g_errno = strtol(err, NULL, 10);
    g_countFile = getenv("KIOSK_FAULT_COUNT");
    g_hitFile = getenv("KIOSK_FAULT_HIT");
    /* Children (a forked helper, an exec'd restart) count and fail on their own otherwise. */
    unsetenv("LD_PRELOAD");
    fiu_init(0);
    if (fiu_enable_external(point, 1, NULL, 0, decide) != 0) {
        static const char message[] = "fault_at: libfiu refused the failure point\n";
        if (write(2, message, sizeof message - 1) < 0) { /* stderr gone: nothing to report to */ }
        _exit(125);
    }
    atexit(writeCount);
}

/* glibc runs the program's constructors and then main from __libc_start_main: wrapping main
 * there starts the count exactly at main. */
typedef int (*MainFunction)(int, char**, char**);
static MainFunction g_main;

static int countedMain(int argc, char** argv, char** envp) {
    __atomic_store_n(&g_inMain, 1, __ATOMIC_RELAXED);
    return g_main(argc, argv, envp);
}

int __libc_start_main(MainFunction main, int argc, char** argv, void (*init)(void), void (*fini)(void), void (*rtldFini)(void),
                      void* stackEnd) {
    typedef int (*StartMain)(MainFunction, int, char**, void (*)(void), void (*)(void), void (*)(void), void*);
    const StartMain real = (StartMain)dlsym(RTLD_NEXT, "__libc_start_main");
    g_main = main;
    return real(countedMain, argc, argv, init, fini, rtldFini, stackEnd);
}
