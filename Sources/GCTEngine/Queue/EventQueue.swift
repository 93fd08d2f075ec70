/// The pending events of a simulation and its clock: a min-heap ordered by (time, insertion sequence).
///
/// `EventQueue` is a value type holding a 4-ary heap of `ScheduledEvent` structs in one
/// `ContiguousArray`, so scheduling an event allocates nothing beyond the array's amortized growth.
/// `Event` is the model's payload, typically an enum.
///
/// Ordering is deterministic: events with equal times pop in the order they were scheduled, because
/// every event carries a sequence number (swift-nio's `EmbeddedEventLoop` does the same).
///
/// The queue also holds the clock. `now` is the time of the event last popped; only `popNext`
/// (and the run loop's horizon, see `run(until:maxEvents:stopFlag:_:)`) moves it, and it never goes back.
/// An event cannot be scheduled before `now`.
///
/// Cancellation is lazy: `cancel(_:)` records the sequence number in a set, and a cancelled event is
/// discarded when it reaches the top of the heap. The top of the heap is never a cancelled event, so
/// `isEmpty`, `nextTime` and `popNext` see only live events. When the set grows past half the heap
/// (e.g. handles of events that already fired were cancelled), the heap is compacted in O(n).
@frozen
public struct EventQueue<Event> {
    /// The heap: `storage[0]` fires first; the children of `i` are `4i+1 ... 4i+4`.
    @usableFromInline
    internal var storage: ContiguousArray<ScheduledEvent<Event>>

    /// Sequence numbers of cancelled events still in `storage` (or already fired; see `compact`).
    @usableFromInline
    internal var cancelled: Set<UInt64>

    /// The sequence number the next scheduled event gets.
    @usableFromInline
    internal var nextSequence: UInt64

    /// The clock; see `now`.
    @usableFromInline
    internal var clock: SimTime

    #if GCTENGINE_INTERNAL_CHECKS
    /// Mutations left before the next full O(n) audit of the heap (`auditAfterMutation()`).
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
        storage = []
        storage.reserveCapacity(capacity)
        cancelled = []
        nextSequence = 0
        clock = start
    }

    /// Whether no live event is pending.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var isEmpty: Bool { storage.isEmpty }

    /// Events stored, including cancelled events not yet discarded (an upper bound on live events).
    ///
    /// - Complexity: O(1).
    @inlinable
    public var storedCount: Int { storage.count }

    /// The number of events scheduled on this queue so far (the next event's sequence number).
    @inlinable
    public var scheduledCount: UInt64 { nextSequence }

    /// The time of the next live event, or `nil` if none is pending.
    ///
    /// - Complexity: O(1).
    @inlinable
    public var nextTime: SimTime? { storage.first?.time }

    /// Schedules `event` at `time`.
    ///
    /// - Parameters:
    ///   - event: the payload handed back by `popNext`.
    ///   - time: when it fires.
    /// - Returns: a handle to pass to `cancel(_:)`.
    /// - Precondition: `time >= now`: the past cannot be changed.
    /// - Complexity: O(log n) (amortized, for array growth).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime) -> EventHandle {
        precondition(time >= now, "cannot schedule an event at \(time), before now (\(now))")
        let sequence = nextSequence
        nextSequence &+= 1
        storage.append(ScheduledEvent(time: time, sequence: sequence, event: event))
        siftUp(from: storage.count - 1)
        #if GCTENGINE_INTERNAL_CHECKS
        auditAfterMutation()
        #endif
        return EventHandle(sequence: sequence)
    }

    /// Schedules `event` at `now + delay`.
    ///
    /// - Precondition: `delay >= .zero`.
    /// - Complexity: O(log n).
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, after delay: SimDuration) -> EventHandle {
        schedule(event, at: now + delay)
    }

    /// Removes the next live event, sets `now` to its time and returns it.
    ///
    /// - Returns: the event, or `nil` (leaving `now` unchanged) if none is pending.
    /// - Complexity: O(log n), plus O(log n) for each cancelled event discarded.
    @inlinable
    public mutating func popNext() -> ScheduledEvent<Event>? {
        guard let first = removeTop() else { return nil }
        clock = first.time
        return first
    }

    /// Removes the next live event if it fires at or before `limit`, sets `now` to its time and returns it.
    ///
    /// - Returns: the event, or `nil` (leaving the queue and `now` unchanged) if none fires by `limit`.
    /// - Complexity: O(log n).
    @inlinable
    public mutating func popNext(notAfter limit: SimTime) -> ScheduledEvent<Event>? {
        guard let top = storage.first, top.time <= limit else { return nil }
        return popNext()
    }

    /// Cancels a scheduled event so that it never pops.
    ///
    /// Cancelling an event that already fired, was already cancelled, or was never scheduled on this
    /// queue has no effect.
    ///
    /// - Complexity: O(1) expected, plus O(log n) per cancelled event then discarded from the top,
    ///   plus an O(n) compaction amortized over at least n/2 cancellations.
    @inlinable
    public mutating func cancel(_ handle: EventHandle) {
        guard handle.sequence < nextSequence, !storage.isEmpty else { return }
        cancelled.insert(handle.sequence)
        if cancelled.count > storage.count / 2 + 16 {
            compact()
        } else {
            discardCancelledTop()
        }
        #if GCTENGINE_INTERNAL_CHECKS
        auditAfterMutation()
        #endif
    }

    /// Removes every pending event, keeping the clock and the sequence counter.
    public mutating func removeAll() {
        storage.removeAll(keepingCapacity: true)
        cancelled.removeAll()
    }
}

extension EventQueue: Sendable where Event: Sendable {}
