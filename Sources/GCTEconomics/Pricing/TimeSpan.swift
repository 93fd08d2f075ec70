/// A length of time in integer microseconds.
@frozen
public struct TimeSpan: Hashable, Comparable, Sendable, Codable {
    public var microseconds: Int64
    @inlinable public init(microseconds: Int64) { self.microseconds = microseconds }
    @inlinable public static func seconds(_ s: Int64) -> TimeSpan { TimeSpan(microseconds: s * 1_000_000) }
    @inlinable public static func hours(_ h: Int64) -> TimeSpan { TimeSpan(microseconds: h * 3_600_000_000) }
    @inlinable public static func days(_ d: Int64) -> TimeSpan { TimeSpan(microseconds: d * 86_400_000_000) }
    @inlinable public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.microseconds < rhs.microseconds }
    @inlinable public static func * (lhs: TimeSpan, rhs: Int64) -> TimeSpan { TimeSpan(microseconds: lhs.microseconds * rhs) }
    /// The span in seconds, for display only.
    @inlinable public var seconds: Double { Double(microseconds) / 1e6 }
    public static let zero = TimeSpan(microseconds: 0)
}
