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
        /// The attacker's share of the providers' income (wash trading, governance capture);
        /// `nil`: the coalition's share of the oracle weight (oracle attacks).
        public var providerShare: Double?
        /// Years the attacker's stake is held (opportunity cost); `nil`: the window.
        public var stakeYears: Double?
    }

    /// Each attack of `c` alone, in the order listed: oracle manipulation, whales, sybil, outage,
    /// wash trading, governance capture.
    public static func variants(of c: ScenarioConfiguration) -> [Variant] {
        guard let a = c.attacks else { return [] }
        let runEnd = (c.warmup + c.duration).simDuration.seconds
        let year = 365 * 86_400.0
        func seconds(_ d: ScenarioDuration) -> Double { d.simDuration.seconds }
        func variant(_ name: String, _ attacks: AttacksConfiguration, _ window: ClosedRange<Double>) -> Variant {
            var v = c
            v.attacks = attacks
            return Variant(name: name, configuration: v, window: window)
        }
        var out: [Variant] = []
        for (i, m) in a.oracleManipulation.enumerated() {
            out.append(variant("oracle_manipulation.\(i)", AttacksConfiguration(oracleManipulation: [m]), seconds(m.start)...seconds(m.end)))
        }
        for (i, w) in a.whales.enumerated() {
            let start = seconds(w.at)
            out.append(variant(
                "whales.\(i)", AttacksConfiguration(whales: [w]), start...(start + Double(w.requests) * seconds(w.spacing))))
        }
        for (i, s) in a.sybil.enumerated() {
            var v = variant("sybil.\(i)", AttacksConfiguration(sybil: [s]), seconds(s.start)...seconds(s.end))
            v.stakeYears = runEnd / year  // bonded from time 0
            out.append(v)
        }
        for (i, o) in a.outages.enumerated() {
            out.append(variant("outage.\(i)", AttacksConfiguration(outages: [o]), seconds(o.start)...seconds(o.end)))
        }
        for (i, t) in a.washTrading.enumerated() {
            var v = variant("wash_trading.\(i)", AttacksConfiguration(washTrading: [t]), seconds(t.start)...seconds(t.end))
            v.providerShare = t.providerShare
            out.append(v)
        }
        for (i, g) in a.governanceCapture.enumerated() {
            var v = variant("governance_capture.\(i)", AttacksConfiguration(governanceCapture: [g]), seconds(g.at)...Swift.max(seconds(g.at), runEnd))
            v.providerShare = g.providerShare
            v.stakeYears = runEnd / year  // bonded from time 0
            out.append(v)
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
        ("coalition_share", "weight share (governance: share of the stake)"),
        ("coalition_stake_gct", "GCT (the attacker's stake)"),
        ("coalition_size", "validators in the coalition"),
        ("offline_share", "honest weight share knocked offline (outage)"),
        ("price_move", "mean consensus price in window, attack / twin − 1"),
        ("honest_noise", "twin: RMS relative deviation consensus vs true price in window"),
        ("max_distortion", "max |consensus − true| / true in window"),
        ("distortion_hours", "Σ |consensus − true| / true × period (h), attack − twin"),
        ("first_alarm_h", "hours from window start to first alarm (−1: none)"),
        ("rounds_short", "oracle rounds with < 3 reports (no consensus), attack − twin"),
        ("alarms", "alarms in the attack run"),
        ("alarms_in_window", "alarms in the window"),
        ("false_alarms_twin", "alarms in the attack-free twin"),
        ("investigations", "investigations opened (attack run)"),
        ("convicted_colluders", "colluding reports convicted"),
        ("convicted_honest", "honest reports convicted (attack run)"),
        ("convicted_honest_twin", "honest reports convicted in the twin (false positives)"),
        ("slashed_colluders_gct", "coalition stake slashed (any offence)"),
        ("slashed_honest_gct", "honest validators' stake slashed, attack − twin"),
        ("opportunity_cost_gct", "attacker's stake × outside yield × time held"),
        ("attacker_spent_gct", "tokens the attacker paid for executions (whales, wash trading)"),
        ("attacker_cost_gct", "slashed + opportunity cost + spent"),
        ("attacker_rewards_gct", "income of the attacker's own staked accounts (sybils, governance; not in gain)"),
        ("attacker_gain_gct", "share (coalition weight, or provider_share) × extra provider revenue"),
        ("attacker_profit_gct", "gain − cost"),
        ("honest_extra_paid_gct", "honest users' payments, attack − twin"),
        ("honest_extra_wait_s", "honest users' mean wait, attack − twin"),
        ("provider_revenue_change_gct", "providers' income, attack − twin"),
        ("whale_mean_wait_s", "attackers' (whales') mean wait"),
        ("capacity_change", "mean servers, attack − twin (scale-up)"),
        ("proposal_passed", "governance-capture proposals executed"),
    ]

    /// The figures of one replication (attack run and twin), in `figureNames` order.
    public static func figures(
        attack a: ReplicationFigures, twin t: ReplicationFigures, window: ClosedRange<Double>, outsideYield: Double,
        providerShare: Double? = nil, stakeYears: Double? = nil
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
        let years = stakeYears ?? (window.upperBound - window.lowerBound) / (365 * 86_400)
        let share = a.governanceStake > 0 ? a.governanceShare : a.oracle.coalitionShare
        let stake = a.governanceStake > 0 ? a.governanceStake : a.oracle.coalitionStake
        let opportunity = stake * outsideYield * years
        let cost = a.oracle.slashedColluders + opportunity + a.paidByAttackers
        let providerChange = a.providerIncome - t.providerIncome
        // The rewards the attacker's stake earns (validator emission and fees, staking rewards)
        // are reported apart: it would earn them honestly too, so they are not the attack's gain.
        let gain = (providerShare ?? a.oracle.coalitionShare) * providerChange
        return [
            share, stake, Double(a.oracle.coalitionSize), a.oracle.offlineShare, move, noise, maxDistortion,
            distortionHours(a) - distortionHours(t), firstAlarm, Double(a.oracle.roundsShort - t.oracle.roundsShort),
            Double(a.oracle.alarmTimes.count), Double(alarmsInWindow),
            Double(t.oracle.alarmTimes.count), Double(a.oracle.investigations), Double(a.oracle.convictedColluders),
            Double(a.oracle.convictedHonest), Double(t.oracle.convictedHonest), a.oracle.slashedColluders,
            a.oracle.slashedHonest - t.oracle.slashedHonest, opportunity, a.paidByAttackers, cost, a.attackerRewards, gain, gain - cost,
            a.paidByHonest - t.paidByHonest, a.honestMeanWait - t.honestMeanWait, providerChange, a.attackerMeanWait,
            a.meanCapacity - t.meanCapacity, Double(a.capturesPassed),
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
        /// Paid for executions by the attackers' accounts.
        public var paidByAttackers: Double = 0
        /// Income of the attacker's own staked accounts (sybil validators, governance attacker):
        /// wealth at the end + stake slashed − stake at genesis.
        public var attackerRewards: Double = 0
        /// The governance attacker's stake and its share of all stake at genesis.
        public var governanceStake: Double = 0
        public var governanceShare: Double = 0
        public var capturesPassed: Int64 = 0
        public var meanCapacity: Double = 0
        public var violation: String?
    }

    /// Runs replication `r` of `c` with the oracle's rounds recorded.
    public static func run(_ c: ScenarioConfiguration, replication r: Int, stopFlag: StopFlag?) throws(WorldError) -> ReplicationFigures {
        var world = try World(c, replication: r, observer: NullObserver())
        world.oracle.recordRounds = true
        // The attacker's own staked accounts and what they held at genesis.
        var own: [AccountID] = world.attacks.sybilValidators.flatMap { range in range.map { world.oracle.validators[$0].account } }
        if world.governance.firstCapture < world.governance.proposers.count {
            own += world.governance.proposers[world.governance.firstCapture...]
        }
        func wealth(_ w: World) -> Double {
            own.reduce(0.0) { sum, id in
                let acc = w.ledger.accounts[Int(id.rawValue)]
                return sum + acc.balance.approximateGCT + acc.staked.approximateGCT + acc.held.approximateGCT
            }
        }
        let initial = wealth(world)
        let totalStaked = world.ledger.totalStaked.approximateGCT
        let governanceStake = (c.attacks?.governanceCapture ?? []).reduce(0.0) { $0 + $1.stake.approximateGCT }
        let outcome = ReplicationRunner.runToEnd(&world, stopFlag: stopFlag)
        let s = world.market.statistics
        var f = ReplicationFigures(
            oracle: world.oracle.attackFigures, periodHours: world.oracle.oracleSettings.period.simDuration.seconds / 3600,
            paidByHonest: s.paidByHonest.approximateGCT, providerIncome: s.providerIncome.approximateGCT,
            honestMeanWait: s.honestMeanWait, attackerMeanWait: s.attackerWaits.count > 0 ? s.attackerWaits.mean : 0,
            violation: outcome.violation.map { "\($0)" })
        f.paidByAttackers = s.paidByAttackers.approximateGCT
        let sybilSlashed = world.attacks.sybilValidators.isEmpty ? 0 : world.oracle.attackFigures.slashedColluders
        f.attackerRewards = own.isEmpty ? 0 : wealth(world) + sybilSlashed - initial
        f.governanceStake = governanceStake
        f.governanceShare = totalStaked > 0 ? governanceStake / totalStaked : 0
        f.capturesPassed = world.governance.capturesPassed
        f.meanCapacity = s.meanCapacity
        return f
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
                rows.append(figures(
                    attack: a, twin: t, window: v.window, outsideYield: outsideYield, providerShare: v.providerShare,
                    stakeYears: v.stakeYears))
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
