import GCTEconomics
import GCTEngine

extension ScenarioDuration {
    /// The duration in engine time (`SimDuration` ticks are microseconds; rounded down).
    /// Every conversion of a scenario duration to engine time goes through here.
    var engineDuration: SimDuration { SimDuration(ticks: nanoseconds / 1_000) }

    /// The duration in engine time, at least one tick: the period of a recurring event.
    var enginePeriod: SimDuration { SimDuration(ticks: Swift.max(engineDuration.ticks, 1)) }
}

extension SimDuration {
    /// The economics layer's time span of this duration (both count microseconds).
    var timeSpan: TimeSpan { TimeSpan(microseconds: ticks) }
}

extension SimTime {
    /// The economics layer's timestamp at this simulated time (both count microseconds).
    @inlinable
    var timestamp: Timestamp { Timestamp(microseconds: ticks) }
}
