/// The three scores of `update_validator_reputation`, each in [0, 1] (ppb); PRD-010 names them
/// without definitions (departures row P9).
public struct ReputationScores: Hashable, Sendable {
    public var accuracy: Reputation
    public var availability: Reputation
    public var responseTime: Reputation

    public init(accuracy: Reputation, availability: Reputation, responseTime: Reputation) {
        self.accuracy = accuracy
        self.availability = availability
        self.responseTime = responseTime
    }

    /// Accuracy: the mean over fields of `max(0, 1 − |v − m| / (maxRelativeDeviation × m))`: 1 at the
    /// consensus, 0 at or beyond the outlier threshold. Where `m = 0`: 1 if `v = 0`, else 0.
    /// Rounded down to 1 ppb.
    public static func accuracy(values: [FixedDecimal], consensus: [FixedDecimal], maxRelativeDeviation: Rate) -> Reputation {
        precondition(values.count == consensus.count && !values.isEmpty)
        var sum: UInt128 = 0
        for (v, m) in zip(values, consensus) {
            let dev = UInt128(abs(v.nanos - m.nanos))
            // tolerance = k × m in units of 10⁻⁹ × k.d
            let tol = UInt128(maxRelativeDeviation.numerator) * UInt128(m.nanos)
            let scaledDev = dev * UInt128(maxRelativeDeviation.denominator)
            if tol == 0 {
                sum += dev == 0 ? 1_000_000_000 : 0
            } else if scaledDev < tol {
                sum += ExactArithmetic.divide((tol - scaledDev) * 1_000_000_000, by: tol, rounding: .down).quotient
            }
        }
        return Reputation(ppb: Int64(sum / UInt128(values.count)))
    }

    /// Availability: answered / asked over the caller's window, rounded down; 1 when never asked.
    public static func availability(answered: Int64, asked: Int64) -> Reputation {
        precondition(answered >= 0 && answered <= asked)
        guard asked > 0 else { return .full }
        return Reputation(ppb: Int64(ExactArithmetic.divide(UInt128(answered) * 1_000_000_000, by: UInt128(asked), rounding: .down).quotient))
    }

    /// Response time: 1 up to `target`, 0 from `deadline`, linear between (rounded down).
    public static func responseTime(latency: TimeSpan, target: TimeSpan, deadline: TimeSpan) -> Reputation {
        precondition(target < deadline)
        if latency <= target { return .full }
        if latency >= deadline { return .zero }
        let left = UInt128(deadline.microseconds - latency.microseconds)
        let span = UInt128(deadline.microseconds - target.microseconds)
        return Reputation(ppb: Int64(ExactArithmetic.divide(left * 1_000_000_000, by: span, rounding: .down).quotient))
    }
}

/// PRD-010's `update_validator_reputation`.
public enum ReputationUpdate {
    /// ```julia
    /// reputation_change = (accuracy_score * 0.4 + availability_score * 0.3 + response_time_score * 0.3) - 0.5
    /// reputation_adjustment = reputation_change * 0.1
    /// new_reputation = clamp(current_reputation + reputation_adjustment, 0.0, 1.0)
    /// ```
    ///
    /// Exact in ppb: adjustment = (4a + 3v + 3r − 5·10⁹) / 100, truncated toward zero (a
    /// fraction of a ppb). Worked: scores all 1 → +0.05; all 0 → −0.05; 0.5 each → 0.
    public static func adjustment(_ s: ReputationScores) -> Int64 {
        (4 * s.accuracy.ppb + 3 * s.availability.ppb + 3 * s.responseTime.ppb - 5_000_000_000) / 100
    }

    /// The new reputation, clamped to [0, 1].
    public static func updated(current: Reputation, scores: ReputationScores) -> Reputation {
        Reputation(clampingPPB: current.ppb + adjustment(scores))
    }
}
