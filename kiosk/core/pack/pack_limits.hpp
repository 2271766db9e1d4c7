// The limits every pack is held to, checked before anything is decoded or shown (content/FORMAT.md, "Limits").
#pragma once

#include <cstddef>
#include <cstdint>

namespace kiosk::core::limits {

// The whole pack: generous for real content, small enough that a hostile pack cannot fill the disk
// or make loading take minutes.
inline constexpr std::uintmax_t kPackBytes = 200ull * 1024 * 1024;
inline constexpr std::size_t kPackFiles = 20'000;
inline constexpr int kFolderDepth = 8;
inline constexpr int kTomlNesting = 8;

// Pictures. Decoding a 4096 × 4096 RGBA image takes 64 MiB; more would not look sharper on any screen.
inline constexpr std::uintmax_t kImageBytes = 10ull * 1024 * 1024;
inline constexpr std::uintmax_t kSvgBytes = 1024 * 1024;
inline constexpr int kImageSide = 4096;

// Clips (video_check.hpp). A kiosk PC or a Raspberry Pi 5 decodes 1080p H.264 or VP9 in software;
// more pixels or bits would drop frames there and gain nothing on a 24" to 55" screen. Ten minutes
// is longer than any explainer a visitor watches standing; with 8 Mbit/s a clip stays under the
// pack's 200 MiB.
inline constexpr int kVideoWidth = 1920;
inline constexpr int kVideoHeight = 1080;
inline constexpr double kVideoSeconds = 10 * 60;
inline constexpr double kVideoBitsPerSecond = 8'000'000;
// A WebVTT file of a ten-minute clip is a few dozen KiB; more is not subtitles.
inline constexpr std::uintmax_t kSubtitleBytes = 512 * 1024;
inline constexpr std::size_t kSubtitleCueChars = 200;

// A word longer than this cannot wrap and would overflow the narrowest block it may appear in
// (a fact tile at 1280 × 720).
inline constexpr std::size_t kWordChars = 26;
inline constexpr int kListNesting = 2;

// Characters (code points) per text, by the place the text is shown.
inline constexpr std::size_t kPackTitle = 60;
inline constexpr std::size_t kPackDescription = 140;
inline constexpr std::size_t kTitle = 80;  // page, flow, step, summary and result titles
inline constexpr std::size_t kHeading = 100;
inline constexpr std::size_t kRichText = 3000;
inline constexpr std::size_t kButtonLabel = 48;
inline constexpr std::size_t kAlt = 300;
inline constexpr std::size_t kCaption = 200;
inline constexpr std::size_t kAudioDescription = 1000;  // a video's spoken description of what it shows
inline constexpr std::size_t kFactValue = 12;
inline constexpr std::size_t kShortLabel = 80;  // fact, field, option, event title, contact name
inline constexpr std::size_t kQuestion = 200;
inline constexpr std::size_t kAnswer = 120;
inline constexpr std::size_t kParagraph = 300;  // feedback, step text, compare text, event description
inline constexpr std::size_t kNote = 200;       // field help, error, example; event place; opening hours; QR label
inline constexpr std::size_t kUrl = 200;
inline constexpr std::size_t kFieldLength = 200;

}  // namespace kiosk::core::limits
