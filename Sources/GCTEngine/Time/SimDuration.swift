/// A span of simulated time: an integer count of ticks of 1 µs (see `SimTime`).
///
/// Constructors taking an integer are exact; those taking a `Double` round to the nearest tick
/// (ties to even) and trap if the result does not fit in an `Int64`.
@frozen
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Microseconds.
    public var ticks: Int64

    public static let zero = SimDuration(ticks: 0)

    @inlinable
    public init(ticks: Int64) { self.ticks = ticks }

    /// Nanoseconds in one tick.
    public static let nanosecondsPerTick: Int64 = 1_000_000_000 / SimTime.ticksPerSecond

    /// `nanoseconds` in whole ticks, the rest below one tick dropped (toward zero).
    @inlinable
    public init(truncatingNanoseconds nanoseconds: Int64) { self.ticks = nanoseconds / Self.nanosecondsPerTick }

    /// The duration in seconds, as a `Double`, for statistics and display only.
    @inlinable
    public var seconds: Double { Double(ticks) / Double(SimTime.ticksPerSecond) }

    @inlinable
    public static func microseconds(_ microseconds: Int) -> SimDuration { SimDuration(ticks: Int64(microseconds)) }
    @inlinable
    public static func milliseconds(_ milliseconds: Int) -> SimDuration { SimDuration(ticks: Int64(milliseconds) * 1_000) }
    @inlinable
    public static func seconds(_ seconds: Int) -> SimDuration { SimDuration(ticks: Int64(seconds) * SimTime.ticksPerSecond) }
    @inlinable
    public static func minutes(_ minutes: Int) -> SimDuration { .seconds(minutes * 60) }
    @inlinable
    public static func hours(_ hours: Int) -> SimDuration { .seconds(hours * 3_600) }
    @inlinable
    public static func days(_ days: Int) -> SimDuration { .seconds(days * 86_400) }

    /// The longest duration a `Double` constructor returns: 2^61 µs (about 73 000 years), far past
    /// any horizon (docs/scenarios.md, "Limits"), and short enough that adding it to any time of a
    /// run cannot overflow.
    public static let saturation = SimDuration(ticks: 1 << 61)

    /// `seconds` rounded to the nearest microsecond (ties to even), saturating at ±`saturation`
    /// (a heavy-tailed sample or an infinite delay lies beyond the end of any run).
    ///
    /// - Precondition: `seconds` is not NaN.
    @inlinable
    public static func seconds(_ seconds: Double) -> SimDuration {
        let ticks = (seconds * Double(SimTime.ticksPerSecond)).rounded(.toNearestOrEven)
        precondition(!ticks.isNaN, "SimDuration.seconds(nan)")
        if ticks >= 0x1p61 { return saturation }
        if ticks <= -0x1p61 { return SimDuration(ticks: -saturation.ticks) }
        return SimDuration(ticks: Int64(ticks))
    }
    @inlinable
    public static func minutes(_ minutes: Double) -> SimDuration { .seconds(minutes * 60) }
    @inlinable
    public static func hours(_ hours: Double) -> SimDuration { .seconds(hours * 3_600) }
    @inlinable
    public static func days(_ days: Double) -> SimDuration { .seconds(days * 86_400) }

    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool { lhs.ticks < rhs.ticks }
    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration { SimDuration(ticks: lhs.ticks + rhs.ticks) }
    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration { SimDuration(ticks: lhs.ticks - rhs.ticks) }
    @inlinable
    public static func * (lhs: SimDuration, rhs: Int) -> SimDuration { SimDuration(ticks: lhs.ticks * Int64(rhs)) }
    @inlinable
    public static func * (lhs: Int, rhs: SimDuration) -> SimDuration { SimDuration(ticks: Int64(lhs) * rhs.ticks) }
    @inlinable
    public static func += (lhs: inout SimDuration, rhs: SimDuration) { lhs.ticks += rhs.ticks }
    @inlinable
    public static func -= (lhs: inout SimDuration, rhs: SimDuration) { lhs.ticks -= rhs.ticks }

    /// `[-][Nd ]hh:mm:ss.uuuuuu`, e.g. `1d 02:03:04.500000` or `00:00:00.000001`.
    public var description: String {
        let sign = ticks < 0 ? "-" : ""
        let magnitude = ticks.magnitude
        let micros = magnitude % 1_000_000
        let totalSeconds = magnitude / 1_000_000
        let days = totalSeconds / 86_400
        let hours = totalSeconds / 3_600 % 24
        let minutes = totalSeconds / 60 % 60
        let seconds = totalSeconds % 60
        func pad(_ value: UInt64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        let clock = "\(pad(hours, 2)):\(pad(minutes, 2)):\(pad(seconds, 2)).\(pad(micros, 6))"
        return days > 0 ? "\(sign)\(days)d \(clock)" : "\(sign)\(clock)"
    }
}
