import Foundation
import GCTEconomics
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

@Suite("Scenario: sweep: section")
struct ScenarioSweepSectionTests {
    @Test("a sweep: section is read (lists, ranges, zip, replications) and is not part of the configuration or the hash")
    func readsSection() throws {
        let plain = try ScenarioLoader.load(yaml: minimalScenario, file: "s.yaml")
        let yaml = minimalScenario + """
            sweep:
              vars:
                providers.servers: [2, 4, 8]
                economy.burn_rate: "0.005..0.02:0.005"
              zip: false
              replications: 4

            """
        let s = try ScenarioLoader.load(yaml: yaml, file: "s.yaml")
        #expect(s.hashHex == plain.hashHex && s.canonicalYAML == plain.canonicalYAML)
        let sweep = try #require(s.sweep)
        #expect(sweep.variables.map(\.key) == ["providers.servers", "economy.burn_rate"])
        #expect(sweep.variables[0].values == ["2", "4", "8"] && sweep.variables[0].range == nil)
        #expect(sweep.variables[1].range == "0.005..0.02:0.005" && sweep.variables[1].values == nil)
        #expect(sweep.zip == false && sweep.replications == 4)
        #expect(sweep.variables[0].location.line == 13)
        #expect(plain.sweep == nil)
    }

    @Test("bad sweep: sections are located errors", arguments: [
        ("sweep: [1, 2]\n", "s.yaml:11:8: error: sweep must be a mapping"),
        ("sweep: {varz: {a: [1]}}\n", "s.yaml:11:9: error: unknown key 'varz' in sweep; valid: vars, zip, replications; did you mean 'vars'?"),
        ("sweep: {zip: true}\n", "s.yaml:11:1: error: sweep needs vars:"),
        ("sweep: {vars: {}}\n", "s.yaml:11:15: error: sweep.vars must be a non-empty mapping"),
        ("sweep: {vars: {seed: [1, 2]}}\n", "s.yaml:11:16: error: seed cannot be swept"),
        ("sweep: {vars: {providers.servers: 4}}\n", "s.yaml:11:35: error: sweep.vars.providers.servers must be a list of values"),
        ("sweep: {vars: {providers.servers: []}}\n", "s.yaml:11:35: error: sweep.vars.providers.servers is an empty list"),
        ("sweep: {vars: {providers.servers: [[1]]}}\n", "s.yaml:11:36: error: sweep.vars.providers.servers.0 must be a single value"),
        ("sweep: {vars: {providers.servers: [1]}, replications: 0}\n", "s.yaml:11:55: error: sweep.replications must be a whole number >= 1"),
        ("sweep: {vars: {providers.servers: [1]}, zip: maybe}\n", "s.yaml:11:46: error: sweep.zip"),
    ])
    func errors(section: String, expected: String) {
        do {
            _ = try ScenarioLoader.load(yaml: minimalScenario + section, file: "s.yaml")
            Issue.record("expected an error for \(section)")
        } catch {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        }
    }

    @Test("a parent's sweep: section is not inherited through extends; the child's own is kept")
    func notInherited() throws {
        let scratch = try ScenarioScratch()
        defer { try? FileManager.default.removeItem(at: scratch.directory) }
        try scratch.write("parent.yaml", minimalScenario + "sweep: {vars: {providers.servers: [1, 2]}}\n")
        let child = try scratch.write("child.yaml", "extends: parent.yaml\nname: c\n")
        #expect(try ScenarioLoader.load(file: child).sweep == nil)
        let own = try scratch.write("own.yaml", "extends: parent.yaml\nsweep: {vars: {providers.servers: [3]}}\n")
        #expect(try ScenarioLoader.load(file: own).sweep?.variables.first?.values == ["3"])
        // --set reaches the section too.
        let set = try ScenarioLoader.load(file: own, overrides: ["sweep.replications=7"])
        #expect(set.sweep?.replications == 7)
    }
}
