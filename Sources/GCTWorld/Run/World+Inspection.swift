import GCTEconomics
import GCTEngine

extension World {
    /// The outcome of this replication as it stands now (what `ReplicationRunner.runOne` returns
    /// after `runToEnd`), for callers that also inspect the world at the end (`gctsim check`).
    public func outcome(run: RunSummary, wallSeconds: Double) -> ReplicationOutcome {
        ReplicationOutcome(
            replication: replication, run: run,
            statistics: statistics, counters: counters, supply: ledger.supply, economy: economyReport(),
            violation: violation, wallSeconds: wallSeconds)
    }

    /// Exact end-of-run invariants over the whole state, each `(invariant, problem)`:
    /// the full ledger audit (every account non-negative, every running sum recomputed),
    /// minted ≤ cap, queue conservation from the counters and the queue, and every validator's
    /// reputation in [0, 1].
    public func endOfRunProblems() -> [InvariantProblem] {
        var problems: [InvariantProblem] = []
        if let audit = ledger.auditAllAccounts() {
            problems.append(InvariantProblem(audit.contains("negative") ? "no_negative_balances" : "supply_conservation", audit))
        }
        if ledger.cap < ledger.minted {
            problems.append(InvariantProblem("minted_within_cap", "minted \(ledger.minted.baseUnits) > cap \(ledger.cap.baseUnits)"))
        }
        let k = counters
        let inSystem = k.completed + k.failed + k.balked + k.insufficient + Int64(flame.queue.count) + Int64(flame.running)
        if k.arrived != inSystem {
            problems.append(InvariantProblem("queue_conservation", "at the end: arrived \(k.arrived) != \(inSystem) accounted for"))
        }
        for v in economy.validators where !(0...1_000_000_000).contains(v.reputation.ppb) {
            problems.append(InvariantProblem("reputation_range", "validator \(v.id) reputation \(v.reputation.doubleValue) outside [0, 1]"))
            break
        }
        return problems
    }
}
