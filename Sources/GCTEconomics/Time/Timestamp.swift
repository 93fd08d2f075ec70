/// A point in time for the economic rules, in integer microseconds since an origin the caller chooses.
///
/// The economics layer has no clock: callers (a production service, or the simulator's
/// engine) pass the time of each action. One tick is 1 µs, the same resolution as the
/// engine's `SimTime`, so the world model converts by copying the integer.
@frozen
public struct Timestamp: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public var microseconds: Int64
    @inlinable public init(microseconds: Int64) { self.microseconds = microseconds }
    @inlinable public init(rawValue: Int64) { microseconds = rawValue }
    @inlinable public var rawValue: Int64 { microseconds }

    public static let zero = Timestamp(microseconds: 0)
    @inlinable public static func < (a: Timestamp, b: Timestamp) -> Bool { a.microseconds < b.microseconds }

    @inlinable public static func + (t: Timestamp, d: TimeSpan) -> Timestamp { Timestamp(microseconds: t.microseconds + d.microseconds) }
    @inlinable public static func - (a: Timestamp, b: Timestamp) -> TimeSpan { TimeSpan(microseconds: a.microseconds - b.microseconds) }
}

/// A length of time in integer microseconds.
@frozen
public struct TimeSpan: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public var microseconds: Int64
    @inlinable public init(microseconds: Int64) { self.microseconds = microseconds }
    @inlinable public init(rawValue: Int64) { microseconds = rawValue }
    @inlinable public var rawValue: Int64 { microseconds }
    @inlinable public static func < (a: TimeSpan, b: TimeSpan) -> Bool { a.microseconds < b.microseconds }

    public static let zero = TimeSpan(microseconds: 0)
    @inlinable public static func seconds(_ s: Int64) -> TimeSpan { TimeSpan(microseconds: s * 1_000_000) }
    @inlinable public static func hours(_ h: Int64) -> TimeSpan { .seconds(h * 3600) }
    @inlinable public static func days(_ d: Int64) -> TimeSpan { .seconds(d * 86_400) }

    /// The economic year used for annual rates: 365 days (see docs/departures-from-spec.md, "year length").
    public static let year = TimeSpan.days(365)

    @inlinable public static func * (lhs: TimeSpan, rhs: Int64) -> TimeSpan { TimeSpan(microseconds: lhs.microseconds * rhs) }

    /// The span in seconds, for display only.
    @inlinable public var seconds: Double { Double(microseconds) / 1e6 }
}
