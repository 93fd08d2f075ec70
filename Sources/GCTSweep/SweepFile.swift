import Foundation
import GCTEngine
import GCTTrajectory

/// The HDF5 file of a sweep (docs/trajectory-format.md, "Sweep files"):
/// `/sweep` one row per run in (point, replication) order, `/sweep_points` per-point mean and 95 % CI,
/// `/meta` the sweep's identity, `/provenance` threads and wall clocks.
public final class SweepFile {
    public static let rowsPath = "/sweep"
    public static let pointsPath = "/sweep_points"
    public let file: RecordFile
    public let rows: RecordDataset
    public let identity: SweepIdentity
    /// The shard this file holds, nil for a whole sweep.
    public let shard: SweepShard?

    init(file: RecordFile, rows: RecordDataset, identity: SweepIdentity, shard: SweepShard?) {
        self.file = file
        self.rows = rows
        self.identity = identity
        self.shard = shard
    }

    // MARK: Schema

    /// The `/sweep` fields: point, replication, one per var (float64, or a string for non-numeric
    /// values), status (0 ok, 1 invariant violation), then the metrics.
    public static func rowFields(_ identity: SweepIdentity) -> [RecordField] {
        [RecordField("point", .int64), RecordField("replication", .int64)]
            + varFields(identity) + [RecordField("status", .int64)]
            + identity.metricNames.map { RecordField($0, .double) }
    }

    static func varFields(_ identity: SweepIdentity) -> [RecordField] {
        identity.variables.map { v in
            RecordField(v.key, v.isNumeric ? .double : .string(max(v.values.map(\.utf8.count).max() ?? 1, 1)))
        }
    }

    static func varValues(_ identity: SweepIdentity, point p: Int, plan: SweepPlan) -> [RecordValue] {
        zip(identity.variables, plan.values(ofPoint: p)).map { v, text in
            v.isNumeric ? .double(Double(text.replacingOccurrences(of: "_", with: "")) ?? .nan) : .string(text)
        }
    }

    public static func pointFields(_ identity: SweepIdentity) -> [RecordField] {
        var f = [RecordField("point", .int64)] + varFields(identity) + [RecordField("n", .int64), RecordField("violations", .int64)]
        for m in identity.metricNames {
            f += [RecordField("\(m)_mean", .double), RecordField("\(m)_ci_low", .double), RecordField("\(m)_ci_high", .double)]
        }
        return f
    }

    public static func row(_ result: SweepRunResult, identity: SweepIdentity, plan: SweepPlan) -> [RecordValue] {
        [.int64(Int64(result.point)), .int64(Int64(result.replication))] + varValues(identity, point: result.point, plan: plan)
            + [.int64(result.violated ? 1 : 0)] + result.metrics.map { .double($0) }
    }

    // MARK: Create, open

    /// Creates `path` with the identity in `/meta` and an empty `/sweep`.
    public static func create(path: String, identity: SweepIdentity, scenarioYAML: String, shard: SweepShard?, version: String) throws -> SweepFile {
        let file = try RecordFile.create(path: path, overwrite: true)
        let meta = try file.group("/meta")
        try meta.setAttribute("kind", "sweep")
        try meta.setAttribute("scenario_name", identity.scenarioName)
        try meta.setAttribute("scenario_hash", identity.scenarioHash)
        try meta.setAttribute("scenario_yaml", scenarioYAML)
        try meta.setAttribute("seed", identity.seed)
        try meta.setAttribute("replications", Int64(identity.replications))
        try meta.setAttribute("layout", identity.layout.rawValue)
        try meta.setAttribute("seeding", identity.seeding.rawValue)
        try meta.setAttribute("vars", .strings(identity.variables.map(\.key)))
        for (i, v) in identity.variables.enumerated() { try meta.setAttribute("var_\(i)_values", .strings(v.values)) }
        try meta.setAttribute("points_hash", identity.pointsHash)
        try meta.setAttribute("metrics", .strings(identity.metricNames))
        try meta.setAttribute("sweep_hash", identity.hashHex)
        try meta.setAttribute("gctsim_version", version)
        if let shard {
            try meta.setAttribute("shard_index", Int64(shard.index))
            try meta.setAttribute("shard_count", Int64(shard.count))
        }
        let rows = try file.createDataset(rowsPath, fields: rowFields(identity))
        try file.flush()
        return SweepFile(file: file, rows: rows, identity: identity, shard: shard)
    }

    /// Opens an existing sweep file (to append when `writable`) and reads its identity.
    /// - Throws: `SweepError` when it is not a sweep file.
    public static func open(path: String, writable: Bool) throws -> SweepFile {
        let file = try RecordFile.open(path: path, writable: writable)
        let meta = try file.attributes(of: "/meta")
        guard meta["kind"]?.stringValue == "sweep" else { throw SweepError("\(path) is not a sweep file (no /meta kind = sweep)") }
        func string(_ k: String) throws -> String {
            guard let s = meta[k]?.stringValue else { throw SweepError("\(path): /meta lacks \(k)") }
            return s
        }
        func strings(_ k: String) throws -> [String] {
            guard case .strings(let s)? = meta[k] else { throw SweepError("\(path): /meta lacks \(k)") }
            return s
        }
        let keys = try strings("vars")
        var variables: [SweepVariable] = []
        for (i, k) in keys.enumerated() { variables.append(SweepVariable(key: k, values: try strings("var_\(i)_values"))) }
        guard case .uint64(let seed)? = meta["seed"], let reps = meta["replications"]?.int64Value,
              let layout = SweepLayout(rawValue: try string("layout")), let seeding = SweepSeeding(rawValue: try string("seeding"))
        else { throw SweepError("\(path): /meta lacks seed, replications, layout or seeding") }
        let identity = SweepIdentity(
            scenarioName: try string("scenario_name"), scenarioHash: try string("scenario_hash"), seed: seed,
            replications: Int(reps), layout: layout, seeding: seeding, variables: variables,
            pointsHash: try string("points_hash"), metricNames: try strings("metrics"))
        var shard: SweepShard?
        if let i = meta["shard_index"]?.int64Value, let n = meta["shard_count"]?.int64Value {
            shard = try SweepShard(index: Int(i), count: Int(n))
        }
        let rows = try file.openDataset(rowsPath)
        return SweepFile(file: file, rows: rows, identity: identity, shard: shard)
    }

    public var status: String { (try? file.attributes(of: "/meta")["status"]?.stringValue) ?? nil ?? "?" }

    /// The number of leading rows that are the expected runs `runs[0..<n]` in order; a tail written
    /// when the writer was killed (or rows of fill value) is not counted.
    public func validPrefix(runs: [Int], plan: SweepPlan) throws -> Int {
        var n = 0
        let block = 1024
        while n < rows.rowCount {
            let chunk = try rows.read(n..<min(rows.rowCount, n + block))
            for row in chunk {
                guard n < runs.count else { return n }
                let (p, r) = plan.run(runs[n])
                guard row[0] == .int64(Int64(p)), row[1] == .int64(Int64(r)) else { return n }
                n += 1
            }
        }
        return n
    }

    // MARK: Aggregates

    /// Writes `/sweep_points`: for each point, the mean and 95 % Student-t CI of each metric over its
    /// replications (rows of one point are contiguous in a whole sweep). Reads one point at a time.
    public func writePointAggregates(plan: SweepPlan) throws {
        let points = try file.createDataset(Self.pointsPath, fields: Self.pointFields(identity), chunkRows: 256)
        let r = identity.replications
        let firstMetric = 2 + identity.variables.count + 1
        var batch: [[RecordValue]] = []
        for p in 0..<plan.pointCount {
            let block = try rows.read((p * r)..<min(rows.rowCount, (p + 1) * r))
            var row: [RecordValue] = [.int64(Int64(p))] + Self.varValues(identity, point: p, plan: plan)
            row.append(.int64(Int64(block.count)))
            row.append(.int64(Int64(block.filter { $0[firstMetric - 1] == .int64(1) }.count)))
            for m in identity.metricNames.indices {
                let values = block.map { $0[firstMetric + m].doubleValue }
                let mean = values.isEmpty ? Double.nan : values.reduce(0, +) / Double(values.count)
                if let ci = ConfidenceInterval(observations: values) {
                    row += [.double(mean), .double(ci.lower), .double(ci.upper)]
                } else {
                    row += [.double(mean), .double(.nan), .double(.nan)]
                }
            }
            batch.append(row)
            if batch.count == 256 {
                try points.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try points.append(batch)
    }

    public func close(status: TrajectoryStatus) throws { try file.close(status: status) }
}
