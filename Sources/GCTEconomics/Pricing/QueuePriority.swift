#if canImport(Glibc)
import Glibc  // log, sqrt (libm); no Foundation in the pure layer
#elseif canImport(Darwin)
import Darwin
#endif

/// The curve that turns a payment into queue priority.
public enum QueuePriorityCurve: String, Hashable, Sendable, CaseIterable, Codable {
    /// PRD-010 as written: `tokens·100 − (tokens > 100 ? ln(tokens/100)·0.1 : 0)`. The
    /// anti-whale penalty is negligible (≈ 0.92 against 10⁸ at 10⁶ tokens).
    case spec
    /// Linear up to 100 tokens, then `10⁴·(1 + ln(tokens/100))`: continuous with a continuous
    /// slope at 100 tokens, and real diminishing returns (departures row P4).
    case logarithmic
    /// Linear up to 100 tokens, then `10⁴·√(tokens/100)` (departures row P4).
    case squareRoot
}

/// The parts of a queue priority, as `calculate_queue_priority` computes them.
public struct QueuePriorityBreakdown: Hashable, Sendable {
    /// The final priority: `tokenPriority − whalePenalty + fairness`.
    public var priority: Double
    /// `Float64(tokens_paid) * 100.0`.
    public var tokenPriority: Double
    /// What the curve subtracts from `tokenPriority` (the spec's `whale_penalty`).
    public var whalePenalty: Double
    /// `u × 0.1`, the fairness term.
    public var fairness: Double
}

/// PRD-010's `calculate_queue_priority`.
public enum QueuePriority {
    /// The priority of a payment:
    ///
    /// ```julia
    /// token_priority = Float64(tokens_paid) * 100.0
    /// if tokens_paid > Decimal("100")
    ///     token_priority -= log(Float64(tokens_paid / Decimal("100"))) * 0.1
    /// end
    /// return token_priority + rand() * 0.1
    /// ```
    ///
    /// The spec's `rand()` is the parameter `u` (in [0, 1)), drawn by the caller from its own
    /// random stream. Priority is an ordering key, not money, so it is a `Double` as in the spec.
    ///
    /// Worked (`.spec`, u = 0): 50 → 5000; 100 → 10 000; 1000 → 100 000 − ln(10)·0.1 = 99 999.769741…;
    /// 10⁶ → 10⁸ − ln(10⁴)·0.1 = 99 999 999.078966….
    ///
    /// - Parameters:
    ///   - tokensPaid: the payment.
    ///   - u: the fairness draw, in [0, 1).
    ///   - curve: `.spec` (default) or an alternative anti-whale curve.
    public static func calculate(tokensPaid: TokenAmount, u: Double, curve: QueuePriorityCurve = .spec)
        -> QueuePriorityBreakdown
    {
        let tokens = tokensPaid.approximateGCT
        let tokenPriority = tokens * 100.0
        var penalty = 0.0
        if tokensPaid > TokenAmount(gct: 100) {
            let x = tokens / 100.0
            switch curve {
            case .spec: penalty = log(x) * 0.1
            case .logarithmic: penalty = tokenPriority - 10_000.0 * (1.0 + log(x))
            case .squareRoot: penalty = tokenPriority - 10_000.0 * x.squareRoot()
            }
        }
        let fairness = u * 0.1
        return QueuePriorityBreakdown(
            priority: tokenPriority - penalty + fairness, tokenPriority: tokenPriority,
            whalePenalty: penalty, fairness: fairness)
    }
}
