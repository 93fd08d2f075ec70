extension EventQueue {
    /// Traps unless the heap is ordered by (time, sequence), no pending event is before `now`,
    /// every sequence number is below `nextSequence`, and the top is not a cancelled event.
    ///
    /// Called after every mutation when the package is built with `-D GCTENGINE_INTERNAL_CHECKS`,
    /// and by the tests.
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
