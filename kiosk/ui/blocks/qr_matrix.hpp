// QR codes as a matrix of modules, made with libqrencode: what the QR block draws.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct QrMatrix {
    int size = 0;                  // modules per side: 21 for version 1, 4 more per version
    std::vector<std::uint8_t> dark;  // row by row, 1 = dark module

    bool isDark(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// Medium error correction (15 %): survives glare and a smudge on the screen. Empty when the text
// cannot be encoded (empty, or too long for the largest code).
std::optional<QrMatrix> encodeQr(std::string_view text);

// Encoding costs far more than drawing; each URL is encoded once.
class QrCodeCache {
public:
    const std::optional<QrMatrix>& get(const std::string& text);

private:
    std::map<std::string, std::optional<QrMatrix>, std::less<>> m_codes;
};

}  // namespace kiosk::ui
