import GCTEconomics
import GCTEngine

/// A length of simulated time written in a scenario, held exactly as integer nanoseconds.
///
/// Scenarios write durations with a unit: `250ms`, `90s`, `15m`, `24h`, `365d`.
/// Nanoseconds in `Int64` reach about 292 years, far past any scenario horizon.
/// The world reads it as engine time through `simDuration` (the one conversion).
public struct ScenarioDuration: Hashable, Comparable, Sendable {
    /// The length in nanoseconds (never negative).
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) {
        precondition(nanoseconds >= 0, "a duration is non-negative")
        self.nanoseconds = nanoseconds
    }

    public static let zero = ScenarioDuration(nanoseconds: 0)

    /// Whole seconds.
    public static func seconds(_ s: Int64) -> ScenarioDuration { ScenarioDuration(nanoseconds: s * 1_000_000_000) }
    /// Whole milliseconds.
    public static func milliseconds(_ ms: Int64) -> ScenarioDuration { ScenarioDuration(nanoseconds: ms * 1_000_000) }
    /// Whole minutes.
    public static func minutes(_ m: Int64) -> ScenarioDuration { seconds(m * 60) }
    /// Whole hours.
    public static func hours(_ h: Int64) -> ScenarioDuration { seconds(h * 3600) }
    /// Whole days.
    public static func days(_ d: Int64) -> ScenarioDuration { seconds(d * 86_400) }

    /// The length in seconds, for statistics and sampling parameters (not for the clock).
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    public static func < (lhs: ScenarioDuration, rhs: ScenarioDuration) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    /// Units accepted in scenario files, with their length in nanoseconds, largest first.
    public static let units: [(symbol: String, nanoseconds: Int64)] = [
        ("d", 86_400_000_000_000), ("h", 3_600_000_000_000), ("m", 60_000_000_000),
        ("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000), ("ns", 1),
    ]

    /// The canonical text: the largest unit that divides the length exactly (`365d`, `2000s`, `250ms`, `0s`).
    public var canonicalText: String {
        if nanoseconds == 0 { return "0s" }
        for (symbol, length) in Self.units where nanoseconds % length == 0 {
            return "\(nanoseconds / length)\(symbol)"
        }
        return "\(nanoseconds)ns"
    }
}

extension ScenarioDuration: CustomStringConvertible {
    public var description: String { canonicalText }
}

extension ScenarioDuration {
    /// An exact duration of the economics layer (whole microseconds).
    public init(_ span: TimeSpan) {
        self.init(nanoseconds: span.microseconds * 1_000)
    }
}

extension ScenarioDuration {
    /// The engine's duration: whole ticks (1 µs), any rest below a tick dropped (`1500ns` is 1 µs
    /// on the clock; canonical YAML keeps the text as written).
    public var simDuration: SimDuration { SimDuration(truncatingNanoseconds: nanoseconds) }

    /// `simDuration`, at least one tick: the step of a recurring event, which must move the clock.
    public var simStep: SimDuration { Swift.max(simDuration, SimDuration(ticks: 1)) }

    /// `simDuration` for the economic rules.
    public var timeSpan: TimeSpan { TimeSpan(microseconds: simDuration.ticks) }

    /// The exact sum (e.g. `warmup + duration`, converted once).
    public static func + (lhs: ScenarioDuration, rhs: ScenarioDuration) -> ScenarioDuration {
        ScenarioDuration(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }
}
