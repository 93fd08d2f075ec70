import Foundation
import Testing
import _GCTTestSupport

/// `gctsim check` (release binary, as `make test` builds it) against the shipped baselines.
@Suite("gctsim check on the shipped baselines (release build)", .serialized)
struct CheckReleaseTests {
    @Test("The shipped baselines are current and pass (fixed-pool, with a new seed)")
    func shippedPass() throws {
        let r = try runReleaseGCTSim(["check", "scenarios/ci/fixed-pool.yaml", "--seed", "77"])
        #expect(r.status == 0, "\(r.stdout)")
        #expect(!r.stdout.contains("STALE"))
    }

    @Test("Mutations fail against the shipped baselines, naming the metric", arguments: [
        ("providers.servers=2", "mean_wait_s"),                       // ci-fixed-pool: 3 servers → 2
        ("pricing.market_multiplier=literal", "mean_multiplier"),
        ("economy.burn_rate=0.5", "tokens_burned_gct"),
    ])
    func mutation(set: String, metric: String) throws {
        let r = try runReleaseGCTSim(["check", "scenarios/ci/fixed-pool.yaml", "--set", set])
        #expect(r.status == 1)
        #expect(r.stdout.contains("failure: metric '\(metric)' moved from"), "\(r.stdout)")
    }
}
