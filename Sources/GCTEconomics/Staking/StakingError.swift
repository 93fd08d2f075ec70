/// Why a staking action was refused. A refused action changes nothing.
public enum StakingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PRD-010: `error("Stake amount below minimum threshold: $GCT_STAKING_THRESHOLD GCT")`.
    case belowMinimum(amount: TokenAmount, minimum: TokenAmount)
    case unknownPosition(StakingPositionID)
    case wrongStatus(StakingPositionID, StakingPosition.Status, expected: [StakingPosition.Status])
    case cooldownNotElapsed(StakingPositionID, until: Timestamp)
    case ledger(LedgerError)

    public var description: String {
        switch self {
        case let .belowMinimum(a, m): return "Stake amount below minimum threshold: \(m) GCT (got \(a) GCT)"
        case let .unknownPosition(p): return "unknown staking position #\(p.rawValue)"
        case let .wrongStatus(p, s, e): return "staking position #\(p.rawValue) is \(s.rawValue); expected \(e.map(\.rawValue).joined(separator: " or "))"
        case let .cooldownNotElapsed(p, t): return "staking position #\(p.rawValue) is unbonding until t=\(t.microseconds) µs"
        case let .ledger(e): return e.description
        }
    }
}
