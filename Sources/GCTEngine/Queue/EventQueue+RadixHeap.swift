// The radix heap behind EventQueue (see EventQueue's documentation for why a radix heap).
//
// A key is (time, sequence) as 128 bits, the time's 64 (sign bit flipped, so that unsigned order is
// signed order) above the sequence's 64, read as 32 digits of 4 bits, level 0 the lowest. An event
// whose key equals the base is in bucket 0; any other event, whose key first differs from the base in
// the digit of level L (where its digit d is the larger), is in bucket 1 + 16 L + d. Buckets in
// increasing index hold increasing ranges of keys, so the earliest event is in the lowest non-empty
// bucket. Every bucket is a singly linked list threaded through `nodes` by index; node b < bucketCount
// is the head of bucket b and holds in its (time, sequence) the least key in the bucket ((max, max)
// when empty). All the work of an operation is done in one access to the node buffer (one uniqueness
// check), on an unsafe pointer (no bounds checks).
//
// Invariant (checked by `checkInvariants`): base <= every stored key, and base <= (now, nextSequence),
// the least key that can still be scheduled; so a scheduled event never lands below the base. A pop
// makes the popped key the base, and then now is its time and nextSequence is above its sequence. The
// other events of the popped bucket agree with the new base on every level above L and on level L's
// digit, so they move to buckets of lower levels.

extension EventQueue {
    /// One node: a stored event (or a bucket head, or a free node, with no event).
    @frozen @usableFromInline
    internal struct Node {
        @usableFromInline var time: SimTime
        @usableFromInline var sequence: UInt64
        /// The next node of the same list (bucket or free list); -1 ends it.
        @usableFromInline var next: Int32
        @usableFromInline var event: Event?

        @inlinable
        init(time: SimTime, sequence: UInt64, next: Int32, event: Event?) {
            self.time = time
            self.sequence = sequence
            self.next = next
            self.event = event
        }

        /// `(time, sequence)` as one unsigned 128-bit number: one branch-free compare.
        @inlinable @inline(__always)
        var orderKey: UInt128 {
            UInt128(EventQueue.orderedBits(time)) << 64 | UInt128(sequence)
        }
    }

    /// A time's bits in an order where unsigned order is signed order (sign bit flipped).
    @inlinable @inline(__always)
    internal static func orderedBits(_ time: SimTime) -> UInt64 {
        UInt64(bitPattern: time.ticks) ^ (1 << 63)
    }

    /// Bucket 0 and 1 + 16 × level + digit for 32 levels of 4-bit digits (see the file's comment).
    @inlinable
    internal static var bucketCount: Int { 1 + 32 * 16 }

    /// The head of an empty bucket: no event, least key (max, max).
    @inlinable
    internal static var emptyBucket: Node { Node(time: .max, sequence: .max, next: -1, event: nil) }

    /// The bucket of the key (time bits in `orderedBits` order, sequence) for the base.
    @inlinable @inline(__always)
    internal static func bucket(time: UInt64, sequence: UInt64, baseTime: UInt64, baseSequence: UInt64) -> Int {
        let high = time ^ baseTime
        let low = sequence ^ baseSequence
        let inTime = high != 0
        let differing = inTime ? high : low
        if differing == 0 { return 0 }
        let bit = 63 &- differing.leadingZeroBitCount
        let word = inTime ? time : sequence
        let digit = Int(truncatingIfNeeded: (word &>> UInt64(truncatingIfNeeded: bit & ~3)) & 15)
        let level = (bit &>> 2) &+ (inTime ? 16 : 0)
        return 1 &+ (level &<< 4) &+ digit
    }

    /// The occupancy bits of the 513 buckets, in 9 words (laid out contiguously, read through a pointer).
    @usableFromInline
    internal typealias OccupancyWords = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    @inlinable @inline(__always)
    internal static func mark(_ bucket: Int, in words: UnsafeMutablePointer<UInt64>, summary: inout UInt64) {
        let word = bucket &>> 6
        words[word] |= 1 &<< UInt64(truncatingIfNeeded: bucket & 63)
        summary |= 1 &<< UInt64(truncatingIfNeeded: word)
    }

    @inlinable @inline(__always)
    internal static func unmark(_ bucket: Int, in words: UnsafeMutablePointer<UInt64>, summary: inout UInt64) {
        let word = bucket &>> 6
        words[word] &= ~(1 &<< UInt64(truncatingIfNeeded: bucket & 63))
        if words[word] == 0 { summary &= ~(1 &<< UInt64(truncatingIfNeeded: word)) }
    }

    /// The lowest non-empty bucket. - Precondition: some bucket is non-empty.
    @inlinable @inline(__always)
    internal static func lowestOccupied(in words: UnsafeMutablePointer<UInt64>, summary: UInt64) -> Int {
        let word = summary.trailingZeroBitCount
        return word &<< 6 &+ words[word].trailingZeroBitCount
    }

    /// Runs `body` on the nodes, the occupancy words and their summary, in one access each (one
    /// uniqueness check of the node buffer).
    @inlinable @inline(__always)
    internal mutating func withBuckets<R>(
        _ body: (UnsafeMutablePointer<Node>, UnsafeMutablePointer<UInt64>, inout UInt64) -> R
    ) -> R {
        var summary = occupiedWords
        let result = withUnsafeMutablePointer(to: &occupied) { tuple in
            let words = UnsafeMutableRawPointer(tuple).assumingMemoryBound(to: UInt64.self)
            return nodes.withUnsafeMutableBufferPointer { buffer in body(buffer.baseAddress!, words, &summary) }
        }
        occupiedWords = summary
        return result
    }

    /// The lowest non-empty bucket. - Precondition: `count > 0`.
    @inlinable
    internal var lowestOccupiedBucket: Int {
        var words = occupied
        return withUnsafeMutablePointer(to: &words) { tuple in
            Self.lowestOccupied(
                in: UnsafeMutableRawPointer(tuple).assumingMemoryBound(to: UInt64.self), summary: occupiedWords)
        }
    }

    /// The least key's node in non-empty `bucket`, and the node before it in the bucket's list.
    @inlinable
    internal static func findMinimum(in nodes: UnsafePointer<Node>, bucket: Int) -> (node: Int32, previous: Int32) {
        var best = nodes[bucket].next
        var bestPrevious = Int32(truncatingIfNeeded: bucket)
        var bestKey = nodes[Int(best)].orderKey
        var previous = best
        var current = nodes[Int(best)].next
        while current >= 0 {
            let key = nodes[Int(current)].orderKey
            if key < bestKey {
                best = current
                bestKey = key
                bestPrevious = previous
            }
            previous = current
            current = nodes[Int(current)].next
        }
        return (best, bestPrevious)
    }

    /// Links `node` into `bucket` and lowers the bucket's least key to the node's if it is less.
    @inlinable @inline(__always)
    internal static func link(_ node: Int, into bucket: Int, of p: UnsafeMutablePointer<Node>) {
        p[node].next = p[bucket].next
        p[bucket].next = Int32(truncatingIfNeeded: node)
        if p[node].orderKey < p[bucket].orderKey {
            p[bucket].time = p[node].time
            p[bucket].sequence = p[node].sequence
        }
    }

    /// Stores an event in its bucket, in a free node or a new one.
    @inlinable
    internal mutating func insert(_ event: Event, at time: SimTime, sequence: UInt64) {
        let bucket = Self.bucket(
            time: Self.orderedBits(time), sequence: sequence, baseTime: baseTime, baseSequence: baseSequence)
        let free = freeList
        let node: Int
        if free >= 0 {
            node = Int(free)
        } else {
            node = nodes.count
            precondition(node < Int(Int32.max), "more than 2³¹ pending events")
            nodes.append(Node(time: time, sequence: sequence, next: -1, event: nil))
        }
        freeList = withBuckets { p, words, summary in
            let nextFree = free >= 0 ? p[node].next : -1
            p[node] = Node(time: time, sequence: sequence, next: -1, event: event)
            Self.link(node, into: bucket, of: p)
            Self.mark(bucket, in: words, summary: &summary)
            return nextFree
        }
        count &+= 1
    }

    /// Removes the event of least key if its time is at most `limit`: it becomes the base, and the other
    /// events of its bucket move to buckets of lower levels.
    /// - Precondition: `count > 0`.
    @inlinable
    internal mutating func removeMinimum(notAfter limit: SimTime) -> ScheduledEvent<Event>? {
        let free = freeList
        let (minimum, removed): (Int, ScheduledEvent<Event>?) = withBuckets { p, words, occupiedWords in
            var summary = occupiedWords  // a local: the loop below does not store it through a pointer
            defer { occupiedWords = summary }
            let bucket = Self.lowestOccupied(in: words, summary: summary)
            let time = p[bucket].time
            guard time <= limit else { return (0, nil) }
            let newTime = Self.orderedBits(time)
            let newSequence = p[bucket].sequence
            var current = p[bucket].next
            p[bucket] = Self.emptyBucket
            Self.unmark(bucket, in: words, summary: &summary)
            var minimum = 0
            while current >= 0 {
                let index = Int(current)
                current = p[index].next
                if p[index].sequence == newSequence {
                    minimum = index
                } else {
                    let target = Self.bucket(
                        time: Self.orderedBits(p[index].time), sequence: p[index].sequence,
                        baseTime: newTime, baseSequence: newSequence)
                    Self.link(index, into: target, of: p)
                    Self.mark(target, in: words, summary: &summary)
                }
            }
            let event = ScheduledEvent(time: time, sequence: newSequence, event: p[minimum].event.unsafelyUnwrapped)
            p[minimum].event = nil
            p[minimum].next = free
            return (minimum, event)
        }
        guard let removed else { return nil }
        baseTime = Self.orderedBits(removed.time)
        baseSequence = removed.sequence
        freeList = Int32(truncatingIfNeeded: minimum)
        count &-= 1
        return removed
    }

    /// Unlinks `node` (after `previous` in `bucket`'s list), frees it, and recomputes the bucket's least key.
    @usableFromInline
    internal mutating func unlink(_ node: Int32, after previous: Int32, bucket: Int) {
        nodes[Int(previous)].next = nodes[Int(node)].next
        nodes[Int(node)].event = nil
        nodes[Int(node)].next = freeList
        freeList = node
        count -= 1
        if nodes[bucket].next < 0 {
            withBuckets { p, words, summary in
                p[bucket] = Self.emptyBucket
                Self.unmark(bucket, in: words, summary: &summary)
            }
        } else if nodes[bucket].sequence == nodes[Int(node)].sequence {
            let least = nodes.withUnsafeBufferPointer { Self.findMinimum(in: $0.baseAddress!, bucket: bucket).node }
            nodes[bucket].time = nodes[Int(least)].time
            nodes[bucket].sequence = nodes[Int(least)].sequence
        }
    }

    /// Discards cancelled events while the least stored key is one, so that it is live.
    @usableFromInline
    internal mutating func discardCancelledMinimum() {
        while count > 0, !cancelled.isEmpty {
            let bucket = lowestOccupiedBucket
            guard cancelled.contains(nodes[bucket].sequence) else { return }
            let (node, previous) = nodes.withUnsafeBufferPointer { Self.findMinimum(in: $0.baseAddress!, bucket: bucket) }
            cancelled.remove(nodes[Int(node)].sequence)
            unlink(node, after: previous, bucket: bucket)
        }
    }

    /// Drops every cancelled event and clears the cancelled set, which also forgets handles of events
    /// that had already fired. O(n).
    @usableFromInline
    internal mutating func compact() {
        for bucket in 0 ..< Self.bucketCount {
            var previous = Int32(bucket)
            var current = nodes[bucket].next
            while current >= 0 {
                let following = nodes[Int(current)].next
                if cancelled.contains(nodes[Int(current)].sequence) {
                    unlink(current, after: previous, bucket: bucket)
                } else {
                    previous = current
                }
                current = following
            }
        }
        cancelled.removeAll()
    }
}

extension EventQueue.Node: Sendable where Event: Sendable {}
