/// Escrow for queued work: hold, release, capture.
extension Ledger {
    /// Moves `amount` of `account`'s balance into escrow (held for queued work).
    public mutating func hold(_ amount: TokenAmount, on account: AccountID) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        let available = accounts[account.index].balance
        guard amount <= available else { throw .insufficientBalance(account: account, needed: amount, available: available) }
        adjust(account, balance: -amount.baseUnits, held: amount.baseUnits)
        record(.hold, .execution, from: account, to: account, amount)
    }

    /// Returns `amount` of escrow to `account`'s balance (a refund path).
    public mutating func release(_ amount: TokenAmount, on account: AccountID, memo: LedgerEntry.Memo = .refund) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        let held = accounts[account.index].held
        guard amount <= held else { throw .insufficientHeld(account: account, needed: amount, available: held) }
        adjust(account, balance: amount.baseUnits, held: -amount.baseUnits)
        record(.release, memo, from: account, to: account, amount)
    }

    /// Settles an execution from `payer`'s escrow in one all-or-nothing step:
    /// burns `split.burned` and pays the provider, validator and fee-pool shares.
    ///
    /// - Throws: `.insufficientHeld` if `payer` holds less than `split.payment`;
    ///   `.unknownAccount` for any unknown account. Nothing changes on error.
    public mutating func settle(
        _ split: PaymentSplit, heldBy payer: AccountID,
        provider: AccountID, validatorPool: AccountID, feePool: AccountID
    ) throws(LedgerError) {
        try Ledger.checkPositive(split.payment)
        try check(payer)
        try check(provider)
        try check(validatorPool)
        try check(feePool)
        let held = accounts[payer.index].held
        guard split.payment <= held else { throw .insufficientHeld(account: payer, needed: split.payment, available: held) }
        precondition(split.burned + split.provider + split.validators + split.feePool == split.payment, "split must be complete")
        adjust(payer, held: -split.payment.baseUnits)
        if split.burned.isPositive {
            burned += split.burned
            record(.burn, .execution, from: payer, to: nil, split.burned)
        }
        credit(provider, split.provider, from: payer)
        credit(validatorPool, split.validators, from: payer)
        credit(feePool, split.feePool, from: payer)
    }

    @inline(__always)
    private mutating func credit(_ to: AccountID, _ amount: TokenAmount, from payer: AccountID) {
        guard amount.isPositive else { return }
        adjust(to, balance: amount.baseUnits)
        record(.capture, .execution, from: payer, to: to, amount)
    }

    /// Moves `amount` from `payer`'s escrow to `destination`'s balance.
    public mutating func capture(_ amount: TokenAmount, heldBy payer: AccountID, to destination: AccountID, memo: LedgerEntry.Memo = .execution) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(payer)
        try check(destination)
        let held = accounts[payer.index].held
        guard amount <= held else { throw .insufficientHeld(account: payer, needed: amount, available: held) }
        adjust(payer, held: -amount.baseUnits)
        adjust(destination, balance: amount.baseUnits)
        record(.capture, memo, from: payer, to: destination, amount)
    }
}
