import GCTEconomics
import GCTEngine

/// The state of the world at one sampling instant (every `metrics.interval`).
///
/// Field order and names are the `/timeseries` datasets of the HDF5 trajectory
/// (see `MetricSample.columns`).
public struct MetricSample: Hashable, Sendable {
    public var time: SimTime
    // Supply (base units).
    public var minted: TokenAmount
    public var burned: TokenAmount
    public var totalSupply: TokenAmount
    public var circulating: TokenAmount
    public var staked: TokenAmount
    public var held: TokenAmount
    // Market.
    public var queueLength: Int64
    public var running: Int64
    public var capacity: Int64
    public var priceMultiplier: Double
    public var consensusPrice: Double
    public var tokenVelocity: Double
    public var flameFactor: Double
    // Counters since the start.
    public var arrived: Int64
    public var completed: Int64
    public var failed: Int64
    public var balked: Int64
    public var insufficient: Int64
    // Staking.
    public var stakingPromised: TokenAmount
    public var stakingPaid: TokenAmount
    public var stakingShortfall: TokenAmount
    public var emissionCapShortfall: TokenAmount
    public var validatorEmissionMinted: TokenAmount
    public var emissionUndistributed: TokenAmount
    public var feePoolBalance: TokenAmount
    // Oracle.
    public var reputationMin: Double
    public var reputationMedian: Double
    public var reputationMax: Double
    public var alarms: Int64
    // Governance.
    public var proposalsPassed: Int64
    public var burnRate: Double
}

/// A column of the time series: its name, units and description.
public struct MetricColumn: Hashable, Sendable {
    public enum Kind: Sendable { case int64, double }
    public var name: String
    public var kind: Kind
    public var units: String
    public var description: String
}

extension MetricSample {
    /// The documented time-series columns, in order; `forEachValue(_:_:)` gives the values in the same order.
    public static let columns: [MetricColumn] = [
        .init(name: "time_s", kind: .double, units: "s", description: "simulated time of the sample"),
        .init(name: "minted", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative tokens minted"),
        .init(name: "burned", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative tokens burned"),
        .init(name: "total_supply", kind: .int64, units: "base units (1e-9 GCT)", description: "minted - burned"),
        .init(name: "circulating", kind: .int64, units: "base units (1e-9 GCT)", description: "total - staked - protocol accounts"),
        .init(name: "staked", kind: .int64, units: "base units (1e-9 GCT)", description: "tokens bonded in staking positions"),
        .init(name: "held", kind: .int64, units: "base units (1e-9 GCT)", description: "tokens escrowed for queued or running work"),
        .init(name: "queue_length", kind: .int64, units: "requests", description: "requests waiting in the FLAME queue"),
        .init(name: "running", kind: .int64, units: "requests", description: "executions in progress"),
        .init(name: "capacity", kind: .int64, units: "servers", description: "execution slots in service"),
        .init(name: "price_multiplier", kind: .double, units: "1", description: "market multiplier of the last oracle round (1 without oracle)"),
        .init(name: "consensus_price", kind: .double, units: "GCT per GPU-hour", description: "oracle consensus GPU-hour price (0 without oracle)"),
        .init(name: "token_velocity", kind: .double, units: "1/year or 1", description: "token velocity of the auto-scaling rule (`autoscaling.velocity`: annualized, 1/year; relative, last period / mean period)"),
        .init(name: "flame_factor", kind: .double, units: "1", description: "median over the requested operations of the FLAME factor (price drift × demand × performance × scarcity) a request would be priced with now (1 in fixed-price mode)"),
        .init(name: "arrived", kind: .int64, units: "requests", description: "requests arrived since the start"),
        .init(name: "completed", kind: .int64, units: "requests", description: "executions completed since the start"),
        .init(name: "failed", kind: .int64, units: "requests", description: "executions failed (refunded) since the start"),
        .init(name: "balked", kind: .int64, units: "requests", description: "requests not submitted because the price exceeded the user's maximum"),
        .init(name: "insufficient", kind: .int64, units: "requests", description: "requests refused for insufficient tokens"),
        .init(name: "staking_promised", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative staking rewards promised by the spec's APY"),
        .init(name: "staking_paid", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative staking rewards paid"),
        .init(name: "staking_shortfall", kind: .int64, units: "base units (1e-9 GCT)", description: "promised - paid"),
        .init(name: "emission_cap_shortfall", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative emission blocked by the cap"),
        .init(name: "validator_emission_minted", kind: .int64, units: "base units (1e-9 GCT)", description: "cumulative validator emission minted"),
        .init(name: "emission_undistributed", kind: .int64, units: "base units (1e-9 GCT)", description: "balance of the emission pool: minted, held by no one (0 after every epoch by default)"),
        .init(name: "fee_pool_balance", kind: .int64, units: "base units (1e-9 GCT)", description: "balance of the fee pool"),
        .init(name: "reputation_min", kind: .double, units: "1", description: "lowest validator reputation"),
        .init(name: "reputation_median", kind: .double, units: "1", description: "median validator reputation"),
        .init(name: "reputation_max", kind: .double, units: "1", description: "highest validator reputation"),
        .init(name: "alarms", kind: .int64, units: "alarms", description: "manipulation alarms since the start"),
        .init(name: "proposals_passed", kind: .int64, units: "proposals", description: "governance proposals passed since the start"),
        .init(name: "burn_rate", kind: .double, units: "1", description: "burn rate in force"),
    ]

    /// The sample's values in `columns` order: `.int64` columns as `Int64`, `.double` as `Double`.
    public func forEachValue(_ int: (Int64) -> Void, _ double: (Double) -> Void) {
        double(time.seconds)
        for v in [minted, burned, totalSupply, circulating, staked, held] { int(v.baseUnits) }
        int(queueLength); int(running); int(capacity)
        double(priceMultiplier); double(consensusPrice); double(tokenVelocity); double(flameFactor)
        int(arrived); int(completed); int(failed); int(balked); int(insufficient)
        for v in [stakingPromised, stakingPaid, stakingShortfall, emissionCapShortfall, validatorEmissionMinted, emissionUndistributed, feePoolBalance] { int(v.baseUnits) }
        double(reputationMin); double(reputationMedian); double(reputationMax)
        int(alarms); int(proposalsPassed)
        double(burnRate)
    }
}
