import Foundation
import GCTEconomics
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

/// The key declarations (Sources/GCTScenario/Keys): canonical YAML byte for byte as before them,
/// the doc table generated from them, typed command-line overrides.
@Suite struct ScenarioKeyDeclarationTests {
    static let root = GCTTestSupport.packageRoot
    static let fixtures = root.appendingPathComponent("Tests/GCTScenarioKeysFixtures")

    /// (scenario file, fixture name, --set overrides). The fixtures were written by the code
    /// before the key declarations (`gctsim validate FILE --print`); they are hashed into
    /// `scenario_hash`, so they change only with a new key (issue 13 added `economy.fee_pool`,
    /// `economy.emission.undistributed`, `pricing.lambda_update`, `autoscaling.velocity`).
    static let cases: [(String, String, [String])] = [
        ("scenarios/baseline.yaml", "baseline", []),
        ("scenarios/market-small.yaml", "market-small", []),
        ("scenarios/mmc-validation.yaml", "mmc-validation", []),
        ("scenarios/ci/attacks.yaml", "ci-attacks", []),
        ("scenarios/ci/fixed-pool.yaml", "ci-fixed-pool", []),
        ("scenarios/ci/mmc-small.yaml", "ci-mmc-small", []),
        ("scenarios/ci/smoke.yaml", "ci-smoke", []),
        ("Tests/GCTScenarioKeysFixtures/odd-values.yaml", "odd-values", []),
        (
            "scenarios/baseline.yaml", "baseline-short",
            ["days=20", "governance.proposals.0.at=3d", "governance.proposals.0.voting_period=2d"]
        ),
    ]

    @Test(arguments: 0..<cases.count)
    func canonicalYAMLIsByteForByteAsBefore(_ index: Int) throws {
        let (file, fixture, sets) = Self.cases[index]
        let scenario = try ScenarioLoader.load(file: Self.root.appendingPathComponent(file).path, overrides: sets)
        let expected = try String(contentsOf: Self.fixtures.appendingPathComponent("\(fixture).canonical.yaml"), encoding: .utf8)
        #expect(scenario.canonicalYAML == expected, "canonical YAML of \(file) \(sets) changed")
        // Reading the canonical YAML back gives the same configuration.
        let again = try ScenarioLoader.load(yaml: scenario.canonicalYAML)
        #expect(again.configuration == scenario.configuration)
    }

    @Test func docTableMatchesTheDeclarations() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)
        let region = try #require(ScenarioKeyTable.region(in: doc), "docs/scenarios.md lacks the keys:begin/keys:end marks")
        #expect(
            region == ScenarioKeyTable.markdown,
            "docs/scenarios.md's key table differs from the declarations: run `gctsim keys --update docs/scenarios.md`")
    }

    /// Every scenario key that a "literal selectable by" cell of docs/departures-from-spec.md names
    /// (a backticked `section.key`) is a declared key or a section of declared keys.
    @Test func departureRowsNameDeclaredKeys() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/departures-from-spec.md"), encoding: .utf8)
        let keys = ScenarioConfiguration.keys.rows().map(\.key)
        let sections = ["economy", "pricing", "providers", "validators", "oracle", "autoscaling", "stakers", "governance", "metrics", "users"]
        var named = 0
        for line in doc.split(separator: "\n") where line.hasPrefix("| ") && !line.hasPrefix("| #") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            guard cells.count >= 7 else { continue }
            let last = String(cells[cells.count - 2])
            for (i, part) in last.split(separator: "`", omittingEmptySubsequences: false).enumerated() where i % 2 == 1 {
                let token = String(part)
                guard !token.contains(" "), let head = token.split(separator: ".").first, token.contains("."),
                      sections.contains(String(head)) else { continue }
                named += 1
                #expect(keys.contains { $0 == token || $0.hasPrefix(token + ".") }, "departures name `\(token)`, which is not a scenario key")
            }
        }
        #expect(named >= 20, "only \(named) keys found in the departures table")
    }

    @Test func docTableCheckSeesAnEditedRow() throws {
        let doc = "x\n\(ScenarioKeyTable.beginMark)\n\(ScenarioKeyTable.markdown)\(ScenarioKeyTable.endMark)\n"
        #expect(ScenarioKeyTable.region(in: doc) == ScenarioKeyTable.markdown)
        let edited = doc.replacingOccurrences(of: "| `\"0.005\"` |", with: "| `\"0.006\"` |")
        #expect(edited != doc)
        #expect(ScenarioKeyTable.region(in: edited) != ScenarioKeyTable.markdown)
        #expect(ScenarioKeyTable.updating(edited) == doc)
    }

    @Test func everyDeclaredKeyIsDocumentedOnceWithItsDefault() {
        let rows = ScenarioConfiguration.keys.rows()
        #expect(Set(rows.map(\.key)).count == rows.count)
        let burn = rows.first { $0.key == "economy.burn_rate" }
        #expect(burn?.defaultText == "`\"\(EconomicParameters.specDefaults.burnRate)\"`")
        #expect(ScenarioConfiguration.keys.names.first == "name")
    }

    @Test func rateFractionsAreAcceptedUnderEconomy() throws {
        let yaml = """
            name: t
            duration: 1d
            economy: {burn_rate: "1/200", emission: {mining: "2%"}}
            providers: {servers: 1, service_time: {dist: constant, value: 1s}}
            users: [{name: u, arrival: {rate_per_s: 1}, ops: {matrix_multiplication: 1}, budget: "1"}]
            """
        let c = try ScenarioLoader.load(yaml: yaml).configuration
        #expect(c.economy.burnRate == Rate(1, over: 200))
        #expect(c.economy.burnRate == EconomicParameters.specDefaults.burnRate)
        #expect(c.economy.emission.miningRate == Rate(2, over: 100))
    }

    @Test func unknownKeyListsTheDeclaredKeysAndSuggests() {
        let yaml = """
            name: t
            duration: 1d
            economy: {burn_rat: "0.01"}
            providers: {servers: 1, service_time: {dist: constant, value: 1s}}
            users: [{name: u, arrival: {rate_per_s: 1}, ops: {matrix_multiplication: 1}, budget: "1"}]
            """
        #expect {
            try ScenarioLoader.load(yaml: yaml)
        } throws: { error in
            let text = (error as? ScenarioError)?.description ?? ""
            return text.contains("unknown key 'burn_rat' in economy")
                && text.contains(EconomyConfiguration.keys.names.joined(separator: ", ")) && text.contains("did you mean 'burn_rate'")
        }
    }

    @Test func typedSeedAndReplicationsMatchTheSetSpelling() throws {
        let file = Self.root.appendingPathComponent("scenarios/ci/smoke.yaml").path
        let typed = try ScenarioLoader.load(file: file, seed: 7, replications: 3)
        let text = try ScenarioLoader.load(file: file, overrides: ["seed=7", "replications=3"])
        #expect(typed.configuration.seed == 7 && typed.configuration.replications == 3)
        #expect(typed.canonicalYAML == text.canonicalYAML)
        // The typed override wins over --set, as the command line's last word.
        #expect(try ScenarioLoader.load(file: file, overrides: ["seed=5"], seed: 7).configuration.seed == 7)
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(file: file, replications: 0) }
    }

    @Test func subTickDurationsKeepTheirTextAndTruncateOnTheClock() {
        let d = ScenarioDuration(nanoseconds: 1_500)
        #expect(d.canonicalText == "1500ns")
        #expect(d.simDuration.ticks == 1)
        #expect(ScenarioDuration(nanoseconds: 999).simDuration.ticks == 0)
        #expect(ScenarioDuration(nanoseconds: 999).simStep.ticks == 1)
        #expect(ScenarioDuration.days(1).timeSpan == TimeSpan.days(1))
    }
}
