import Foundation
import GCTEconomics
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

@Suite("Scenario: oracle.min_reports, economy.staking.bonus_cap")
struct ScenarioGovernableKeysTests {
    @Test("oracle.min_reports and economy.staking.bonus_cap: read, checked, absent by default (canonical form unchanged)")
    func governableKeys() throws {
        let withOracle = minimalScenario + "validators: {count: 5, stake: \"50_000\"}\noracle: {period: 15m, min_reports: 5}\n"
        let c = try ScenarioLoader.load(yaml: withOracle, file: "s.yaml", overrides: ["economy.staking.bonus_cap=0.05"]).configuration
        #expect(c.oracle?.minReports == 5 && c.economy.staking.bonusCap == Rate(5, over: 100))
        let plain = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml")
        #expect(plain.configuration.oracle?.minReports == nil && plain.configuration.economy.staking.bonusCap == nil)
        #expect(!plain.canonicalYAML.contains("min_reports") && !plain.canonicalYAML.contains("bonus_cap"))
        // round trip through the canonical form
        let resolved = try ScenarioLoader.load(yaml: withOracle, file: "s.yaml", overrides: ["economy.staking.bonus_cap=0.05"])
        #expect(try ScenarioLoader.load(yaml: resolved.canonicalYAML, file: "c.yaml").configuration == resolved.configuration)
        for (set, message) in [
            ("oracle.min_reports=0", "oracle.min_reports must be a whole number >= 1"),
            ("economy.staking.bonus_cap=2", "economy.staking.bonus_cap must be at most 1"),
        ] {
            #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: withOracle, file: "s.yaml", overrides: [set]) }
            do { _ = try ScenarioLoader.load(yaml: withOracle, file: "s.yaml", overrides: [set]) } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
        // Both are governable in a scenario's proposals.
        let gov = minimalScenario + """
            validators: {count: 5, stake: "50_000"}
            governance:
              proposals:
                - {title: t, at: 0s, parameters: {oracle_min_reports: 4, staking_bonus_cap: "0.06"}, voting_period: 1d, execution_delay: 0d}

            """
        let g = try ScenarioLoader.load(yaml: gov, file: "s.yaml", overrides: ["duration=2d"]).configuration
        #expect(g.governance?.proposals.first?.parameters == [.oracleMinimumReports(4), .stakingBonusCap(Rate(6, over: 100))])
        let round = try ScenarioLoader.load(yaml: try ScenarioLoader.load(yaml: gov, file: "s.yaml", overrides: ["duration=2d"]).canonicalYAML, file: "c.yaml")
        #expect(round.configuration == g)
    }
}
