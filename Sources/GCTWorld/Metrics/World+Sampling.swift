import GCTEconomics
import GCTEngine

extension World {
    /// Takes a metrics sample, hands it to the observer and schedules the next one.
    mutating func sample(at time: SimTime) {
        market.advanceVelocity(to: time, circulating: ledger.supply.circulating)
        let interval = scenario.configuration.metrics.interval.simStep
        if time + interval <= shared.endTime { _ = queue.schedule(.sample, at: time + interval) }
        shared.observer.sample(currentSample(at: time))
    }

    /// The state of the world now.
    public func currentSample(at time: SimTime) -> MetricSample {
        let s = ledger.supply
        let (rmin, rmed, rmax) = oracle.reputationSummary
        let k = market.counters
        return MetricSample(
            time: time, minted: s.minted, burned: s.burned, totalSupply: s.total, circulating: s.circulating,
            staked: s.staked, held: s.held,
            queueLength: Int64(market.flame.queue.count), running: Int64(market.flame.running), capacity: Int64(market.flame.capacity),
            priceMultiplier: oracle.marketMultiplier.doubleValue, consensusPrice: oracle.consensusPrice,
            tokenVelocity: market.velocity.value.doubleValue, flameFactor: market.medianFlameFactor,
            arrived: k.arrived, completed: k.completed, failed: k.failed, balked: k.balked, insufficient: k.insufficient,
            stakingPromised: staking.promised, stakingPaid: staking.paid,
            stakingShortfall: staking.promised - staking.paid, emissionCapShortfall: staking.emissionCapShortfall,
            validatorEmissionMinted: staking.validatorEmissionMinted,
            emissionUndistributed: ledger.balance(of: shared.accounts.emissionPool),
            feePoolBalance: ledger.balance(of: shared.accounts.feePool),
            reputationMin: rmin, reputationMedian: rmed, reputationMax: rmax, alarms: oracle.alarms,
            proposalsPassed: governance.proposalsPassed,
            burnRate: parameters.burnRate.doubleValue)
    }
}
