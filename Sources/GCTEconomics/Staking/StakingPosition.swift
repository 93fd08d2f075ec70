/// The index of a position in a `StakingBook`.
@frozen
public struct StakingPositionID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int32
    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// PRD-010 `StakingPosition` (`user_address, amount, stake_timestamp, expected_rewards, status`),
/// plus the accrual state that lets a year of epochs pay exactly the annual figure.
public struct StakingPosition: Hashable, Sendable {
    public enum Status: String, Sendable, Hashable, Codable {
        /// Earning rewards.
        case active
        /// Unstake requested; tokens still bonded until `unbondingUntil`; no rewards.
        case unbonding
        /// Tokens returned to the owner's balance.
        case withdrawn
        /// Slashed below the staking minimum: no rewards; the owner may only withdraw.
        case slashed
    }

    public var owner: AccountID
    /// Tokens bonded in this position now.
    public var amount: TokenAmount
    public var stakedAt: Timestamp
    /// `calculate_staking_rewards(amount)`: the annual reward promised for the current amount.
    public var expectedAnnualRewards: TokenAmount
    public var status: Status
    /// When an unbonding position may be withdrawn.
    public var unbondingUntil: Timestamp?

    /// Start of the current accrual period (reset when `amount` changes).
    public var accrualStart: Timestamp
    /// Promised in the current accrual period so far (cumulative, rounded down).
    public var promisedInPeriod: TokenAmount
    /// Promised up to the end of an earlier accrual period but not yet offered for payment.
    public var pendingDue: TokenAmount
    /// Total rewards offered for payment so far (promised and due).
    public var promisedTotal: TokenAmount
    /// Total rewards actually paid.
    public var paidTotal: TokenAmount
    /// Total tokens slashed from this position.
    public var slashedTotal: TokenAmount
    /// The last offence slashed for, if any.
    public var lastOffence: Offence?

    /// Promised but not paid (the funding shortfall of this position).
    public var shortfallTotal: TokenAmount { promisedTotal - paidTotal }
}
