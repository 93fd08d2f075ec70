/// Accounts of GCT with exact, all-or-nothing operations and an O(1) supply invariant.
///
/// Every operation either succeeds completely or throws a `LedgerError` and
/// changes nothing. Each successful change is described by a `LedgerEntry`
/// delivered to `sink` (if any).
///
/// Supply accounting (PRD-010 `GPUComputeToken`) is derived, not stored twice:
/// `minted` and `burned` are counters, and `inAccounts` is the running sum of
/// every account's balance + held + staked. The invariant
///
///     Σ (balance + held + staked) == minted − burned,  minted ≤ cap
///
/// is checked in O(1) by `checkSupplyInvariant()`.
public struct Ledger {
    /// Accounts, indexed by `AccountID`.
    public internal(set) var accounts: [Account] = []
    /// Human names of accounts (for reports).
    public internal(set) var names: [String] = []
    /// The supply cap: cumulative minted supply never exceeds it (PRD-010 `GCT_TOTAL_SUPPLY`).
    public let cap: TokenAmount
    /// Cumulative tokens minted.
    public internal(set) var minted: TokenAmount = .zero
    /// Cumulative tokens burned.
    public internal(set) var burned: TokenAmount = .zero
    /// Running Σ (balance + held + staked) over all accounts.
    public internal(set) var inAccounts: TokenAmount = .zero
    /// Running Σ staked over all accounts.
    public internal(set) var totalStaked: TokenAmount = .zero
    /// Running Σ held over all accounts.
    public internal(set) var totalHeld: TokenAmount = .zero
    /// Running Σ (balance + held + staked) over non-circulating (protocol) accounts.
    public internal(set) var nonCirculating: TokenAmount = .zero
    /// Number of entries applied so far.
    public internal(set) var sequence: UInt64 = 0
    /// Receives one entry per successful change. `nil` drops them.
    public var sink: ((LedgerEntry) -> Void)?

    /// A ledger with the given cap (default: PRD-010's 1 000 000 000 GCT).
    public init(cap: TokenAmount = EconomicParameters.specDefaults.supplyCap) {
        precondition(cap.baseUnits > 0)
        self.cap = cap
    }

    /// Opens an account and returns its id.
    public mutating func openAccount(_ kind: AccountKind, name: String) -> AccountID {
        let id = AccountID(rawValue: Int32(accounts.count))
        accounts.append(Account(kind: kind, balance: .zero, held: .zero, staked: .zero))
        names.append(name)
        return id
    }

    /// The account, or a typed error.
    @inlinable
    public func account(_ id: AccountID) throws(LedgerError) -> Account {
        guard id.rawValue >= 0 && Int(id.rawValue) < accounts.count else { throw .unknownAccount(id) }
        return accounts[Int(id.rawValue)]
    }

    /// Spendable balance of an account (zero for an unknown account).
    @inlinable
    public func balance(of id: AccountID) -> TokenAmount {
        guard id.rawValue >= 0 && Int(id.rawValue) < accounts.count else { return .zero }
        return accounts[Int(id.rawValue)].balance
    }

    /// Headroom under the cap: how much may still be minted.
    @inlinable public var mintHeadroom: TokenAmount { cap - minted }

    // MARK: - Checks shared by operations

    @usableFromInline
    func check(_ id: AccountID) throws(LedgerError) {
        guard id.rawValue >= 0 && Int(id.rawValue) < accounts.count else { throw .unknownAccount(id) }
    }

    @usableFromInline
    static func checkPositive(_ amount: TokenAmount) throws(LedgerError) {
        guard amount.baseUnits > 0 else { throw .nonPositiveAmount(amount) }
    }

    @usableFromInline
    mutating func record(_ op: LedgerEntry.Operation, _ memo: LedgerEntry.Memo, from: AccountID?, to: AccountID?, _ amount: TokenAmount) {
        sequence += 1
        if let sink {
            sink(LedgerEntry(sequence: sequence, operation: op, memo: memo, from: from, to: to, amount: amount))
        }
    }

    /// The one place account money changes: applies the deltas to `id` and to every running sum
    /// (`inAccounts`, `totalHeld`, `totalStaked`, `nonCirculating`) from the same numbers, so the
    /// O(1) invariant `inAccounts == minted − burned` sees any operation whose legs do not balance.
    @usableFromInline
    mutating func adjust(_ id: AccountID, balance: Int64 = 0, held: Int64 = 0, staked: Int64 = 0) {
        accounts[id.index].balance.baseUnits += balance
        accounts[id.index].held.baseUnits += held
        accounts[id.index].staked.baseUnits += staked
        let total = balance + held + staked
        inAccounts.baseUnits += total
        totalHeld.baseUnits += held
        totalStaked.baseUnits += staked
        if !accounts[id.index].kind.isCirculating { nonCirculating.baseUnits += total }
    }

    // MARK: - Mint, burn, transfer

    /// Creates `amount` new tokens in `account`'s balance.
    ///
    /// - Throws: `.capExceeded` if cumulative minted supply would pass the cap;
    ///   `.nonPositiveAmount`, `.unknownAccount`.
    public mutating func mint(_ amount: TokenAmount, to account: AccountID, memo: LedgerEntry.Memo) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        guard amount <= mintHeadroom else { throw .capExceeded(requested: amount, headroom: mintHeadroom) }
        minted += amount
        adjust(account, balance: amount.baseUnits)
        record(.mint, memo, from: nil, to: account, amount)
    }

    /// Destroys `amount` tokens from `account`'s balance (PRD-010 `burn_tokens`).
    public mutating func burn(_ amount: TokenAmount, from account: AccountID, memo: LedgerEntry.Memo) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(account)
        let available = accounts[account.index].balance
        guard amount <= available else { throw .insufficientBalance(account: account, needed: amount, available: available) }
        adjust(account, balance: -amount.baseUnits)
        burned += amount
        record(.burn, memo, from: account, to: nil, amount)
    }

    /// Moves `amount` from one balance to another.
    public mutating func transfer(_ amount: TokenAmount, from source: AccountID, to destination: AccountID, memo: LedgerEntry.Memo) throws(LedgerError) {
        try Ledger.checkPositive(amount)
        try check(source)
        try check(destination)
        guard source != destination else { throw .sameAccount(source) }
        let available = accounts[source.index].balance
        guard amount <= available else { throw .insufficientBalance(account: source, needed: amount, available: available) }
        adjust(source, balance: -amount.baseUnits)
        adjust(destination, balance: amount.baseUnits)
        record(.transfer, memo, from: source, to: destination, amount)
    }
}
