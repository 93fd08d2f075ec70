/// Supply accounting and the conservation invariant.
extension Ledger {
    /// Supply figures of PRD-010's `GPUComputeToken`, derived from the ledger.
    public var supply: SupplySnapshot {
        SupplySnapshot(cap: cap, minted: minted, burned: burned, staked: totalStaked,
                       held: totalHeld, nonCirculating: nonCirculating)
    }

    /// The O(1) conservation check: Σ (balance + held + staked) == minted − burned, and minted ≤ cap.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func checkSupplyInvariant() -> Bool {
        inAccounts == minted - burned && minted <= cap && burned <= minted
    }

    /// Recomputes every running sum from the accounts and compares (for tests and audits).
    ///
    /// - Returns: a description of the first mismatch, or `nil` if all sums agree and no amount is negative.
    /// - Complexity: O(number of accounts).
    public func auditAllAccounts() -> String? {
        var total: Int64 = 0, staked: Int64 = 0, held: Int64 = 0, nonCirc: Int64 = 0
        for (i, a) in accounts.enumerated() {
            if a.balance.isNegative || a.held.isNegative || a.staked.isNegative {
                return "account #\(i) (\(names[i])) has a negative part: \(a)"
            }
            total += a.total.baseUnits
            staked += a.staked.baseUnits
            held += a.held.baseUnits
            if !a.kind.isCirculating { nonCirc += a.total.baseUnits }
        }
        if total != inAccounts.baseUnits { return "Σ accounts \(total) != running sum \(inAccounts.baseUnits)" }
        if total != (minted - burned).baseUnits { return "Σ accounts \(total) != minted − burned \((minted - burned).baseUnits)" }
        if staked != totalStaked.baseUnits { return "Σ staked \(staked) != running \(totalStaked.baseUnits)" }
        if held != totalHeld.baseUnits { return "Σ held \(held) != running \(totalHeld.baseUnits)" }
        if nonCirc != nonCirculating.baseUnits { return "Σ non-circulating \(nonCirc) != running \(nonCirculating.baseUnits)" }
        if minted > cap { return "minted \(minted) > cap \(cap)" }
        return nil
    }

    #if DEBUG
    /// Test-only hook: a transfer that drops `lost` base units on the way (debit `amount`,
    /// credit `amount − lost`), to prove the O(1) invariant catches a ledger bug.
    /// Not compiled into release builds.
    public mutating func _transferDroppingUnitsForTesting(
        _ amount: TokenAmount, lost: TokenAmount, from source: AccountID, to destination: AccountID
    ) {
        adjust(source, balance: -amount.baseUnits)
        adjust(destination, balance: (amount - lost).baseUnits)
        record(.transfer, .other, from: source, to: destination, amount)
    }
    #endif
}

/// PRD-010 `GPUComputeToken` supply figures, derived from a ledger.
///
/// - `total` = minted − burned (the spec's `total_supply` after burns);
/// - `staked` = Σ staked (`staked_supply`);
/// - `circulating` = total − staked − tokens in protocol accounts (`circulating_supply`).
public struct SupplySnapshot: Hashable, Sendable {
    public var cap: TokenAmount
    public var minted: TokenAmount
    public var burned: TokenAmount
    public var staked: TokenAmount
    public var held: TokenAmount
    /// Tokens in protocol-owned accounts (treasury, pools, reserve).
    public var nonCirculating: TokenAmount

    public var total: TokenAmount { minted - burned }
    /// Protocol accounts never stake (`Ledger.stake` refuses them), so the three parts are disjoint.
    public var circulating: TokenAmount { total - staked - nonCirculating }
}
