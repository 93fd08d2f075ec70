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
            let moving = (heap.baseAddress! + index).move()
            Self.sink(moving, intoHoleAt: index, of: heap)
        }
    }

    /// Fills the uninitialized slot `start` of `heap`, placing `moving` where it keeps the heap order
    /// below `start`.
    ///
    /// Bottom-up (Wegener's variant): the hole first walks down to a leaf along the earliest child,
    /// without comparing against the moving element, then the moving element sifts up from there.
    /// After a pop the moving element is the old last leaf, which nearly always belongs near the
    /// bottom, so this saves a comparison per level. The earliest of four children is found by a
    /// two-round tournament of branch-free comparisons (see `ScheduledEvent.orderKey`).
    @inlinable @inline(__always)
    internal static func sink(
        _ moving: ScheduledEvent<Event>, intoHoleAt start: Int, of heap: UnsafeMutableBufferPointer<ScheduledEvent<Event>>
    ) {
        let count = heap.count
        let base = heap.baseAddress!
        var hole = start
        while true {
            let first = 4 &* hole &+ 1
            if first >= count { break }
            let best: Int
            if first &+ 3 < count {
                let left = base[first &+ 1].firesBefore(base[first]) ? first &+ 1 : first
                let right = base[first &+ 3].firesBefore(base[first &+ 2]) ? first &+ 3 : first &+ 2
                best = base[right].firesBefore(base[left]) ? right : left
            } else {
                var earliest = first
                var child = first &+ 1
                while child < count {
                    if base[child].firesBefore(base[earliest]) { earliest = child }
                    child &+= 1
                }
                best = earliest
            }
            (base + hole).initialize(to: (base + best).move())
            hole = best
        }
        while hole > start {
            let parent = (hole &- 1) >> 2
            guard moving.firesBefore(base[parent]) else { break }
            (base + hole).initialize(to: (base + parent).move())
            hole = parent
        }
        (base + hole).initialize(to: moving)
    }

    /// Removes and returns the heap's top, then discards cancelled events that reached the top.
    @inlinable
    internal mutating func removeTop() -> ScheduledEvent<Event>? {
        guard let last = storage.popLast() else { return nil }
        if storage.isEmpty {
            discardCancelled(last.sequence)
            return last
        }
        // Move the top out and sink the old last element into the hole, in one buffer access.
        let top = storage.withUnsafeMutableBufferPointer { heap in
            let top = heap.baseAddress!.move()
            Self.sink(last, intoHoleAt: 0, of: heap)
            return top
        }
        if !cancelled.isEmpty {
            cancelled.remove(top.sequence)
            discardCancelledTop()
        }
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
