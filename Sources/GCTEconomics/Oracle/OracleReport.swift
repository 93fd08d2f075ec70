/// One validator's report to the oracle (PRD-010's `NodeReport`, reduced to what consensus uses).
///
/// `values` hold the reported fields in the order of the consensus call's field list
/// (e.g. `gpu_hour_price`, `available_memory_gb`, `gpu_utilization_percent`).
public struct OracleReport: Hashable, Sendable {
    public var validatorID: String
    /// `stake_amount`.
    public var stake: TokenAmount
    /// `reputation_score` before this round.
    public var reputation: Reputation
    public var values: [FixedDecimal]

    public init(validatorID: String, stake: TokenAmount, reputation: Reputation, values: [FixedDecimal]) {
        self.validatorID = validatorID
        self.stake = stake
        self.reputation = reputation
        self.values = values
    }

    /// `reputation × stake`, exact: ppb × base units.
    public var weight: UInt128 { UInt128(reputation.ppb) * UInt128(max(stake.baseUnits, 0)) }
}

/// A validator that did not answer this round (`query_validator_node` failed).
public struct UnavailableValidator: Hashable, Sendable {
    public var validatorID: String
    public var reputation: Reputation
    public init(validatorID: String, reputation: Reputation) {
        self.validatorID = validatorID
        self.reputation = reputation
    }
}
