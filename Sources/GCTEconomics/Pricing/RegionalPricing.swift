/// PRD-010's `calculate_regional_pricing_multipliers(consensus_data)`, undefined in the spec;
/// GCTSim defines it with parameters (departures row P12).
///
/// A region's multiplier is `clamp(1 + sensitivity × (M(regionRatio) − M(globalRatio)), minimum, maximum)`,
/// where M is the market multiplier (fixed mode by default) of a supply/demand ratio: a region
/// scarcer than the network pays more, a region in surplus less. Rounded to nearest 10⁻⁹.
public struct RegionalPricing: Hashable, Sendable {
    public var market: MarketMultiplier
    public var sensitivity: Rate
    public var minimum: Rate
    public var maximum: Rate

    public init(market: MarketMultiplier = MarketMultiplier(), sensitivity: Rate = Rate(1, over: 2),
                minimum: Rate = Rate(1, over: 2), maximum: Rate = Rate(2, over: 1)) {
        self.market = market
        self.sensitivity = sensitivity
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Sensitivity 0: every region 1.
    public static let neutral = RegionalPricing(sensitivity: .zero)

    /// The multiplier of a region with `regionRatio` in a network with `globalRatio`.
    ///
    /// Worked (defaults): region 0.25 (M = 2.05), network 1 (M = 1): 1 + 0.5 × 1.05 = 1.525.
    public func multiplier(regionRatio: FixedDecimal, globalRatio: FixedDecimal) -> FixedDecimal {
        let a = market.multiplier(supplyDemandRatio: regionRatio)
        let b = market.multiplier(supplyDemandRatio: globalRatio)
        // 1 + s (a − b) in units of 10⁻⁹, on signed 128-bit integers
        let scale = Int128(FixedDecimal.scale)
        func nanos(_ r: Rate) -> Int128 {
            let (q, _) = ExactArithmetic.divide(UInt128(r.numerator) * UInt128(scale), by: UInt128(r.denominator), rounding: .toNearestOrEven)
            return Int128(q)
        }
        let diff = nanos(a) - nanos(b)
        let shifted = diff * Int128(sensitivity.numerator)
        let den = Int128(sensitivity.denominator)
        let adjust = shifted >= 0 ? (shifted + den / 2) / den : -((-shifted + den / 2) / den)
        let value = max(min(scale + adjust, nanos(maximum)), nanos(minimum))
        return FixedDecimal(nanos: Int64(max(value, 0)))
    }
}
