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
    /// Which consensus fields set the congestion factor users pay (`nil`: `ratio`, the
    /// supply/demand ratio alone; see docs/world-model.md, "The price loop").
    public var congestionFrom: CongestionSource?
    /// Turn each detector alarm into an investigation that slashes the reports found on the
    /// alarm's side beyond the detector's threshold (`economy.slashing.proven_manipulation`;
    /// `nil`: off). See docs/attacks.md.
    public var investigateAlarms: Bool?
    /// Fewest reports for a consensus (`nil`: the spec's 3; governable as `oracle_min_reports`).
    /// A round with fewer is short: no consensus, the multiplier stays.
    public var minReports: Int?

    public init(
        period: ScenarioDuration = .minutes(5), outlierMaxDeviation: Rate = Rate(25, over: 100),
        slashOutliers: Bool = false, slashUnavailable: Bool = false, detector: Bool = true,
        regionalPricing: Bool = false, timeOfDayPricing: Bool = false, utcOffsetHours: Double = 0,
        congestionFrom: CongestionSource? = nil, investigateAlarms: Bool? = nil,
        minReports: Int? = nil
    ) {
        self.minReports = minReports
        self.congestionFrom = congestionFrom
        self.investigateAlarms = investigateAlarms
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

/// Which consensus fields set the congestion factor of every price.
public enum CongestionSource: String, CaseIterable, Hashable, Sendable {
    /// The market multiplier of the consensus capacity/demand ratio (the price field is unused).
    case ratio
    /// The consensus GPU-hour price over the base price (equal to the multiplier when honest).
    case price
    /// The geometric mean of the two: every reported field moves prices.
    case both
}
