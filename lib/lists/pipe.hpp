#pragma once
// A bounded hand-over of batches from one producer thread to one consumer: a few batches in
// flight, recycled rather than reallocated. Import (reading the file while writing to SQLite) and
// the audit/extract scan (reading SQLite while deciding and writing) split their work this way
// across two cores.
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <vector>

namespace maplan::lists {

template <typename Batch>
class BatchPipe {
  public:
    explicit BatchPipe(int batches = 4) {
        for (int i = 0; i < batches; ++i) empty_.push_back(std::make_unique<Batch>());
    }
    /// Producer: an empty batch to fill, or nullptr once the consumer has given up.
    std::unique_ptr<Batch> take_empty() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return cancelled_ || !empty_.empty(); });
        if (cancelled_) return nullptr;
        auto b = std::move(empty_.back());
        empty_.pop_back();
        b->clear();
        return b;
    }
    /// Producer: hands a filled batch over.
    void put(std::unique_ptr<Batch> batch) {
        {
            std::lock_guard lock(mutex_);
            full_.push_back(std::move(batch));
        }
        changed_.notify_all();
    }
    /// Producer: hands a filled batch over and returns the next empty one (as take_empty).
    std::unique_ptr<Batch> send(std::unique_ptr<Batch> batch) {
        put(std::move(batch));
        return take_empty();
    }
    /// Producer: the work failed; the consumer's receive() rethrows `error`.
    void fail(std::exception_ptr error) {
        {
            std::lock_guard lock(mutex_);
            error_ = std::move(error);
        }
        changed_.notify_all();
    }
    /// Consumer: the next filled batch, in order; rethrows the producer's error.
    std::unique_ptr<Batch> receive() {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return error_ || !full_.empty(); });
        if (full_.empty()) std::rethrow_exception(error_);
        auto b = std::move(full_.front());
        full_.pop_front();
        return b;
    }
    /// Consumer: gives a batch back for refilling.
    void recycle(std::unique_ptr<Batch> batch) {
        {
            std::lock_guard lock(mutex_);
            empty_.push_back(std::move(batch));
        }
        changed_.notify_all();
    }
    /// Consumer: stop the producer (it sees nullptr from take_empty / send).
    void cancel() {
        {
            std::lock_guard lock(mutex_);
            cancelled_ = true;
        }
        changed_.notify_all();
    }

  private:
    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<Batch>> empty_;
    std::deque<std::unique_ptr<Batch>> full_;
    std::exception_ptr error_;
    bool cancelled_ = false;
};

}  // namespace maplan::lists
