import GCTEconomics
import GCTEngine

/// Governance: the proposals scheduled by the scenario, their proposers, the voting policy
/// and the spec's `GovernanceSystem` (records, votes, parameter history).
///
/// A component of the world: it owns this state and the `governance` events. A passed
/// proposal changes the world's one `EconomicParameters` value, passed in `inout`.
struct GovernanceProcess {
    let settings: GovernanceConfiguration?
    var system = GovernanceSystem()
    /// Proposal index in the scenario → id in `system` (nil when refused at submission).
    var proposalIDs: [ProposalID?] = []
    var proposers: [AccountID] = []
    var votingStream: RandomStream?
    var proposalsPassed: Int64 = 0
    var outcomes: [String] = []
    /// Proposals from this index on are governance-capture attacks (`attacks.governance_capture`).
    var firstCapture = Int.max
    /// Capture proposals passed and executed.
    var capturesPassed: Int64 = 0

    /// Opens the proposers' accounts, funds them and stakes their stakes (when at least the minimum).
    init(
        _ c: ScenarioConfiguration, replication: Int, parameters: EconomicParameters,
        ledger: inout Ledger, staking: inout StakingBook, reserve: AccountID
    ) throws(WorldError) {
        // Governance-capture attacks are proposals after the scenario's own (the section's defaults
        // apply when it is absent); without them `settings` is the scenario's section unchanged.
        var merged = c.governance
        if let captures = c.attacks?.governanceCapture, !captures.isEmpty {
            var g = c.governance ?? GovernanceConfiguration()
            firstCapture = g.proposals.count
            g.proposals += captures.map(\.proposal)
            merged = g
        }
        settings = merged
        guard let g = merged else { return }
        votingStream = RandomStream(seed: c.seed, replication: UInt32(replication), stream: StreamID(purpose: Purpose.voting))
        for (i, p) in g.proposals.enumerated() {
            let account = ledger.openAccount(.user, name: "proposer/\(i)")
            try Genesis.fund(account, p.proposerStake, "proposer stakes", ledger: &ledger, reserve: reserve)
            if p.proposerStake >= parameters.stakingMinimum {
                _ = try Genesis.stake(p.proposerStake, account, "proposer \(i)", parameters: parameters, ledger: &ledger, staking: &staking)
            }
            proposers.append(account)
        }
        proposalIDs = Array(repeating: nil, count: g.proposals.count)
    }

    /// Every proposal's submission.
    func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        guard let g = settings else { return }
        for (i, p) in g.proposals.enumerated() {
            _ = queue.schedule(.governance(proposal: Int32(i), step: .submit), at: .zero + p.at.simStep)
        }
    }

    /// A step of scheduled proposal `p`: submit (the spec's minimum-stake check), vote (`voters`
    /// vote by the documented policy), tally (quorum, threshold), execute (the typed changes
    /// are applied to `parameters`, the one value every mechanism reads, so they take effect now).
    ///
    /// - Parameter voters: the accounts that may vote besides the proposer (validators, then stakers).
    mutating func step(
        _ p: Int, _ step: WorldEvent.GovernanceStep, at time: SimTime, voters: [AccountID],
        parameters: inout EconomicParameters, queue: inout EventQueue<WorldEvent>, ledger: Ledger, shared: WorldShared
    ) {
        guard let g = settings else { return }
        let cfg = g.proposals[p]
        let t = time.timestamp
        func row(_ kind: GovernanceRow.Kind, _ id: ProposalID?) {
            let r = id.flatMap { try? system.record($0) }
            shared.observer.governance(GovernanceRow(
                time: time, proposal: Int32(p), kind: kind, yes: r?.yes ?? .zero, no: r?.no ?? .zero, abstain: r?.abstain ?? .zero))
        }
        switch step {
        case .submit:
            let proposerStake = ledger.accounts[Int(proposers[p].rawValue)].staked
            do {
                let id = try system.submit(cfg.proposal, by: proposers[p], proposerStake: proposerStake, at: t, parameters: parameters)
                proposalIDs[p] = id
                let record = try system.record(id)
                let half = SimDuration(ticks: (record.votingEndsAt.microseconds - t.microseconds) / 2)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .vote), at: time + half)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .tally), at: SimTime(ticks: record.votingEndsAt.microseconds))
                row(.submitted, id)
            } catch {
                outcomes.append("\(cfg.title): rejected at submission (\(error))")
                row(.rejectedAtSubmission, nil)
            }
        case .vote:
            guard let id = proposalIDs[p], var stream = votingStream else { return }
            let proposer = proposers[p]
            for voter in voters + [proposer] {
                let stake = ledger.accounts[Int(voter.rawValue)].staked
                guard stake.isPositive else { continue }
                let participates = voter == proposer || stream.uniform() < g.turnout
                guard participates else { continue }
                let choice: VoteChoice = voter == proposer || stream.uniform() < cfg.support ? .yes : .no
                try? system.vote(id, voter: voter, stake: stake, choice: choice, at: t)
            }
            votingStream = stream
        case .tally:
            guard let id = proposalIDs[p] else { return }
            let status = (try? system.tally(id, at: t, totalStaked: ledger.totalStaked, parameters: parameters)) ?? .rejectedByVote
            switch status {
            case .passed:
                proposalsPassed += 1
                row(.passed, id)
                let record = try! system.record(id)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .execute), at: SimTime(ticks: record.executesAt.microseconds))
            case .rejectedNoQuorum:
                outcomes.append("\(cfg.title): rejected (no quorum)")
                row(.rejectedNoQuorum, id)
            default:
                outcomes.append("\(cfg.title): rejected by vote")
                row(.rejectedByVote, id)
            }
        case .execute:
            guard let id = proposalIDs[p] else { return }
            do {
                try system.execute(id, at: t, parameters: &parameters)
            if p >= firstCapture { capturesPassed += 1 }
                let changes = system.parameterHistory.filter { $0.proposal == id }
                    .map { "\($0.key.rawValue) \($0.oldValue) → \($0.newValue)" }.joined(separator: ", ")
                outcomes.append("\(cfg.title): passed, executed at day \(time.ticks / SimDuration.days(1).ticks) (\(changes))")
                row(.executed, id)
            } catch {
                outcomes.append("\(cfg.title): passed but not executed (\(error))")
            }
        }
    }
}
