#pragma once
// Exact hash tables for million-row passes over a workspace (import, audit, extract). A
// std::unordered_map of a million strings costs several times the memory and spends most of a
// pass in allocation and cache misses; these keep the probe array small enough for the CPU cache
// and touch key bytes only when a probe already matched 32 bits of the hash.
#include <fmt/format.h>
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/errors.hpp"

namespace maplan::lists {

/// A zero-filled array of trivially copyable T in its own anonymous mapping, with transparent huge
/// pages requested: a million-key probe array is tens of megabytes read at random, and with 4 KiB
/// pages nearly every probe also misses the TLB.
template <typename T>
class ZeroArray {
  public:
    ZeroArray() = default;
    explicit ZeroArray(std::size_t n);
    ~ZeroArray();
    ZeroArray(ZeroArray&& other) noexcept;
    ZeroArray& operator=(ZeroArray&& other) noexcept;
    ZeroArray(const ZeroArray&) = delete;
    ZeroArray& operator=(const ZeroArray&) = delete;
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }

  private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t bytes_ = 0;
};

template <typename T>
inline ZeroArray<T>::ZeroArray(std::size_t n) : size_(n) {
    static_assert(std::is_trivially_copyable_v<T>);
    constexpr std::size_t huge = std::size_t{2} << 20;
    bytes_ = (n * sizeof(T) + huge - 1) / huge * huge;
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        throw MaPlanError(
            {fmt::format("out of memory: cannot map {} bytes for the key table", bytes_),
             fmt::format("メモリが足りません: キー表の {} バイトを確保できません", bytes_)});
    }
    ::madvise(p, bytes_, MADV_HUGEPAGE);  // a hint: without THP it is ordinary memory
    data_ = static_cast<T*>(p);
}

template <typename T>
inline ZeroArray<T>::~ZeroArray() {
    if (data_ != nullptr) ::munmap(data_, bytes_);
}

template <typename T>
inline ZeroArray<T>::ZeroArray(ZeroArray&& other) noexcept
    : data_(other.data_), size_(other.size_), bytes_(other.bytes_) {
    other.data_ = nullptr;
    other.size_ = other.bytes_ = 0;
}

template <typename T>
inline ZeroArray<T>& ZeroArray<T>::operator=(ZeroArray&& other) noexcept {
    if (this != &other) {
        if (data_ != nullptr) ::munmap(data_, bytes_);
        data_ = other.data_;
        size_ = other.size_;
        bytes_ = other.bytes_;
        other.data_ = nullptr;
        other.size_ = other.bytes_ = 0;
    }
    return *this;
}

/// Map from strings to 64-bit values. Open addressing over 8-byte slots (32 bits of hash and an
/// entry number); entries and key bytes are appended in insertion order.
class KeyTable {
  public:
    /// The value stored for `key` and false, or `value` and true after inserting it.
    std::pair<std::uint64_t, bool> try_emplace(std::string_view key, std::uint64_t value) {
        auto [stored, inserted] = emplace(key, value);
        return {*stored, inserted};
    }
    /// Like try_emplace, but gives the stored value to update in place (valid until the next
    /// insertion).
    std::pair<std::uint64_t*, bool> emplace(std::string_view key, std::uint64_t value);
    /// The value stored for `key`, or nullptr.
    const std::uint64_t* find(std::string_view key) const;
    bool contains(std::string_view key) const { return find(key) != nullptr; }
    std::size_t size() const { return entries_.size(); }
    /// Sizes the table for `n` keys at once (no rehashing while it fills).
    void reserve(std::size_t n);
    void clear();

  private:
    struct Entry {
        std::uint64_t offset;  ///< of the key in arena_
        std::uint64_t length;
        std::uint64_t value;
    };
    /// Index of the slot holding `key`, or of the empty slot where it belongs.
    std::size_t find_slot(std::string_view key, std::uint64_t hash) const;
    void rehash(std::size_t slot_count);
    ZeroArray<std::uint64_t> slots_;  ///< 0 = empty, else (hash >> 32) << 32 | (entry + 1)
    std::vector<Entry> entries_;
    std::string arena_;
};

/// Map from 64-bit keys (hashes already) to 64-bit values: 16-byte slots, linear probing. Key 0
/// marks an empty slot, so a real key 0 is kept aside.
class HashTable {
  public:
    std::pair<std::uint64_t, bool> try_emplace(std::uint64_t key, std::uint64_t value);
    /// The value stored for `key`, or nullptr.
    const std::uint64_t* find(std::uint64_t key) const;
    std::size_t size() const { return size_; }
    void reserve(std::size_t n);
    void clear();

  private:
    struct Slot {
        std::uint64_t key = 0;
        std::uint64_t value = 0;
    };
    std::size_t home(std::uint64_t key) const;
    void rehash(std::size_t slot_count);
    ZeroArray<Slot> slots_;
    std::size_t size_ = 0;
    bool has_zero_ = false;
    std::uint64_t zero_value_ = 0;
};

}  // namespace maplan::lists
