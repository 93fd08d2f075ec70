/// Which market multiplier formula to use.
public enum MarketMultiplierMode: String, Hashable, Sendable, CaseIterable, Codable {
    /// PRD-010's code as written, bugs included (departures row P1).
    case literal
    /// Continuous, non-increasing in the ratio, within [0.6, 3.0], equal to the spec inside the
    /// balanced band [0.5, 2] (departures row P1). The default.
    case fixed
}

/// PRD-010's dynamic price multiplier of `calculate_market_prices`, from the supply/demand ratio.
///
/// The spec's text promises "Dynamic Multipliers: 0.6x to 3.0x based on supply/demand"; its code:
///
/// ```julia
/// if supply_demand_ratio > 2.0
///     price_multiplier = 0.8 + (supply_demand_ratio - 2.0) * 0.05
///     price_multiplier = min(price_multiplier, 0.6)  # Floor at 60% of base price
/// elseif supply_demand_ratio < 0.5
///     price_multiplier = 1.2 + (0.5 - supply_demand_ratio) * 0.5
///     price_multiplier = min(price_multiplier, 3.0)  # Cap at 300% of base price
/// else
///     price_multiplier = 1.0 + (1.0 - supply_demand_ratio) * 0.2
/// end
/// ```
///
/// contradicts it: above 2 it is always 0.6 (`min` should be `max`, and the slope sign is
/// reversed), the 3.0 cap is unreachable (the maximum is 1.45 at ratio 0), and it jumps at 0.5
/// (1.1 → 1.2) and at 2 (0.8 → 0.6). `fixed` mode repairs all four:
///
/// - ratio > 2: `max(0.8 − (ratio − 2) × oversupplySlope, floor)` (0.05, 0.6: the floor is reached at ratio 6);
/// - ratio < 0.5: `min(1.1 + (0.5 − ratio) × highDemandSlope, cap)` (3.8, 3.0: the cap is reached at ratio 0);
/// - otherwise the spec's `1 + (1 − ratio) × 0.2`.
public struct MarketMultiplier: Hashable, Sendable {
    public var mode: MarketMultiplierMode
    /// `fixed` mode: the decrease per unit of ratio above 2 (default 0.05, the spec's magnitude).
    public var oversupplySlope: Rate
    /// `fixed` mode: the lowest multiplier (default 0.6).
    public var floor: Rate
    /// `fixed` mode: the increase per unit of ratio below 0.5 (default 3.8, reaching the cap at ratio 0).
    public var highDemandSlope: Rate
    /// `fixed` mode: the highest multiplier (default 3.0).
    public var cap: Rate

    public init(
        mode: MarketMultiplierMode = .fixed, oversupplySlope: Rate = Rate(1, over: 20), floor: Rate = Rate(3, over: 5),
        highDemandSlope: Rate = Rate(19, over: 5), cap: Rate = Rate(3, over: 1)
    ) {
        self.mode = mode
        self.oversupplySlope = oversupplySlope
        self.floor = floor
        self.highDemandSlope = highDemandSlope
        self.cap = cap
    }

    /// The multiplier for a supply/demand ratio, exact.
    ///
    /// Worked (literal): 0 → 1.45; 0.2 → 1.35; 0.49 → 1.205; 0.5 → 1.1; 1 → 1; 2 → 0.8; 2.01 → 0.6; 10 → 0.6.
    /// Worked (fixed): 0 → 3; 0.25 → 2.05; 0.5 → 1.1; 2 → 0.8; 4 → 0.7; 10 → 0.6.
    public func multiplier(supplyDemandRatio ratio: FixedDecimal) -> Rate {
        let r = Int128(ratio.nanos)
        let s = Int128(FixedDecimal.scale)
        if r > 2 * s {
            switch mode {
            case .literal:
                // 0.8 + (r − 2)/20 = (14 + r) / 20, then min with 0.6
                return Rate.min(Self.rate(14 * s + r, 20 * s), Rate(3, over: 5))
            case .fixed:
                // 0.8 − (r − 2) × slope, then max with the floor
                let drop = Self.product(r - 2 * s, s, oversupplySlope)
                let value = Self.difference(Rate(4, over: 5), drop)
                return Rate.max(value ?? .zero, floor)
            }
        } else if r < s / 2 {
            switch mode {
            case .literal:
                // 1.2 + (0.5 − r) × 0.5 = (2.9 − r) / 2, then min with 3
                return Rate.min(Self.rate(29 * s / 10 - r, 2 * s), Rate(3, over: 1))
            case .fixed:
                let rise = Self.product(s / 2 - r, s, highDemandSlope)
                return Rate.min(Self.sum(Rate(11, over: 10), rise), cap)
            }
        } else {
            // 1 + (1 − r) × 0.2 = (6 − r) / 5
            return Self.rate(6 * s - r, 5 * s)
        }
    }

    /// The multiplier for a `Double` ratio, converted at 10⁻⁹ (`FixedDecimal(approximating:)`);
    /// ratios beyond 9 × 10⁹ are treated as 9 × 10⁹. Returns `nil` for a negative or NaN ratio.
    public func multiplier(supplyDemandRatio ratio: Double) -> Rate? {
        guard let r = FixedDecimal(approximating: Swift.min(ratio, 9e9)) else { return nil }
        return multiplier(supplyDemandRatio: r)
    }

    static func rate(_ n: Int128, _ d: Int128) -> Rate { Rate.reducing(n, d)! }
    /// `(n / d) × k`, rounded up to 10⁻¹⁸ if the exact rational does not fit.
    static func product(_ n: Int128, _ d: Int128, _ k: Rate) -> Rate {
        Rate.reducing(n * Int128(k.numerator), d * Int128(k.denominator)) ?? Rate.reducing(
            (n * Int128(k.numerator) * 1_000_000_000_000_000_000 + d * Int128(k.denominator) - 1)
                / (d * Int128(k.denominator)), 1_000_000_000_000_000_000)!
    }
    static func sum(_ a: Rate, _ b: Rate) -> Rate { Rate.adding(a, b)! }
    static func difference(_ a: Rate, _ b: Rate) -> Rate? { Rate.subtracting(a, b) }
}
