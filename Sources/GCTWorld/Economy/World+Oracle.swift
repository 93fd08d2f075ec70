import Foundation
import GCTEconomics
import GCTEngine

extension World {
    /// The fields every validator reports each round.
    static var oracleFields: [String] { ["gpu_hour_price", "capacity", "demand", "utilization"] }

    /// The spec's base GPU-hour price ("Base GPU Hour: 0.1 GCT").
    static var baseGPUHourPrice: Double { 0.1 }

    /// An oracle round (PRD-010 `collect_resource_data`): each validator observes the true market
    /// (capacity, pending demand, utilization and the GPU-hour price it implies) with its own noise,
    /// attackers add their bias, unavailable validators do not answer; the real consensus code
    /// aggregates (weighted median, outliers, penalties), reputations update by the spec's rule,
    /// the market multiplier follows the consensus supply/demand ratio, and the manipulation
    /// detector judges the new price.
    mutating func oracleRound(at time: SimTime) {
        let c = configuration
        guard let v = c.validators, var oracle = economy.oracle else { return }
        let o = c.oracle ?? OracleConfiguration()
        _ = queue.schedule(.oracleRound, at: time + o.period.simStep)
        economy.oracleRounds += 1

        // The true state.
        let capacity = Double(flame.capacity)
        let demand = Double(flame.running + flame.queue.count)
        let utilization = capacity > 0 ? Double(flame.running) / capacity : 0
        let trueRatio = FixedDecimal(approximating: capacity / Swift.max(demand, 1)) ?? .one
        let truePrice = Self.baseGPUHourPrice * economy.multiplier.multiplier(supplyDemandRatio: trueRatio).doubleValue
        let truth = [truePrice, capacity, demand, utilization]

        var reports: [OracleReport] = []
        var unavailable: [UnavailableValidator] = []
        var latencies: [Double] = []
        var reporters: [Int] = [], absentees: [Int] = []
        reports.reserveCapacity(economy.validators.count)
        let bias = attackBias(at: time)
        for i in economy.validators.indices {
            let val = economy.validators[i]
            let stake = economy.staking.positions[Int(val.position.rawValue)].amount
            economy.validators[i].asked += 1
            if economy.validatorStreams[i].uniform() < v.unavailability {
                unavailable.append(UnavailableValidator(validatorID: val.id, reputation: val.reputation))
                absentees.append(i)
                latencies.append(.infinity)
                continue
            }
            economy.validators[i].answered += 1
            let factor = i < bias.validators ? 1 + bias.bias : 1
            var values: [FixedDecimal] = []
            for x in truth {
                let noisy = x * (1 + v.noise * NormalDistribution.standardSample(&economy.validatorStreams[i])) * factor
                values.append(FixedDecimal(approximating: Swift.min(Swift.max(noisy, 0), 1e9)) ?? .zero)
            }
            let meanLatency = Double(v.responseTime.mean.nanoseconds) / 1e9
            latencies.append(-log(economy.validatorStreams[i].uniform()) * meanLatency)
            reports.append(OracleReport(validatorID: val.id, stake: stake, reputation: val.reputation, values: values))
            reporters.append(i)
        }

        let result: ConsensusResult
        do {
            oracle.outlierRule = OutlierRule(maxRelativeDeviation: o.outlierMaxDeviation)
            result = try oracle.aggregateWithConsensus(fields: Self.oracleFields, reports: reports, unavailable: unavailable)
        } catch {
            // Fewer than 3 reports or no weight: no consensus this round; the unavailable are still penalized.
            for i in absentees {
                economy.validators[i].reputation = economy.validators[i].reputation.penalized(by: oracle.unavailablePenalty)
            }
            observer.oracleRound(OracleRoundRow(
                time: time, reports: Int32(reports.count), unavailable: Int32(unavailable.count), outliers: 0,
                consensusPrice: consensusPrice, supplyDemandRatio: 0, multiplier: marketMultiplier.doubleValue, confidence: 0))
            return
        }

        // Reputation: the consensus penalties (0.2 outlier, 0.1 unavailable), then the spec's update rule.
        let deadline = v.responseTime.deadline.timeSpan
        let target = TimeSpan(microseconds: Swift.min(v.responseTime.mean.simDuration.ticks, deadline.microseconds - 1))
        // `result.reputations` lists the reports in order, then the unavailable validators.
        for (k, change) in result.reputations.enumerated() {
            let answered = k < reports.count
            let i = answered ? reporters[k] : absentees[k - reports.count]
            let accuracy = answered
                ? ReputationScores.accuracy(values: reports[k].values, consensus: result.values,
                                            maxRelativeDeviation: o.outlierMaxDeviation)
                : .zero
            let latency = latencies[i].isFinite ? TimeSpan(microseconds: Int64(latencies[i] * 1e6)) : deadline
            let scores = ReputationScores(
                accuracy: accuracy,
                availability: ReputationScores.availability(answered: economy.validators[i].answered, asked: economy.validators[i].asked),
                responseTime: ReputationScores.responseTime(latency: latency, target: target, deadline: deadline))
            economy.validators[i].reputation = ReputationUpdate.updated(current: change.after, scores: scores)
            if change.reason == .outlier {
                economy.validators[i].outlierRounds += 1
                economy.outliersTotal += 1
                if o.slashOutliers { slashValidator(i, for: .oracleOutlier, at: time) }
            } else if change.reason == .unavailable {
                economy.unavailableTotal += 1
                if o.slashUnavailable { slashValidator(i, for: .unavailability, at: time) }
            }
        }

        // The price loop: consensus supply/demand ratio → market multiplier → congestion factor of the cost.
        let consensusCapacity = result.values[1], consensusDemand = result.values[2]
        let ratioNanos = Swift.max(consensusDemand.nanos, FixedDecimal.one.nanos)
        let ratio = FixedDecimal(nanos: Int64(
            ExactArithmetic.divide(UInt128(consensusCapacity.nanos) * 1_000_000_000, by: UInt128(ratioNanos), rounding: .down).quotient))
        var m = economy.multiplier.multiplier(supplyDemandRatio: ratio)
        if o.timeOfDayPricing {
            let tod = TimeOfDayPricing(utcOffsetHours: Int(o.utcOffsetHours.rounded()))
            m = Rate.multiplying(m, tod.multiplier(at: time.timestamp)) ?? m
        }
        marketMultiplier = m
        economy.multiplierStatistics.add(m.doubleValue)
        let price = TokenAmount(baseUnits: result.values[0].nanos)
        consensusPrice = price.approximateGCT

        if let detector = economy.detector {
            let weights = reports.map { (price: TokenAmount(baseUnits: $0.values[0].nanos), weight: $0.weight) }
            let consensus = detector.anomalyConsensus(reports: weights, history: economy.priceHistory, now: time.timestamp, newPrice: price)
            let verdict = detector.detectPriceManipulation(
                history: economy.priceHistory, now: time.timestamp, newPrice: price, anomalyConsensus: consensus)
            if verdict.isManipulation {
                economy.alarms += 1
                observer.alarm(AlarmRow(time: time, zScore: verdict.zScore ?? 0, anomalyConsensus: consensus, price: price.approximateGCT))
            }
            economy.priceHistory.append(PricePoint(time: time.timestamp, price: price))
            let cutoff = time.ticks - detector.window.microseconds
            if let first = economy.priceHistory.first, first.time.microseconds <= cutoff {
                economy.priceHistory.removeAll { $0.time.microseconds <= cutoff }
            }
        }
        observer.oracleRound(OracleRoundRow(
            time: time, reports: Int32(reports.count), unavailable: Int32(unavailable.count),
            outliers: Int32(result.outliers.count), consensusPrice: consensusPrice,
            supplyDemandRatio: ratio.doubleValue, multiplier: m.doubleValue, confidence: result.confidence))
    }

    /// The oracle-manipulation attack in force at `time`: the first `validators` validators report × (1 + bias).
    func attackBias(at time: SimTime) -> (validators: Int, bias: Double) {
        guard let attacks = configuration.attacks?.oracleManipulation else { return (0, 0) }
        for a in attacks where time.ticks >= a.start.simDuration.ticks && time.ticks < a.end.simDuration.ticks {
            return (a.validators, a.bias)
        }
        return (0, 0)
    }

    /// Slashes validator `i`'s stake for `offence` (the scenario's fraction and destination).
    mutating func slashValidator(_ i: Int, for offence: Offence, at time: SimTime) {
        guard let fraction = parameters.slashFractions[offence] else { return }
        let destination = parameters.slashDestination == .treasury ? accounts.treasury : nil
        _ = try? economy.staking.slash(
            economy.validators[i].position, fraction: fraction, for: offence, at: time.timestamp,
            minimum: parameters.stakingMinimum, destination: destination, ledger: &ledger)
    }
}
