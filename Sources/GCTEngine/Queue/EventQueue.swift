/// The pending events of a simulation and its clock: a monotone priority queue ordered by
/// (time, insertion sequence).
///
/// `EventQueue` is a value type holding a radix heap (Ahuja, Mehlhorn, Orlin & Tarjan 1990) of events in
/// one `ContiguousArray` of nodes, so scheduling an event allocates nothing beyond the array's amortized
/// growth (freed nodes are reused). `Event` is the model's payload, typically an enum.
///
/// Ordering is deterministic: events with equal times pop in the order they were scheduled, because
/// every event carries a sequence number (swift-nio's `EmbeddedEventLoop` does the same), and the queue
/// orders by the 128-bit key (time, sequence), which is unique per event.
///
/// The queue also holds the clock. `now` is the time of the event last popped; only `popNext`
/// (and the run loop's horizon, see `run(until:maxEvents:stopFlag:_:)`) moves it, and it never goes back.
/// An event cannot be scheduled before `now`.
///
/// Why a radix heap: a discrete-event simulation pops keys in increasing order and never schedules
/// before the key last popped, which is what a radix heap needs. Keys are read as 32 digits of 4 bits;
/// each event sits in the bucket (level, digit) of the highest digit in which its key differs from the
/// key last popped (the *base*) and its own digit there. A pop takes the lowest non-empty bucket, whose
/// least key is kept up to date, makes that key the new base and moves the bucket's other events to
/// buckets of strictly lower levels. Scheduling is O(1) (one XOR, one leading-zero count, a list link);
/// a pop costs the events it moves, each event moving at most once per level in its life and in
/// practice two or three times (the hold model with 1 000 pending events), against log₄ n levels of
/// four comparisons for a 4-ary heap. See `docs/performance.md` for the measurements.
///
/// Cancellation is lazy: `cancel(_:)` records the sequence number in a set, and a cancelled event is
/// discarded when it becomes the earliest pending event. The earliest stored event is never a cancelled
/// one, so `isEmpty`, `nextTime` and `popNext` see only live events. When the set grows past half the
/// stored events (e.g. handles of events that already fired were cancelled), the queue is compacted in O(n).
@frozen
public struct EventQueue<Event> {
    /// The nodes: `nodes[0 ..< bucketCount]` are the heads of the buckets' lists (no event), the rest
    /// hold events or are free (on the free list).
    @usableFromInline
    internal var nodes: ContiguousArray<Node>

    /// Which buckets are non-empty: bit `b % 64` of word `b / 64`.
    @usableFromInline
    internal var occupied: OccupancyWords

    /// Which words of `occupied` are non-zero: bit `w` for word `w`.
    @usableFromInline
    internal var occupiedWords: UInt64

    /// The first free node (-1: none); free nodes are linked through `next`.
    @usableFromInline
    internal var freeList: Int32

    /// Events stored, including cancelled events not yet discarded.
    @usableFromInline
    internal var count: Int

    /// The base: the key of the event last popped (initially `(start, 0)`). Every stored key and every
    /// key that can still be scheduled is at least the base.
    @usableFromInline
    internal var baseTime: UInt64
    @usableFromInline
    internal var baseSequence: UInt64

    /// Sequence numbers of cancelled events still stored (or already fired; see `compact`).
    @usableFromInline
    internal var cancelled: Set<UInt64>

    /// The sequence number the next scheduled event gets.
    @usableFromInline
    internal var nextSequence: UInt64

    /// The clock; see `now`.
    @usableFromInline
    internal var clock: SimTime

    #if GCTENGINE_INTERNAL_CHECKS
    /// Mutations left before the next full O(n) audit of the queue (`auditAfterMutation()`).
    @usableFromInline
    internal var mutationsUntilAudit: Int = 0
    #endif

    /// The current simulated time: the time of the event last popped (or the run's horizon).
    @inlinable
    public var now: SimTime { clock }

    /// Creates an empty queue whose clock reads `start`.
    ///
    /// - Parameters:
    ///   - start: the initial clock reading.
    ///   - capacity: storage to reserve for pending events.
    @inlinable
    public init(start: SimTime = .zero, capacity: Int = 0) {
        nodes = []
        nodes.reserveCapacity(Self.bucketCount + capacity)
        for _ in 0 ..< Self.bucketCount { nodes.append(Self.emptyBucket) }
        occupied = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        occupiedWords = 0
        freeList = -1
        count = 0
        baseTime = Self.orderedBits(start)
        baseSequence = 0
        cancelled = []
        nextSequence = 0
        clock = start
    }

    /// Whether no live event is pending.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var isEmpty: Bool { count == 0 }

    /// Events stored, including cancelled events not yet discarded (an upper bound on live events).
    ///
    /// - Complexity: O(1).
    @inlinable
    public var storedCount: Int { count }

    /// The number of events scheduled on this queue so far (the next event's sequence number).
    @inlinable
    public var scheduledCount: UInt64 { nextSequence }

    /// The time of the next live event, or `nil` if none is pending.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var nextTime: SimTime? {
        guard count > 0 else { return nil }
        return nodes.withUnsafeBufferPointer { $0[lowestOccupiedBucket].time }
    }

    /// Schedules `event` at `time`.
    ///
    /// - Parameters:
    ///   - event: the payload handed back by `popNext`.
    ///   - time: when it fires.
    /// - Returns: a handle to pass to `cancel(_:)`.
    /// - Precondition: `time >= now`: the past cannot be changed.
    /// - Complexity: O(1) (amortized, for array growth).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime) -> EventHandle {
        precondition(time >= now, "cannot schedule an event at \(time), before now (\(now))")
        let sequence = nextSequence
        nextSequence &+= 1
        insert(event, at: time, sequence: sequence)
        #if GCTENGINE_INTERNAL_CHECKS
        auditAfterMutation()
        #endif
        return EventHandle(sequence: sequence)
    }

    /// Schedules `event` at `now + delay`.
    ///
    /// - Precondition: `delay >= .zero`.
    /// - Complexity: O(1).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, after delay: SimDuration) -> EventHandle {
        schedule(event, at: now + delay)
    }

    /// Removes the next live event, sets `now` to its time and returns it.
    ///
    /// - Returns: the event, or `nil` (leaving `now` unchanged) if none is pending.
    /// - Complexity: O(k) amortized, k the events moved to lower buckets (a few on average).
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Event>? {
        popNext(notAfter: .max)
    }

    /// Removes the next live event if it fires at or before `limit`, sets `now` to its time and returns it.
    ///
    /// - Returns: the event, or `nil` (leaving the queue and `now` unchanged) if none fires by `limit`.
    /// - Complexity: as `popNext()`.
    @inlinable
    public mutating func popNext(notAfter limit: SimTime) -> ScheduledEvent<Event>? {
        guard count > 0 else { return nil }
        guard let first = removeMinimum(notAfter: limit) else { return nil }
        clock = first.time
        if !cancelled.isEmpty {
            cancelled.remove(first.sequence)
            discardCancelledMinimum()
        }
        #if GCTENGINE_INTERNAL_CHECKS
        auditAfterMutation()
        #endif
        return first
    }

    /// Cancels a scheduled event so that it never pops.
    ///
    /// Cancelling an event that already fired, was already cancelled, or was never scheduled on this
    /// queue has no effect.
    ///
    /// - Complexity: O(k) (the lowest bucket), plus an O(n) compaction amortized over at least n/2
    ///   cancellations.
    @inlinable
    public mutating func cancel(_ handle: EventHandle) {
        guard handle.sequence < nextSequence, count > 0 else { return }
        cancelled.insert(handle.sequence)
        if cancelled.count > count / 2 + 16 {
            compact()
        } else {
            discardCancelledMinimum()
        }
        #if GCTENGINE_INTERNAL_CHECKS
        auditAfterMutation()
        #endif
    }

    /// Removes every pending event, keeping the clock and the sequence counter.
    public mutating func removeAll() {
        nodes.removeSubrange(Self.bucketCount...)
        for bucket in 0 ..< Self.bucketCount { nodes[bucket] = Self.emptyBucket }
        occupied = (0, 0, 0, 0, 0, 0, 0, 0, 0)
        occupiedWords = 0
        freeList = -1
        count = 0
        cancelled.removeAll()
    }
}

extension EventQueue: Sendable where Event: Sendable {}
