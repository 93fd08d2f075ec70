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
