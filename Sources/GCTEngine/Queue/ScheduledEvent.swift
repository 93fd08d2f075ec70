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
        time.ticks < other.time.ticks || (time.ticks == other.time.ticks && sequence < other.sequence)
    }
}

extension ScheduledEvent: Sendable where Event: Sendable {}
extension ScheduledEvent: Equatable where Event: Equatable {}
