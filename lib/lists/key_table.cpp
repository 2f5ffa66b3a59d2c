#include "lists/key_table.hpp"

#include <cstring>
#include <functional>

namespace maplan::lists {

namespace {
constexpr std::size_t min_slots = 1024;

std::uint64_t hash_of(std::string_view key) {
    return std::hash<std::string_view>{}(key);
}

std::size_t slots_for(std::size_t n) {
    std::size_t want = min_slots;
    while (want < n * 2) want *= 2;  // load factor at most 1/2
    return want;
}
}  // namespace

// ---- KeyTable ----

std::size_t KeyTable::find_slot(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    const std::uint64_t tag = hash >> 32;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = slots_[i];
        if (slot == 0) return i;
        if ((slot >> 32) != tag) continue;
        const Entry& e = entries_[(slot & 0xffffffffu) - 1];
        // An empty key has no bytes to compare (and key.data() may be null: memcmp's arguments
        // must be valid pointers even for a length of 0).
        if (e.length == key.size() &&
            (key.empty() || std::memcmp(arena_.data() + e.offset, key.data(), key.size()) == 0))
            return i;
    }
}

void KeyTable::reserve(std::size_t n) {
    if (slots_for(n) > slots_.size()) rehash(slots_for(n));
    entries_.reserve(n);
}

void KeyTable::clear() {
    slots_ = ZeroArray<std::uint64_t>();
    entries_.clear();
    arena_.clear();
}

void KeyTable::rehash(std::size_t slot_count) {
    slots_ = ZeroArray<std::uint64_t>(slot_count);
    const std::size_t mask = slot_count - 1;
    for (std::size_t n = 0; n < entries_.size(); ++n) {
        const Entry& e = entries_[n];
        const std::uint64_t hash = hash_of(std::string_view(arena_.data() + e.offset, e.length));
        std::size_t i = hash & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = (hash >> 32) << 32 | (n + 1);
    }
}

std::pair<std::uint64_t*, bool> KeyTable::emplace(std::string_view key, std::uint64_t value) {
    if ((entries_.size() + 1) * 2 > slots_.size())
        rehash(slots_.empty() ? min_slots : slots_.size() * 2);
    const std::uint64_t hash = hash_of(key);
    const std::size_t i = find_slot(key, hash);
    if (slots_[i] != 0) return {&entries_[(slots_[i] & 0xffffffffu) - 1].value, false};
    entries_.push_back(Entry{arena_.size(), key.size(), value});
    arena_.append(key);
    slots_[i] = (hash >> 32) << 32 | entries_.size();
    return {&entries_.back().value, true};
}

const std::uint64_t* KeyTable::find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const std::uint64_t slot = slots_[find_slot(key, hash_of(key))];
    return slot == 0 ? nullptr : &entries_[(slot & 0xffffffffu) - 1].value;
}

// ---- HashTable ----

std::size_t HashTable::home(std::uint64_t key) const {
    // Fibonacci hashing: spreads keys whose low bits are poor over the whole table.
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 32) & (slots_.size() - 1);
}

void HashTable::reserve(std::size_t n) {
    if (slots_for(n) > slots_.size()) rehash(slots_for(n));
}

void HashTable::rehash(std::size_t slot_count) {
    ZeroArray<Slot> old = std::move(slots_);
    slots_ = ZeroArray<Slot>(slot_count);
    const std::size_t mask = slot_count - 1;
    for (std::size_t n = 0; n < old.size(); ++n) {
        const Slot& s = old[n];
        if (s.key == 0) continue;
        std::size_t i = home(s.key);
        while (slots_[i].key != 0) i = (i + 1) & mask;
        slots_[i] = s;
    }
}

const std::uint64_t* HashTable::find(std::uint64_t key) const {
    if (key == 0) return has_zero_ ? &zero_value_ : nullptr;
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
        const Slot& s = slots_[i];
        if (s.key == key) return &s.value;
        if (s.key == 0) return nullptr;
    }
}

void HashTable::clear() {
    slots_ = ZeroArray<Slot>();
    size_ = 0;
    has_zero_ = false;
    zero_value_ = 0;
}

std::pair<std::uint64_t, bool> HashTable::try_emplace(std::uint64_t key, std::uint64_t value) {
    if (key == 0) {
        if (has_zero_) return {zero_value_, false};
        has_zero_ = true;
        zero_value_ = value;
        ++size_;
        return {value, true};
    }
    if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? min_slots : slots_.size() * 2);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = home(key);; i = (i + 1) & mask) {
        Slot& s = slots_[i];
        if (s.key == key) return {s.value, false};
        if (s.key == 0) {
            s = Slot{key, value};
            ++size_;
            return {value, true};
        }
    }
}

}  // namespace maplan::lists
