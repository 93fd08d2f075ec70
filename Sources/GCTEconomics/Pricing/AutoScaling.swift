/// What `auto_scale_resources` decides.
public enum ScalingAction: String, Hashable, Sendable, Codable {
    case scaleUp = "scale_up"
    case scaleDown = "scale_down"
    case maintain
}

/// A scaling decision: the action and its factor (1 for `maintain`).
public struct ScalingDecision: Hashable, Sendable {
    public var action: ScalingAction
    public var factor: Rate
}

/// PRD-010's `auto_scale_resources` rule.
public enum AutoScaling {
    /// The decision for a token velocity, a demand and a supply (same units, e.g. GPU slots):
    ///
    /// ```julia
    /// if token_velocity > 2.0 && current_demand > available_supply * 0.8
    ///     scale_factor = min(token_velocity * 0.5, 2.0)      # scale up
    /// elseif token_velocity < 0.5 && current_demand < available_supply * 0.3
    ///     scale_factor = max(token_velocity * 2.0, 0.5)      # scale down
    /// end
    /// ```
    ///
    /// Exact: all comparisons are on integers (10⁻⁹ resolution), so the boundaries (velocity
    /// exactly 2 or 0.5, demand exactly 0.8 or 0.3 × supply) maintain, as the strict inequalities say.
    /// Token velocity is defined by `TokenVelocity` (departures row P5).
    public static func decide(velocity: FixedDecimal, demand: FixedDecimal, supply: FixedDecimal) -> ScalingDecision {
        let v = Int128(velocity.nanos)
        let d = Int128(demand.nanos)
        let s = Int128(supply.nanos)
        let unit = Int128(FixedDecimal.scale)
        if v > 2 * unit && 10 * d > 8 * s {
            return ScalingDecision(action: .scaleUp, factor: Rate.min(Rate(velocity.nanos, over: 2 * FixedDecimal.scale), Rate(2, over: 1)))
        }
        if 2 * v < unit && 10 * d < 3 * s {
            // 2v = 2·v_n / 10⁹
            return ScalingDecision(
                action: .scaleDown, factor: Rate.max(Rate(velocity.nanos, over: FixedDecimal.scale / 2), Rate(1, over: 2)))
        }
        return ScalingDecision(action: .maintain, factor: .one)
    }
}
