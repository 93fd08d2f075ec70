/// The index of an account in a `Ledger`.
@frozen
public struct AccountID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public let rawValue: Int32
    @inlinable public init(rawValue: Int32) { self.rawValue = rawValue }
    @inlinable public static func < (a: AccountID, b: AccountID) -> Bool { a.rawValue < b.rawValue }
    @inlinable var index: Int { Int(rawValue) }
}

/// What an account is for. System accounts hold tokens that are not circulating.
public enum AccountKind: UInt8, Sendable, Hashable, CaseIterable, Codable {
    case user, provider, validator
    /// Protocol treasury (receives slashed tokens when so configured; may fund staking rewards).
    case treasury
    /// Protocol fee pool: the fee-pool share of each execution payment.
    case feePool
    /// Pool of minted validator emission from which staking/validator rewards are paid.
    case emissionPool
    /// Pool of minted mining emission, paid to providers.
    case miningPool
    /// Pool collecting the validators' share of execution payments.
    case validatorRewardPool
    /// Genesis reserve: unallocated tokens.
    case reserve

    /// Whether tokens held here count as circulating (PRD-010 `circulating_supply`).
    ///
    /// Protocol-owned accounts do not; user, provider and validator balances and holds do.
    public var isCirculating: Bool {
        switch self {
        case .user, .provider, .validator: return true
        case .treasury, .feePool, .emissionPool, .miningPool, .validatorRewardPool, .reserve: return false
        }
    }
}

/// One account's money, split by state.
///
/// `balance` is spendable, `held` is escrowed for queued work, `staked` is bonded.
@frozen
public struct Account: Hashable, Sendable {
    public var kind: AccountKind
    public var balance: TokenAmount
    public var held: TokenAmount
    public var staked: TokenAmount

    @inlinable public var total: TokenAmount { balance + held + staked }
}
