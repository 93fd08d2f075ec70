import Foundation
import GCTEconomics
import GCTEngine

extension OracleNetwork {
    /// An oracle round (PRD-010 `collect_resource_data`): each validator observes the true market
    /// (capacity, pending demand, utilization and the GPU-hour price it implies) with its own noise,
    /// attackers add their bias, unavailable validators do not answer; the real consensus code
    /// aggregates (weighted median, outliers, penalties), reputations update by the spec's rule,
    /// the market multiplier follows the consensus supply/demand ratio, and the manipulation
    /// detector judges the new price.
    mutating func round(
        at time: SimTime, market load: MarketLoad, pendingByClass: [Int32] = [], bias: OracleBias, parameters: EconomicParameters,
        staking: inout StakingBook, queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        guard let v = settings, var oracle = consensus else { return }
        let o = oracleSettings
        _ = queue.schedule(.oracleRound, at: time + o.period.simStep)
        rounds += 1

        // The true state.
        let capacity = Double(load.capacity)
        let demand = Double(load.demand)
        let utilization = capacity > 0 ? Double(load.running) / capacity : 0
        let trueRatio = FixedDecimal(approximating: capacity / Swift.max(demand, 1)) ?? .one
        let truePrice = Self.baseGPUHourPrice * multiplier.multiplier(supplyDemandRatio: trueRatio).doubleValue
        // The round's arrays are last round's buffers, emptied (capacity kept), and go back at the end:
        // a round in steady state allocates only in the consensus code (see OracleRoundBuffers).
        var truth = Self.emptied(&buffers.truth)
        var reports = Self.emptied(&buffers.reports)  // releases last round's reports: value buffers unique again
        var unavailable = Self.emptied(&buffers.unavailable)
        var latencies = Self.emptied(&buffers.latencies)
        var reporters = Self.emptied(&buffers.reporters), absentees = Self.emptied(&buffers.absentees)
        defer {
            buffers.truth = truth
            buffers.reports = reports
            buffers.unavailable = unavailable
            buffers.latencies = latencies
            buffers.reporters = reporters
            buffers.absentees = absentees
        }
        if buffers.values.count != validators.count { buffers.values = Array(repeating: [], count: validators.count) }
        truth.append(contentsOf: [truePrice, capacity, demand, utilization])
        if regionalPricing {
            // Each region: its share of the capacity and the pending demand of its users' classes.
            var regionalDemand = [Double](repeating: 0, count: regionCapacityShare.count)
            for (k, r) in classRegion.enumerated() where r >= 0 && k < pendingByClass.count { regionalDemand[r] += Double(pendingByClass[k]) }
            for (r, share) in regionCapacityShare.enumerated() {
                truth.append(capacity * share)
                truth.append(regionalDemand[r])
            }
        }

        latencies.append(contentsOf: repeatElement(.infinity, count: validators.count))  // by validator index
        reports.reserveCapacity(validators.count)
        let meanLatency = v.responseTime.mean.seconds
        let deadlineSeconds = v.responseTime.deadline.seconds
        formCoalition(bias, staking: staking)
        for i in validators.indices {
            let val = validators[i]
            let position = staking.positions[Int(val.position.rawValue)]
            // Out of the validator set (slashed below the minimum, unbonding): not asked, no report.
            guard position.status == .active else { continue }
            let stake = position.amount
            validators[i].asked += 1
            if streams[i].uniform() < v.unavailability {
                unavailable.append(UnavailableValidator(validatorID: val.id, reputation: val.reputation))
                absentees.append(i)
                continue
            }
            let colluding = colludes(i, bias)
            var values = Self.emptied(&buffers.values[i])
            defer { buffers.values[i] = values }  // shared with this round's report until the next round
            for (j, x) in truth.enumerated() {
                // A regional capacity or demand field takes the bias of the network's field.
                let base = j < Self.fields.count ? j : 1 + (j - Self.fields.count) % 2
                let factor = colluding ? 1 + (bias.fields?[base] ?? bias.bias) : 1
                let noisy = x * (1 + v.noise * NormalDistribution.standardSample(&streams[i])) * factor
                values.append(FixedDecimal(approximating: Swift.min(Swift.max(noisy, 0), 1e9)) ?? .zero)
            }
            let latency = -log(streams[i].uniform()) * meanLatency
            if latency > deadlineSeconds || isOffline(i, bias) {
                // A report after the deadline counts as missing; so does a validator knocked offline
                // (its draws are made all the same, so its stream stays in step with the twin's).
                unavailable.append(UnavailableValidator(validatorID: val.id, reputation: val.reputation))
                absentees.append(i)
                continue
            }
            validators[i].answered += 1
            latencies[i] = latency
            reports.append(OracleReport(validatorID: val.id, stake: stake, reputation: val.reputation, values: values))
            reporters.append(i)
        }
        unavailableTotal += Int64(unavailable.count)

        var result: ConsensusResult?
        var fallback = false
        oracle.outlierRule = OutlierRule(maxRelativeDeviation: o.outlierMaxDeviation)
        oracle.minimumReports = parameters.oracleMinimumReports
        if reports.count < oracle.minimumReports {
            roundsShort += 1
            attackFigures.roundsShort += 1
        } else {
            do {
                result = try oracle.aggregateWithConsensus(fields: reportFields, reports: reports, unavailable: unavailable)
            } catch OracleError.zeroTotalWeight {
                // Every reporter's reputation (or stake) is 0: decide with equal reputations
                // (weight = stake) so the oracle recovers (departure P16); reputations then update
                // from their own values below.
                fallback = true
                roundsFallback += 1
                let equal = reports.map { OracleReport(validatorID: $0.validatorID, stake: $0.stake, reputation: .full, values: $0.values) }
                result = try? oracle.aggregateWithConsensus(fields: reportFields, reports: equal, unavailable: unavailable)
            } catch {
                result = nil
            }
            if result == nil { roundsFailed += 1; currentStall += 1; longestStall = Swift.max(longestStall, currentStall) }
            else { currentStall = 0 }
        }
        guard let result else {
            // Fewer than the minimum reports (3 in the spec) or no consensus this round; the unavailable are still penalized.
            for i in absentees {
                validators[i].reputation = validators[i].reputation.penalized(by: oracle.unavailablePenalty)
            }
            recordRound(at: time, consensus: consensusPrice, truth: truePrice)  // the stale price stays in force
            shared.observer.oracleRound(OracleRoundRow(
                time: time, reports: Int32(reports.count), unavailable: Int32(unavailable.count), outliers: 0,
                consensusPrice: consensusPrice, supplyDemandRatio: 0, multiplier: marketMultiplier.doubleValue, confidence: 0))
            return
        }

        // Reputation: the consensus penalties (0.2 outlier, 0.1 unavailable), then the spec's update rule.
        let deadline = v.responseTime.deadline.simDuration.timeSpan
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
                availability: ReputationScores.availability(answered: validators[i].answered, asked: validators[i].asked),
                responseTime: ReputationScores.responseTime(latency: latency, target: target, deadline: deadline))
            // With the equal-reputation fallback the penalties apply to the validator's own reputation.
            let current: Reputation = if !fallback { change.after } else {
                switch change.reason {
                case .none: validators[i].reputation
                case .outlier: validators[i].reputation.penalized(by: oracle.outlierPenalty)
                case .unavailable: validators[i].reputation.penalized(by: oracle.unavailablePenalty)
                }
            }
            validators[i].reputation = ReputationUpdate.updated(current: current, scores: scores)
            if change.reason == .outlier {
                validators[i].outlierRounds += 1
                outliersTotal += 1
                if o.slashOutliers { slash(i, for: .oracleOutlier, at: time, parameters: parameters, staking: &staking, ledger: &ledger, shared: shared) }
            } else if change.reason == .unavailable {
                if o.slashUnavailable { slash(i, for: .unavailability, at: time, parameters: parameters, staking: &staking, ledger: &ledger, shared: shared) }
            }
        }

        // The price loop: consensus supply/demand ratio → market multiplier → congestion factor of the cost.
        let consensusCapacity = result.values[1], consensusDemand = result.values[2]
        let ratioNanos = Swift.max(consensusDemand.nanos, FixedDecimal.one.nanos)
        let ratio = FixedDecimal(nanos: Int64(
            ExactArithmetic.divide(UInt128(consensusCapacity.nanos) * 1_000_000_000, by: UInt128(ratioNanos), rounding: .down).quotient))
        var m = congestionFactor(ratio: ratio, price: result.values[0])
        if regionalPricing {
            // PRD-010 `calculate_regional_pricing_multipliers(consensus_data)` (departure P12): each
            // region's consensus supply/demand ratio against the network's.
            let pricing = RegionalPricing(market: multiplier)
            for r in regionalMultipliers.indices {
                let cap = result.values[Self.fields.count + 2 * r], dem = result.values[Self.fields.count + 2 * r + 1]
                let regionRatio = FixedDecimal(nanos: Int64(ExactArithmetic.divide(
                    UInt128(cap.nanos) * 1_000_000_000, by: UInt128(Swift.max(dem.nanos, FixedDecimal.one.nanos)), rounding: .down).quotient))
                regionalMultipliers[r] = Rate(ppb: pricing.multiplier(regionRatio: regionRatio, globalRatio: ratio).nanos)
            }
        }
        if o.timeOfDayPricing {
            let tod = TimeOfDayPricing(utcOffsetHours: Int(o.utcOffsetHours.rounded()))
            m = Rate.multiplying(m, tod.multiplier(at: time.timestamp)) ?? m
        }
        marketMultiplier = m
        multiplierStatistics.add(m.doubleValue)
        let price = TokenAmount(baseUnits: result.values[0].nanos)
        consensusPrice = price.approximateGCT
        recordRound(at: time, consensus: consensusPrice, truth: truePrice)

        if let detector {
            let weights = reports.lazy.map { (price: TokenAmount(baseUnits: $0.values[0].nanos), weight: $0.weight) }
            let consensus = detector.anomalyConsensus(reports: weights, history: priceHistory, now: time.timestamp, newPrice: price)
            let verdict = detector.detectPriceManipulation(
                history: priceHistory, now: time.timestamp, newPrice: price, anomalyConsensus: consensus)
            if verdict.isManipulation {
                alarms += 1
                shared.observer.alarm(AlarmRow(time: time, zScore: verdict.zScore ?? 0, anomalyConsensus: consensus, price: price.approximateGCT))
                alarmRaised(
                    at: time, verdict: verdict, reports: reports, reporters: reporters, bias: bias,
                    parameters: parameters, staking: &staking, ledger: &ledger, shared: shared)
            }
            priceHistory.append(PricePoint(time: time.timestamp, price: price))
            let cutoff = time.ticks - detector.window.microseconds
            if let first = priceHistory.first, first.time.microseconds <= cutoff {
                priceHistory.removeAll { $0.time.microseconds <= cutoff }
            }
        }
        shared.observer.oracleRound(OracleRoundRow(
            time: time, reports: Int32(reports.count), unavailable: Int32(unavailable.count),
            outliers: Int32(result.outliers.count), consensusPrice: consensusPrice,
            supplyDemandRatio: ratio.doubleValue, multiplier: m.doubleValue, confidence: result.confidence))
    }

    /// `buffer`, emptied with its capacity kept, moved out of its owner (so that it is uniquely referenced).
    static func emptied<Element>(_ buffer: inout [Element]) -> [Element] {
        var taken: [Element] = []
        swap(&taken, &buffer)
        taken.removeAll(keepingCapacity: true)
        return taken
    }

    /// Slashes validator `i`'s stake for `offence` (the fraction and destination in force).
    mutating func slash(
        _ i: Int, for offence: Offence, at time: SimTime, parameters: EconomicParameters,
        staking: inout StakingBook, ledger: inout Ledger, shared: WorldShared
    ) {
        guard let fraction = parameters.slashFractions[offence] else { return }
        let destination = parameters.slashDestination == .treasury ? shared.accounts.treasury : nil
        let slashed = try? staking.slash(
            validators[i].position, fraction: fraction, for: offence, at: time.timestamp,
            minimum: parameters.stakingMinimum, destination: destination, ledger: &ledger)
        if let slashed { recordSlash(i, slashed) }
    }
}
