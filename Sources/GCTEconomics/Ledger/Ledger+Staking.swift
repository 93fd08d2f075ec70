/// Bonding and slashing of staked tokens (the money side; positions live in `StakingBook`).
extension Ledger {
    /// Moves `amount` of `account`'s balance into its staked tokens.
    ///
    /// Only circulating accounts (users, providers, validators) stake; protocol accounts are refused
    /// with `.notStakeable`.
    public mutating func stake(_ amount: TokenAmount, on account: AccountID) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        guard accounts[account.index].kind.isCirculating else { throw .notStakeable(account) }
        let available = accounts[account.index].balance
        guard amount <= available else { throw .insufficientBalance(account: account, needed: amount, available: available) }
        adjust(account, balance: -amount.baseUnits, staked: amount.baseUnits)
        record(.stake, .other, from: account, to: account, amount)
    }

    /// Returns `amount` of `account`'s staked tokens to its balance.
    public mutating func unstake(_ amount: TokenAmount, on account: AccountID) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        let staked = accounts[account.index].staked
        guard amount <= staked else { throw .insufficientStaked(account: account, needed: amount, available: staked) }
        adjust(account, balance: amount.baseUnits, staked: -amount.baseUnits)
        record(.unstake, .other, from: account, to: account, amount)
    }

    /// Removes `amount` of `account`'s staked tokens, burning them (`destination == nil`)
    /// or sending them to `destination`'s balance (e.g. the treasury).
    public mutating func slash(_ amount: TokenAmount, on account: AccountID, to destination: AccountID?) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        if let destination { try check(destination) }
        let staked = accounts[account.index].staked
        guard amount <= staked else { throw .insufficientStaked(account: account, needed: amount, available: staked) }
        adjust(account, staked: -amount.baseUnits)
        if let destination {
            adjust(destination, balance: amount.baseUnits)
        } else {
            burned += amount
        }
        record(.slash, .slash, from: account, to: destination, amount)
    }
}
