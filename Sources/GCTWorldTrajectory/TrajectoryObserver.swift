import Foundation
import GCTEconomics
import GCTEngine
import GCTTrajectory
import GCTWorld

/// Streams one replication of a world into a trajectory file: the metric samples to
/// `/rep_NNNN/timeseries`, per-event records to `/rep_NNNN/events/<kind>`, and the end state to
/// `/rep_NNNN/final`. Rows are buffered in memory and reach the file only at *flush points*: the
/// tables' rows are written and the file flushed (`H5Fflush`) in one step, every
/// ``TrajectoryFile/flushInterval`` of wall time or when a table holds
/// ``TrajectoryFile/maxBufferedRows`` rows, so memory does not grow with simulated time and a killed
/// run leaves the file as its last flush point wrote it (docs/trajectory-format.md, "A killed run").
///
/// Several replications may write to one file from several threads: HDF5 here is built
/// thread-safe, and every flush point (and all other file-level work: groups, table creation,
/// arrays) is serialized by `TrajectoryObserver.fileLock`. Between its flush points an observer
/// makes no HDF5 call. A write error is kept (the first one) and reported by `finish`.
public final class TrajectoryObserver: WorldObserver, @unchecked Sendable {
    /// Serializes the file-level operations of all observers of a process.
    public static let fileLock = NSLock()

    public let file: TrajectoryFile
    public let group: String
    struct Tables {
        var timeseries: TrajectoryTable
        var executions: TrajectoryRecordTable<ExecutionRow>?
        var oracle: TrajectoryRecordTable<OracleRoundRow>
        var alarms: TrajectoryRecordTable<AlarmRow>
        var scaling: TrajectoryRecordTable<ScalingRow>
        var governance: TrajectoryRecordTable<GovernanceRow>
        var all: [TrajectoryTable] {
            [timeseries, oracle.table, alarms.table, scaling.table, governance.table] + (executions.map { [$0.table] } ?? [])
        }
    }
    private var tables: Tables?
    public private(set) var firstError: Error?
    /// When this observer's last flush point ended.
    private var lastFlush = ContinuousClock.now

    /// Opens the tables of replication `replication` in `file`. An error is kept and reported by
    /// `finish` (the world runs on, writing nothing), so a worker thread never has to throw.
    ///
    /// - Parameter recordExecutions: whether to write one row per request (`metrics.sample_events`).
    public init(file: TrajectoryFile, replication: Int, recordExecutions: Bool) {
        self.file = file
        group = String(format: "/rep_%04d", replication)
        let g = group
        do {
            tables = try Self.fileLock.withLock {
                let ts = try file.makeTable(at: g + "/timeseries", columns: MetricSample.columns.map { c in
                    c.kind == .int64
                        ? .int64(c.name, units: c.units, description: c.description)
                        : .double(c.name, units: c.units, description: c.description)
                })
                let ex = recordExecutions ? try file.makeTable(at: g + "/events/executions", records: EventTables.executions) : nil
                let made = Tables(
                    timeseries: ts, executions: ex,
                    oracle: try file.makeTable(at: g + "/events/oracle_rounds", records: EventTables.oracleRounds),
                    alarms: try file.makeTable(at: g + "/events/alarms", records: EventTables.alarms),
                    scaling: try file.makeTable(at: g + "/events/scaling", records: EventTables.scaling),
                    governance: try file.makeTable(at: g + "/events/governance", records: EventTables.governance))
                // A flush point: the new (empty) tables are on disk before any row is buffered.
                try file.flushFile()
                return made
            }
        } catch {
            firstError = error
        }
        lastFlush = ContinuousClock.now
    }

    private func record(_ body: (Tables) throws -> Void) {
        guard firstError == nil, let tables else { return }
        do { try body(tables) } catch { firstError = error }
    }

    public func sample(_ s: MetricSample) {
        record { t in
            try t.timeseries.appendRow { row in
                var i = 0
                s.forEachValue({ row.set(i, int64: $0); i += 1 }, { row.set(i, double: $0); i += 1 })
            }
        }
        if ContinuousClock.now - lastFlush >= TrajectoryFile.flushInterval { flushTables() }
    }

    public func execution(_ r: ExecutionRow) { if let t = tables?.executions { append(r, to: t) } }

    public func oracleRound(_ r: OracleRoundRow) { if let t = tables?.oracle { append(r, to: t) } }

    public func alarm(_ r: AlarmRow) { if let t = tables?.alarms { append(r, to: t) } }

    public func scaling(_ r: ScalingRow) { if let t = tables?.scaling { append(r, to: t) } }

    public func governance(_ r: GovernanceRow) { if let t = tables?.governance { append(r, to: t) } }

    /// Buffers one event row (no HDF5 call). When the table holds ``TrajectoryFile/maxBufferedRows``
    /// rows, makes a flush point for it alone: its whole chunks are written (the rest stays buffered,
    /// so no partial chunk is written and later moved) and the file flushed. Memory stays bounded at
    /// any event rate.
    private func append<Row>(_ r: Row, to t: TrajectoryRecordTable<Row>) {
        guard firstError == nil else { return }
        do { try t.append(r) } catch { firstError = error; return }
        if t.table.bufferedRows >= TrajectoryFile.maxBufferedRows {
            do {
                try Self.fileLock.withLock {
                    try t.table.flush(wholeChunks: true)
                    try file.flushFile()
                }
            } catch { firstError = error }
        }
    }

    /// A flush point: writes the buffered rows of this replication's tables and flushes the file
    /// (`H5Fflush`), in one step under the file lock, so the file on disk changes only here and a
    /// flush never lands between two columns of another replication's table.
    public func flushTables() {
        record { t in
            try Self.fileLock.withLock {
                for table in t.all { try table.flush() }
                try file.flushFile()
            }
        }
        lastFlush = ContinuousClock.now
    }

    /// Flushes, writes `/final` (accounts and staking positions at the end or at the stop) and
    /// the replication's attributes.
    ///
    /// - Throws: the first write error of the replication, or one from writing `/final`.
    public func finish(_ state: WorldFinalState, outcome: ReplicationOutcome) throws {
        flushTables()
        if let firstError { throw firstError }
        // A second flush point: close the tables (all rows already written; their buffers are freed,
        // so memory does not grow with replications), write /final and the attributes, flush.
        try Self.fileLock.withLock {
            if let t = tables { for table in t.all { try file.closeTable(table) } }
            tables = nil
            let f = group + "/final"
            try file.writeArray(at: f + "/account_kind", codes: state.accountKinds.map(\.rawValue),
                                categories: AccountKind.allCases.map(\.name), description: "kind of each ledger account (index = account id)")
            try file.writeArray(at: f + "/balance", state.balances, units: "base units (1e-9 GCT)", description: "spendable balance per account")
            try file.writeArray(at: f + "/held", state.held, units: "base units (1e-9 GCT)", description: "escrowed for queued or running work, per account")
            try file.writeArray(at: f + "/staked", state.staked, units: "base units (1e-9 GCT)", description: "staked per account")
            try file.writeArray(at: f + "/position_owner", state.positionOwners, units: "account id", description: "owner of each staking position")
            try file.writeArray(at: f + "/position_amount", state.positionAmounts, units: "base units (1e-9 GCT)", description: "tokens bonded in each position")
            try file.writeArray(at: f + "/position_status", codes: state.positionStatus, categories: WorldFinalState.positionStatusNames,
                                description: "status of each staking position")
            try file.writeArray(at: f + "/position_promised", state.positionPromised, units: "base units (1e-9 GCT)", description: "rewards promised to each position")
            try file.writeArray(at: f + "/position_paid", state.positionPaid, units: "base units (1e-9 GCT)", description: "rewards paid to each position")
            try file.writeArray(at: f + "/validator_reputation", state.validatorReputations, units: "1", description: "reputation of each validator at the end")
            let g = try file.group(group)
            try g.setAttribute("replication", Int64(outcome.replication))
            try g.setAttribute("end_time_us", outcome.run.endTime.ticks)
            try g.setAttribute("events_processed", UInt64(outcome.run.eventsHandled))
            try g.setAttribute("stop_reason", "\(outcome.run.reason)")
            try g.setAttribute("invariant_violation", outcome.violation?.description ?? "")
            // Each replication's end is durable.
            try file.flushFile()
        }
    }
}

/// The `/events/<kind>` tables: each column declared with the row field it holds.
public enum EventTables {
    static let gct = "base units (1e-9 GCT)"
    public static let executions = TrajectoryRecordColumns<ExecutionRow>([
        .int64("time_us", units: "us", description: "arrival time of the request", \.arrival.ticks),
        .int64("user_class", units: "index", description: "user class, in scenario order", { Int64($0.userClass) }),
        .int64("user", units: "account id", description: "the requesting user's ledger account", { Int64($0.user) }),
        .category("operation", categories: ComputeOperation.known.map(\.name), description: "the spec's operation type", \.operation),
        .category("outcome", categories: ExecutionRow.Outcome.allCases.map(\.name), description: "what happened to the request", \.outcome.rawValue),
        .int64("cost", units: gct, description: "tokens held (charged on completion, refunded on failure; the quote if balked)", \.cost.baseUnits),
        .int64("burned", units: gct, description: "tokens burned at completion", \.burned.baseUnits),
        .double("wait_s", units: "s", description: "queueing delay (start - arrival)", \.wait.seconds),
        .double("service_s", units: "s", description: "service time", \.service.seconds),
        .int64("provider", units: "account id", description: "provider account that served it (-1 if none)", { Int64($0.provider) }),
    ])
    public static let oracleRounds = TrajectoryRecordColumns<OracleRoundRow>([
        .int64("time_us", units: "us", description: "time of the round", \.time.ticks),
        .int64("reports", units: "validators", description: "reports received", { Int64($0.reports) }),
        .int64("unavailable", units: "validators", description: "validators that did not answer", { Int64($0.unavailable) }),
        .int64("outliers", units: "validators", description: "outlier reports", { Int64($0.outliers) }),
        .double("consensus_price", units: "GCT per GPU-hour", description: "weighted-median GPU-hour price", \.consensusPrice),
        .double("supply_demand_ratio", units: "1", description: "consensus capacity / max(consensus demand, 1)", \.supplyDemandRatio),
        .double("multiplier", units: "1", description: "market multiplier set by the round", \.multiplier),
        .double("confidence", units: "1", description: "consensus confidence score", \.confidence),
    ])
    public static let alarms = TrajectoryRecordColumns<AlarmRow>([
        .int64("time_us", units: "us", description: "time of the alarm", \.time.ticks),
        .double("z_score", units: "1", description: "|p - mean| / std over the 24 h window", \.zScore),
        .double("anomaly_consensus", units: "1", description: "share of validator weight corroborating the move", \.anomalyConsensus),
        .double("price", units: "GCT per GPU-hour", description: "the consensus price judged", \.price),
    ])
    public static let scaling = TrajectoryRecordColumns<ScalingRow>([
        .int64("time_us", units: "us", description: "time of the decision", \.time.ticks),
        .category("action", categories: ScalingRow.Action.allCases.map(\.name), description: "controller action", \.action.rawValue),
        .double("factor", units: "1", description: "the rule's scale factor", \.factor),
        .double("velocity", units: "1/year", description: "annualized token velocity", \.velocity),
        .double("demand", units: "requests", description: "pending demand (queued + running)", \.demand),
        .int64("capacity_before", units: "servers", description: "capacity before", { Int64($0.capacityBefore) }),
        .int64("capacity_after", units: "servers", description: "capacity after (scale-up: once provisioned)", { Int64($0.capacityAfter) }),
    ])
    public static let governance = TrajectoryRecordColumns<GovernanceRow>([
        .int64("time_us", units: "us", description: "time of the step", \.time.ticks),
        .int64("proposal", units: "index", description: "proposal, in scenario order", { Int64($0.proposal) }),
        .category("event", categories: GovernanceRow.Kind.allCases.map(\.name), description: "what happened", \.kind.rawValue),
        .int64("yes", units: gct, description: "stake voting yes so far", \.yes.baseUnits),
        .int64("no", units: gct, description: "stake voting no so far", \.no.baseUnits),
        .int64("abstain", units: gct, description: "stake abstaining so far", \.abstain.baseUnits),
    ])
}

extension AccountKind {
    var name: String {
        switch self {
        case .user: "user"
        case .provider: "provider"
        case .validator: "validator"
        case .treasury: "treasury"
        case .feePool: "fee_pool"
        case .emissionPool: "emission_pool"
        case .miningPool: "mining_pool"
        case .validatorRewardPool: "validator_reward_pool"
        case .reserve: "reserve"
        }
    }
}
