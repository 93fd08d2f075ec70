/// A point in simulated time: an integer count of ticks of 1 µs since the start of the run.
///
/// Simulated time is an integer so that ordering and equality are exact and a run is reproducible
/// bit for bit on any machine. The resolution is one microsecond (`ticksPerSecond` = 10^6); an `Int64`
/// of microseconds spans about ±292 000 years, far beyond the 100 years a scenario may cover.
///
/// Only the engine moves the clock (see `EventQueue.now`); a model reads it.
@frozen
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds since the start of the run.
    public var ticks: Int64

    /// Ticks in one second of simulated time (the resolution is 1 µs).
    public static let ticksPerSecond: Int64 = 1_000_000

    /// The start of every run.
    public static let zero = SimTime(ticks: 0)

    /// The greatest representable time (about 292 000 years).
    public static let max = SimTime(ticks: .max)

    @inlinable
    public init(ticks: Int64) { self.ticks = ticks }

    /// The time `duration` after the start of the run.
    @inlinable
    public init(_ duration: SimDuration) { self.ticks = duration.ticks }

    /// The time since the start of the run as a duration.
    @inlinable
    public var sinceStart: SimDuration { SimDuration(ticks: ticks) }

    /// Seconds since the start of the run, as a `Double`, for statistics and display only.
    @inlinable
    public var seconds: Double { Double(ticks) / Double(Self.ticksPerSecond) }

    /// The time `seconds` after the start, rounded to the nearest tick.
    @inlinable
    public static func seconds(_ seconds: Double) -> SimTime { SimTime(.seconds(seconds)) }
    /// The time `minutes` after the start, rounded to the nearest tick.
    @inlinable
    public static func minutes(_ minutes: Double) -> SimTime { SimTime(.minutes(minutes)) }
    /// The time `hours` after the start, rounded to the nearest tick.
    @inlinable
    public static func hours(_ hours: Double) -> SimTime { SimTime(.hours(hours)) }
    /// The time `days` after the start, rounded to the nearest tick.
    @inlinable
    public static func days(_ days: Double) -> SimTime { SimTime(.days(days)) }

    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool { lhs.ticks < rhs.ticks }

    /// Traps on overflow, as integer arithmetic does.
    @inlinable
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime { SimTime(ticks: lhs.ticks + rhs.ticks) }
    @inlinable
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime { SimTime(ticks: lhs.ticks - rhs.ticks) }
    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration { SimDuration(ticks: lhs.ticks - rhs.ticks) }
    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimDuration) { lhs.ticks += rhs.ticks }

    /// `t=` followed by the duration since the start, e.g. `t=1d 02:03:04.500000`.
    public var description: String { "t=\(sinceStart)" }
}
