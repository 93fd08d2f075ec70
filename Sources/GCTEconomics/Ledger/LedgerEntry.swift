/// The record of one ledger change (PRD-010 `BillingSystem.transaction_history`).
///
/// The ledger hands each entry to its sink; the caller decides whether to keep,
/// stream or drop it, so memory need not grow with history.
@frozen
public struct LedgerEntry: Hashable, Sendable {
    public enum Operation: UInt8, Sendable, Hashable, CaseIterable {
        case mint, burn, transfer, hold, release, capture, stake, unstake, slash
    }

    /// Why money moved.
    public enum Memo: UInt8, Sendable, Hashable, CaseIterable {
        case genesis, execution, refund, stakingReward, miningEmission, validatorEmission
        case slash, governance, topUp, fee, other
    }

    /// 1, 2, 3, … in the order the ledger applied the changes.
    public var sequence: UInt64
    public var operation: Operation
    public var memo: Memo
    /// Source account, or `nil` for a mint.
    public var from: AccountID?
    /// Destination account, or `nil` for a burn.
    public var to: AccountID?
    public var amount: TokenAmount
}
