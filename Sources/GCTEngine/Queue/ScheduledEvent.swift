/// An event stored in an `EventQueue`: its time, its insertion sequence number and its payload.
///
/// Events are ordered by `(time, sequence)`; the sequence breaks ties so that events scheduled
/// for the same time come out in the order they were scheduled (a heap alone is not stable).
@frozen
public struct ScheduledEvent<Event> {
    /// When the event fires.
    public let time: SimTime
    /// The insertion sequence number, which also identifies the event (see `handle`).
    public let sequence: UInt64
    /// The model's payload.
    public var event: Event

    @inlinable
    public init(time: SimTime, sequence: UInt64, event: Event) {
        self.time = time
        self.sequence = sequence
        self.event = event
    }

    /// The handle `EventQueue.schedule` returned for this event.
    @inlinable
    public var handle: EventHandle { EventHandle(sequence: sequence) }

    /// Whether `self` fires before `other`: earlier time, or the same time and scheduled earlier.
    @inlinable @inline(__always)
    public func firesBefore(_ other: ScheduledEvent) -> Bool {
        orderKey < other.orderKey
    }

    /// `(time, sequence)` as one unsigned 128-bit number (time with its sign bit flipped, so that
    /// unsigned order is signed order), so that the comparison is one branch-free 128-bit compare:
    /// the heap's child comparisons are unpredictable, and a mispredicted branch costs more than the
    /// compare.
    @inlinable @inline(__always)
    internal var orderKey: UInt128 {
        UInt128(UInt64(bitPattern: time.ticks) ^ (1 << 63)) << 64 | UInt128(sequence)
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}
extension ScheduledEvent: Equatable where Event: Equatable {}
