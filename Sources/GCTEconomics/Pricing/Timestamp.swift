/// A point in simulated (or real) time, in integer microseconds since the caller's epoch.
///
/// GCTEconomics has no clock: every rule that needs the time takes a `Timestamp` argument.
/// The engine's own time type converts to it at the world layer.
@frozen
public struct Timestamp: Hashable, Comparable, Sendable, Codable {
    public var microseconds: Int64
    @inlinable public init(microseconds: Int64) { self.microseconds = microseconds }
    @inlinable public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.microseconds < rhs.microseconds }
    @inlinable public static func + (lhs: Timestamp, rhs: TimeSpan) -> Timestamp {
        Timestamp(microseconds: lhs.microseconds + rhs.microseconds)
    }
    @inlinable public static func - (lhs: Timestamp, rhs: Timestamp) -> TimeSpan {
        TimeSpan(microseconds: lhs.microseconds - rhs.microseconds)
    }
    public static let zero = Timestamp(microseconds: 0)
}
