// The 4-ary heap operations behind EventQueue.
//
// A 4-ary heap is shallower than a binary one (log4 n levels) and its four children share a cache
// line or two, which makes pop (the costly operation) faster for the queue sizes a world model has.
// The sift loops move a "hole" instead of swapping, and work on an unsafe buffer to avoid bounds and
// uniqueness checks in the inner loop (as swift-collections' Heap does through its _UnsafeHandle).

extension EventQueue {
    /// Restores the heap order after the element at `index` may have become smaller than its parent.
    @inlinable
    internal mutating func siftUp(from index: Int) {
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = index
            let moving = (heap.baseAddress! + hole).move()
            while hole > 0 {
                let parent = (hole - 1) >> 2
                guard moving.firesBefore(heap[parent]) else { break }
                (heap.baseAddress! + hole).initialize(to: (heap.baseAddress! + parent).move())
                hole = parent
            }
            (heap.baseAddress! + hole).initialize(to: moving)
        }
    }

    /// Restores the heap order after the element at `index` may have become larger than its children.
    @inlinable
    internal mutating func siftDown(from index: Int) {
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            let base = heap.baseAddress!
            var hole = index
            let moving = (base + hole).move()
            while true {
                let first = 4 &* hole &+ 1
                if first >= count { break }
                // The earliest of up to four children.
                var best = first
                let last = Swift.min(first &+ 4, count)
                var child = first &+ 1
                while child < last {
                    if base[child].firesBefore(base[best]) { best = child }
                    child &+= 1
                }
                guard base[best].firesBefore(moving) else { break }
                (base + hole).initialize(to: (base + best).move())
                hole = best
            }
            (base + hole).initialize(to: moving)
        }
    }

    /// Removes and returns the heap's top, then discards cancelled events that reached the top.
    @inlinable
    internal mutating func removeTop() -> ScheduledEvent<Event>? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty {
            discardCancelled(last.sequence)
            return last
        }
        let top = storage[0]
        storage[0] = last
        siftDown(from: 0)
        discardCancelled(top.sequence)
        discardCancelledTop()
        return top
    }

    /// Forgets a sequence number once its event has left the heap.
    @inlinable @inline(__always)
    internal mutating func discardCancelled(_ sequence: UInt64) {
        if !cancelled.isEmpty { cancelled.remove(sequence) }
    }

    /// Pops cancelled events off the top so that the top is always a live event.
    @inlinable
    internal mutating func discardCancelledTop() {
        while !cancelled.isEmpty, let top = storage.first, cancelled.contains(top.sequence) {
            cancelled.remove(top.sequence)
            let last = storage.removeLast()
            if storage.isEmpty { break }
            storage[0] = last
            siftDown(from: 0)
        }
    }

    /// Drops every cancelled event from the heap, rebuilds it (Floyd, O(n)) and clears the
    /// cancelled set, which also forgets handles of events that had already fired.
    @usableFromInline
    internal mutating func compact() {
        let dropped = cancelled
        storage.removeAll { dropped.contains($0.sequence) }
        cancelled.removeAll()
        if storage.count > 1 {
            var index = (storage.count - 2) >> 2
            while index >= 0 {
                siftDown(from: index)
                index -= 1
            }
        }
    }
}
