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
        // One clip speaks at a time: starting one pauses the others that are heard. Silent
        // (autoplaying) clips may go on beside it.
        player->onStart([this](VideoPlayer& started) {
            for (auto& [otherKey, other] : m_players) {
                if (other.player.get() != &started && other.player->soundOn()) other.player->pause();
            }
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
        const ui::VideoState state = entry.player->state();
        if (state == ui::VideoState::Playing || state == ui::VideoState::Paused) {
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
