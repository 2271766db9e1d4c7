// libqrencode does the encoding (ISO/IEC 18004); this file only copies its modules out.
#include "ui/blocks/qr_matrix.hpp"

#include <memory>

#include <qrencode.h>

namespace kiosk::ui {

std::optional<QrMatrix> encodeQr(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const std::string terminated(text);  // libqrencode wants a C string
    // Version 0: the smallest code that holds the text. Case-sensitive: paths of URLs can be.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(terminated.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code) return std::nullopt;
    QrMatrix matrix;
    matrix.size = code->width;
    const auto modules = static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width);
    matrix.dark.resize(modules);
    // Bit 0 of each byte is the module's colour; the other bits say what kind of module it is.
    for (std::size_t i = 0; i < modules; ++i) matrix.dark[i] = code->data[i] & 1u;
    return matrix;
}

const std::optional<QrMatrix>& QrCodeCache::get(const std::string& text) {
    auto it = m_codes.find(text);
    if (it == m_codes.end()) it = m_codes.emplace(text, encodeQr(text)).first;
    return it->second;
}

}  // namespace kiosk::ui
