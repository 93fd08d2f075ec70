/// PRD-010 `GovernanceSystem`: proposals, stake-weighted votes and the parameter history.
///
/// Life of a proposal: `submit` (proposer must have ≥ the minimum governance stake) →
/// `vote` during `voting_period_days` → `tally` at the end (quorum, then threshold) →
/// `execute` once `execution_delay_days` have passed after the vote closed, which applies a
/// `parameter_change` to the caller's `EconomicParameters` and records each change.
public struct GovernanceSystem: Sendable {
    public internal(set) var proposals: [ProposalRecord] = []
    /// PRD-010 `parameter_history`: every change applied, in order.
    public internal(set) var parameterHistory: [ParameterChangeRecord] = []

    public init() {}

    public func record(_ id: ProposalID) throws(GovernanceError) -> ProposalRecord {
        guard id.rawValue >= 0 && Int(id.rawValue) < proposals.count else { throw .unknownProposal(id) }
        return proposals[Int(id.rawValue)]
    }

    /// PRD-010 `submit_governance_proposal`.
    ///
    /// - Parameters:
    ///   - proposerStake: the proposer's staked tokens now (`get_user_staked_balance`).
    ///   - parameters: the parameters in force (for the minimum stake and to validate changes).
    /// - Throws: `.insufficientStake` below `governanceMinimumStake` (the spec's error);
    ///   `.invalidProposal` for a malformed proposal or a change that would not apply.
    public mutating func submit(
        _ proposal: GovernanceProposal, by proposer: AccountID, proposerStake: TokenAmount,
        at time: Timestamp, parameters: EconomicParameters
    ) throws(GovernanceError) -> ProposalID {
        guard proposerStake >= parameters.governanceMinimumStake else {
            throw .insufficientStake(required: parameters.governanceMinimumStake, staked: proposerStake)
        }
        guard proposal.votingPeriodDays > 0 else { throw .invalidProposal("voting_period_days must be positive") }
        guard proposal.executionDelayDays >= 0 else { throw .invalidProposal("execution_delay_days must not be negative") }
        if proposal.kind == .parameterChange && proposal.parameters.isEmpty {
            throw .invalidProposal("a parameter_change proposal must change at least one parameter")
        }
        var trial = parameters
        for change in proposal.parameters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            do { try trial.apply(change) } catch { throw .parameter(error) }
        }
        let votingEnds = time + .days(Int64(proposal.votingPeriodDays))
        let id = ProposalID(rawValue: Int32(proposals.count))
        proposals.append(ProposalRecord(
            proposal: proposal, proposer: proposer, submittedAt: time, votingEndsAt: votingEnds,
            executesAt: votingEnds + .days(Int64(proposal.executionDelayDays)), status: .voting))
        return id
    }

    /// Casts `voter`'s vote with weight `stake` (its staked tokens at the time of voting).
    public mutating func vote(
        _ id: ProposalID, voter: AccountID, stake: TokenAmount, choice: VoteChoice, at time: Timestamp
    ) throws(GovernanceError) {
        let r = try record(id)
        guard r.status == .voting && time < r.votingEndsAt else { throw .votingClosed(id) }
        guard !r.voters.contains(voter) else { throw .alreadyVoted(id, voter) }
        let i = Int(id.rawValue)
        proposals[i].voters.insert(voter)
        switch choice {
        case .yes: proposals[i].yes += stake
        case .no: proposals[i].no += stake
        case .abstain: proposals[i].abstain += stake
        }
    }

    /// Closes voting and decides: rejected without quorum if turnout (yes + no + abstain) is
    /// below `governanceQuorum × totalStaked`; passed if `yes / (yes + no)` is strictly above the
    /// threshold (`emergencyThreshold` for emergency proposals); rejected otherwise.
    @discardableResult
    public mutating func tally(
        _ id: ProposalID, at time: Timestamp, totalStaked: TokenAmount, parameters: EconomicParameters
    ) throws(GovernanceError) -> ProposalRecord.Status {
        let r = try record(id)
        guard r.status == .voting else { return r.status }
        guard time >= r.votingEndsAt else { throw .votingStillOpen(id, until: r.votingEndsAt) }
        let turnout = r.yes + r.no + r.abstain
        let quorumNeeded = totalStaked.multiplied(by: parameters.governanceQuorum, rounding: .up)
        let threshold = r.proposal.kind == .emergency ? parameters.emergencyThreshold : parameters.governanceThreshold
        let status: ProposalRecord.Status
        if turnout < quorumNeeded || turnout.isZero {
            status = .rejectedNoQuorum
        } else {
            // yes / (yes + no) > n / d  <=>  yes × d > n × (yes + no)
            let lhs = Int128(r.yes.baseUnits) * Int128(threshold.denominator)
            let rhs = Int128(threshold.numerator) * Int128((r.yes + r.no).baseUnits)
            status = (r.yes + r.no).isPositive && lhs > rhs ? .passed : .rejectedByVote
        }
        proposals[Int(id.rawValue)].status = status
        return status
    }

    /// Executes a passed proposal once its delay has elapsed: applies its parameter changes
    /// (in key order) to `parameters` and appends them to the parameter history.
    ///
    /// `upgrade` proposals carry no parameters; executing one only records the outcome.
    public mutating func execute(
        _ id: ProposalID, at time: Timestamp, parameters: inout EconomicParameters
    ) throws(GovernanceError) {
        let r = try record(id)
        guard r.status == .passed else { throw .notPassed(id, r.status) }
        guard time >= r.executesAt else { throw .executionDelayNotElapsed(id, until: r.executesAt) }
        var updated = parameters
        var changes: [ParameterChangeRecord] = []
        for change in r.proposal.parameters.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let old = updated.value(of: change.key)
            do { try updated.apply(change) } catch { throw .parameter(error) }
            changes.append(ParameterChangeRecord(
                time: time, proposal: id, key: change.key, oldValue: old, newValue: updated.value(of: change.key)))
        }
        parameters = updated
        parameterHistory += changes
        proposals[Int(id.rawValue)].status = .executed
    }
}
