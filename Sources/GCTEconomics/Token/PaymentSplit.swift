/// How the part of an execution payment that is not burned is shared out.
///
/// PRD-010 says only "Distribute rewards to validators and miners"
/// (`distribute_execution_rewards(execution_cost - burn_amount, ...)`); the split is
/// ours, a parameter (see docs/departures-from-spec.md, row "distribution split").
/// Shares are exact rates that must add up to exactly 1.
public struct DistributionShares: Hashable, Sendable {
    /// The provider that ran the work.
    public var provider: Rate
    /// The validator set (the oracle network), paid into the validator reward pool.
    public var validators: Rate
    /// The protocol fee pool (treasury).
    public var feePool: Rate

    /// Default: 85 % provider, 10 % validators, 5 % fee pool.
    public static let `default` = DistributionShares(
        provider: Rate(85, over: 100), validators: Rate(10, over: 100), feePool: Rate(5, over: 100))

    /// The three shares; check `isComplete` (scenarios do, at load) before using them.
    public init(provider: Rate, validators: Rate, feePool: Rate) {
        self.provider = provider
        self.validators = validators
        self.feePool = feePool
    }

    /// Whether the shares add up to exactly 1.
    public var isComplete: Bool {
        guard let a = Rate.adding(provider, validators), let b = Rate.adding(a, feePool) else { return false }
        return b == .one
    }
}

/// An execution payment cut into its burned and distributed parts.
///
/// `burned + provider + validators + feePool == payment`, to the base unit.
public struct PaymentSplit: Hashable, Sendable {
    public var payment: TokenAmount
    public var burned: TokenAmount
    public var provider: TokenAmount
    public var validators: TokenAmount
    public var feePool: TokenAmount

    /// Cuts `payment` as PRD-010's `execute_lambda_function` does:
    /// `burn_amount = execution_cost * burn_rate`, then
    /// `distribute_execution_rewards(execution_cost - burn_amount, ...)`.
    ///
    /// Rounding: the burn is rounded **down** (never burn more than the rate says);
    /// the validator and fee-pool shares are rounded **down**; the provider receives
    /// the rest, so every base unit of the payment is accounted for.
    ///
    /// Worked example: a 1.11375 GCT payment at 0.5 % burns exactly 0.00556875 GCT.
    public init(payment: TokenAmount, burnRate: Rate, shares: DistributionShares) {
        precondition(payment.baseUnits >= 0, "a payment is non-negative")
        self.payment = payment
        burned = payment.multiplied(by: burnRate, rounding: .down)
        let rest = payment - burned
        validators = rest.multiplied(by: shares.validators, rounding: .down)
        feePool = rest.multiplied(by: shares.feePool, rounding: .down)
        provider = rest - validators - feePool
    }
}
