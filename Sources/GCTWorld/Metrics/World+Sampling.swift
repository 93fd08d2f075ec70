import GCTEconomics
import GCTEngine

extension World {
    /// Takes a metrics sample, hands it to the observer and schedules the next one.
    mutating func sample(at time: SimTime) {
        advanceVelocity(to: time)
        let interval = configuration.metrics.interval.simStep
        if time + interval <= endTime { _ = queue.schedule(.sample, at: time + interval) }
        observer.sample(currentSample(at: time))
    }

    /// The state of the world now.
    public func currentSample(at time: SimTime) -> MetricSample {
        let s = ledger.supply
        let (rmin, rmed, rmax) = reputationSummary
        return MetricSample(
            time: time, minted: s.minted, burned: s.burned, totalSupply: s.total, circulating: s.circulating,
            staked: s.staked, held: s.held,
            queueLength: Int64(flame.queue.count), running: Int64(flame.running), capacity: Int64(flame.capacity),
            priceMultiplier: marketMultiplier.doubleValue, consensusPrice: consensusPrice,
            tokenVelocity: economy.velocity.annualized.doubleValue,
            arrived: counters.arrived, completed: counters.completed, failed: counters.failed,
            balked: counters.balked, insufficient: counters.insufficient,
            stakingPromised: economy.stakingPromised, stakingPaid: economy.stakingPaid,
            stakingShortfall: economy.stakingPromised - economy.stakingPaid, emissionCapShortfall: economy.emissionCapShortfall,
            reputationMin: rmin, reputationMedian: rmed, reputationMax: rmax, alarms: economy.alarms,
            proposalsPassed: economy.proposalsPassed,
            burnRate: parameters.burnRate.doubleValue)
    }
}
