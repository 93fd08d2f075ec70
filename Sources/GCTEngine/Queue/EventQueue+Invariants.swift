extension EventQueue {
    /// Traps unless the heap is ordered by (time, sequence), no pending event is before `now`,
    /// every sequence number is below `nextSequence`, and the top is not a cancelled event.
    ///
    /// Called by the tests, and when the package is built with `-D GCTENGINE_INTERNAL_CHECKS`
    /// through `auditAfterMutation()`.
    ///
    /// - Complexity: O(n).
    public func checkInvariants() {
        for index in storage.indices {
            let element = storage[index]
            precondition(element.time >= now, "event \(element.sequence) at \(element.time) is before now (\(now))")
            precondition(element.sequence < nextSequence, "event sequence \(element.sequence) was never issued")
            if index > 0 {
                let parent = storage[(index - 1) / 4]
                precondition(!element.firesBefore(parent), "heap order broken at index \(index)")
            }
        }
        if let top = storage.first {
            precondition(!cancelled.contains(top.sequence), "the top of the heap is a cancelled event")
        }
    }
}

#if GCTENGINE_INTERNAL_CHECKS
extension EventQueue {
    /// The internal checks after a mutation: the full `checkInvariants()` after every mutation of a
    /// queue of at most 64 events (the engine's own tests: a broken invariant traps at the mutation
    /// that broke it), and on a larger queue after every n/8-th mutation, n its size then (so a world
    /// run under test pays O(1) amortized per mutation instead of O(n); a broken heap still traps
    /// within n/8 mutations, before the run can finish).
    @inlinable
    internal mutating func auditAfterMutation() {
        mutationsUntilAudit -= 1
        guard storage.count <= 64 || mutationsUntilAudit <= 0 else { return }
        checkInvariants()
        mutationsUntilAudit = Swift.max(storage.count / 8, 1)
    }
}
#endif
