import Foundation
import Testing
@testable import GCTWorld
import _GCTTestSupport

/// The compute market against queueing theory: M/M/c mean wait vs Erlang C, and Little's law.
@Suite("M/M/c validation against Erlang C (release build)", .serialized)
struct MarketValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var lambda: Double, servers: Int, meanService: Double, durationS: Int
        var testDescription: String { "λ=\(lambda) c=\(servers) 1/μ=\(meanService)s" }
    }

    static let cases = [
        Case(lambda: 7.2, servers: 8, meanService: 1, durationS: 200_000),  // the shipped defaults
        Case(lambda: 3.0, servers: 4, meanService: 1, durationS: 100_000),
        Case(lambda: 1.2, servers: 2, meanService: 1.25, durationS: 200_000),
    ]

    @Test("95 % CI of the mean wait contains Erlang C, half-width < 5 %; Little's law within 2 %", arguments: cases)
    func erlangC(_ c: Case) throws {
        var args = ["run", "scenarios/mmc-validation.yaml", "--summary-json", "-", "--threads", "2", "--no-output"]
        if c.lambda != 7.2 || c.servers != 8 || c.meanService != 1 {
            args += ["--set", "arrival_rate=\(c.lambda)", "--set", "servers=\(c.servers)",
                     "--set", "mean_service_s=\(c.meanService)", "--set", "duration_s=\(c.durationS)"]
        }
        let r = try runReleaseGCTSim(args)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: [String: Any]])
        let wait = try #require(metrics["mean_wait_s"])
        let ci = try #require(wait["ci95"] as? [Double])
        let mean = try #require(wait["mean"] as? Double)
        let expected = erlangCMeanWait(lambda: c.lambda, mu: 1 / c.meanService, servers: c.servers)
        #expect(ci[0] <= expected && expected <= ci[1], "Erlang C \(expected) outside CI \(ci)")
        #expect((ci[1] - ci[0]) / 2 < 0.05 * expected, "half-width \((ci[1] - ci[0]) / 2) not under 5 % of \(expected)")
        // Little's law for the queue: L_q = λ W_q (time-average queue length vs throughput × mean wait).
        let l = try #require(metrics["mean_queue_length"]?["mean"] as? Double)
        let lw = try #require(metrics["littles_law_lambda_w"]?["mean"] as? Double)
        #expect(abs(l - lw) / lw < 0.02, "L = \(l), λW = \(lw)")
        print("M/M/c \(c.testDescription): mean wait \(mean) s, CI \(ci), Erlang C \(expected); L \(l) vs λW \(lw)")
    }

    @Test("Erlang C reference values (independent check of the test's formula)")
    func erlangCReference() {
        // Textbook: M/M/1 with ρ = 0.5: Wq = ρ / (μ − λ) = 0.5 / 0.5 = 1.
        #expect(abs(erlangCMeanWait(lambda: 0.5, mu: 1, servers: 1) - 1) < 1e-12)
        // M/M/2, λ = 1, μ = 1: P(wait) = 1/3, Wq = (1/3) / (2 − 1) = 1/3.
        #expect(abs(erlangCMeanWait(lambda: 1, mu: 1, servers: 2) - 1.0 / 3) < 1e-12)
    }
}
