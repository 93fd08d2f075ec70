import GCTEconomics
import GCTEngine
import GCTScenario
import _GCTTestSupport
import Testing
@testable import GCTWorld

/// `gctsim attack evaluate`'s logic on the shipped spike scenario, shortened to 6 hours.
@Suite("Attack evaluation")
struct AttackEvaluationTests {
    static func spike(_ overrides: [String]) throws -> ScenarioConfiguration {
        try loadScenario("scenarios/attacks/spike.yaml", ["duration=6h", "replications=2",
            "attacks.oracle_manipulation.0.start=2h", "attacks.oracle_manipulation.0.end=4h"] + overrides)
    }

    static func figure(_ r: AttackEvaluation.Result, _ name: String) throws -> MetricSummary {
        let k = try #require(AttackEvaluation.figureNames.firstIndex { $0.name == name })
        return r.summaries[k]
    }

    static func evaluate(_ c: ScenarioConfiguration) throws -> AttackEvaluation.Result {
        let results = try AttackEvaluation.evaluate(
            AttackEvaluation.variants(of: c), twin: AttackEvaluation.twin(of: c), replications: c.replications, threads: 2, stopFlag: nil)
        return try #require(results.first)
    }

    @Test("Common random numbers: a coalition reporting with zero bias changes nothing against the twin")
    func zeroBiasIsTheTwin() throws {
        let r = try Self.evaluate(try Self.spike(["attacks.oracle_manipulation.0.bias={price: 0}"]))
        for name in ["price_move", "distortion_hours", "honest_extra_paid_gct", "provider_revenue_change_gct", "slashed_honest_gct"] {
            #expect(try Self.figure(r, name).perReplication.allSatisfy { $0 == 0 }, "\(name)")
        }
    }

    @Test("A majority coalition biasing the price +50 % moves the consensus price ≥ 30 %; 0.3 of the weight does not")
    func majorityMovesPrice() throws {
        let strong = try Self.evaluate(try Self.spike([]))
        #expect(try Self.figure(strong, "coalition_share").mean >= 0.6)
        #expect(try Self.figure(strong, "price_move").mean >= 0.3)
        #expect(try Self.figure(strong, "honest_extra_paid_gct").mean > 0)
        let weak = try Self.evaluate(try Self.spike(["attacks.oracle_manipulation.0.weight_share=0.3"]))
        let move = try Self.figure(weak, "price_move").mean
        #expect(abs(move) < 0.02)
        #expect(try Self.figure(weak, "slashed_colluders_gct").mean > 0)  // outliers, slashed
    }

    @Test("The same evaluation gives the same figures for 1 and 2 threads")
    func deterministic() throws {
        let c = try Self.spike([])
        let v = AttackEvaluation.variants(of: c), t = AttackEvaluation.twin(of: c)
        let one = try AttackEvaluation.evaluate(v, twin: t, replications: 2, threads: 1, stopFlag: nil)
        let two = try AttackEvaluation.evaluate(v, twin: t, replications: 2, threads: 2, stopFlag: nil)
        #expect(one[0].values == two[0].values)
    }

    @Test("weight_share, per-field bias and step load and write back to the same canonical YAML")
    func keysRoundTrip() throws {
        let resolved = try ScenarioLoader.load(file: GCTTestSupport.packageRoot.appendingPathComponent("scenarios/attacks/drift.yaml").path)
        let c = resolved.configuration
        let m = try #require(c.attacks?.oracleManipulation.first)
        #expect(m.weightShare == 0.6 && m.validators == 0)
        #expect(m.fieldBias == OracleFieldValues(price: 0) && m.step == OracleFieldValues(price: 0.002))
        #expect(c.oracle?.congestionFrom == .price)
        let again = try ScenarioLoader.load(yaml: resolved.canonicalYAML).configuration
        #expect(again.attacks == c.attacks && again.oracle == c.oracle)
    }

    @Test("Drift: the colluders' price bias grows by step per round")
    func drift() throws {
        let c = try loadScenario("scenarios/attacks/drift.yaml")
        var b = try ComponentBench(c)
        let attacks = try Attacks(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        let at = attacks.oracleBias(at: .zero + .hours(25), period: .minutes(10))
        #expect(at.attack == 0 && at.weightShare == 0.6)
        #expect(abs((at.fields?[0] ?? 0) - 6 * 0.002) < 1e-12 && at.fields?[1] == 0)
        #expect(attacks.oracleBias(at: .zero + .hours(23), period: .minutes(10)).attack == -1)
    }

    /// A shipped scenario shortened to 6 hours, 2 replications, its windows moved to hours 2–4.
    static func short(_ file: String, _ overrides: [String]) throws -> [AttackEvaluation.Result] {
        let c = try loadScenario("scenarios/attacks/\(file)", ["duration=6h", "replications=2"] + overrides)
        return try AttackEvaluation.evaluate(
            AttackEvaluation.variants(of: c), twin: AttackEvaluation.twin(of: c), replications: c.replications, threads: 2, stopFlag: nil)
    }

    static func window(_ list: String, _ n: Int) -> [String] {
        (0..<n).flatMap { ["attacks.\(list).\($0).start=2h", "attacks.\(list).\($0).end=4h"] }
    }

    @Test("Sybil: a majority of minimum-stake sybils moves the price like one validator of the same stake; a minority is slashed out of the set")
    func sybil() throws {
        let r = try Self.short("sybil.yaml", Self.window("sybil", 3))
        #expect(r.map(\.name) == ["sybil.0", "sybil.1", "sybil.2"])
        #expect(try Self.figure(r[0], "coalition_size").mean == 75 && Self.figure(r[1], "coalition_size").mean == 1)
        #expect(try Self.figure(r[0], "coalition_stake_gct").mean == 1_500_000)
        #expect(try Self.figure(r[0], "price_move").mean >= 0.3 && Self.figure(r[1], "price_move").mean >= 0.3)
        // 25 sybils of 20 000 GCT at +50 %: outliers, slashed 1 % once each, which puts them below the
        // minimum stake and out of the set; the price does not move.
        #expect(abs(try Self.figure(r[2], "price_move").mean) < 0.02)
        #expect(abs(try Self.figure(r[2], "slashed_colluders_gct").mean - 25 * 200) < 1e-6)
    }

    @Test("Outage: with 40 % of the weight offline a 35 % coalition moves the price; everyone offline leaves no consensus")
    func outage() throws {
        let r = try Self.short("outage.yaml", Self.window("outage", 2))
        #expect(try Self.figure(r[0], "offline_share").mean >= 0.4)
        #expect(try Self.figure(r[0], "price_move").mean >= 0.3)
        let alone = try Self.short("outage.yaml", Self.window("outage", 2) + ["attacks.outage.0.offline_share=0.000001"])
        #expect(abs(try Self.figure(alone[0], "price_move").mean) < 0.02)
        // 2 hours of 10-minute rounds without a single report.
        #expect(try Self.figure(r[1], "rounds_short").perReplication.allSatisfy { $0 == 12 })
        #expect(try Self.figure(r[1], "offline_share").mean > 0.999)
    }

    @Test("Wash trading: executions are paid for; circular transfers cost nothing and keep supply conserved")
    func washTrading() throws {
        let r = try Self.short("wash-trading.yaml", Self.window("wash_trading", 2))
        #expect(r.allSatisfy { $0.violations.isEmpty })
        let spent = try Self.figure(r[0], "attacker_spent_gct")
        #expect(spent.perReplication.allSatisfy { $0 > 0 })
        #expect(try Self.figure(r[0], "attacker_cost_gct").perReplication == spent.perReplication)
        #expect(try Self.figure(r[1], "attacker_spent_gct").perReplication.allSatisfy { $0 == 0 })
        #expect(try Self.figure(r[1], "attacker_cost_gct").perReplication.allSatisfy { $0 == 0 })
    }

    @Test("Governance capture: the bought majority passes its change, the smaller stake loses the vote")
    func governanceCapture() throws {
        let r = try Self.short("governance-capture.yaml", ["attacks.governance_capture.0.at=1h", "attacks.governance_capture.1.at=1h",
            "duration=2d"])
        #expect(try Self.figure(r[0], "proposal_passed").perReplication == [1, 1])
        #expect(try Self.figure(r[1], "proposal_passed").perReplication == [0, 0])
        #expect(try Self.figure(r[1], "provider_revenue_change_gct").perReplication == [0, 0])  // nothing changed
        #expect(try Self.figure(r[0], "provider_revenue_change_gct").mean > 0)  // burn rate 0: providers keep more
        #expect(try Self.figure(r[0], "coalition_share").mean > 0.5)
    }

    @Test("sybil, outage, wash_trading and governance_capture load and write back to the same canonical YAML")
    func newKeysRoundTrip() throws {
        for file in ["sybil", "outage", "wash-trading", "governance-capture"] {
            let resolved = try ScenarioLoader.load(file: GCTTestSupport.packageRoot.appendingPathComponent("scenarios/attacks/\(file).yaml").path)
            let again = try ScenarioLoader.load(yaml: resolved.canonicalYAML).configuration
            #expect(again.attacks == resolved.configuration.attacks, "\(file)")
            #expect(resolved.configuration.attacks?.isEmpty == false)
        }
        let spike = try ScenarioLoader.load(file: GCTTestSupport.packageRoot.appendingPathComponent("scenarios/attacks/spike.yaml").path)
        #expect(!spike.canonicalYAML.contains("sybil") && !spike.canonicalYAML.contains("wash_trading"))
    }
}
