// Live updates of 帮办代办 for long polling: a wake-up signal after each committed change, the
// ephemeral "typing" flags (in memory, a few seconds), a cap on parked polls so they never take the
// whole thread pool, and shutdown() that answers every parked poll at once (SIGTERM stays prompt).
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <utility>

namespace dp {

class HelpHub {
public:
    static constexpr int kTypingSeconds = 5;

    // Parked polls allowed at once (beyond that wait() returns at once); at least 1.
    void set_max_waiters(int n);
    int max_waiters() const;

    // Something was committed (or typing changed): wake every parked poll to look again.
    void notify();

    // Parks until `ready()` is true, `seconds` passed, or shutdown. ready() is called with no lock
    // held after every wake-up (and first on entry). Returns ready()'s last value. When the cap of
    // parked polls is reached, or after shutdown, it does not park.
    bool wait(int seconds, const std::function<bool()>& ready);

    // side: "resident" or "agent". Typing expires kTypingSeconds after the last call.
    void set_typing(int64_t request_id, const char* side);
    bool is_typing(int64_t request_id, const char* side) const;

    void shutdown();  // wakes everything; later waits return at once
    bool stopping() const;
    int waiting() const;

private:
    using Clock = std::chrono::steady_clock;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    uint64_t generation_ = 0;
    int waiting_ = 0;
    int max_waiters_ = 16;
    bool stopping_ = false;
    std::map<std::pair<int64_t, int>, Clock::time_point> typing_;  // (request, side 0 resident / 1 agent) → until
};

}  // namespace dp
