/// Why a governance action was refused. A refused action changes nothing.
public enum GovernanceError: Error, Hashable, Sendable, CustomStringConvertible {
    /// PRD-010: `error("Insufficient stake for governance proposal (required: $(min_governance_stake) GCT)")`.
    case insufficientStake(required: TokenAmount, staked: TokenAmount)
    /// PRD-010 `validate_governance_proposal`.
    case invalidProposal(String)
    case unknownProposal(ProposalID)
    case votingClosed(ProposalID)
    case votingStillOpen(ProposalID, until: Timestamp)
    case alreadyVoted(ProposalID, AccountID)
    case notPassed(ProposalID, ProposalRecord.Status)
    case executionDelayNotElapsed(ProposalID, until: Timestamp)
    case parameter(ParameterError)

    public var description: String {
        switch self {
        case let .insufficientStake(r, s): return "Insufficient stake for governance proposal (required: \(r) GCT, staked: \(s) GCT)"
        case let .invalidProposal(m): return "invalid proposal: \(m)"
        case let .unknownProposal(p): return "unknown proposal #\(p.rawValue)"
        case let .votingClosed(p): return "voting on proposal #\(p.rawValue) is closed"
        case let .votingStillOpen(p, t): return "voting on proposal #\(p.rawValue) is open until t=\(t.microseconds) µs"
        case let .alreadyVoted(p, a): return "account #\(a.rawValue) already voted on proposal #\(p.rawValue)"
        case let .notPassed(p, s): return "proposal #\(p.rawValue) is \(s.rawValue), not passed"
        case let .executionDelayNotElapsed(p, t): return "proposal #\(p.rawValue) executes at t=\(t.microseconds) µs"
        case let .parameter(e): return e.description
        }
    }
}
