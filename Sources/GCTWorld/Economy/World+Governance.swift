import GCTEconomics
import GCTEngine

extension World {
    /// A step of scheduled proposal `p`: submit (the spec's minimum-stake check), vote (stakers and
    /// validators vote by the documented policy), tally (quorum, threshold), execute (the parameter
    /// change takes effect now: burn rate, emission rates, funding… applied to the running economy).
    mutating func governance(_ p: Int, _ step: WorldEvent.GovernanceStep, at time: SimTime) {
        guard let g = configuration.governance else { return }
        let cfg = g.proposals[p]
        let t = time.timestamp
        func row(_ kind: GovernanceRow.Kind, _ id: ProposalID?) {
            let r = id.flatMap { try? economy.governance.record($0) }
            observer.governance(GovernanceRow(
                time: time, proposal: Int32(p), kind: kind, yes: r?.yes ?? .zero, no: r?.no ?? .zero, abstain: r?.abstain ?? .zero))
        }
        switch step {
        case .submit:
            let proposerStake = ledger.accounts[Int(economy.proposers[p].rawValue)].staked
            do {
                let id = try economy.governance.submit(cfg.proposal, by: economy.proposers[p], proposerStake: proposerStake, at: t, parameters: parameters)
                economy.proposalIDs[p] = id
                let record = try economy.governance.record(id)
                let half = SimDuration(ticks: (record.votingEndsAt.microseconds - t.microseconds) / 2)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .vote), at: time + half)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .tally), at: SimTime(ticks: record.votingEndsAt.microseconds))
                row(.submitted, id)
            } catch {
                economy.proposalOutcomes.append("\(cfg.title): rejected at submission (\(error))")
                row(.rejectedAtSubmission, nil)
            }
        case .vote:
            guard let id = economy.proposalIDs[p], var stream = economy.votingStream else { return }
            var voters: [AccountID] = economy.validators.map(\.account)
            voters += economy.stakers.map(\.account)
            voters.append(economy.proposers[p])
            for voter in voters {
                let stake = ledger.accounts[Int(voter.rawValue)].staked
                guard stake.isPositive else { continue }
                let participates = voter == economy.proposers[p] || stream.uniform() < g.turnout
                guard participates else { continue }
                let choice: VoteChoice = voter == economy.proposers[p] || stream.uniform() < cfg.support ? .yes : .no
                try? economy.governance.vote(id, voter: voter, stake: stake, choice: choice, at: t)
            }
            economy.votingStream = stream
        case .tally:
            guard let id = economy.proposalIDs[p] else { return }
            let status = (try? economy.governance.tally(id, at: t, totalStaked: ledger.totalStaked, parameters: parameters)) ?? .rejectedByVote
            switch status {
            case .passed:
                economy.proposalsPassed += 1
                row(.passed, id)
                let record = try! economy.governance.record(id)
                _ = queue.schedule(.governance(proposal: Int32(p), step: .execute), at: SimTime(ticks: record.executesAt.microseconds))
            case .rejectedNoQuorum:
                economy.proposalOutcomes.append("\(cfg.title): rejected (no quorum)")
                row(.rejectedNoQuorum, id)
            default:
                economy.proposalOutcomes.append("\(cfg.title): rejected by vote")
                row(.rejectedByVote, id)
            }
        case .execute:
            guard let id = economy.proposalIDs[p] else { return }
            do {
                try economy.governance.execute(id, at: t, parameters: &parameters)
                applyParameters()
                let changes = economy.governance.parameterHistory.filter { $0.proposal == id }
                    .map { "\($0.key.rawValue) \($0.oldValue) → \($0.newValue)" }.joined(separator: ", ")
                economy.proposalOutcomes.append("\(cfg.title): passed, executed at day \(time.ticks / 86_400_000_000) (\(changes))")
                row(.executed, id)
            } catch {
                economy.proposalOutcomes.append("\(cfg.title): passed but not executed (\(error))")
            }
        }
    }

    /// Makes the parameters in force take effect in the running economy.
    mutating func applyParameters() {
        flame.burnRate = parameters.burnRate
        flame.shares = parameters.distribution
    }

    /// One request of whale attack `a`: a user of the named class pays `payment` per request.
    mutating func whaleRequest(_ a: Int, at time: SimTime) {
        guard let w = configuration.attacks?.whales[a],
              let c = configuration.users.firstIndex(where: { $0.name == w.userClass }) else { return }
        economy.whaleSent[a] += 1
        if economy.whaleSent[a] < w.requests {
            _ = queue.schedule(.whaleRequest(attack: Int32(a)), at: time + w.spacing.simStep)
        }
        var stream = economy.whaleStreams[a]
        let opIndex = classes[c].operations[classes[c].operationChoice.sample(&stream)]
        let service = serviceTime[Int(opIndex)].sample(&stream) / serviceSpeed
        let u = stream.uniform()
        economy.whaleStreams[a] = stream
        submit(
            userClass: c, user: economy.whaleAccounts[a], operation: opIndex, cost: w.payment,
            service: .seconds(service), willFail: false, u: u, at: time)
    }
}
