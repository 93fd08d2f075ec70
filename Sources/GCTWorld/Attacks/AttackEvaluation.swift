import GCTEconomics
import GCTEngine

/// `gctsim attack evaluate`: each attack of a scenario against the same scenario without
/// attacks (its twin), replication by replication with the same seed, so both runs draw the
/// same random numbers (common random numbers) and every difference is the attack's.
///
/// Definitions (docs/attacks.md): the attack window is `[start, end)` of an oracle attack or
/// `[at, at + requests × spacing)` of a whale; prices are the oracle's GPU-hour prices per round.
public enum AttackEvaluation {
    /// One attack to evaluate: its name (`oracle_manipulation.0`, `whales.1`) and the scenario
    /// holding it alone.
    public struct Variant: Sendable {
        public var name: String
        public var configuration: ScenarioConfiguration
        /// The attack window, in seconds of simulated time.
        public var window: ClosedRange<Double>
    }

    /// Each attack of `c` alone, in the order listed.
    public static func variants(of c: ScenarioConfiguration) -> [Variant] {
        guard let a = c.attacks else { return [] }
        var out: [Variant] = []
        for (i, m) in a.oracleManipulation.enumerated() {
            var v = c
            v.attacks = AttacksConfiguration(oracleManipulation: [m])
            out.append(Variant(
                name: "oracle_manipulation.\(i)", configuration: v,
                window: m.start.simDuration.seconds...m.end.simDuration.seconds))
        }
        for (i, w) in a.whales.enumerated() {
            var v = c
            v.attacks = AttacksConfiguration(whales: [w])
            let start = w.at.simDuration.seconds
            out.append(Variant(
                name: "whales.\(i)", configuration: v,
                window: start...(start + Double(w.requests) * w.spacing.simDuration.seconds)))
        }
        return out
    }

    /// The scenario without any attack.
    public static func twin(of c: ScenarioConfiguration) -> ScenarioConfiguration {
        var t = c
        t.attacks = nil
        return t
    }

    /// The figures reported for every attack, in order, with their units.
    public static let figureNames: [(name: String, unit: String)] = [
        ("coalition_share", "weight share"),
        ("coalition_stake_gct", "GCT"),
        ("price_move", "mean consensus price in window, attack / twin − 1"),
        ("honest_noise", "twin: RMS relative deviation consensus vs true price in window"),
        ("max_distortion", "max |consensus − true| / true in window"),
        ("distortion_hours", "Σ |consensus − true| / true × period (h), attack − twin"),
        ("first_alarm_h", "hours from window start to first alarm (−1: none)"),
        ("alarms", "alarms in the attack run"),
        ("alarms_in_window", "alarms in the window"),
        ("false_alarms_twin", "alarms in the attack-free twin"),
        ("investigations", "investigations opened (attack run)"),
        ("convicted_colluders", "colluding reports convicted"),
        ("convicted_honest", "honest reports convicted (attack run)"),
        ("convicted_honest_twin", "honest reports convicted in the twin (false positives)"),
        ("slashed_colluders_gct", "coalition stake slashed (any offence)"),
        ("slashed_honest_gct", "honest validators' stake slashed, attack − twin"),
        ("opportunity_cost_gct", "coalition stake × outside yield × window"),
        ("attacker_cost_gct", "slashed + opportunity cost"),
        ("attacker_gain_gct", "coalition share × extra provider revenue"),
        ("attacker_profit_gct", "gain − cost"),
        ("honest_extra_paid_gct", "honest users' payments, attack − twin"),
        ("honest_extra_wait_s", "honest users' mean wait, attack − twin"),
        ("provider_revenue_change_gct", "providers' income, attack − twin"),
        ("whale_mean_wait_s", "attackers' (whales') mean wait"),
    ]

    /// The figures of one replication (attack run and twin), in `figureNames` order.
    public static func figures(
        attack a: ReplicationFigures, twin t: ReplicationFigures, window: ClosedRange<Double>, outsideYield: Double
    ) -> [Double] {
        func inWindow(_ f: ReplicationFigures) -> (consensus: [Double], truth: [Double]) {
            var c: [Double] = [], tr: [Double] = []
            for (k, time) in f.oracle.roundTimes.enumerated() where window.contains(time) {
                c.append(f.oracle.consensusPrices[k])
                tr.append(f.oracle.truePrices[k])
            }
            return (c, tr)
        }
        func mean(_ x: [Double]) -> Double { x.isEmpty ? 0 : x.reduce(0, +) / Double(x.count) }
        func distortionHours(_ f: ReplicationFigures) -> Double {
            var sum = 0.0
            for k in f.oracle.roundTimes.indices where f.oracle.truePrices[k] > 0 {
                sum += abs(f.oracle.consensusPrices[k] - f.oracle.truePrices[k]) / f.oracle.truePrices[k]
            }
            return sum * f.periodHours
        }
        let wa = inWindow(a), wt = inWindow(t)
        let move = mean(wt.consensus) > 0 ? mean(wa.consensus) / mean(wt.consensus) - 1 : 0
        var noise = 0.0
        for k in wt.consensus.indices where wt.truth[k] > 0 {
            let d = (wt.consensus[k] - wt.truth[k]) / wt.truth[k]
            noise += d * d
        }
        noise = wt.consensus.isEmpty ? 0 : (noise / Double(wt.consensus.count)).squareRoot()
        var maxDistortion = 0.0
        for k in wa.consensus.indices where wa.truth[k] > 0 {
            maxDistortion = Swift.max(maxDistortion, abs(wa.consensus[k] - wa.truth[k]) / wa.truth[k])
        }
        let firstAlarm = a.oracle.alarmTimes.first { $0 >= window.lowerBound }.map { ($0 - window.lowerBound) / 3600 } ?? -1
        let alarmsInWindow = a.oracle.alarmTimes.filter { window.contains($0) }.count
        let years = (window.upperBound - window.lowerBound) / (365 * 86_400)
        let opportunity = a.oracle.coalitionStake * outsideYield * years
        let cost = a.oracle.slashedColluders + opportunity
        let providerChange = a.providerIncome - t.providerIncome
        let gain = a.oracle.coalitionShare * providerChange
        return [
            a.oracle.coalitionShare, a.oracle.coalitionStake, move, noise, maxDistortion,
            distortionHours(a) - distortionHours(t), firstAlarm, Double(a.oracle.alarmTimes.count), Double(alarmsInWindow),
            Double(t.oracle.alarmTimes.count), Double(a.oracle.investigations), Double(a.oracle.convictedColluders),
            Double(a.oracle.convictedHonest), Double(t.oracle.convictedHonest), a.oracle.slashedColluders,
            a.oracle.slashedHonest - t.oracle.slashedHonest, opportunity, cost, gain, gain - cost,
            a.paidByHonest - t.paidByHonest, a.honestMeanWait - t.honestMeanWait, providerChange, a.attackerMeanWait,
        ]
    }

    /// What one replication of one run leaves for the evaluation.
    public struct ReplicationFigures: Sendable {
        public var oracle: OracleAttackFigures
        public var periodHours: Double
        public var paidByHonest: Double
        public var providerIncome: Double
        public var honestMeanWait: Double
        public var attackerMeanWait: Double
        public var violation: String?
    }

    /// Runs replication `r` of `c` with the oracle's rounds recorded.
    public static func run(_ c: ScenarioConfiguration, replication r: Int, stopFlag: StopFlag?) throws(WorldError) -> ReplicationFigures {
        var world = try World(c, replication: r, observer: NullObserver())
        world.oracle.recordRounds = true
        let outcome = ReplicationRunner.runToEnd(&world, stopFlag: stopFlag)
        let s = world.market.statistics
        return ReplicationFigures(
            oracle: world.oracle.attackFigures, periodHours: world.oracle.oracleSettings.period.simDuration.seconds / 3600,
            paidByHonest: s.paidByHonest.approximateGCT, providerIncome: s.providerIncome.approximateGCT,
            honestMeanWait: s.honestMeanWait, attackerMeanWait: s.attackerWaits.count > 0 ? s.attackerWaits.mean : 0,
            violation: outcome.violation.map { "\($0)" })
    }

    /// One attack's figures over the replications.
    public struct Result: Sendable {
        public var name: String
        /// Per figure (`figureNames` order): the values of each replication.
        public var values: [[Double]]
        public var summaries: [MetricSummary] { values.map(MetricSummary.init) }
        public var violations: [String]
    }

    /// Evaluates each variant against the twin over `replications` paired replications.
    public static func evaluate(
        _ variants: [Variant], twin: ScenarioConfiguration, replications: Int, threads: Int, stopFlag: StopFlag?
    ) throws(WorldError) -> [Result] {
        let outsideYield = twin.stakers?.outsideYield.doubleValue ?? 0.1
        let perReplication = try ReplicationRunner.forEachReplication(replications, threads: threads, stopFlag: stopFlag) {
            r throws(WorldError) -> [[Double]] in
            let t = try run(twin, replication: r, stopFlag: stopFlag)
            var rows: [[Double]] = []
            for v in variants {
                let a = try run(v.configuration, replication: r, stopFlag: stopFlag)
                rows.append(figures(attack: a, twin: t, window: v.window, outsideYield: outsideYield))
            }
            return rows
        }
        return variants.enumerated().map { (k, v) in
            Result(
                name: v.name,
                values: figureNames.indices.map { f in perReplication.map { $0[k][f] } },
                violations: [])
        }
    }
}
