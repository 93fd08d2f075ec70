import GCTEconomics
import GCTEngine

extension EconomyState {
    /// Scenario settings that live in `EconomicParameters`.
    static func applyScenarioParameters(_ c: ScenarioConfiguration, to p: inout EconomicParameters) {
        p.slashFractions = c.economy.slashing.fractions
        p.slashDestination = c.economy.slashing.destination
        p.governanceMinimumStake = c.economy.governanceMinimumStake
        if let g = c.governance {
            p.governanceQuorum = g.quorum
            p.governanceThreshold = g.threshold
            p.emergencyThreshold = g.emergencyThreshold
        }
    }

    /// Provider accounts: `providers.count`, servers assigned round-robin.
    static func providerCount(_ c: ScenarioConfiguration) -> Int { Swift.max(1, c.providers.count) }
}

extension World {
    /// Whether reward epochs (emissions and staking rewards) run: when anything stakes.
    var hasStakingEconomy: Bool {
        configuration.validators != nil || configuration.stakers != nil || configuration.governance != nil
    }

    /// Genesis of the full economy: treasury, validators with their stakes, stakers, proposers, whales.
    mutating func setUpEconomy() throws(WorldError) {
        let c = configuration
        let seed = c.seed, rep = UInt32(replication)
        func fund(_ account: AccountID, _ amount: TokenAmount, _ what: String) throws(WorldError) {
            guard amount.isPositive else { return }
            do { try ledger.transfer(amount, from: accounts.reserve, to: account, memo: .genesis) } catch {
                throw .genesis("\(what) exceeds the initial supply left in the reserve: \(error)")
            }
        }
        func stake(_ amount: TokenAmount, _ account: AccountID, _ what: String) throws(WorldError) -> StakingPositionID {
            do {
                return try economy.staking.stake(amount, owner: account, at: .zero, minimum: parameters.stakingMinimum, ledger: &ledger)
            } catch { throw .genesis("\(what): \(error)") }
        }
        try fund(accounts.treasury, c.economy.treasury, "the treasury")
        economy.velocity = VelocityWindow(days: Int((c.autoscaling?.velocityWindow.nanoseconds ?? 30 * 86_400_000_000_000) / 86_400_000_000_000))

        if let v = c.validators {
            var setup = RandomStream(seed: seed, replication: rep, stream: StreamID(purpose: Purpose.validatorSetup))
            let stakes = Sampler(v.stake)
            let regions = CategoricalDistribution(weights: v.regions.map(\.weight))
            for i in 0..<v.count {
                let id = "validator-\(i)"
                let account = ledger.openAccount(.validator, name: id)
                let gct = stakes.sample(&setup)
                var amount = TokenAmount(baseUnits: Int64(Swift.min((gct * 1e9).rounded(.down), 0x1p62)))  // saturating: fund() then refuses it
                amount = Swift.max(amount, parameters.stakingMinimum)
                try fund(account, amount, "validator stakes")
                let position = try stake(amount, account, "validator \(id)")
                economy.validators.append(ValidatorState(
                    id: id, account: account, position: position,
                    reputation: Reputation(clampingPPB: Int64((v.reputation * 1e9).rounded())),
                    region: regions.sample(&setup)))
                economy.validatorStreams.append(RandomStream(
                    seed: seed, replication: rep, stream: StreamID(purpose: Purpose.validatorReports, index: i)))
            }
            let o = c.oracle ?? OracleConfiguration()
            economy.oracle = OracleConsensus(outlierRule: OutlierRule(maxRelativeDeviation: o.outlierMaxDeviation))
            if o.detector { economy.detector = ManipulationDetector() }
        }
        economy.multiplier = MarketMultiplier(mode: c.pricing.marketMultiplier == .literal ? .literal : .fixed)

        if let s = c.stakers {
            let initial = s.initialStake(minStake: parameters.stakingMinimum)
            for i in 0..<s.count {
                let account = ledger.openAccount(.user, name: "staker/\(i)")
                try fund(account, s.balance, "staker balances")
                var state = StakerState(account: account, position: nil)
                if initial.isPositive { state.position = try stake(initial, account, "staker \(i)") }
                economy.stakers.append(state)
                economy.stakerStreams.append(RandomStream(
                    seed: seed, replication: rep, stream: StreamID(purpose: Purpose.stakerDecisions, index: i)))
            }
        }

        if let g = c.governance {
            economy.votingStream = RandomStream(seed: seed, replication: rep, stream: StreamID(purpose: Purpose.voting))
            for (i, p) in g.proposals.enumerated() {
                let account = ledger.openAccount(.user, name: "proposer/\(i)")
                try fund(account, p.proposerStake, "proposer stakes")
                if p.proposerStake >= parameters.stakingMinimum { _ = try stake(p.proposerStake, account, "proposer \(i)") }
                economy.proposers.append(account)
            }
            economy.proposalIDs = Array(repeating: nil, count: g.proposals.count)
        }

        if let a = c.attacks {
            for (i, w) in a.whales.enumerated() {
                let account = ledger.openAccount(.user, name: "whale/\(i)")
                let budget = TokenAmount(baseUnits: w.payment.baseUnits.multipliedReportingOverflow(by: Int64(w.requests)).partialValue)
                try fund(account, budget, "whale budgets")
                economy.whaleAccounts.append(account)
                economy.whaleSent.append(0)
                economy.whaleStreams.append(RandomStream(seed: seed, replication: rep, stream: StreamID(purpose: Purpose.whales, index: i)))
            }
        }

        if hasStakingEconomy {
            let supply = ledger.supply.total
            economy.miningEmission = EmissionSchedule(rate: parameters.miningRewardRate, start: .zero, basis: supply)
            economy.validatorEmission = EmissionSchedule(rate: parameters.validatorRewardRate, start: .zero, basis: supply)
        }
        economy.capacityMin = flame.capacity
        economy.capacityMax = flame.capacity
        statistics.capacity.record(Double(flame.capacity), at: .zero)
        economy.stakedTime = TimeWeightedAverage(start: .zero, initialValue: Double(ledger.totalStaked.baseUnits))
    }

    /// The first events of the full economy.
    mutating func scheduleEconomyEvents() {
        let c = configuration
        func ticks(_ d: ScenarioDuration) -> SimDuration { d.simStep }
        if hasStakingEconomy {
            _ = queue.schedule(.rewardEpoch, at: .zero + SimDuration(ticks: parameters.epochLength.microseconds))
        }
        if c.validators != nil {
            _ = queue.schedule(.oracleRound, at: .zero + ticks((c.oracle ?? OracleConfiguration()).period))
        }
        if let a = c.autoscaling, a.enabled {
            _ = queue.schedule(.autoscale, at: .zero + ticks(a.period))
        }
        if let s = c.stakers {
            for i in 0..<s.count {
                // Stagger reviews over the first period so stakers do not all act at once.
                let offset = SimDuration(ticks: ticks(s.reviewPeriod).ticks * Int64(i + 1) / Int64(s.count + 1))
                _ = queue.schedule(.stakerReview(staker: Int32(i)), at: .zero + offset)
            }
        }
        if let g = c.governance {
            for (i, p) in g.proposals.enumerated() {
                _ = queue.schedule(.governance(proposal: Int32(i), step: .submit), at: .zero + ticks(p.at))
            }
        }
        if let a = c.attacks {
            for (i, w) in a.whales.enumerated() {
                _ = queue.schedule(.whaleRequest(attack: Int32(i)), at: .zero + ticks(w.at))
            }
        }
    }
}
