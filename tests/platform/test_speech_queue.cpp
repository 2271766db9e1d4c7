// The speech queue, sample by sample, without espeak-ng or a device: the utterance heard changes
// exactly when the device takes the next one's first sample, stop drops everything at once, the
// volume scales the next buffer, the rate is taken with each utterance.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "platform/speech_queue.hpp"

using namespace kiosk;
using Queue = platform::SpeechQueue;

namespace {

std::vector<std::int16_t> sound(std::size_t count, std::int16_t value) { return std::vector<std::int16_t>(count, value); }

Queue::Job take(Queue& queue) {
    Queue::Job job;
    REQUIRE(queue.waitForJob(std::chrono::milliseconds(0), job) == Queue::Wake::Job);
    return job;
}

bool mustWait(Queue& queue) {
    Queue::Job job;
    return queue.waitForJob(std::chrono::milliseconds(0), job) == Queue::Wake::Timeout;
}

std::vector<std::int16_t> fill(Queue& queue, std::size_t count, std::size_t& soundSamples) {
    std::vector<std::int16_t> out(count, 12345);
    soundSamples = queue.fill(out);
    return out;
}

}  // namespace

TEST_CASE("speech queue: the utterance heard is the one whose sound the device takes, from its first sample on") {
    Queue queue;
    queue.setLookahead(50);
    queue.replace({{"Eins", "de", "a"}, {"Zwei", "de", "b"}});
    CHECK(queue.busy());
    CHECK(queue.currentId() == "a");  // before any sound: the one about to be heard

    const Queue::Job a = take(queue);
    CHECK(a.utterance.text == "Eins");
    CHECK(mustWait(queue));  // one utterance at a time: b waits while a is synthesised
    REQUIRE(queue.addSound(a, sound(60, 1000)));
    REQUIRE(queue.addSound(a, sound(40, 1000)));  // a second piece of the same utterance
    queue.finish(a);
    CHECK(mustWait(queue));  // 100 samples wait for the device, more than the lookahead of 50

    std::size_t heard = 0;
    fill(queue, 60, heard);
    CHECK(heard == 60);
    CHECK(queue.currentId() == "a");
    const Queue::Job b = take(queue);  // 40 left: below the lookahead, b is synthesised now
    CHECK(b.utterance.id == "b");
    REQUIRE(queue.addSound(b, sound(30, 2000)));
    queue.finish(b);
    CHECK(queue.currentId() == "a");  // b's sound waits behind a's

    // One device buffer across the boundary: a's last 40 samples, then b's first 10.
    const auto out = fill(queue, 50, heard);
    CHECK(heard == 50);
    CHECK(out[39] == 1000);
    CHECK(out[40] == 2000);
    CHECK(queue.currentId() == "b");
    CHECK(queue.samplesPlayed() == 110);

    // The rest of b, then silence: the buffer is padded with zeros and the queue is idle.
    const auto tail = fill(queue, 64, heard);
    CHECK(heard == 20);
    CHECK(tail[19] == 2000);
    CHECK(tail[20] == 0);
    CHECK(tail[63] == 0);
    CHECK_FALSE(queue.busy());
    CHECK(queue.currentId().empty());
    CHECK(queue.samplesPlayed() == 130);
}

TEST_CASE("speech queue: stop and speak drop what waits and what is queued at once, and refuse the old synthesis") {
    Queue queue;
    queue.replace({{"Eins", "de", "a"}, {"Zwei", "de", "b"}});
    const Queue::Job a = take(queue);
    REQUIRE(queue.addSound(a, sound(1000, 500)));

    queue.clear();
    CHECK_FALSE(queue.busy());
    CHECK(queue.currentId().empty());
    CHECK_FALSE(queue.addSound(a, sound(10, 500)));  // the worker's synthesis is told to stop
    std::size_t heard = 0;
    const auto out = fill(queue, 16, heard);
    CHECK(heard == 0);
    CHECK(out == std::vector<std::int16_t>(16, 0));
    queue.finish(a);  // late: changes nothing
    CHECK_FALSE(queue.busy());

    queue.append({{"Drei", "de", "c"}});
    const Queue::Job c = take(queue);
    REQUIRE(queue.addSound(c, sound(10, 7)));
    queue.replace({{"Vier", "de", "d"}});  // speak() is stop() and then these
    CHECK(queue.currentId() == "d");
    CHECK_FALSE(queue.addSound(c, sound(10, 7)));
    fill(queue, 16, heard);
    CHECK(heard == 0);
    CHECK(take(queue).utterance.id == "d");
}

TEST_CASE("speech queue: volume scales the very next buffer, rate goes with each utterance, nonsense is clamped or ignored") {
    Queue queue;
    queue.setLookahead(1);
    queue.setRate(1.5f);
    queue.replace({{"Eins", "de", "a"}, {"Zwei", "de", "b"}, {"Drei", "de", "c"}});
    const Queue::Job a = take(queue);
    CHECK(a.rate == 1.5f);
    queue.setRate(0.75f);  // a keeps its pace; the next utterance takes the new one
    REQUIRE(queue.addSound(a, sound(40, 1000)));
    queue.finish(a);

    std::size_t heard = 0;
    CHECK(fill(queue, 10, heard)[0] == 1000);
    queue.setVolume(0.5f);
    CHECK(fill(queue, 10, heard)[0] == 500);
    queue.setVolume(0.0f);
    CHECK(fill(queue, 10, heard) == std::vector<std::int16_t>(10, 0));
    CHECK(heard == 10);  // silent, but still the utterance's time
    queue.setVolume(7.0f);  // clamped to full loudness
    CHECK(fill(queue, 10, heard)[0] == 1000);
    queue.setVolume(std::numeric_limits<float>::quiet_NaN());  // ignored: the volume stays
    CHECK(queue.currentId() == "b");

    const Queue::Job b = take(queue);
    CHECK(b.rate == 0.75f);
    REQUIRE(queue.addSound(b, sound(10, 1000)));
    CHECK(fill(queue, 10, heard)[0] == 1000);
    queue.finish(b);
    queue.setRate(10.0f);
    CHECK(take(queue).rate == core::kMaxSpeechRate);
}

TEST_CASE("speech queue: empty and white-space texts are left out, the pace without a device discards sound, shutdown ends the worker") {
    Queue queue;
    queue.replace({{"", "de", "empty"}, {" \n\t", "de", "blank"}});
    CHECK_FALSE(queue.busy());
    CHECK(queue.currentId().empty());

    queue.replace({{"Eins", "de", "a"}});
    const Queue::Job a = take(queue);
    REQUIRE(queue.addSound(a, sound(100, 1)));
    queue.finish(a);
    CHECK(queue.discard(60) == 60);
    CHECK(queue.hasSound());
    CHECK(queue.discard(60) == 40);
    CHECK_FALSE(queue.hasSound());
    CHECK(queue.samplesPlayed() == 100);

    queue.shutdown();
    Queue::Job job;
    CHECK(queue.waitForJob(std::nullopt, job) == Queue::Wake::Shutdown);
    queue.replace({{"Zwei", "de", "b"}});  // nobody would take it: it must not count as speaking
    CHECK_FALSE(queue.busy());
}
