import Foundation
@testable import GCTCheck
import GCTEconomics
import GCTEngine
import GCTScenario
import Testing
@testable import GCTWorld

/// Deliberate changes that `gctsim check` must catch, each naming the invariant or metric, and a
/// change of seed alone that it must not flag. In-process (library level) on a shortened CI
/// scenario, so the debug build stays fast.
@Suite("gctsim check: mutations fail, a new seed does not", .serialized)
struct CheckMutationTests {
    /// scenarios/ci/fixed-pool.yaml shortened to 6 simulated hours (validators, oracle, staking).
    static let base = ["duration=6h", "replications=4"]

    static func scenario(_ sets: [String] = []) throws -> ResolvedScenario {
        try ScenarioLoader.load(file: GCTTestSupport_path("scenarios/ci/fixed-pool.yaml"), overrides: base + sets)
    }

    static func check(
        _ sets: [String] = [], baseline: ScenarioBaseline?,
        prepare: (@Sendable (inout World) -> Void)? = nil
    ) throws -> ScenarioCheckResult {
        let s = try scenario(sets)
        return try ScenarioCheck.run(
            s.configuration, file: "fixed-pool.yaml", hash: s.modelHashHex, baseline: baseline,
            options: CheckOptions(threads: 2), prepare: prepare, stopFlag: nil)
    }

    /// The baseline of the unchanged scenario, measured once.
    static let baseline: Result<ScenarioBaseline, any Error> = Result {
        let r = try check(baseline: nil)
        guard r.passed else { throw GCTSimTestError("the unchanged scenario fails: \(CheckReport(results: [r]).text)") }
        return r.newBaseline(gctsimVersion: "test")
    }

    static func failedMetrics(_ r: ScenarioCheckResult) -> Set<String> { Set(r.failedMetrics.map(\.metric)) }

    @Test("The unchanged scenario passes against its own baseline (same seed: identical)")
    func unchanged() throws {
        let r = try Self.check(baseline: Self.baseline.get())
        #expect(r.passed, "\(CheckReport(results: [r]).text)")
        #expect(r.invariants.contains { $0.name == "baseline_current" && $0.passed })
        #expect(r.invariants.contains { $0.name == "multiplier_demand_response" && $0.passed })
        #expect(r.metrics.allSatisfy { $0.difference == 0 })
    }

    @Test("A change of seed alone passes", arguments: [UInt64(11), 12])
    func newSeed(seed: UInt64) throws {
        let r = try Self.check(["seed=\(seed)"], baseline: Self.baseline.get())
        #expect(r.passed, "\(CheckReport(results: [r]).text)")
        #expect(!r.isStale)
        #expect(r.metrics.contains { ($0.difference ?? 0) != 0 })  // a genuinely different sample
    }

    @Test("Burn rate 0.5 % → 50 % fails tokens_burned_gct (and the baseline is stale)")
    func burnRate() throws {
        let r = try Self.check(["economy.burn_rate=0.5"], baseline: Self.baseline.get())
        #expect(Self.failedMetrics(r).isSuperset(of: ["tokens_burned_gct", "supply_burned_gct"]))
        #expect(r.isStale && r.failedInvariants.map(\.name) == ["baseline_current"])
        let text = CheckReport(results: [r]).text
        #expect(text.contains("failure: metric 'tokens_burned_gct' moved from"))
    }

    @Test("Halved server capacity fails the queueing metrics")
    func halvedCapacity() throws {
        let r = try Self.check(["providers.servers=1"], baseline: Self.baseline.get())  // 3 → 1 (½ rounds to 1 or 2; 1 is the sharper change)
        #expect(Self.failedMetrics(r).isSuperset(of: ["mean_wait_s", "utilization", "mean_capacity"]))
    }

    @Test("The literal market multiplier where the baseline is fixed fails mean_multiplier")
    func literalMultiplier() throws {
        let r = try Self.check(["pricing.market_multiplier=literal"], baseline: Self.baseline.get())
        #expect(Self.failedMetrics(r).contains("mean_multiplier"), "\(CheckReport(results: [r]).text)")
    }

    #if DEBUG
    @Test("A ledger bug (a transfer that drops a base unit) fails supply_conservation")
    func ledgerBug() throws {
        let r = try Self.check(baseline: Self.baseline.get()) { $0._fault = .dropUnitAfterCompletion(100) }
        let failed = try #require(r.failedInvariants.first { $0.name == "supply_conservation" })
        #expect(failed.failure!.contains("supply_conservation failed in 4 of 4 replications"))
        #expect(failed.failure!.contains("invariant 'supply_conservation' violated at t="))
        #expect(!r.isStale)  // the scenario is unchanged: only the code is broken
    }
    #endif

    @Test("The M/M/c CI scenario: Erlang C inside the CI of the mean wait; outside when the capacity changes under it")
    func erlangC() throws {
        let s = try ScenarioLoader.load(file: GCTTestSupport_path("scenarios/ci/mmc-small.yaml"), overrides: ["duration_s=5000", "replications=6"])
        let r = try ScenarioCheck.run(s.configuration, file: "mmc-small.yaml", hash: s.modelHashHex, baseline: nil, options: CheckOptions(threads: 2), stopFlag: nil)
        let e = try #require(r.invariants.first { $0.name == "erlang_c" })
        #expect(e.passed, "\(e.detail)")
        #expect(e.detail.contains("Erlang C W_q = 0.509434"))
        #expect(r.invariants.first { $0.name == "littles_law" }?.passed == true)
        // Compare the same runs with the Erlang C value of a faster service (μ = 1.25): it must fail.
        let wrong = ScenarioCheck.erlangC(
            try #require(MMcShape(s.configuration.with { $0.providers.speed = 1.25 })),
            Dictionary(uniqueKeysWithValues: r.metrics.compactMap { m in m.current.map { (m.metric, $0) } }), alpha: 0.001)
        #expect(!wrong.passed)
    }
}

func GCTTestSupport_path(_ relative: String) -> String {
    _GCTTestSupport.GCTTestSupport.packageRoot.appendingPathComponent(relative).path
}

extension ScenarioConfiguration {
    func with(_ change: (inout ScenarioConfiguration) -> Void) -> ScenarioConfiguration {
        var c = self
        change(&c)
        return c
    }
}

import _GCTTestSupport
