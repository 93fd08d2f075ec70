import Foundation
import GCTEconomics
import GCTEngine
import GCTWorld

/// Streams one replication of a world into a trajectory file: the metric samples to
/// `/rep_NNNN/timeseries`, per-event records to `/rep_NNNN/events/<kind>`, and the end state to
/// `/rep_NNNN/final`. Rows go through the tables' bounded buffers, so memory does not grow with
/// simulated time.
///
/// Several replications may write to one file from several threads: HDF5 here is built
/// thread-safe, and the file's own bookkeeping (groups, table creation, arrays) is serialized by
/// `TrajectoryObserver.fileLock`. A write error is kept (the first one) and reported by `finish`.
public final class TrajectoryObserver: WorldObserver, @unchecked Sendable {
    /// Serializes the file-level operations of all observers of a process.
    public static let fileLock = NSLock()

    public let file: TrajectoryFile
    public let group: String
    struct Tables {
        var timeseries: TrajectoryTable
        var executions: TrajectoryTable?
        var oracle: TrajectoryTable
        var alarms: TrajectoryTable
        var scaling: TrajectoryTable
        var governance: TrajectoryTable
        var all: [TrajectoryTable] { [timeseries, oracle, alarms, scaling, governance] + (executions.map { [$0] } ?? []) }
    }
    private var tables: Tables?
    public private(set) var firstError: Error?
    private var samples = 0
    private var lastFlushCheck = ContinuousClock.now

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
                let ex = recordExecutions ? try file.makeTable(at: g + "/events/executions", columns: EventTables.executions) : nil
                return Tables(
                    timeseries: ts, executions: ex,
                    oracle: try file.makeTable(at: g + "/events/oracle_rounds", columns: EventTables.oracleRounds),
                    alarms: try file.makeTable(at: g + "/events/alarms", columns: EventTables.alarms),
                    scaling: try file.makeTable(at: g + "/events/scaling", columns: EventTables.scaling),
                    governance: try file.makeTable(at: g + "/events/governance", columns: EventTables.governance))
            }
        } catch {
            firstError = error
        }
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
        samples += 1
        // Write the rows every 24 samples (a simulated day at the default 1 h), and whenever the
        // file's flush interval has passed (then the file is flushed too: a killed run stays readable).
        if samples % 24 == 0 || ContinuousClock.now - lastFlushCheck >= TrajectoryFile.flushInterval {
            lastFlushCheck = ContinuousClock.now
            flushTables()
        }
    }

    public func execution(_ r: ExecutionRow) {
        record { t in
            try t.executions?.appendRow { row in
                row.set(0, int64: r.arrival.ticks)
                row.set(1, int64: Int64(r.userClass))
                row.set(2, int64: Int64(r.user))
                row.set(3, category: r.operation)
                row.set(4, category: r.outcome.rawValue)
                row.set(5, int64: r.cost.baseUnits)
                row.set(6, int64: r.burned.baseUnits)
                row.set(7, double: r.wait.seconds)
                row.set(8, double: r.service.seconds)
                row.set(9, int64: Int64(r.provider))
            }
        }
    }

    public func oracleRound(_ r: OracleRoundRow) {
        record { t in
            try t.oracle.appendRow { row in
                row.set(0, int64: r.time.ticks)
                row.set(1, int64: Int64(r.reports))
                row.set(2, int64: Int64(r.unavailable))
                row.set(3, int64: Int64(r.outliers))
                row.set(4, double: r.consensusPrice)
                row.set(5, double: r.supplyDemandRatio)
                row.set(6, double: r.multiplier)
                row.set(7, double: r.confidence)
            }
        }
    }

    public func alarm(_ r: AlarmRow) {
        record { t in
            try t.alarms.appendRow { row in
                row.set(0, int64: r.time.ticks)
                row.set(1, double: r.zScore)
                row.set(2, double: r.anomalyConsensus)
                row.set(3, double: r.price)
            }
        }
    }

    public func scaling(_ r: ScalingRow) {
        record { t in
            try t.scaling.appendRow { row in
                row.set(0, int64: r.time.ticks)
                row.set(1, category: r.action.rawValue)
                row.set(2, double: r.factor)
                row.set(3, double: r.velocity)
                row.set(4, double: r.demand)
                row.set(5, int64: Int64(r.capacityBefore))
                row.set(6, int64: Int64(r.capacityAfter))
            }
        }
    }

    public func governance(_ r: GovernanceRow) {
        record { t in
            try t.governance.appendRow { row in
                row.set(0, int64: r.time.ticks)
                row.set(1, int64: Int64(r.proposal))
                row.set(2, category: r.kind.rawValue)
                row.set(3, int64: r.yes.baseUnits)
                row.set(4, int64: r.no.baseUnits)
                row.set(5, int64: r.abstain.baseUnits)
            }
        }
    }

    /// Writes buffered rows of this replication's tables to the file.
    /// Writes buffered rows of this replication's tables to the file, and makes the file durable
    /// (`H5Fflush`) when ``TrajectoryFile/flushInterval`` has passed since the last time. Both under
    /// the file lock, so a flush never lands between two columns of another replication's table.
    public func flushTables() {
        record { t in
            try Self.fileLock.withLock {
                for table in t.all { try table.flush() }
                try file.flushFileIfDue()
            }
        }
    }

    /// Flushes, writes `/final` (accounts and staking positions at the end or at the stop) and
    /// the replication's attributes.
    ///
    /// - Throws: the first write error of the replication, or one from writing `/final`.
    public func finish(_ state: WorldFinalState, outcome: ReplicationOutcome) throws {
        flushTables()
        if let firstError { throw firstError }
        // Close the tables: their buffers are freed, so memory does not grow with replications.
        if let t = tables { try Self.fileLock.withLock { for table in t.all { try file.closeTable(table) } } }
        tables = nil
        try Self.fileLock.withLock {
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

/// The columns of the `/events/<kind>` tables.
public enum EventTables {
    static let gct = "base units (1e-9 GCT)"
    public static let executions: [TrajectoryColumn] = [
        .int64("time_us", units: "us", description: "arrival time of the request"),
        .int64("user_class", units: "index", description: "user class, in scenario order"),
        .int64("user", units: "account id", description: "the requesting user's ledger account"),
        .category("operation", categories: ComputeOperation.known.map(\.name), description: "the spec's operation type"),
        .category("outcome", categories: ExecutionRow.Outcome.allCases.map(\.name), description: "what happened to the request"),
        .int64("cost", units: gct, description: "tokens held (charged on completion, refunded on failure; the quote if balked)"),
        .int64("burned", units: gct, description: "tokens burned at completion"),
        .double("wait_s", units: "s", description: "queueing delay (start - arrival)"),
        .double("service_s", units: "s", description: "service time"),
        .int64("provider", units: "account id", description: "provider account that served it (-1 if none)"),
    ]
    public static let oracleRounds: [TrajectoryColumn] = [
        .int64("time_us", units: "us", description: "time of the round"),
        .int64("reports", units: "validators", description: "reports received"),
        .int64("unavailable", units: "validators", description: "validators that did not answer"),
        .int64("outliers", units: "validators", description: "outlier reports"),
        .double("consensus_price", units: "GCT per GPU-hour", description: "weighted-median GPU-hour price"),
        .double("supply_demand_ratio", units: "1", description: "consensus capacity / max(consensus demand, 1)"),
        .double("multiplier", units: "1", description: "market multiplier set by the round"),
        .double("confidence", units: "1", description: "consensus confidence score"),
    ]
    public static let alarms: [TrajectoryColumn] = [
        .int64("time_us", units: "us", description: "time of the alarm"),
        .double("z_score", units: "1", description: "|p - mean| / std over the 24 h window"),
        .double("anomaly_consensus", units: "1", description: "share of validator weight corroborating the move"),
        .double("price", units: "GCT per GPU-hour", description: "the consensus price judged"),
    ]
    public static let scaling: [TrajectoryColumn] = [
        .int64("time_us", units: "us", description: "time of the decision"),
        .category("action", categories: ScalingRow.Action.allCases.map(\.name), description: "controller action"),
        .double("factor", units: "1", description: "the rule's scale factor"),
        .double("velocity", units: "1/year", description: "annualized token velocity"),
        .double("demand", units: "requests", description: "pending demand (queued + running)"),
        .int64("capacity_before", units: "servers", description: "capacity before"),
        .int64("capacity_after", units: "servers", description: "capacity after (scale-up: once provisioned)"),
    ]
    public static let governance: [TrajectoryColumn] = [
        .int64("time_us", units: "us", description: "time of the step"),
        .int64("proposal", units: "index", description: "proposal, in scenario order"),
        .category("event", categories: GovernanceRow.Kind.allCases.map(\.name), description: "what happened"),
        .int64("yes", units: gct, description: "stake voting yes so far"),
        .int64("no", units: gct, description: "stake voting no so far"),
        .int64("abstain", units: gct, description: "stake abstaining so far"),
    ]
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
