import Foundation
import GCTEconomics
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

/// A fresh temporary folder for scenario files written by a test.
struct ScenarioScratch {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("gctsim-scenario-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// A small valid scenario; the error tests edit single lines of it, so its line numbers matter.
let minimalScenario = """
    name: t
    duration: 1h
    providers:
      servers: 2
      service_time: {default: {dist: exponential, mean: 1s}}
    users:
      - name: u
        arrival: {rate_per_s: 1}
        ops: {data_transfer: 1}
        budget: "10"

    """

@Suite("Scenario loading: shipped files, vars, --set, extends")
struct ScenarioLoaderTests {
    static let scenarios = GCTTestSupport.packageRoot.appendingPathComponent("scenarios")

    @Test("mmc-validation.yaml loads with its vars: λ = 7.2/s, c = 8, exponential service of mean 1 s, fixed price")
    func mmcValidation() throws {
        let s = try ScenarioLoader.load(file: Self.scenarios.appendingPathComponent("mmc-validation.yaml").path)
        let c = s.configuration
        #expect(c.name == "mmc-validation")
        #expect(c.description == "M/M/8 queue at 7.2 arrivals/s, for comparison with Erlang C")
        #expect(c.replications >= 10)
        #expect(c.warmup == .seconds(2000))
        #expect(c.duration == .seconds(200_000))
        #expect(c.providers.servers == 8)
        #expect(c.providers.serviceTime.default == .exponential(mean: 1))
        #expect(c.pricing.mode == .fixed)
        #expect(c.pricing.fixedPrice == TokenAmount(gct: 1))
        try #require(c.users.count == 1)
        #expect(c.users[0].arrival.ratePerSecond == 7.2)
        #expect(c.users[0].payment == TokenAmount(gct: 1))
        #expect(c.users[0].operations == [OperationWeight(operation: .auraKernelExecution, weight: 1)])
        #expect(s.vars.map(\.name) == ["arrival_rate", "servers", "mean_service_s", "warmup_s", "duration_s", "replications"])
        // Replication r is keyed by (seed, r).
        #expect(c.replicationKeys.map(\.replication) == Array(0..<UInt64(c.replications)))
        #expect(c.replicationKeys.allSatisfy { $0.seed == 20_240_501 })
    }

    @Test("market-small.yaml loads: three classes, per-op service times, balking and top-ups")
    func marketSmall() throws {
        let s = try ScenarioLoader.load(file: Self.scenarios.appendingPathComponent("market-small.yaml").path)
        let c = s.configuration
        #expect(c.users.map(\.name) == ["researchers", "ml-batch", "hobbyists"])
        #expect(c.duration == .days(1))
        #expect(c.providers.serviceTime.distribution(for: .neuromorphicTraining) == .lognormal(mean: 30, cv: 1.5))
        #expect(c.providers.serviceTime.distribution(for: .dataTransfer) == .uniform(min: 0.1, max: 1))
        #expect(c.providers.serviceTime.distribution(for: .kernelCompilation) == .exponential(mean: 2))
        #expect(c.users[0].topUp == TopUpConfiguration(amount: TokenAmount(gct: 200), whenBelow: TokenAmount(gct: 20)))
        #expect(c.users[2].maxPrice == (try TokenAmount(parsing: "0.5")))
        #expect(c.users[0].arrival.dailyProfile?.count == 24)
        // Ops come out in the spec's table order, whatever the file's order.
        #expect(c.users[0].operations.map(\.operation) == [.auraKernelExecution, .matrixMultiplication, .dataTransfer, .kernelCompilation])
        #expect(c.economy.distribution == .default)
    }

    @Test("Omitted sections take PRD-010's values")
    func specDefaults() throws {
        let c = try ScenarioLoader.load(yaml: minimalScenario).configuration
        #expect(c.economy.burnRate == Rate(5, over: 1000))
        #expect(c.economy.cap == TokenAmount(gct: 1_000_000_000))
        #expect(c.economy.staking.minStake == TokenAmount(gct: 10_000))
        #expect(c.economy.emission.miningRate == Rate(2, over: 100))
        #expect(c.economy.emission.validatorRate == Rate(8, over: 100))
        #expect(c.pricing == PricingConfiguration(mode: .dynamic, marketMultiplier: .fixed, queuePriority: .spec))
        #expect(c.replications == 1 && c.seed == 0 && c.warmup == .zero)
        #expect(c.metrics.interval == .hours(1))
        #expect(c.users[0].count == 1)
    }

    @Test("--set name=value overrides a declared var everywhere it is used, whole or interpolated")
    func setVar() throws {
        let path = Self.scenarios.appendingPathComponent("mmc-validation.yaml").path
        let s = try ScenarioLoader.load(file: path, overrides: ["servers=12", "arrival_rate=9.5", "duration_s=1000"])
        #expect(s.configuration.providers.servers == 12)
        #expect(s.configuration.users[0].arrival.ratePerSecond == 9.5)
        #expect(s.configuration.duration == .seconds(1000))
        #expect(s.configuration.description.hasPrefix("M/M/12 queue at 9.5 arrivals/s"))
        #expect(s.vars.first { $0.name == "servers" }?.value == "12")
    }

    @Test("--set a.b.c=value sets any key, list indices included; later --set wins")
    func setPath() throws {
        let s = try ScenarioLoader.load(
            yaml: minimalScenario,
            overrides: [
                "users.0.arrival.rate_per_s=3", "providers.servers=5", "providers.servers=6", "seed=42",
                "pricing.mode=fixed", "pricing.fixed_price=0.25",
                "providers.service_time.matrix_multiplication={dist: constant, value: 2s}",
            ])
        let c = s.configuration
        #expect(c.users[0].arrival.ratePerSecond == 3)
        #expect(c.providers.servers == 6)
        #expect(c.seed == 42)
        #expect(c.pricing.fixedPrice == (try TokenAmount(parsing: "0.25")))
        #expect(c.providers.serviceTime.perOperation[.matrixMultiplication] == .constant(value: 2))
    }

    @Test("extends deep-merges: the child's keys win, the parent's others stay, lists are replaced")
    func extendsMerge() throws {
        let dir = try ScenarioScratch()
        try dir.write("base.yaml", minimalScenario + "replications: 4\nseed: 9\n")
        let child = try dir.write(
            "child.yaml",
            """
            extends: base.yaml
            name: child
            providers:
              servers: 7
            seed: ~
            """)
        let s = try ScenarioLoader.load(file: child)
        #expect(s.configuration.name == "child")
        #expect(s.configuration.providers.servers == 7)
        #expect(s.configuration.providers.serviceTime.default == .exponential(mean: 1))  // from the parent
        #expect(s.configuration.replications == 4)
        #expect(s.configuration.seed == 0)  // null in the child resets to the default
        #expect(s.files == [child, dir.path("base.yaml")])
    }

    @Test("extends chains through folders, relative to the extending file")
    func extendsChain() throws {
        let dir = try ScenarioScratch()
        try FileManager.default.createDirectory(at: dir.directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try dir.write("root.yaml", minimalScenario)
        try dir.write("sub/mid.yaml", "extends: ../root.yaml\nreplications: 3\n")
        let leaf = try dir.write("sub/leaf.yaml", "extends: mid.yaml\nname: leaf\n")
        let c = try ScenarioLoader.load(file: leaf).configuration
        #expect(c.name == "leaf" && c.replications == 3 && c.providers.servers == 2)
    }

    @Test("Vars declared in a parent are used and overridable in the child")
    func varsAcrossExtends() throws {
        let dir = try ScenarioScratch()
        try dir.write("base.yaml", "vars: {n: 3}\n" + minimalScenario.replacingOccurrences(of: "servers: 2", with: "servers: ${n}"))
        let child = try dir.write("child.yaml", "extends: base.yaml\nvars: {n: 5}\n")
        #expect(try ScenarioLoader.load(file: child).configuration.providers.servers == 5)
        #expect(try ScenarioLoader.load(file: child, overrides: ["n=11"]).configuration.providers.servers == 11)
    }
}

@Suite("Scenario canonical YAML and hash")
struct ScenarioCanonicalTests {
    @Test("FNV-1a 64 known answers (FNV reference vectors)")
    func fnvVectors() {
        #expect(FNV1a64.hash("".utf8) == 0xcbf2_9ce4_8422_2325)
        #expect(FNV1a64.hash("a".utf8) == 0xaf63_dc4c_8601_ec8c)
        #expect(FNV1a64.hash("foobar".utf8) == 0x8594_4171_f739_67e8)
    }

    @Test("Canonical YAML loads back to the same configuration and hash", arguments: ["mmc-validation.yaml", "market-small.yaml"])
    func roundTrip(file: String) throws {
        let path = GCTTestSupport.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(file).path
        let first = try ScenarioLoader.load(file: path)
        let second = try ScenarioLoader.load(yaml: first.canonicalYAML, file: "canonical.yaml")
        #expect(second.configuration == first.configuration)
        #expect(second.canonicalYAML == first.canonicalYAML)
        #expect(second.hash == first.hash)
        #expect(first.hashHex.count == 16)
    }

    @Test("Key order, comments, flow vs block style and vars do not change the hash; a value does")
    func hashIdentity() throws {
        let a = try ScenarioLoader.load(yaml: minimalScenario)
        let reordered = """
            # same scenario, written differently
            vars: {s: 2}
            users:
              - budget: "10.000"
                ops:
                  data_transfer: 1.0
                arrival:
                  rate_per_s: 1
                name: u
            providers:
              service_time:
                default:
                  mean: 1000ms
                  dist: exponential
              servers: ${s}
            duration: 60m
            name: t
            """
        let b = try ScenarioLoader.load(yaml: reordered)
        #expect(a.hash == b.hash)
        let c = try ScenarioLoader.load(yaml: minimalScenario, overrides: ["providers.servers=3"])
        #expect(c.hash != a.hash)
    }
}
