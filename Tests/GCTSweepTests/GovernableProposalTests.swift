import Foundation
import Testing
import _GCTTestSupport
@testable import GCTSweep

/// The shipped oracle and staking proposals go through the governance path and change the world.
@Suite("proposals: oracle_min_reports and staking_bonus_cap through governance", .serialized)
struct GovernableProposalTests {
    static let yaml = """
        name: gov-tiny
        seed: 5
        replications: 1
        duration: 2d
        metrics: {interval: 6h, sample_events: false}
        economy: {staking: {epoch: 6h}, treasury: "1_000_000"}
        providers:
          servers: 2
          service_time: {default: {dist: exponential, mean: 2s}}
        users:
          - name: u
            count: 2
            arrival: {rate_per_s: 0.01}
            ops: {matrix_multiplication: 1}
            budget: "1_000"
        validators: {count: 5, stake: "200_000"}
        oracle: {period: 30m}
        stakers: {count: 3, balance: "150_000", initial_stake_fraction: 1, review_period: 1d}
        governance: {turnout: 1}
        """

    func evaluate(_ proposal: String, in dir: URL) throws -> [String: VerdictRow] {
        let file = dir.appendingPathComponent("gov-tiny.yaml").path
        try Self.yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let p = try ProposalFile(yaml: proposal, path: "p.yaml")
        let e = try ProposalEvaluation.evaluate(
            baselineFile: file, overrides: [], proposal: p, replications: 2, fromStart: false, threads: 2,
            measureIndependent: false, stopFlag: nil)
        return Dictionary(uniqueKeysWithValues: e.rows.map { ($0.metric, $0) })
    }

    @Test("oracle_min_reports 6 with 5 validators: every round after execution (day 1) is short; the placebo arm has none")
    func oracleMinReports() throws {
        let dir = try GCTTestSupport.scratchDirectory("gov")
        defer { try? FileManager.default.removeItem(at: dir) }
        // By its scenario key path, which names the same governable parameter.
        let rows = try evaluate("title: six\nparameters: {oracle.min_reports: 6}\nvoting_period: 1d\nexecution_delay: 0d", in: dir)
        let short = try #require(rows["oracle_rounds_short"])
        #expect(short.baselineMean == 0)
        #expect(short.proposalMean == 48, "rounds 49…96 (day 1 to day 2) are short")
        #expect(short.verdict == .worse)
        // Identical until the execution, and no stake changes: supply and staking are unchanged.
        #expect(rows["apy_paid"]?.difference.mean == 0)
    }

    @Test("staking_bonus_cap 0.01 cuts the APY of every stake above 10 000 GCT from day 1; the placebo arm keeps 20 %")
    func stakingBonusCap() throws {
        let dir = try GCTTestSupport.scratchDirectory("gov")
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try evaluate("title: cap\nparameters: {staking_bonus_cap: \"0.01\"}\nvoting_period: 1d\nexecution_delay: 0d", in: dir)
        let apy = try #require(rows["apy_paid"])
        // Validators (200 000) and stakers (150 000) earn 20 % and the proposer (50 000) 17 % before
        // day 1, all 13 % after: stake-weighted ≈ 19.9 % for the placebo arm, ≈ (19.9 % + 13 %) / 2 for the proposal.
        #expect(apy.baselineMean > 0.195 && apy.baselineMean <= 0.2, "\(apy.baselineMean)")
        #expect(apy.proposalMean > 0.16 && apy.proposalMean < 0.17, "\(apy.proposalMean)")
        #expect(apy.verdict == .worse)
    }

    @Test("a proposal against a scenario without the mechanism it changes is an error naming what is missing")
    func missingMechanism() throws {
        let dir = try GCTTestSupport.scratchDirectory("gov")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tiny.yaml").path
        try SweepRunTests.yaml.write(toFile: file, atomically: true, encoding: .utf8)
        for (proposal, missing) in [
            ("scenarios/proposals/oracle-min-reports-5.yaml", "has no validators section"),
            ("scenarios/proposals/staking-bonus-cap-5pct.yaml", "has no stakers or validators section"),
        ] {
            let p = try ProposalFile(path: GCTTestSupport.packageRoot.appendingPathComponent(proposal).path)
            do {
                _ = try ProposalEvaluation.evaluate(
                    baselineFile: file, overrides: [], proposal: p, replications: 1, fromStart: false, threads: 1,
                    measureIndependent: false, stopFlag: nil)
                Issue.record("expected an error for \(proposal)")
            } catch {
                let message = (error as? SweepError)?.message ?? "\(error)"
                #expect(message.contains(missing) && message.contains("the mechanism it changes is missing"), "\(message)")
            }
        }
    }
}
