extension EventQueue {
    /// Traps unless every stored event is at or after `now` and at least the base, sits in the bucket
    /// of its key, every bucket head holds its bucket's least key, has a sequence number below `nextSequence`; the base is at most (now, nextSequence);
    /// the occupancy bits, the count and the free list agree with the lists; and the earliest stored
    /// event is not a cancelled one.
    ///
    /// Called by the tests, and when the package is built with `-D GCTENGINE_INTERNAL_CHECKS`
    /// through `auditAfterMutation()`.
    ///
    /// - Complexity: O(n).
    public func checkInvariants() {
        let base = UInt128(baseTime) << 64 | UInt128(baseSequence)
        let least = UInt128(Self.orderedBits(now)) << 64 | UInt128(nextSequence)
        precondition(base <= least, "the base is above (now, nextSequence)")
        var stored = 0
        var minimum: (key: UInt128, sequence: UInt64)?
        for bucket in 0 ..< Self.bucketCount {
            let word = withUnsafeBytes(of: occupied) { $0.load(fromByteOffset: (bucket >> 6) * 8, as: UInt64.self) }
            let marked = word & (1 << UInt64(bucket & 63)) != 0
            precondition(word == 0 || occupiedWords & (1 << UInt64(bucket >> 6)) != 0, "occupancy summary is wrong")
            precondition(marked == (nodes[bucket].next >= 0), "occupancy bit of bucket \(bucket) is wrong")
            var current = nodes[bucket].next
            var least = UInt128.max
            while current >= 0 {
                let element = nodes[Int(current)]
                precondition(current >= Self.bucketCount && element.event != nil, "bucket \(bucket) links a non-event node")
                precondition(element.time >= now, "event \(element.sequence) at \(element.time) is before now (\(now))")
                precondition(element.sequence < nextSequence, "event sequence \(element.sequence) was never issued")
                precondition(element.orderKey >= base, "event \(element.sequence) is below the base")
                let expected = Self.bucket(
                    time: Self.orderedBits(element.time), sequence: element.sequence,
                    baseTime: baseTime, baseSequence: baseSequence)
                precondition(expected == bucket, "event \(element.sequence) is in bucket \(bucket), not \(expected)")
                if minimum.map({ element.orderKey < $0.key }) ?? true { minimum = (element.orderKey, element.sequence) }
                least = Swift.min(least, element.orderKey)
                stored += 1
                precondition(stored <= nodes.count, "a bucket's list has a cycle")
                current = element.next
            }
            precondition(nodes[bucket].orderKey == least, "bucket \(bucket)'s least key is not its events' least key")
            precondition(nodes[bucket].event == nil, "bucket head \(bucket) holds an event")
        }
        precondition(stored == count, "count \(count) but \(stored) events stored")
        var free = 0
        var current = freeList
        while current >= 0 {
            precondition(current >= Self.bucketCount && nodes[Int(current)].event == nil, "free list links a used node")
            free += 1
            precondition(free <= nodes.count, "the free list has a cycle")
            current = nodes[Int(current)].next
        }
        precondition(Self.bucketCount + stored + free == nodes.count, "nodes lost: neither stored nor free")
        if let minimum {
            precondition(!cancelled.contains(minimum.sequence), "the earliest stored event is a cancelled one")
        }
    }
}

#if GCTENGINE_INTERNAL_CHECKS
extension EventQueue {
    /// The internal checks after a mutation: the full `checkInvariants()` after every mutation of a
    /// queue of at most 64 events (the engine's own tests: a broken invariant traps at the mutation
    /// that broke it), and on a larger queue after every n/8-th mutation, n its size then (so a world
    /// run under test pays O(1) amortized per mutation instead of O(n); a broken queue still traps
    /// within n/8 mutations, before the run can finish).
    @inlinable
    internal mutating func auditAfterMutation() {
        mutationsUntilAudit -= 1
        guard count <= 64 || mutationsUntilAudit <= 0 else { return }
        checkInvariants()
        mutationsUntilAudit = Swift.max(count / 8, 1)
    }
}
#endif
