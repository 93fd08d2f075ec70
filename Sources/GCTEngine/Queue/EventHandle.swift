/// Identifies one scheduled event so that it can be cancelled: its insertion sequence number.
///
/// Sequence numbers are unique within one `EventQueue` and increase with every `schedule` call.
@frozen
public struct EventHandle: Hashable, Comparable, Sendable {
    /// The event's insertion sequence number (0 for the first event scheduled on a queue).
    public let sequence: UInt64

    @inlinable
    public init(sequence: UInt64) { self.sequence = sequence }

    @inlinable
    public static func < (lhs: EventHandle, rhs: EventHandle) -> Bool { lhs.sequence < rhs.sequence }
}
