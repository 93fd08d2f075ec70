import Foundation
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld

/// A stakeholder's metric and which way is better for them.
public struct StakeholderMetric: Sendable {
    public var stakeholder: String
    public var metric: String
    public var direction: Direction

    /// The verdict table's rows: token holders, stakers, users, providers, the network.
    public static let all: [StakeholderMetric] = [
        .init(stakeholder: "token holders", metric: "supply_total_gct", direction: .lower),
        .init(stakeholder: "token holders", metric: "supply_burned_gct", direction: .higher),
        .init(stakeholder: "token holders", metric: "supply_minted_gct", direction: .lower),
        .init(stakeholder: "stakers", metric: "apy_paid", direction: .higher),
        .init(stakeholder: "stakers", metric: "staking_shortfall_gct", direction: .lower),
        .init(stakeholder: "users", metric: "price_paid_gct", direction: .lower),
        .init(stakeholder: "users", metric: "mean_wait_s", direction: .lower),
        .init(stakeholder: "users", metric: "balked", direction: .lower),
        .init(stakeholder: "providers", metric: "provider_balance_gct", direction: .higher),
        .init(stakeholder: "providers", metric: "utilization", direction: .higher),
        .init(stakeholder: "network", metric: "mean_capacity", direction: .higher),
        .init(stakeholder: "network", metric: "alarms", direction: .lower),
        .init(stakeholder: "network", metric: "oracle_outliers", direction: .lower),
        .init(stakeholder: "network", metric: "oracle_unavailable", direction: .lower),
        .init(stakeholder: "network", metric: "oracle_rounds_short", direction: .lower),
    ]
}

/// One row of a verdict table.
public struct VerdictRow: Sendable {
    public var stakeholder: String
    public var metric: String
    public var direction: Direction
    public var baselineMean: Double
    public var proposalMean: Double
    public var difference: PairedDifference
    public var verdict: Verdict
    /// Variance of `proposal − baseline` with independent seeds, when measured.
    public var independentVariance: Double?
}

/// The paired evaluation of one proposal against a baseline: replication r of both arms uses the
/// streams of (seed, r).
public struct ProposalEvaluation: Sendable {
    public var proposal: ProposalFile
    public var baselineName: String
    public var baselineHash: String
    public var proposalHash: String
    public var replications: Int
    public var fromStart: Bool
    public var rows: [VerdictRow]
    /// Per arm ("baseline", "proposal", "proposal_independent"), per replication: metric values.
    public var runs: [(arm: String, replication: Int, metrics: [Double])]
    public var metricNames: [String]

    /// Builds the proposal's configuration (governance path, or overrides from the start), runs both
    /// arms, and tabulates the verdicts.
    public static func evaluate(
        baselineFile: String, overrides: [String], proposal: ProposalFile, replications: Int?, fromStart: Bool,
        threads: Int, measureIndependent: Bool, stopFlag: StopFlag? = StopFlag.process
    ) throws -> ProposalEvaluation {
        let sets = overrides + (replications.map { ["replications=\($0)"] } ?? [])
        let base: ResolvedScenario
        do { base = try ScenarioLoader.load(file: baselineFile, overrides: sets) } catch { throw SweepError(error.description) }
        var c0 = base.configuration
        try proposal.checkMechanisms(c0, scenario: baselineFile)
        let c1: ScenarioConfiguration
        if fromStart {
            do {
                c1 = try ScenarioLoader.load(file: baselineFile, overrides: sets + proposal.fromStartOverrides).configuration
            } catch {
                throw SweepError("proposal '\(proposal.title)' (\(proposal.path)) from the start: \(error.description)")
            }
        } else {
            c1 = try proposal.enacted(in: c0, scenario: baselineFile)
            // The baseline arm gets the same proposer (account, stake) and votes, passing an empty
            // upgrade: without it the proposer's stake alone would move the stakers' APY.
            c0 = try proposal.enacted(in: c0, scenario: baselineFile, placebo: true)
        }
        var arms = [c0, c1]
        if measureIndependent {
            var c2 = c1
            c2.seed = SweepScenario.independentSeed(c1.seed, point: 1)
            arms.append(c2)
        }
        let names = try SweepScenario.metricNames(c0, point: 0, label: "baseline")
        let r = c0.replications
        var results: [SweepRunResult] = []
        let armCount = arms.count
        let frozen = arms
        _ = try SweepExecutor.run(
            count: r * armCount, threads: threads, stopFlag: stopFlag,
            work: { j in try SweepScenario.run(frozen[j % armCount], point: j % armCount, replication: j / armCount, metricNames: names, stopFlag: stopFlag) },
            isStopped: { $0.stopped },
            deliver: { _, result in results.append(result) })
        guard results.count == r * armCount else { throw SweepError("interrupted after \(results.count) of \(r * armCount) runs") }
        let armNames = ["baseline", "proposal", "proposal_independent"]
        func values(_ arm: Int, _ m: Int) -> [Double] { results.filter { $0.point == arm }.map { $0.metrics[m] } }
        var rows: [VerdictRow] = []
        for sm in StakeholderMetric.all {
            guard let m = names.firstIndex(of: sm.metric) else { continue }
            let b = values(0, m), p = values(1, m)
            let d = PairedDifference(baseline: b, variant: p)
            var independent: Double?
            if measureIndependent { independent = PairedDifference(baseline: b, variant: values(2, m)).variance }
            rows.append(VerdictRow(
                stakeholder: sm.stakeholder, metric: sm.metric, direction: sm.direction,
                baselineMean: b.reduce(0, +) / Double(b.count), proposalMean: p.reduce(0, +) / Double(p.count),
                difference: d, verdict: d.verdict(sm.direction), independentVariance: independent))
        }
        return ProposalEvaluation(
            proposal: proposal, baselineName: c0.name, baselineHash: base.hashHex,
            proposalHash: ResolvedScenario(configuration: c1).hashHex, replications: r, fromStart: fromStart, rows: rows,
            runs: results.map { (armNames[$0.point], $0.replication, $0.metrics) }, metricNames: names)
    }

    static func f(_ x: Double) -> String {
        if x.isNaN { return "–" }
        if x == 0 { return "0" }
        return abs(x) >= 1e5 || abs(x) < 1e-3 ? String(format: "%.4g", x) : String(format: "%.4f", x)
    }

    /// The verdict table as markdown.
    public var markdown: String {
        var s = "### \(proposal.title)\n\n"
        s += "Proposal `\(proposal.path)` against `\(baselineName)` (hash \(baselineHash)), \(replications) paired replications "
        s += fromStart ? "(applied from the start as scenario overrides).\n\n"
            : "(enacted through governance: submitted at \(Self.f(proposal.atSeconds / 86_400)) d, voted for by every voting staker, executed after \(proposal.votingPeriodDays) d voting + \(proposal.executionDelayDays) d delay; the baseline arm has the same proposer and votes passing an empty upgrade, so only the parameters differ).\n\n"
        let showVR = rows.contains { $0.independentVariance != nil }
        s += "| stakeholder | metric | better when | baseline | proposal | mean difference | 95 % CI of difference | verdict |" + (showVR ? " var CRN | var independent | reduction |" : "") + "\n"
        s += "|---|---|---|---:|---:|---:|---|---|" + (showVR ? "---:|---:|---:|" : "") + "\n"
        for row in rows {
            s += "| \(row.stakeholder) | \(row.metric) | \(row.direction == .higher ? "higher" : "lower") | \(Self.f(row.baselineMean)) | \(Self.f(row.proposalMean)) | \(Self.f(row.difference.mean)) | [\(Self.f(row.difference.ciLow)), \(Self.f(row.difference.ciHigh))] | \(row.verdict.rawValue) |"
            if showVR, let iv = row.independentVariance {
                let cv = row.difference.variance
                s += " \(Self.f(cv)) | \(Self.f(iv)) | \(cv > 0 ? String(format: "%.1f×", iv / cv) : (iv > 0 ? "∞ (CRN variance 0)" : "–")) |"
            }
            s += "\n"
        }
        return s
    }

    /// The verdict table and every run to an HDF5 file (`/verdicts`, `/runs`).
    public func write(to path: String, force: Bool) throws {
        let file = try RecordFile.create(path: path, overwrite: force)
        let meta = try file.group("/meta")
        try meta.setAttribute("kind", "proposal_evaluation")
        try meta.setAttribute("proposal_title", proposal.title)
        try meta.setAttribute("proposal_file", proposal.path)
        try meta.setAttribute("baseline", baselineName)
        try meta.setAttribute("baseline_hash", baselineHash)
        try meta.setAttribute("proposal_hash", proposalHash)
        try meta.setAttribute("replications", Int64(replications))
        try meta.setAttribute("from_start", fromStart ? "true" : "false")
        let v = try file.createDataset("/verdicts", fields: [
            RecordField("stakeholder", .string(16)), RecordField("metric", .string(32)), RecordField("better_when", .string(8)),
            RecordField("baseline_mean", .double), RecordField("proposal_mean", .double), RecordField("diff_mean", .double),
            RecordField("diff_ci_low", .double), RecordField("diff_ci_high", .double), RecordField("diff_variance", .double),
            RecordField("independent_diff_variance", .double), RecordField("verdict", .string(24)),
        ], chunkRows: 64)
        try v.append(rows.map { r in
            [.string(r.stakeholder), .string(r.metric), .string(r.direction == .higher ? "higher" : "lower"),
             .double(r.baselineMean), .double(r.proposalMean), .double(r.difference.mean), .double(r.difference.ciLow),
             .double(r.difference.ciHigh), .double(r.difference.variance), .double(r.independentVariance ?? .nan),
             .string(r.verdict.rawValue)]
        })
        let runsTable = try file.createDataset(
            "/runs", fields: [RecordField("arm", .string(20)), RecordField("replication", .int64)] + metricNames.map { RecordField($0, .double) },
            chunkRows: 256)
        try runsTable.append(runs.map { [.string($0.arm), .int64(Int64($0.replication))] + $0.metrics.map { .double($0) } })
        try file.close(status: .complete)
    }

    /// Several evaluations side by side: one column per proposal, each cell `difference [CI] verdict`.
    public static func comparison(_ evaluations: [ProposalEvaluation]) -> String {
        guard let first = evaluations.first else { return "" }
        var s = "Baseline `\(first.baselineName)` (hash \(first.baselineHash)), \(first.replications) paired replications; cells: mean difference proposal − baseline [95 % CI], verdict.\n\n"
        s += "| stakeholder | metric | better when | baseline |" + evaluations.map { " \($0.proposal.title) |" }.joined() + "\n"
        s += "|---|---|---|---:|" + String(repeating: "---|", count: evaluations.count) + "\n"
        for (i, row) in first.rows.enumerated() {
            s += "| \(row.stakeholder) | \(row.metric) | \(row.direction == .higher ? "higher" : "lower") | \(f(row.baselineMean)) |"
            for e in evaluations {
                guard i < e.rows.count, e.rows[i].metric == row.metric else { s += " – |"; continue }
                let d = e.rows[i].difference
                s += " \(f(d.mean)) [\(f(d.ciLow)), \(f(d.ciHigh))] \(e.rows[i].verdict.rawValue) |"
            }
            s += "\n"
        }
        return s
    }
}
