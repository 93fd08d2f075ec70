import GCTEconomics
import GCTEngine

/// End-of-run figures of the full-economy mechanisms.
public struct EconomyReport: Sendable {
    public var metrics = ReportMetrics()
    public var proposalOutcomes: [String] = []
}

extension World {
    /// The outcome of this replication as it stands now (what `ReplicationRunner.runOne` returns
    /// after `runToEnd`), for callers that also inspect the world at the end (`gctsim check`).
    public func outcome(run: RunSummary, wallSeconds: Double) -> ReplicationOutcome {
        ReplicationOutcome(
            replication: scenario.replication, run: run,
            statistics: market.statistics, counters: market.counters, supply: ledger.supply, economy: economyReport(),
            violation: invariants.violation, wallSeconds: wallSeconds)
    }

    /// End-of-run figures of the full economy, component by component.
    func economyReport() -> EconomyReport {
        var m = ReportMetrics()
        if market.calibration != nil {
            // Calibrated service times: the mean service time and wait of each operation (0 when none started).
            for (i, o) in market.statistics.operations.enumerated() {
                m.append(ReportMetricName.operationServices[i], o.services.count > 0 ? o.services.mean : 0)
            }
            for (i, o) in market.statistics.operations.enumerated() {
                m.append(ReportMetricName.operationWaits[i], o.waits.count > 0 ? o.waits.mean : 0)
            }
        }
        let years = Swift.max(now.seconds / (365 * 86_400), 1e-12)
        staking.report(into: &m, years: years, now: now, ledger: ledger, accounts: shared.accounts)
        oracle.report(into: &m)
        autoscaler.report(into: &m, statistics: market.statistics)
        if governance.settings != nil {
            m.append(.proposalsPassed, Double(governance.proposalsPassed))
            m.append(.burnRateFinal, parameters.burnRate.doubleValue)
        }
        return EconomyReport(metrics: m, proposalOutcomes: governance.outcomes)
    }

    /// The end state, for `/final`.
    public var finalState: WorldFinalState {
        let a = ledger.accounts
        let p = staking.book.positions
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
            validatorReputations: oracle.validators.map(\.reputation.doubleValue))
    }

    // Read access for callers outside the world (tests, `gctsim check`).
    public var configuration: ScenarioConfiguration { scenario.configuration }
    public var replication: Int { scenario.replication }
    public var endTime: SimTime { shared.endTime }
    public var flame: FLAMEEngine { market.flame }
    public var counters: QueueCounters { market.counters }
    public var statistics: MarketStatistics { market.statistics }
    public var marketMultiplier: Rate { oracle.marketMultiplier }
    public var consensusPrice: Double { oracle.consensusPrice }
    public var violation: InvariantViolation? { invariants.violation }
    public var eventsHandled: Int { invariants.eventsHandled }
    var accounts: ProtocolAccounts { shared.accounts }
}

extension StakingEmissions {
    /// Promised and paid staking rewards, the APYs they amount to over the mean stake, emissions.
    func report(into m: inout ReportMetrics, years: Double, now: SimTime, ledger: Ledger, accounts: ProtocolAccounts) {
        guard enabled else { return }
        let meanStaked = stakedTime.average(until: now) / 1e9
        m.append(.stakingPromised, promised.approximateGCT)
        m.append(.stakingPaid, paid.approximateGCT)
        m.append(.stakingShortfall, (promised - paid).approximateGCT)
        m.append(.apyPromised, meanStaked > 0 ? promised.approximateGCT / meanStaked / years : 0)
        m.append(.apyPaid, meanStaked > 0 ? paid.approximateGCT / meanStaked / years : 0)
        m.append(.emissionCapShortfall, emissionCapShortfall.approximateGCT)
        m.append(.miningPaid, miningPaid.approximateGCT)
        m.append(.validatorFeesPaid, validatorFeesPaid.approximateGCT)
        m.append(.validatorEmissionMinted, validatorEmissionMinted.approximateGCT)
        m.append(.emissionToValidators, emissionToValidators.approximateGCT)
        m.append(.emissionUndistributed, ledger.balance(of: accounts.emissionPool).approximateGCT)
        m.append(.emissionUndistributedAtEpochMax, undistributedAtEpochMax.approximateGCT)
        m.append(.feePoolBalance, ledger.balance(of: accounts.feePool).approximateGCT)
    }
}

extension OracleNetwork {
    /// Rounds, outliers, absences, alarms, the mean multiplier and the reputations at the end.
    func report(into m: inout ReportMetrics) {
        guard !validators.isEmpty else { return }
        let (low, median, high) = reputationSummary
        m.append(.oracleRounds, Double(rounds))
        m.append(.oracleOutliers, Double(outliersTotal))
        m.append(.oracleUnavailable, Double(unavailableTotal))
        m.append(.oracleRoundsShort, Double(roundsShort))
        m.append(.oracleFailedRounds, Double(roundsFailed))
        m.append(.oracleFallbackRounds, Double(roundsFallback))
        m.append(.oracleLongestStall, Double(longestStall))
        m.append(.alarms, Double(alarms))
        m.append(.meanMultiplier, multiplierStatistics.count > 0 ? multiplierStatistics.mean : 1)
        m.append(.reputationMin, low)
        m.append(.reputationMedian, median)
        m.append(.reputationMax, high)
    }
}

extension Autoscaler {
    /// The capacity range, capacity-hours and their cost at the spec's base price, the decisions.
    func report(into m: inout ReportMetrics, statistics: MarketStatistics) {
        guard enabled else { return }
        m.append(.capacityMin, Double(capacityMin))
        m.append(.capacityMax, Double(capacityMax))
        let hours = statistics.meanCapacity * statistics.seconds / 3600
        m.append(.capacityHours, hours)
        // Priced at the spec's "Base GPU Hour: 0.1 GCT" per server-hour.
        m.append(.capacityCost, hours * OracleNetwork.baseGPUHourPrice)
        m.append(.scaleUps, Double(actions[.scaleUp] ?? 0))
        m.append(.scaleDowns, Double(actions[.scaleDown] ?? 0))
    }
}
