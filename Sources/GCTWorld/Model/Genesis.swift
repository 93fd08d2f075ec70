import GCTEconomics
import GCTEngine

/// Genesis steps the components share: funding an account from the reserve and staking.
enum Genesis {
    /// Transfers `amount` from the reserve to `account` (nothing when zero).
    static func fund(
        _ account: AccountID, _ amount: TokenAmount, _ what: String, ledger: inout Ledger, reserve: AccountID
    ) throws(WorldError) {
        guard amount.isPositive else { return }
        do { try ledger.transfer(amount, from: reserve, to: account, memo: .genesis) } catch {
            throw .genesis("\(what) exceeds the initial supply left in the reserve: \(error)")
        }
    }

    /// Stakes `amount` of `account` at time 0 (at least the staking minimum in force).
    static func stake(
        _ amount: TokenAmount, _ account: AccountID, _ what: String, parameters: EconomicParameters,
        ledger: inout Ledger, staking: inout StakingBook
    ) throws(WorldError) -> StakingPositionID {
        do {
            return try staking.stake(amount, owner: account, at: .zero, minimum: parameters.stakingMinimum, ledger: &ledger)
        } catch { throw .genesis("\(what): \(error)") }
    }
}
