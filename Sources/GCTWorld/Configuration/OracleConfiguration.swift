import GCTEconomics

/// Oracle rounds (`oracle:` in a scenario): how often validators report and what is done with
/// the reports. Needs a `validators:` section; when absent, no oracle rounds run.
public struct OracleConfiguration: Hashable, Sendable {
    /// Time between rounds (> 0).
    public var period: ScenarioDuration
    /// A report deviating from consensus by more than this fraction is an outlier (departure P7).
    public var outlierMaxDeviation: Rate
    /// Slash outliers (`economy.slashing.oracle_outlier`).
    public var slashOutliers: Bool
    /// Slash validators that miss a round (`economy.slashing.unavailability`).
    public var slashUnavailable: Bool
    /// Run `detect_price_manipulation` on each consensus price.
    public var detector: Bool
    /// Price per region (`calculate_regional_pricing_multipliers`, departure P12).
    public var regionalPricing: Bool
    /// Time-of-day pricing (`calculate_time_of_day_multiplier`, departure P12).
    public var timeOfDayPricing: Bool
    /// The UTC offset of the "local" clock of time-of-day pricing, in hours.
    public var utcOffsetHours: Double

    public init(
        period: ScenarioDuration = .minutes(5), outlierMaxDeviation: Rate = Rate(25, over: 100),
        slashOutliers: Bool = false, slashUnavailable: Bool = false, detector: Bool = true,
        regionalPricing: Bool = false, timeOfDayPricing: Bool = false, utcOffsetHours: Double = 0
    ) {
        self.period = period
        self.outlierMaxDeviation = outlierMaxDeviation
        self.slashOutliers = slashOutliers
        self.slashUnavailable = slashUnavailable
        self.detector = detector
        self.regionalPricing = regionalPricing
        self.timeOfDayPricing = timeOfDayPricing
        self.utcOffsetHours = utcOffsetHours
    }
}
