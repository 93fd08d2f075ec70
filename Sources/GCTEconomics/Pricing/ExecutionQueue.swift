/// PRD-010's execution priority queue (`insert_into_priority_queue`): an array-based binary
/// max-heap keyed by (priority descending, insertion sequence ascending).
///
/// The sequence number makes the order total, so equal priorities are served first come,
/// first served and every run is deterministic.
@frozen
public struct ExecutionQueue: Sendable {
    @usableFromInline var storage: ContiguousArray<QueueEntry> = []
    @usableFromInline var nextSequence: UInt64 = 0

    public init() {}

    @inlinable public var count: Int { storage.count }
    @inlinable public var isEmpty: Bool { storage.isEmpty }
    /// The entry served next, if any.
    @inlinable public var first: QueueEntry? { storage.first }

    /// Adds an entry, assigning its sequence number, and returns that number.
    ///
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func push(_ entry: QueueEntry) -> UInt64 {
        var e = entry
        e.sequence = nextSequence
        nextSequence += 1
        storage.append(e)
        siftUp(storage.count - 1)
        return e.sequence
    }

    /// Removes and returns the entry served next.
    ///
    /// - Complexity: O(log n).
    @inlinable
    public mutating func pop() -> QueueEntry? {
        guard !storage.isEmpty else { return nil }
        let top = storage[0]
        let last = storage.removeLast()
        if !storage.isEmpty {
            storage[0] = last
            siftDown(0)
        }
        return top
    }

    /// The 1-based rank of the entry with this sequence number, or `nil` if it is not queued.
    ///
    /// - Complexity: O(n): one pass to find the entry and count those served before it.
    public func rank(ofSequence sequence: UInt64) -> Int? {
        guard let entry = storage.first(where: { $0.sequence == sequence }) else { return nil }
        var ahead = 0
        for e in storage where e.runsBefore(entry) { ahead += 1 }
        return ahead + 1
    }

    /// Removes the entry with this sequence number (a cancelled request).
    ///
    /// - Complexity: O(n) to find it, O(log n) to restore the heap.
    @discardableResult
    public mutating func remove(sequence: UInt64) -> QueueEntry? {
        guard let i = storage.firstIndex(where: { $0.sequence == sequence }) else { return nil }
        let removed = storage[i]
        let last = storage.removeLast()
        if i < storage.count {
            storage[i] = last
            siftDown(i)
            siftUp(i)
        }
        return removed
    }

    /// The queue position of an entry: rank, estimated wait and whether a boost could help.
    ///
    /// `estimatedWait = ⌈position / capacity⌉ × meanServiceTime`: requests leave in waves of
    /// `capacity`, each taking the mean service time (departures row P3).
    ///
    /// - Complexity: O(n) (see `rank(ofSequence:)`).
    public func position(ofSequence sequence: UInt64, capacity: Int, meanServiceTime: TimeSpan) -> QueuePosition? {
        guard let rank = rank(ofSequence: sequence) else { return nil }
        return QueuePosition.estimate(rank: rank, capacity: capacity, meanServiceTime: meanServiceTime)
    }

    /// All entries in heap (not service) order, for inspection.
    public var entries: ContiguousArray<QueueEntry> { storage }

    @inlinable
    mutating func siftUp(_ index: Int) {
        var child = index
        let item = storage[child]
        while child > 0 {
            let parent = (child - 1) / 2
            guard item.runsBefore(storage[parent]) else { break }
            storage[child] = storage[parent]
            child = parent
        }
        storage[child] = item
    }

    @inlinable
    mutating func siftDown(_ index: Int) {
        var parent = index
        let item = storage[parent]
        let n = storage.count
        while true {
            let left = 2 * parent + 1
            guard left < n else { break }
            let right = left + 1
            let best = right < n && storage[right].runsBefore(storage[left]) ? right : left
            guard storage[best].runsBefore(item) else { break }
            storage[parent] = storage[best]
            parent = best
        }
        storage[parent] = item
    }

    /// Whether every parent runs before its children (heap order), for tests and debug checks.
    public var isHeapOrdered: Bool {
        for i in 1..<max(storage.count, 1) where storage[i].runsBefore(storage[(i - 1) / 2]) { return false }
        return true
    }
}

extension QueuePosition {
    /// The position of the `rank`-th request: `⌈rank / capacity⌉ × meanServiceTime`.
    ///
    /// - Precondition: `rank >= 1`, `capacity >= 1`.
    public static func estimate(rank: Int, capacity: Int, meanServiceTime: TimeSpan) -> QueuePosition {
        precondition(rank >= 1 && capacity >= 1)
        let waves = Int64((rank + capacity - 1) / capacity)
        return QueuePosition(position: rank, estimatedWait: meanServiceTime * waves, canBoostPriority: rank > 1)
    }
}
