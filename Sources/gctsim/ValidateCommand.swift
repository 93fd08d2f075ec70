import ArgumentParser
import Foundation
import GCTScenario
import GCTWorld

/// `gctsim validate FILE [--set k=v ...]`: loads and checks a scenario without running it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file (vars, extends, --set, every type and range) without running it.",
        discussion: """
            Prints `ok: NAME (hash …, …)` and exits 0, or prints one line \
            `file:line:column: error: …` on stderr and exits 1.
            """
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a declared var (name=value) or any key (a.b.0.c=value).", valueName: "key=value"))
    var overrides: [String] = []

    @Flag(name: .customLong("print"), help: "Also print the resolved scenario as canonical YAML.")
    var printResolved = false

    func run() throws {
        let scenario: ResolvedScenario
        do {
            scenario = try ScenarioLoader.load(file: file, overrides: overrides)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode.failure
        }
        for w in scenario.warnings { FileHandle.standardError.write(Data((w + "\n").utf8)) }
        print(Self.summary(scenario))
        for line in Self.calibrationLines(scenario.configuration.providers) { print(line) }
        if printResolved { print(scenario.canonicalYAML, terminator: "") }
    }

    /// With calibration profiles: per profile (`service_time`, `groups.N`) its device and the
    /// operations it calibrates; the others keep the scenario's distribution.
    static func calibrationLines(_ p: ProviderConfiguration) -> [String] {
        var profiles: [(String, ServiceCalibration)] = []
        if let c = p.serviceTime.calibration { profiles.append(("providers.service_time", c)) }
        for (i, g) in p.groups.enumerated() {
            if let c = g.calibration { profiles.append(("providers.groups.\(i) (\(g.servers) servers)", c)) }
        }
        return profiles.map { key, c in
            let on = c.calibratedOperations
            let off = ScenarioOperation.allCases.filter { !on.contains($0) }
            return "calibration \(key): \(c.device): calibrated: " + (on.isEmpty ? "none" : on.map(\.rawValue).joined(separator: ", "))
                + "; distribution: " + (off.isEmpty ? "none" : off.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// `ok: NAME (hash H, N user classes, S servers, R replications, seed X, duration D, warmup W, pricing P`,
    /// then `, V validators`, `, K stakers`, `, P proposals` for the sections present, then `)`.
    static func summary(_ scenario: ResolvedScenario) -> String {
        let c = scenario.configuration
        func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        var parts = [
            "hash \(scenario.hashHex)", plural(c.users.count, "user class", "user classes"),
            plural(c.providers.servers, "server", "servers"), plural(c.replications, "replication", "replications"),
            "seed \(c.seed)", "duration \(c.duration)", "warmup \(c.warmup)", "pricing \(c.pricing.mode.rawValue)",
        ]
        if let v = c.validators { parts.append(plural(v.count, "validator", "validators")) }
        if let s = c.stakers { parts.append(plural(s.count, "staker", "stakers")) }
        if let g = c.governance { parts.append(plural(g.proposals.count, "proposal", "proposals")) }
        return "ok: \(c.name) (" + parts.joined(separator: ", ") + ")"
    }
}
