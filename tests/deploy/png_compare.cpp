// Compares a screenshot with reference pictures for the deploy tests: prints how much each differs,
// with the golden tests' tolerance rule (tests/ui/image_compare.hpp), and says which is closest.
//
//   png_compare [--tolerance N] [--max-differing PERCENT] ACTUAL REFERENCE...
//
// Exit code 0: the closest reference has the same size and at most PERCENT of its pixels differ by
// more than N levels in a channel; 1: none is that close; 2: wrong arguments or a file that cannot
// be read. One line per reference, then "closest: FILE", so a failing test shows the numbers.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include <SDL.h>
#include <SDL_image.h>

#include "../ui/image_compare.hpp"

namespace {

struct Options {
    int tolerance = 16;
    double maxDifferingPercent = 1.0;
    std::string actual;
    std::vector<std::string> references;
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--tolerance" && i + 1 < argc) {
            options.tolerance = std::atoi(argv[++i]);
        } else if (arg == "--max-differing" && i + 1 < argc) {
            options.maxDifferingPercent = std::atof(argv[++i]);
        } else if (!arg.empty() && arg[0] == '-') {
            return false;
        } else if (options.actual.empty()) {
            options.actual = arg;
        } else {
            options.references.push_back(arg);
        }
    }
    return !options.actual.empty() && !options.references.empty() && options.tolerance >= 0;
}

struct SurfaceDeleter {
    void operator()(SDL_Surface* s) const { SDL_FreeSurface(s); }
};
using Surface = std::unique_ptr<SDL_Surface, SurfaceDeleter>;

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (!parse(argc, argv, options)) {
        std::fprintf(stderr, "usage: png_compare [--tolerance N] [--max-differing PERCENT] ACTUAL REFERENCE...\n");
        return 2;
    }
    Surface actual(IMG_Load(options.actual.c_str()));
    if (!actual) {
        std::fprintf(stderr, "png_compare: cannot read %s: %s\n", options.actual.c_str(), IMG_GetError());
        return 2;
    }
    std::printf("%s: %dx%d\n", options.actual.c_str(), actual->w, actual->h);

    double best = 101.0;
    std::string bestName;
    for (const std::string& name : options.references) {
        Surface reference(IMG_Load(name.c_str()));
        if (!reference) {
            std::fprintf(stderr, "png_compare: cannot read %s: %s\n", name.c_str(), IMG_GetError());
            return 2;
        }
        const kiosk::test::ImageDifference difference =
            kiosk::test::compareImages(actual.get(), reference.get(), options.tolerance, nullptr);
        if (!difference.sameSize) {
            std::printf("  %s: %dx%d, not the same size\n", name.c_str(), reference->w, reference->h);
            continue;
        }
        const double percent = 100.0 * difference.fraction();
        std::printf("  %s: %ld of %ld pixels (%.3f %%) differ by more than %d\n", name.c_str(), difference.differingPixels,
                    difference.totalPixels, percent, options.tolerance);
        if (percent < best) {
            best = percent;
            bestName = name;
        }
    }
    if (bestName.empty()) {
        std::printf("closest: none (no reference has the same size)\n");
        return 1;
    }
    std::printf("closest: %s (%.3f %%, at most %.3f %% allowed)\n", bestName.c_str(), best, options.maxDifferingPercent);
    return best <= options.maxDifferingPercent ? 0 : 1;
}
