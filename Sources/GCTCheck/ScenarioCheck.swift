import GCTEconomics
import GCTEngine
import GCTWorld

/// `gctsim check` for one scenario: runs its replications, checks the invariant catalogue
/// (docs/invariants.md) and compares every metric with the baseline.
public enum ScenarioCheck {
    /// Names of the exact invariants, in catalogue order.
    public static let exactInvariants = [
        "supply_conservation", "minted_within_cap", "no_negative_balances", "burned_non_decreasing",
        "queue_conservation", "reputation_range", "multiplier_range", "annual_emission",
        "minted_accounted", "consensus_progress",
    ]

    /// The most consecutive oracle rounds with ≥ 3 reports and no consensus `consensus_progress` allows.
    public static let maximumStall = 12

    /// Checks `configuration` (its `replications` are K).
    ///
    /// - Parameters:
    ///   - file: where the scenario came from (for the report).
    ///   - hash: its model hash (compared with the baseline's).
    ///   - baseline: the stored baseline, if any.
    ///   - prepare: adjusts each world of the main run before it runs (fault injection in tests).
    /// - Throws: `WorldError` when the scenario cannot start.
    public static func run(
        _ configuration: ScenarioConfiguration, file: String, hash: String, baseline: ScenarioBaseline?,
        options: CheckOptions = CheckOptions(),
        prepare: (@Sendable (inout World) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process
    ) throws(WorldError) -> ScenarioCheckResult {
        let c = configuration
        let reps = try CheckRunner.run(c, threads: options.threads, prepare: prepare, stopFlag: stopFlag)
        var invariants: [InvariantResult] = []

        // Baseline identity.
        if let b = baseline {
            invariants.append(InvariantResult(
                name: "baseline_current", kind: .baseline, detail: "scenario hash \(hash) matches the baseline's",
                failure: b.scenarioHash == hash ? nil
                    : "baseline_current: the baseline is stale: scenario hash \(hash) differs from the baseline's \(b.scenarioHash) (gctsim \(b.gctsimVersion)); metrics compared anyway; run `gctsim check --update-baselines` if the change is intended"))
        }

        // Exact invariants: every problem found in any replication, first one per invariant.
        var firstProblem: [String: (Int, InvariantProblem, Int)] = [:]  // name → (replication, problem, count)
        for r in reps {
            var seenHere: Set<String> = []
            for p in r.problems where seenHere.insert(p.invariant).inserted {
                if let f = firstProblem[p.invariant] {
                    firstProblem[p.invariant] = (f.0, f.1, f.2 + 1)
                } else {
                    firstProblem[p.invariant] = (r.outcome.replication, p, 1)
                }
            }
        }
        let events = reps.reduce(0) { $0 + $1.outcome.run.eventsHandled }
        let k = reps.count
        for name in exactInvariants {
            if name == "reputation_range" && c.validators == nil { continue }
            if name == "multiplier_range" && c.validators == nil { continue }
            if name == "annual_emission" {
                invariants.append(annualEmission(c))
                continue
            }
            if name == "minted_accounted" {
                // Every minted token is held by an account or a named pool: the emission pool
                // (minted, held by no one) is empty at every epoch end under the default rule.
                guard c.validators != nil, c.economy.emission.undistributed == .validators else { continue }
                let bad = reps.filter { ($0.outcome.metrics[.emissionUndistributedAtEpochMax] ?? 0) > 0 }
                invariants.append(InvariantResult(
                    name: name, kind: .exact, detail: "the emission pool at every epoch end of \(k) replications",
                    failure: bad.first.map { r in
                        "minted_accounted failed in \(bad.count) of \(k) replications; first, replication \(r.outcome.replication): up to \(r.outcome.metrics[.emissionUndistributedAtEpochMax] ?? 0) GCT left in the emission pool at an epoch end"
                    }))
                continue
            }
            if name == "consensus_progress" {
                guard c.validators != nil else { continue }
                let bad = reps.filter { ($0.outcome.metrics[.oracleLongestStall] ?? 0) > Double(maximumStall) }
                invariants.append(InvariantResult(
                    name: name, kind: .exact, detail: "at most \(maximumStall) consecutive rounds with ≥ 3 reports and no consensus, \(k) replications",
                    failure: bad.first.map { r in
                        "consensus_progress failed in \(bad.count) of \(k) replications; first, replication \(r.outcome.replication): \(r.outcome.metrics[.oracleLongestStall] ?? 0) consecutive rounds with ≥ 3 reports and no consensus"
                    }))
                continue
            }
            let failure = firstProblem.removeValue(forKey: name).map { (rep, p, count) in
                "\(name) failed in \(count) of \(k) replications; first, replication \(rep): \(p.message)"
            }
            invariants.append(InvariantResult(name: name, kind: .exact, detail: detail(for: name, replications: k, events: events), failure: failure))
        }
        for (name, (rep, p, count)) in firstProblem.sorted(by: { $0.key < $1.key }) {
            invariants.append(InvariantResult(
                name: name, kind: .exact, detail: "",
                failure: "\(name) failed in \(count) of \(k) replications; first, replication \(rep): \(p.message)"))
        }
        if reps.count < c.replications {
            invariants.append(InvariantResult(
                name: "run_complete", kind: .exact, detail: "",
                failure: "run_complete: only \(reps.count) of \(c.replications) replications ran (interrupted)"))
        }

        // Metrics over the replications.
        var names: [String] = []
        var values: [String: [Double]] = [:]
        for r in reps {
            for metric in r.outcome.metrics where !ReplicationOutcome.wallClockMetrics.contains(metric.name) {
                let (name, value) = (metric.name, metric.value)
                if values[name] == nil { names.append(name) }
                values[name, default: []].append(value)
            }
        }
        let current = values.mapValues { MetricBaseline(values: $0) }

        // Statistical invariants.
        invariants.append(littlesLaw(current, options: options))
        if let mmc = MMcShape(c) { invariants.append(erlangC(mmc, current, alpha: options.policy.alpha)) }
        if c.validators != nil {
            invariants.append(try demandResponse(c, options: options, stopFlag: stopFlag))
        }

        // Metric regression.
        var comparisons: [MetricComparison] = []
        for name in names {
            comparisons.append(MetricComparison(metric: name, baseline: baseline?.metrics[name], current: current[name], policy: options.policy))
        }
        if let b = baseline {
            for name in b.metrics.keys.sorted() where current[name] == nil {
                comparisons.append(MetricComparison(metric: name, baseline: b.metrics[name], current: nil, policy: options.policy))
            }
        }
        return ScenarioCheckResult(
            scenario: c.name, file: file, hash: hash, seed: c.seed, replications: c.replications,
            baseline: baseline, invariants: invariants, metrics: comparisons)
    }

    static func detail(for name: String, replications k: Int, events: Int) -> String {
        switch name {
        case "supply_conservation", "queue_conservation", "multiplier_range":
            "after each of \(events) events in \(k) replications, and a full audit at the end"
        case "minted_within_cap": "after every event, at every sample and at the end of \(k) replications"
        case "no_negative_balances": "every account at the end of \(k) replications"
        case "burned_non_decreasing": "between consecutive samples of \(k) replications"
        case "reputation_range": "every sample and every validator at the end of \(k) replications"
        default: "\(k) replications"
        }
    }

    /// A year of reward epochs of the scenario's length mints exactly `floor(basis × rate)`
    /// for the mining and validator emissions (basis: the genesis supply).
    static func annualEmission(_ c: ScenarioConfiguration) -> InvariantResult {
        let epoch = c.economy.staking.epoch.simStep.ticks
        let basis = c.economy.initialSupply + c.economy.treasury
        var problems: [String] = []
        var epochs = 0
        for (label, rate) in [("mining", c.economy.emission.miningRate), ("validator", c.economy.emission.validatorRate)] {
            var schedule = EmissionSchedule(rate: rate, start: .zero, basis: basis)
            var paid = TokenAmount.zero
            var t: Int64 = 0
            epochs = 0
            while t < TimeSpan.year.microseconds {
                t = Swift.min(t + epoch, TimeSpan.year.microseconds)
                paid += schedule.advance(to: Timestamp(microseconds: t)) { basis }
                epochs += 1
            }
            // floor(basis × p / q), computed independently of the schedule.
            let expected = ExactArithmetic.multiplyDivide(
                UInt128(basis.baseUnits), UInt128(rate.numerator), UInt128(rate.denominator), rounding: .down)!.quotient
            if paid.baseUnits != Int64(expected) {
                problems.append("\(label): \(epochs) epochs paid \(paid.baseUnits) base units, the annual emission is \(expected)")
            }
        }
        return InvariantResult(
            name: "annual_emission", kind: .exact,
            detail: "\(epochs) epochs of \(Double(epoch) / 3.6e9) h pay exactly floor(\(basis.decimalString()) × rate) GCT (mining and validator)",
            failure: problems.isEmpty ? nil : "annual_emission: " + problems.joined(separator: "; "))
    }

    /// Little's law for the queue: `L_q = λ W_q`, on the means over the replications.
    static func littlesLaw(_ m: [String: MetricBaseline], options: CheckOptions) -> InvariantResult {
        guard let l = m["mean_queue_length"]?.mean, let lw = m["littles_law_lambda_w"]?.mean else {
            return InvariantResult(name: "littles_law", kind: .statistical, detail: "", failure: "littles_law: the run has no queue metrics")
        }
        let tolerance = Swift.max(options.littleRelative * abs(lw), options.littleAbsolute)
        let detail = "L = \(MetricComparison.format(l)), λW = \(MetricComparison.format(lw)), |L − λW| ≤ \(MetricComparison.format(tolerance))"
        return InvariantResult(
            name: "littles_law", kind: .statistical, detail: detail,
            failure: abs(l - lw) <= tolerance ? nil : "littles_law: \(detail) does not hold")
    }

    /// The (1 − α) confidence interval of the mean wait contains Erlang C's `W_q`.
    static func erlangC(_ q: MMcShape, _ m: [String: MetricBaseline], alpha: Double) -> InvariantResult {
        let expected = ErlangC.meanWait(lambda: q.lambda, mu: q.mu, servers: q.servers)!
        guard let w = m["mean_wait_s"], w.n >= 2 else {
            return InvariantResult(name: "erlang_c", kind: .statistical, detail: "", failure: "erlang_c: needs at least 2 replications")
        }
        let half = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: Double(w.n - 1)) * w.sd / Double(w.n).squareRoot()
        let f = MetricComparison.format
        let detail = "M/M/\(q.servers) λ = \(f(q.lambda)), μ = \(f(q.mu)): Erlang C W_q = \(f(expected)) s within the \(f(100 * (1 - alpha))) % CI \(f(w.mean - half)) … \(f(w.mean + half)) of mean_wait_s"
        return InvariantResult(
            name: "erlang_c", kind: .statistical, detail: detail,
            failure: abs(w.mean - expected) <= half ? nil : "erlang_c: \(detail) fails")
    }

    /// The market multiplier is higher when demand is higher: mean_multiplier with every arrival
    /// rate × `demandHighScale` exceeds mean_multiplier with every rate × `demandLowScale`.
    static func demandResponse(_ c: ScenarioConfiguration, options: CheckOptions, stopFlag: StopFlag?) throws(WorldError) -> InvariantResult {
        func meanMultiplier(_ scale: Double) throws(WorldError) -> Double {
            var s = c
            s.replications = Swift.max(options.demandReplications, 1)
            for i in s.users.indices { s.users[i].arrival.ratePerSecond *= scale }
            let reps = try CheckRunner.run(s, threads: options.threads, stopFlag: stopFlag)
            let values = reps.compactMap { $0.outcome.metrics[.meanMultiplier] }
            return values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
        }
        let low = try meanMultiplier(options.demandLowScale)
        let high = try meanMultiplier(options.demandHighScale)
        let f = MetricComparison.format
        let detail = "mean_multiplier \(f(low)) at arrival rates × \(f(options.demandLowScale)) < \(f(high)) at × \(f(options.demandHighScale)) (\(options.demandReplications) replications each)"
        return InvariantResult(
            name: "multiplier_demand_response", kind: .statistical, detail: detail,
            failure: low < high ? nil : "multiplier_demand_response: mean_multiplier \(f(low)) at arrival rates × \(f(options.demandLowScale)) is not below \(f(high)) at × \(f(options.demandHighScale))")
    }
}

/// The parameters of a scenario that is an M/M/c queue: fixed price, one Poisson class with a
/// constant rate and a fixed payment (FIFO), exponential service of one mean, no failures, a fixed
/// pool, no oracle.
struct MMcShape {
    var lambda: Double
    var mu: Double
    var servers: Int

    init?(_ c: ScenarioConfiguration) {
        guard c.pricing.mode == .fixed, c.users.count == 1, let u = c.users.first, u.arrival.dailyProfile == nil,
              u.payment != nil, u.maxPrice == nil, c.providers.failureProbability == 0,
              c.autoscaling == nil, c.validators == nil, c.oracle == nil, c.attacks == nil
        else { return nil }
        var mean: Double?
        for op in u.operations where op.weight > 0 {
            guard case let .exponential(m) = c.providers.serviceTime.distribution(for: op.operation), mean == nil || mean == m else { return nil }
            mean = m
        }
        guard let mean, mean > 0 else { return nil }
        lambda = u.arrival.ratePerSecond
        mu = c.providers.speed / mean
        servers = c.providers.servers
        guard lambda < Double(servers) * mu else { return nil }
    }
}
