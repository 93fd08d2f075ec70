/// What one reward epoch promised, paid and could not pay.
public struct RewardEpochReport: Hashable, Sendable {
    public var promised: TokenAmount = .zero
    public var paid: TokenAmount = .zero
    /// `promised − paid`: the funding gap of this epoch (reported, never hidden).
    public var shortfall: TokenAmount { promised - paid }
    public var positionsPaid: Int = 0
    public init() {}
}

extension StakingBook {
    /// Pays the rewards promised to every active position through `time`
    /// (PRD-010 `calculate_staking_rewards`, pro rata over time).
    ///
    /// Each position's promise is cumulative within its accrual period,
    /// `floor(amount × apy × elapsed / year)`, so over a year of epochs of any length
    /// the payments add up to exactly the annual figure.
    ///
    /// Funding: `.emissionPool` and `.treasury` pay from `source`'s balance, `.mint`
    /// mints within the cap, `.unfunded` pays nothing. When the funds are short,
    /// each position receives `floor(due × available / promised)` and the rest is
    /// shortfall.
    ///
    /// - Complexity: O(positions).
    public mutating func accrueRewards(
        through time: Timestamp, funding: StakingFundingSource, source: AccountID?, ledger: inout Ledger
    ) -> RewardEpochReport {
        var report = RewardEpochReport()
        var dues = [TokenAmount](repeating: .zero, count: positions.count)
        for i in positions.indices {
            var due = positions[i].pendingDue
            positions[i].pendingDue = .zero
            if positions[i].status == .active {
                let promised = StakingBook.promised(positions[i], through: time, bonusCap: bonusCap)
                due += promised - positions[i].promisedInPeriod
                positions[i].promisedInPeriod = promised
            }
            dues[i] = due
            positions[i].promisedTotal += due
            report.promised += due
        }
        guard report.promised.isPositive else { return report }
        let available: TokenAmount
        switch funding {
        case .emissionPool, .treasury: available = source.map { ledger.balance(of: $0) } ?? .zero
        case .mint: available = ledger.mintHeadroom
        case .unfunded: available = .zero
        }
        let total = report.promised
        for i in positions.indices where dues[i].isPositive {
            let pay: TokenAmount = available >= total
                ? dues[i]
                : dues[i].scaled(by: available.baseUnits, over: total.baseUnits, rounding: .down)
            guard pay.isPositive else { continue }
            do {
                if funding == .mint {
                    try ledger.mint(pay, to: positions[i].owner, memo: .stakingReward)
                } else {
                    try ledger.transfer(pay, from: source!, to: positions[i].owner, memo: .stakingReward)
                }
            } catch {
                preconditionFailure("funds were checked before paying: \(error)")
            }
            positions[i].paidTotal += pay
            report.paid += pay
            report.positionsPaid += 1
        }
        return report
    }

    /// Σ amount over active positions.
    public var activeStake: TokenAmount {
        positions.reduce(into: .zero) { if $1.status == .active { $0 += $1.amount } }
    }
}
