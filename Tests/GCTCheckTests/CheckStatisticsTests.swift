import Foundation
@testable import GCTCheck
import GCTEconomics
import GCTEngine
import GCTScenario
import Testing
@testable import GCTWorld

@Suite("gctsim check: statistics, verdicts and exact economics checks")
struct CheckStatisticsTests {
    static let policy = RegressionPolicy()

    @Test("A metric fails only when the change is both significant and relevant")
    func verdicts() {
        let base = MetricBaseline(mean: 100, sd: 0.01, n: 10, ci95: nil)
        // Significant (t ≈ 0.5 / 0.0045 ≈ 112) but 0.5 % < 5 %: passes.
        let tiny = MetricComparison(metric: "m", baseline: base, current: MetricBaseline(mean: 100.5, sd: 0.01, n: 10, ci95: nil), policy: Self.policy)
        #expect(tiny.verdict == .pass)
        #expect(tiny.welch?.isSignificant == true)
        // Relevant (20 %) but noise: t = 20 / √(2·2500/3) = 0.49: passes.
        let noisy = MetricComparison(
            metric: "m", baseline: MetricBaseline(mean: 100, sd: 50, n: 3, ci95: nil),
            current: MetricBaseline(mean: 120, sd: 50, n: 3, ci95: nil), policy: Self.policy)
        #expect(noisy.verdict == .pass)
        // Both: fails, naming the metric.
        let shifted = MetricComparison(metric: "mean_wait_s", baseline: base, current: MetricBaseline(mean: 110, sd: 0.01, n: 10, ci95: nil), policy: Self.policy)
        guard case let .fail(message) = shifted.verdict else { Issue.record("expected a failure"); return }
        #expect(message.contains("metric 'mean_wait_s' moved from 100 to 110"))
        #expect(message.contains("+10.0 %"))
    }

    @Test("Near zero the absolute floor decides relevance")
    func absoluteFloor() {
        #expect(Self.policy.threshold(baselineMean: 0) == 0.001)
        #expect(Self.policy.threshold(baselineMean: -40) == 2)
        let base = MetricBaseline(mean: 0, sd: 0, n: 4, ci95: nil)
        #expect(MetricComparison(metric: "failed", baseline: base, current: MetricBaseline(mean: 0.0005, sd: 0.001, n: 4, ci95: nil), policy: Self.policy).verdict == .pass)
        #expect(MetricComparison(metric: "failed", baseline: base, current: MetricBaseline(mean: 2, sd: 0, n: 4, ci95: nil), policy: Self.policy).isFailure)
    }

    @Test("Absolute bounds fail a metric whatever the test says; missing and new metrics")
    func boundsAndMissing() {
        let base = MetricBaseline(mean: 0.5, sd: 0.2, n: 3, ci95: nil, bounds: MetricBounds(min: 0, max: 1))
        let out = MetricComparison(metric: "utilization", baseline: base, current: MetricBaseline(mean: 1.01, sd: 0.3, n: 3, ci95: nil), policy: Self.policy)
        guard case let .fail(message) = out.verdict else { Issue.record("expected a failure"); return }
        #expect(message.contains("'utilization' = 1.01 outside its bounds [0.0, 1.0]"))
        #expect(MetricComparison(metric: "x", baseline: base, current: nil, policy: Self.policy).isFailure)
        #expect(MetricComparison(metric: "x", baseline: nil, current: base, policy: Self.policy).verdict == .skipped("metric 'x' has no baseline"))
    }

    @Test("MetricBaseline of values: mean, sample sd, Student-t CI")
    func baselineOfValues() throws {
        // 1, 2, 3: mean 2, s = 1, CI 2 ± t_{0.975, 2} × 1/√3 = 2 ± 4.3027 × 0.57735 = 2 ± 2.4841.
        let b = MetricBaseline(values: [1, 2, 3])
        #expect(b.mean == 2 && b.sd == 1 && b.n == 3)
        let ci = try #require(b.ci95)
        #expect(abs(ci[0] - (2 - 2.48414)) < 1e-4 && abs(ci[1] - (2 + 2.48414)) < 1e-4)
    }

    @Test("Baseline JSON round trip with snake_case keys and bounds")
    func baselineJSON() throws {
        let b = ScenarioBaseline(
            scenario: "s", scenarioHash: "0123456789abcdef", gctsimVersion: "9.9.9", seed: 4, replications: 3,
            metrics: ["utilization": MetricBaseline(values: [0.2, 0.3, 0.25], bounds: MetricBounds(min: 0, max: 1))])
        let text = b.json
        #expect(text.contains("\"scenario_hash\" : \"0123456789abcdef\""))
        #expect(text.contains("\"gctsim_version\" : \"9.9.9\""))
        let back = try JSONDecoder().decode(ScenarioBaseline.self, from: Data(text.utf8))
        #expect(back == b)
    }

    @Test("A year of epochs pays exactly the annual emission", arguments: [ScenarioDuration.days(1), .hours(6), .days(7), .seconds(7_000)])
    func annualEmission(epoch: ScenarioDuration) throws {
        var c = try ScenarioLoader.load(file: GCTTestSupport_path("scenarios/ci/fixed-pool.yaml")).configuration
        c.economy.staking.epoch = epoch
        c.economy.initialSupply = TokenAmount(baseUnits: 123_456_789_012_345_678)  // floors differ from the exact product
        let r = ScenarioCheck.annualEmission(c)
        #expect(r.passed, "\(r.failure ?? "")")
        // Independently: 2 % of 123 456 789.012345678 GCT = 2 469 135.78024691356 → 2 469 135 780 246 913 base units.
        #expect(c.economy.initialSupply.multiplied(by: Rate(2, over: 100), rounding: .down).baseUnits == 2_469_135_780_246_913)
    }

    @Test("The sample observer catches burned decreasing, minted over the cap, reputations out of range")
    func observer() {
        let o = CheckObserver(cap: TokenAmount(baseUnits: 1_000), hasValidators: true)
        var s = WorldSampleFixture.sample
        s.burned = TokenAmount(baseUnits: 50)
        o.sample(s)
        #expect(o.problems.isEmpty)
        s.time = SimTime(ticks: 2 * SimTime.ticksPerSecond)
        s.burned = TokenAmount(baseUnits: 49)
        s.minted = TokenAmount(baseUnits: 1_001)
        s.reputationMax = 1.2
        o.sample(s)
        o.sample(s)  // reported once per invariant
        #expect(o.problems.map(\.invariant) == ["burned_non_decreasing", "minted_within_cap", "reputation_range"])
        #expect(o.problems[0].message == "burned fell from 50 to 49 base units at t=2.0s")
    }
}

enum WorldSampleFixture {
    static let sample = MetricSample(
        time: .zero, minted: .zero, burned: .zero, totalSupply: .zero, circulating: .zero, staked: .zero, held: .zero,
        queueLength: 0, running: 0, capacity: 1, priceMultiplier: 1, consensusPrice: 0, tokenVelocity: 0, flameFactor: 1,
        arrived: 0, completed: 0, failed: 0, balked: 0, insufficient: 0,
        stakingPromised: .zero, stakingPaid: .zero, stakingShortfall: .zero, emissionCapShortfall: .zero,
        validatorEmissionMinted: .zero, emissionUndistributed: .zero, feePoolBalance: .zero,
        reputationMin: 1, reputationMedian: 1, reputationMax: 1, alarms: 0, proposalsPassed: 0, burnRate: 0.005)
}
