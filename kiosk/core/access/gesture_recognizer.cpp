// How a contact becomes a gesture. The choices, and why:
// - One finger is a tap, a swipe or exploration, and which one stays open while it is short.
//   It starts exploring (Touch now, then after each tapSlop of travel) once it can no longer be
//   a tap (it rested, at tapMaxTime) or no longer a swipe (it moved, at swipeMaxTime). From then
//   on lifting it says nothing: whoever explored for a while and flicks at the end meant to explore.
// - A quick tap is held back for doubleTapGap, because it may be the first half of a double tap.
//   The second tap may land anywhere (a blind visitor cannot aim at the first one, and a double
//   tap activates the focus, not what is under it). If what follows is not a quick tap, the held
//   tap is spoken first (Touch at it), then what follows: no touch is swallowed, order is kept.
// - A finger that ends as neither tap nor swipe before it began exploring (a short slide, a
//   diagonal flick) is a Touch where it was lifted, for the same reason: silence would leave the
//   visitor guessing whether the screen noticed.
// - A second finger, any time while the first is down, turns the contact into a two-finger hold
//   attempt, measured from the second finger's down and from where both were then. Nothing a
//   single finger would do is reported from such a contact, whatever happens next.
// - A third finger (a palm, a leaning hand) spoils the contact: no hold, nothing until all are up.
// - Time boundaries belong to what comes after them: a tap lasts less than tapMaxTime, a swipe
//   less than swipeMaxTime, a second tap starts less than doubleTapGap after the first; at the
//   boundary itself poll() completes the timed gesture, so nextDeadline() and poll() agree.
#include "core/access/gesture_recognizer.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace kiosk::core {

namespace {

// SDL knows at most a handful of fingers; a bound keeps a flood of Downs without Ups from growing
// the list (their Ups, if any, are then unknown fingers and ignored).
constexpr std::size_t kMaxFingers = 10;

float distance(float fromX, float fromY, float toX, float toY) { return std::hypot(toX - fromX, toY - fromY); }

}  // namespace

GestureRecognizer::GestureRecognizer(GestureTuning tuning) : m_tuning(tuning) {}

void GestureRecognizer::reset() {
    m_fingers.clear();
    m_contact = Contact::None;
    m_pendingTap.reset();
}

std::vector<Gesture> GestureRecognizer::handle(const FingerEvent& event) {
    // What fell due before this event happened before it: a Move after the hold's deadline cannot
    // undo a complete hold, and a late Up without a poll in between cannot make a long press a tap.
    std::vector<Gesture> out = poll(event.at);
    switch (event.kind) {
        case FingerEvent::Kind::Down: fingerDown(event, out); break;
        case FingerEvent::Kind::Move: fingerMoved(event, out); break;
        case FingerEvent::Kind::Up: fingerUp(event, out); break;
    }
    return out;
}

std::vector<Gesture> GestureRecognizer::poll(TimePoint now) {
    std::vector<Gesture> out;
    if (m_pendingTap && !m_pendingTap->followed && now >= m_pendingTap->upAt + m_tuning.doubleTapGap) settlePendingTap(out);
    if (m_contact == Contact::OneFinger) {
        Finger& finger = m_fingers.front();
        if (!finger.exploring && now >= exploringFrom(finger)) beginExploring(finger, out);
    } else if (m_contact == Contact::TwoFingers && now >= m_holdFrom + m_tuning.twoFingerHold) {
        const Finger& first = m_fingers[0];
        const Finger& second = m_fingers[1];
        out.push_back({Gesture::Kind::TwoFingerHold, (first.x + second.x) / 2, (first.y + second.y) / 2});
        m_contact = Contact::Spent;  // once per contact: holding on must not toggle the mode back
    }
    return out;
}

std::optional<TimePoint> GestureRecognizer::nextDeadline() const {
    std::optional<TimePoint> next;
    const auto consider = [&next](TimePoint at) {
        if (!next || at < *next) next = at;
    };
    if (m_pendingTap && !m_pendingTap->followed) consider(m_pendingTap->upAt + m_tuning.doubleTapGap);
    if (m_contact == Contact::OneFinger && !m_fingers.front().exploring) consider(exploringFrom(m_fingers.front()));
    if (m_contact == Contact::TwoFingers) consider(m_holdFrom + m_tuning.twoFingerHold);
    return next;
}

void GestureRecognizer::fingerDown(const FingerEvent& event, std::vector<Gesture>& out) {
    // A Down for a finger that is down means its Up was lost (focus change, driver hiccup): its
    // old track is worthless, and guessing a tap or swipe from it would act on nothing real.
    if (findFinger(event.finger)) forgetFinger(event.finger, out);
    if (m_fingers.size() >= kMaxFingers) return;
    m_fingers.push_back({event.finger, event.x, event.y, event.at, event.x, event.y});
    if (m_fingers.size() == 1) {
        m_contact = Contact::OneFinger;
        if (m_pendingTap) m_pendingTap->followed = true;
    } else if (m_fingers.size() == 2 && m_contact == Contact::OneFinger) {
        m_contact = Contact::TwoFingers;
        m_holdFrom = event.at;
        for (Finger& finger : m_fingers) {
            finger.anchorX = finger.x;
            finger.anchorY = finger.y;
        }
        settlePendingTap(out);  // what follows the tap is no second tap
    } else {
        m_contact = Contact::Spent;
    }
}

void GestureRecognizer::fingerMoved(const FingerEvent& event, std::vector<Gesture>& out) {
    Finger* finger = findFinger(event.finger);
    if (!finger) return;  // a mouse moving with no button down, a finger we forgot
    finger->x = event.x;
    finger->y = event.y;
    finger->farthest = std::max(finger->farthest, distance(finger->downX, finger->downY, event.x, event.y));
    if (m_contact == Contact::OneFinger) {
        if (finger->exploring) {
            if (distance(finger->spokenX, finger->spokenY, finger->x, finger->y) > m_tuning.tapSlop) {
                finger->spokenX = finger->x;
                finger->spokenY = finger->y;
                out.push_back({Gesture::Kind::Touch, finger->x, finger->y});
            }
        } else if (finger->farthest >= m_tuning.tapSlop) {
            settlePendingTap(out);  // it can no longer be the second tap
        }
    } else if (m_contact == Contact::TwoFingers) {
        if (distance(finger->anchorX, finger->anchorY, finger->x, finger->y) >= 2 * m_tuning.tapSlop) m_contact = Contact::Spent;
    }
}

void GestureRecognizer::fingerUp(const FingerEvent& event, std::vector<Gesture>& out) {
    Finger* found = findFinger(event.finger);
    if (!found) return;
    Finger finger = *found;
    finger.x = event.x;
    finger.y = event.y;
    finger.farthest = std::max(finger.farthest, distance(finger.downX, finger.downY, event.x, event.y));
    std::erase_if(m_fingers, [&](const Finger& f) { return f.id == event.finger; });
    if (m_contact == Contact::OneFinger) {
        m_contact = Contact::None;
        oneFingerLifted(finger, event.at, out);
    } else if (m_fingers.empty()) {
        m_contact = Contact::None;
    } else if (m_contact == Contact::TwoFingers) {
        m_contact = Contact::Spent;  // one finger left early: no hold, and the other stays silent
    }
}

void GestureRecognizer::oneFingerLifted(const Finger& finger, TimePoint at, std::vector<Gesture>& out) {
    if (finger.exploring) return;
    if (at - finger.downAt < m_tuning.tapMaxTime && finger.farthest < m_tuning.tapSlop) {
        if (m_pendingTap) {
            m_pendingTap.reset();
            out.push_back({Gesture::Kind::DoubleTap, finger.x, finger.y});
        } else {
            m_pendingTap = PendingTap{finger.x, finger.y, at};
        }
        return;
    }
    settlePendingTap(out);
    const std::optional<Gesture::Kind> swipe = swipeOf(finger, at);
    out.push_back({swipe.value_or(Gesture::Kind::Touch), finger.x, finger.y});
}

void GestureRecognizer::forgetFinger(std::int64_t id, std::vector<Gesture>& out) {
    std::erase_if(m_fingers, [id](const Finger& f) { return f.id == id; });
    if (m_fingers.empty()) {
        m_contact = Contact::None;
        if (m_pendingTap && m_pendingTap->followed) settlePendingTap(out);  // the follow-up vanished
    } else {
        m_contact = Contact::Spent;
    }
}

void GestureRecognizer::beginExploring(Finger& finger, std::vector<Gesture>& out) {
    settlePendingTap(out);
    finger.exploring = true;
    finger.spokenX = finger.x;
    finger.spokenY = finger.y;
    out.push_back({Gesture::Kind::Touch, finger.x, finger.y});
}

void GestureRecognizer::settlePendingTap(std::vector<Gesture>& out) {
    if (!m_pendingTap) return;
    out.push_back({Gesture::Kind::Touch, m_pendingTap->x, m_pendingTap->y});
    m_pendingTap.reset();
}

std::optional<Gesture::Kind> GestureRecognizer::swipeOf(const Finger& finger, TimePoint liftedAt) const {
    if (liftedAt - finger.downAt >= m_tuning.swipeMaxTime) return std::nullopt;
    // Where it went, not how: a finger that went far and came back did not flick anywhere.
    const float dx = finger.x - finger.downX;
    const float dy = finger.y - finger.downY;
    const bool horizontal = std::abs(dx) >= std::abs(dy);
    const float major = horizontal ? std::abs(dx) : std::abs(dy);
    const float minor = horizontal ? std::abs(dy) : std::abs(dx);
    if (major < m_tuning.swipeMinDistance || major < 2 * minor) return std::nullopt;
    if (horizontal) return dx > 0 ? Gesture::Kind::SwipeRight : Gesture::Kind::SwipeLeft;
    return dy > 0 ? Gesture::Kind::SwipeDown : Gesture::Kind::SwipeUp;
}

TimePoint GestureRecognizer::exploringFrom(const Finger& finger) const {
    return finger.downAt + (finger.farthest < m_tuning.tapSlop ? m_tuning.tapMaxTime : m_tuning.swipeMaxTime);
}

GestureRecognizer::Finger* GestureRecognizer::findFinger(std::int64_t id) {
    const auto found = std::find_if(m_fingers.begin(), m_fingers.end(), [id](const Finger& f) { return f.id == id; });
    return found == m_fingers.end() ? nullptr : &*found;
}

}  // namespace kiosk::core
