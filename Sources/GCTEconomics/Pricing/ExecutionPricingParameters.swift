/// The parameters of the four multipliers of `calculate_execution_cost` and of the price update.
///
/// PRD-010 names `calculate_demand_multiplier`, `calculate_performance_multiplier`,
/// `get_network_congestion_multiplier`, `calculate_resource_scarcity_multiplier` and
/// `update_lambda_pricing` without formulas; GCTSim defines them (departures row P2):
///
/// - demand = `min(1 + demandSlope × demandLevel, demandCap)`, with
///   `demandLevel = pending(f) / capacity` (requests of this function running or queued,
///   before the one being priced, per execution slot);
/// - performance = `1 − performanceWeight × (1 − successRate)`, `successRate` = successes /
///   (successes + failures), 1 with no history ("better performing functions cost more");
/// - congestion = a factor the caller passes (e.g. the oracle's market multiplier), default 1;
/// - scarcity = `1 + scarcitySlope × max(0, utilization − scarcityThreshold) / (1 − scarcityThreshold)`,
///   `utilization = running / capacity` of the whole engine;
/// - price update after a success: `price × (1 + priceStep × (demandLevel − 1))`, kept within
///   `[minimumPriceRatio, maximumPriceRatio] × initialPrice`, rounded up.
///
/// `neutral` makes every multiplier exactly 1 and freezes the price.
public struct ExecutionPricingParameters: Hashable, Sendable {
    public var demandSlope: Rate
    public var demandCap: Rate
    public var performanceWeight: Rate
    public var scarcitySlope: Rate
    /// In [0, 1).
    public var scarcityThreshold: Rate
    public var priceStep: Rate
    public var minimumPriceRatio: Rate
    public var maximumPriceRatio: Rate
    /// How the price moves after a success (`.literal` in `default`; departure P2).
    public var priceUpdate: PriceUpdateRule = .literal

    public init(
        demandSlope: Rate, demandCap: Rate, performanceWeight: Rate, scarcitySlope: Rate, scarcityThreshold: Rate,
        priceStep: Rate, minimumPriceRatio: Rate, maximumPriceRatio: Rate
    ) {
        precondition(scarcityThreshold < .one && performanceWeight <= .one && demandCap >= .one)
        precondition(minimumPriceRatio <= .one && maximumPriceRatio >= .one)
        self.demandSlope = demandSlope
        self.demandCap = demandCap
        self.performanceWeight = performanceWeight
        self.scarcitySlope = scarcitySlope
        self.scarcityThreshold = scarcityThreshold
        self.priceStep = priceStep
        self.minimumPriceRatio = minimumPriceRatio
        self.maximumPriceRatio = maximumPriceRatio
    }

    /// demandSlope 0.1, demandCap 3, performanceWeight 0.2, scarcitySlope 0.5 above 80 %
    /// utilization, priceStep 0.01 within [0.5, 4] × the initial price.
    public static let `default` = ExecutionPricingParameters(
        demandSlope: Rate(1, over: 10), demandCap: Rate(3, over: 1), performanceWeight: Rate(1, over: 5),
        scarcitySlope: Rate(1, over: 2), scarcityThreshold: Rate(4, over: 5), priceStep: Rate(1, over: 100),
        minimumPriceRatio: Rate(1, over: 2), maximumPriceRatio: Rate(4, over: 1))

    /// Every multiplier 1, price never updated.
    public static let neutral = ExecutionPricingParameters(
        demandSlope: .zero, demandCap: .one, performanceWeight: .zero, scarcitySlope: .zero,
        scarcityThreshold: .zero, priceStep: .zero, minimumPriceRatio: .one, maximumPriceRatio: .one)
}

/// The four multipliers of one execution cost, and the cost (`calculate_execution_cost`).
public struct ExecutionCostBreakdown: Hashable, Sendable {
    public var currentPrice: TokenAmount
    public var demand: Rate
    public var performance: Rate
    public var congestion: Rate
    public var scarcity: Rate
    /// `current_price × demand × performance × congestion × scarcity`, rounded **up**.
    public var cost: TokenAmount
}

/// The rule of `update_lambda_pricing` (departure P2).
public enum PriceUpdateRule: String, Hashable, Sendable, CaseIterable {
    /// `price × (1 + priceStep × (pending(f)/capacity − 1))`: one function's pending work against
    /// the whole pool's capacity, so the price drifts down whenever any server is idle.
    case literal
    /// The price relaxes by `priceStep` of the gap toward `initial × max(1, load)` with
    /// `load = (queued + running)/capacity` of the pool: the formula's price while no work waits,
    /// above it in proportion to the backlog (then within the ratio bounds).
    case load
}
