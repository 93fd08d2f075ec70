import GCTEconomics
import GCTEngine

extension World {
    /// Economy invariants checked after every event (O(1)): the market multiplier stays within its
    /// mode's range; reputations are kept in [0, 1] by construction (checked at samples).
    func invariantProblem() -> (String, String)? {
        guard let (low, high) = multiplierBounds, marketMultiplier != .one else { return nil }
        if marketMultiplier < low || high < marketMultiplier {
            return ("multiplier_range", "market multiplier \(marketMultiplier) outside [\(low), \(high)] (\(economy.multiplier.mode.rawValue) mode)")
        }
        return nil
    }

    /// The market multiplier's range in its mode ([0.6, 1.45] literal, [0.6, 3] fixed), or `nil`
    /// when time-of-day pricing multiplies it further.
    static func multiplierBounds(_ c: ScenarioConfiguration) -> (Rate, Rate)? {
        if c.oracle?.timeOfDayPricing == true { return nil }
        return (Rate(3, over: 5), c.pricing.marketMultiplier == .literal ? Rate(29, over: 20) : Rate(3, over: 1))
    }

    /// End-of-run figures of the full economy.
    func economyReport() -> EconomyReport {
        var m: [(String, Double)] = []
        let years = Swift.max(now.seconds / (365 * 86_400), 1e-12)
        let meanStaked = economy.stakedTime.average(until: now) / 1e9
        if hasStakingEconomy {
            m.append(("staking_promised_gct", economy.stakingPromised.approximateGCT))
            m.append(("staking_paid_gct", economy.stakingPaid.approximateGCT))
            m.append(("staking_shortfall_gct", (economy.stakingPromised - economy.stakingPaid).approximateGCT))
            m.append(("apy_promised", meanStaked > 0 ? economy.stakingPromised.approximateGCT / meanStaked / years : 0))
            m.append(("apy_paid", meanStaked > 0 ? economy.stakingPaid.approximateGCT / meanStaked / years : 0))
            m.append(("emission_cap_shortfall_gct", economy.emissionCapShortfall.approximateGCT))
            m.append(("mining_paid_gct", economy.miningPaid.approximateGCT))
            m.append(("validator_fees_paid_gct", economy.validatorFeesPaid.approximateGCT))
        }
        if !economy.validators.isEmpty {
            let reps = economy.validators.map(\.reputation.doubleValue).sorted()
            m.append(("oracle_rounds", Double(economy.oracleRounds)))
            m.append(("oracle_outliers", Double(economy.outliersTotal)))
            m.append(("oracle_unavailable", Double(economy.unavailableTotal)))
            m.append(("alarms", Double(economy.alarms)))
            m.append(("mean_multiplier", economy.multiplierStatistics.count > 0 ? economy.multiplierStatistics.mean : 1))
            m.append(("reputation_min", reps.first ?? 0))
            m.append(("reputation_median", reps[reps.count / 2]))
            m.append(("reputation_max", reps.last ?? 0))
        }
        if configuration.autoscaling?.enabled == true {
            m.append(("capacity_min", Double(economy.capacityMin)))
            m.append(("capacity_max", Double(economy.capacityMax)))
            let hours = statistics.meanCapacity * statistics.seconds / 3600
            m.append(("capacity_hours", hours))
            // Priced at the spec's "Base GPU Hour: 0.1 GCT" per server-hour.
            m.append(("capacity_cost_gct", hours * Self.baseGPUHourPrice))
            m.append(("scale_ups", Double(economy.scalingActions[.scaleUp] ?? 0)))
            m.append(("scale_downs", Double(economy.scalingActions[.scaleDown] ?? 0)))
        }
        if configuration.governance != nil {
            m.append(("proposals_passed", Double(economy.proposalsPassed)))
            m.append(("burn_rate_final", parameters.burnRate.doubleValue))
        }
        return EconomyReport(metrics: m, proposalOutcomes: economy.proposalOutcomes)
    }

    /// Reputation distribution (min, median, max) now; zeros without validators.
    var reputationSummary: (Double, Double, Double) {
        guard !economy.validators.isEmpty else { return (0, 0, 0) }
        let reps = economy.validators.map(\.reputation.doubleValue).sorted()
        return (reps[0], reps[reps.count / 2], reps[reps.count - 1])
    }
}
