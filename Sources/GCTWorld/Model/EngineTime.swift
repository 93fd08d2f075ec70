import GCTEconomics
import GCTEngine

extension SimDuration {
    /// The economics layer's time span of this duration (both count microseconds).
    var timeSpan: TimeSpan { TimeSpan(microseconds: ticks) }
}

extension SimTime {
    /// The economics layer's timestamp at this simulated time (both count microseconds).
    @inlinable
    var timestamp: Timestamp { Timestamp(microseconds: ticks) }
}
