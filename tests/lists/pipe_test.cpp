// The hand-over between the lists worker threads and the main thread (lib/lists/pipe.hpp): a
// failure on the worker, out of memory included, reaches the main thread as the same exception.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <thread>

#include "lists/pipe.hpp"

namespace {
struct Batch {
    int value = 0;
    void clear() { value = 0; }
};
}  // namespace

TEST_CASE("pipe: an exception on the worker thread is rethrown on the main thread") {
    maplan::lists::BatchPipe<Batch> pipe;
    std::thread worker([&] {
        try {
            auto batch = pipe.take_empty();
            batch->value = 1;
            pipe.put(std::move(batch));
            throw std::bad_alloc();
        } catch (...) {
            pipe.fail(std::current_exception());
        }
    });
    auto first = pipe.receive();  // what was sent before the failure still arrives, in order
    CHECK(first->value == 1);
    CHECK_THROWS_AS(pipe.receive(), std::bad_alloc);
    worker.join();
}

TEST_CASE("pipe: a failure on the main thread stops the worker instead of blocking it") {
    maplan::lists::BatchPipe<Batch> pipe(2);
    int sent = 0;
    std::thread worker([&] {
        for (auto batch = pipe.take_empty(); batch; batch = pipe.send(std::move(batch))) ++sent;
    });
    auto batch = pipe.receive();
    pipe.cancel();  // what StopReader / ~ContactStream do while an exception unwinds
    worker.join();  // returns: the worker saw nullptr
    CHECK(sent >= 1);
    CHECK(batch != nullptr);
}
