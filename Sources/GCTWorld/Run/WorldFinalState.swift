import GCTEconomics
import GCTEngine

/// The end state of a world (at its end or where it stopped), as plain arrays for `/final`.
public struct WorldFinalState: Sendable {
    public var accountKinds: [AccountKind]
    public var balances: [Int64]
    public var held: [Int64]
    public var staked: [Int64]
    public var positionOwners: [Int64]
    public var positionAmounts: [Int64]
    public var positionStatus: [UInt8]
    public var positionPromised: [Int64]
    public var positionPaid: [Int64]
    public var validatorReputations: [Double]

    public static let positionStatusNames = ["active", "unbonding", "withdrawn", "slashed"]
}

extension World {
    /// The end state, for `/final`.
    public var finalState: WorldFinalState {
        let a = ledger.accounts
        let p = economy.staking.positions
        func code(_ s: StakingPosition.Status) -> UInt8 {
            switch s {
            case .active: 0
            case .unbonding: 1
            case .withdrawn: 2
            case .slashed: 3
            }
        }
        return WorldFinalState(
            accountKinds: a.map(\.kind), balances: a.map(\.balance.baseUnits), held: a.map(\.held.baseUnits),
            staked: a.map(\.staked.baseUnits), positionOwners: p.map { Int64($0.owner.rawValue) },
            positionAmounts: p.map(\.amount.baseUnits), positionStatus: p.map { code($0.status) },
            positionPromised: p.map(\.promisedTotal.baseUnits), positionPaid: p.map(\.paidTotal.baseUnits),
            validatorReputations: economy.validators.map(\.reputation.doubleValue))
    }
}
