// Opening clips as screens ask for them, and closing them when no screen does.
#include "platform/video_players.hpp"

#include <algorithm>
#include <cmath>

#include "core/util/log.hpp"

namespace kiosk::platform {

ui::VideoPlayback& PlatformVideoPlayers::playerFor(const std::string& key, const core::VideoBlock& block) {
    auto found = m_players.find(key);
    if (found == m_players.end()) {
        const auto resume = m_resumeAt.find(key);
        auto player = std::make_unique<VideoPlayer>(m_renderer, block, resume == m_resumeAt.end() ? 0.0 : resume->second, m_now,
                                                   m_withSound);
        // One clip is heard at a time: one that starts (or gets its sound) with sound pauses the
        // others that are heard; silent ones (a signer, a muted loop) go on beside it. Speech
        // already running holds it until it ends: the voices never talk over each other.
        player->onHeard([this](VideoPlayer& heard) {
            for (auto& [otherKey, other] : m_players) {
                if (other.player.get() != &heard && other.player->heard()) other.player->pause();
            }
            if (m_speaking) heard.hold(true);
        });
        found = m_players.emplace(key, Entry{std::move(player)}).first;
    }
    found->second.asked = true;
    return *found->second.player;
}

void PlatformVideoPlayers::setVolume(float volume) { m_volume = std::clamp(volume, 0.1f, 1.0f); }

void PlatformVideoPlayers::holdForSpeech(bool speaking) {
    if (speaking == m_speaking) return;
    m_speaking = speaking;
    for (auto& [key, entry] : m_players) entry.player->hold(speaking);
}

void PlatformVideoPlayers::forgetVisitor() {
    m_players.clear();
    m_resumeAt.clear();
    m_volume = 1.0f;
    m_subtitlesOn = true;
}

void PlatformVideoPlayers::afterFrame() {
    for (auto it = m_players.begin(); it != m_players.end();) {
        Entry& entry = it->second;
        if (entry.asked) {
            entry.asked = false;
            ++it;
            continue;
        }
        // Off screen: remember where it was (not where it ended: it starts anew), then close.
        // A clip resumed but not started again (Ready at its place) keeps its place too.
        const ui::VideoState state = entry.player->state();
        if (state != ui::VideoState::Ended && state != ui::VideoState::Failed && entry.player->position() > 0) {
            m_resumeAt[it->first] = entry.player->position();
        } else {
            m_resumeAt.erase(it->first);
        }
        it = m_players.erase(it);
    }
}

void PlatformVideoPlayers::update(core::TimePoint now) {
    m_now = now;
    for (auto& [key, entry] : m_players) {
        entry.player->update(now, m_volume);
        if (entry.player->state() == ui::VideoState::Failed && !entry.failureLogged) {
            entry.failureLogged = true;
            core::logWarning("video", "cannot play " + key + ": " + entry.player->failure());
        }
    }
}

bool PlatformVideoPlayers::watched() const {
    return std::any_of(m_players.begin(), m_players.end(), [](const auto& entry) { return entry.second.player->watched(); });
}

bool PlatformVideoPlayers::waitingForPictures() const {
    return std::any_of(m_players.begin(), m_players.end(), [](const auto& entry) { return entry.second.player->waitingForPicture(); });
}

std::uint64_t PlatformVideoPlayers::droppedFrames() const {
    std::uint64_t dropped = 0;
    for (const auto& [key, entry] : m_players) dropped += entry.player->droppedFrames();
    return dropped;
}

std::optional<int> PlatformVideoPlayers::millisecondsToNextPicture(core::TimePoint now) const {
    std::optional<double> soonest;
    for (const auto& [key, entry] : m_players) {
        if (auto due = entry.player->secondsToNextPicture(now)) soonest = std::min(soonest.value_or(*due), *due);
    }
    if (!soonest) return std::nullopt;
    return static_cast<int>(std::ceil(*soonest * 1000.0));
}

}  // namespace kiosk::platform
