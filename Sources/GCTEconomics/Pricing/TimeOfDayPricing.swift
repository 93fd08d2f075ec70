/// PRD-010's `calculate_time_of_day_multiplier()` ("encourage off-peak usage"), undefined in the
/// spec; GCTSim defines it with parameters (departures row P12).
///
/// The local hour is `⌊(t / 1 h + utcOffsetHours)⌋ mod 24` of the caller's timestamp; hours in
/// `[peakStartHour, peakEndHour)` pay `peakMultiplier`, the others `offPeakMultiplier`.
public struct TimeOfDayPricing: Hashable, Sendable {
    public var utcOffsetHours: Int
    public var peakStartHour: Int
    public var peakEndHour: Int
    public var peakMultiplier: Rate
    public var offPeakMultiplier: Rate

    public init(utcOffsetHours: Int = 0, peakStartHour: Int = 9, peakEndHour: Int = 18,
                peakMultiplier: Rate = Rate(6, over: 5), offPeakMultiplier: Rate = Rate(9, over: 10)) {
        precondition((0...24).contains(peakStartHour) && (0...24).contains(peakEndHour))
        self.utcOffsetHours = utcOffsetHours
        self.peakStartHour = peakStartHour
        self.peakEndHour = peakEndHour
        self.peakMultiplier = peakMultiplier
        self.offPeakMultiplier = offPeakMultiplier
    }

    /// Peak 09:00–18:00 at 1.2, off-peak 0.9.
    public static let `default` = TimeOfDayPricing()
    /// Always 1.
    public static let neutral = TimeOfDayPricing(peakMultiplier: .one, offPeakMultiplier: .one)

    /// The local hour (0…23) at `time`.
    public func hour(at time: Timestamp) -> Int {
        let hoursSinceEpoch = time.microseconds >= 0
            ? time.microseconds / 3_600_000_000
            : (time.microseconds - 3_599_999_999) / 3_600_000_000
        let h = (hoursSinceEpoch + Int64(utcOffsetHours)) % 24
        return Int(h < 0 ? h + 24 : h)
    }

    /// The multiplier at `time`.
    public func multiplier(at time: Timestamp) -> Rate {
        let h = hour(at: time)
        let peak = peakStartHour <= peakEndHour
            ? (h >= peakStartHour && h < peakEndHour)
            : (h >= peakStartHour || h < peakEndHour)  // a peak window across midnight
        return peak ? peakMultiplier : offPeakMultiplier
    }
}
