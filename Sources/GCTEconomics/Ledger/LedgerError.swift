/// Why a ledger operation was refused. A refused operation changes nothing.
public enum LedgerError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownAccount(AccountID)
    /// Amounts must be positive (zero and negative amounts are refused).
    case nonPositiveAmount(TokenAmount)
    case insufficientBalance(account: AccountID, needed: TokenAmount, available: TokenAmount)
    case insufficientHeld(account: AccountID, needed: TokenAmount, available: TokenAmount)
    case insufficientStaked(account: AccountID, needed: TokenAmount, available: TokenAmount)
    /// Minting would take cumulative minted supply past the cap.
    case capExceeded(requested: TokenAmount, headroom: TokenAmount)
    case sameAccount(AccountID)
    /// Protocol accounts (treasury, pools, reserve) do not stake.
    case notStakeable(AccountID)

    public var description: String {
        switch self {
        case let .unknownAccount(a): return "unknown account #\(a.rawValue)"
        case let .nonPositiveAmount(x): return "amount must be positive, got \(x) GCT"
        case let .insufficientBalance(a, n, v): return "insufficient balance on account #\(a.rawValue): needed \(n) GCT, available \(v) GCT"
        case let .insufficientHeld(a, n, v): return "insufficient held tokens on account #\(a.rawValue): needed \(n) GCT, held \(v) GCT"
        case let .insufficientStaked(a, n, v): return "insufficient staked tokens on account #\(a.rawValue): needed \(n) GCT, staked \(v) GCT"
        case let .capExceeded(r, h): return "mint of \(r) GCT exceeds the supply cap (headroom \(h) GCT)"
        case let .sameAccount(a): return "transfer from account #\(a.rawValue) to itself"
        case let .notStakeable(a): return "account #\(a.rawValue) is a protocol account and cannot stake"
        }
    }
}
