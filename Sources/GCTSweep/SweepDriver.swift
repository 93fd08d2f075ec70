import Foundation
import GCTEngine
import GCTTrajectory

/// Progress of a running sweep.
public struct SweepProgress: Sendable {
    public var done: Int
    public var total: Int
    public var elapsed: Double
    /// The point whose runs took longest so far, and its mean wall seconds per run.
    public var slowestPoint: Int?
    public var slowestSeconds: Double
    /// Estimated seconds left.
    public var eta: Double { done > 0 ? elapsed / Double(done) * Double(total - done) : .nan }
}

/// How a sweep ended.
public struct SweepOutcome: Sendable {
    /// `complete`, `interrupted` or `already complete`.
    public var status: String
    public var path: String
    /// Runs of this shard (or sweep) in all.
    public var runs: Int
    /// Runs found finished in the file on start (skipped).
    public var resumed: Int
    /// Runs done by this invocation.
    public var ran: Int
    public var wallSeconds: Double
}

/// Runs a sweep into its file: creates it under a temporary name (`PATH.partial`), resumes one left by
/// an interrupted run of the same sweep, writes rows in run order, and renames it to `PATH` when complete.
public enum SweepDriver {
    public static func partialPath(_ path: String) -> String { path + ".partial" }

    public static func run(
        _ sweep: SweepScenario, output: String, threads: Int, shard: SweepShard?, force: Bool, version: String,
        trajectories: SweepTrajectories? = nil,
        stopFlag: StopFlag? = StopFlag.process, progress: ((SweepProgress) -> Void)? = nil
    ) throws -> SweepOutcome {
        let started = Date()
        let identity = sweep.identity
        let plan = sweep.plan
        let runs = plan.runs(shard: shard)
        let fm = FileManager.default
        let temp = partialPath(output)
        func describe(_ s: SweepShard?) -> String { s.map { "shard \($0)" } ?? "the whole sweep" }
        if fm.fileExists(atPath: output) {
            var problem: String?
            do {
                let existing = try SweepFile.open(path: output, writable: false)
                let d = existing.identity.differences(from: identity)
                if !d.isEmpty { problem = "it holds another sweep (\(d.joined(separator: "; ")))" }
                else if existing.shard != shard { problem = "it holds \(describe(existing.shard)), not \(describe(shard))" }
                else if existing.status == "complete", !force {
                    return SweepOutcome(status: "already complete", path: output, runs: runs.count, resumed: runs.count, ran: 0, wallSeconds: 0)
                }
                try existing.file.close()
            } catch let e as SweepError {
                problem = e.message
            } catch {
                problem = "it is not a sweep file (\(error))"
            }
            if let problem, !force {
                throw SweepError("refusing to overwrite \(output): \(problem); use --force to replace it, or --output PATH")
            }
            try fm.removeItem(atPath: output)
        }
        var file: SweepFile?
        if fm.fileExists(atPath: temp) {
            do {
                let existing = try SweepFile.open(path: temp, writable: true)
                let d = existing.identity.differences(from: identity)
                if d.isEmpty && existing.shard == shard {
                    file = existing
                } else {
                    try existing.file.close()
                    if !force {
                        throw SweepError("\(temp) is an unfinished run of another sweep (\(d.isEmpty ? "\(describe(existing.shard)), not \(describe(shard))" : d.joined(separator: "; "))); use --force to discard it")
                    }
                }
            } catch let e as SweepError {
                throw e
            } catch {
                if !force { throw SweepError("cannot resume from \(temp): \(error); use --force to start again") }
            }
            if file == nil { try fm.removeItem(atPath: temp) }
        }
        let out = try file ?? SweepFile.create(path: temp, identity: identity, scenarioYAML: sweep.base.canonicalYAML, shard: shard, version: version)
        let resumed = try out.validPrefix(runs: runs, plan: plan)
        try out.rows.truncate(to: resumed)
        try out.file.flush()

        let remaining = Array(runs[resumed...])
        // Every trajectory this invocation would write is checked before the first run.
        try trajectories?.prepare(remaining, sweep: sweep)
        var lastFlush = Date()
        var wallByPoint: [Int: (Double, Int)] = [:]
        var slowest: (Int, Double)?
        let delivered: Int
        do {
            delivered = try SweepExecutor.run(
                count: remaining.count, threads: threads, stopFlag: stopFlag,
                work: { i in try sweep.run(remaining[i], stopFlag: stopFlag, trajectories: trajectories) },
                isStopped: { $0.stopped },
                deliver: { i, result in
                    try out.rows.append([SweepFile.row(result, identity: identity, plan: plan)])
                    if Date().timeIntervalSince(lastFlush) > 0.2 || i == remaining.count - 1 {
                        try out.file.flush()
                        lastFlush = Date()
                    }
                    let (sum, n) = wallByPoint[result.point] ?? (0, 0)
                    wallByPoint[result.point] = (sum + result.wallSeconds, n + 1)
                    let mean = (sum + result.wallSeconds) / Double(n + 1)
                    if slowest == nil || mean > slowest!.1 { slowest = (result.point, mean) }
                    if result.replication == plan.replications - 1 { wallByPoint[result.point] = nil }
                    progress?(SweepProgress(
                        done: resumed + i + 1, total: runs.count, elapsed: Date().timeIntervalSince(started),
                        slowestPoint: slowest?.0, slowestSeconds: slowest?.1 ?? 0))
                })
        } catch {
            try? out.file.flush()
            try? out.close(status: .failed)
            throw error
        }
        let complete = resumed + delivered == runs.count
        let wall = Date().timeIntervalSince(started)
        let provenance = try out.file.group("/provenance")
        try provenance.setAttribute("threads", Int64(threads))
        try provenance.setAttribute("wall_clock_seconds", wall)
        try provenance.setAttribute("resumed_runs", Int64(resumed))
        try provenance.setAttribute("host", ProcessInfo.processInfo.hostName)
        try provenance.setAttribute("finished_utc", ISO8601DateFormatter().string(from: Date()))
        if complete {
            try out.file.group("/meta").setAttribute("completed_runs", Int64(runs.count))
            if shard == nil { try out.writePointAggregates(plan: plan) }
            try out.close(status: .complete)
            if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
            try fm.moveItem(atPath: temp, toPath: output)
        } else {
            try out.close(status: .interrupted)
        }
        return SweepOutcome(
            status: complete ? "complete" : "interrupted", path: complete ? output : temp, runs: runs.count,
            resumed: resumed, ran: delivered, wallSeconds: wall)
    }
}

/// `gctsim merge`: shard files of one sweep into the file the unsharded sweep writes.
public enum SweepMerge {
    public static func merge(_ paths: [String], output: String, force: Bool) throws {
        guard !paths.isEmpty else { throw SweepError("merge needs shard files") }
        var files: [SweepFile] = []
        for p in paths {
            do { files.append(try SweepFile.open(path: p, writable: false)) } catch let e as SweepError { throw e } catch {
                throw SweepError("cannot read \(p): \(error)")
            }
        }
        let first = files[0]
        for (i, f) in files.enumerated().dropFirst() {
            let d = f.identity.differences(from: first.identity)
            if !d.isEmpty {
                throw SweepError("\(paths[i]) is from another sweep than \(paths[0]): \(d.joined(separator: "; "))")
            }
        }
        let count = first.shard?.count ?? 1
        var byIndex: [Int: Int] = [:]
        for (i, f) in files.enumerated() {
            guard f.status == "complete" else { throw SweepError("\(paths[i]) is not complete (status \(f.status)); finish it first (run the same command again)") }
            let s = try f.shard ?? SweepShard(index: 1, count: 1)
            guard s.count == count else { throw SweepError("\(paths[i]) is shard \(s) but \(paths[0]) is one of \(count)") }
            if let j = byIndex[s.index] { throw SweepError("\(paths[j]) and \(paths[i]) are both shard \(s)") }
            byIndex[s.index] = i
        }
        let missing = (1...count).filter { byIndex[$0] == nil }
        guard missing.isEmpty else { throw SweepError("shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing") }
        let identity = first.identity
        let plan = try SweepPlan(variables: identity.variables, layout: identity.layout, replications: identity.replications)
        for s in 1...count {
            let f = files[byIndex[s]!]
            let expected = (try SweepShard(index: s, count: count)).runs(of: plan.runCount).count
            guard f.rows.rowCount == expected else {
                throw SweepError("\(f.file.path) holds \(f.rows.rowCount) rows, shard \(s)/\(count) has \(expected) runs")
            }
        }
        let fm = FileManager.default
        if fm.fileExists(atPath: output), !force {
            throw SweepError("refusing to overwrite \(output); use --force to replace it")
        }
        let meta = try first.file.attributes(of: "/meta")
        let temp = SweepDriver.partialPath(output)
        let out = try SweepFile.create(
            path: temp, identity: identity, scenarioYAML: meta["scenario_yaml"]?.stringValue ?? "", shard: nil,
            version: meta["gctsim_version"]?.stringValue ?? "")
        var buffers = [[[RecordValue]]](repeating: [], count: count + 1)
        var read = [Int](repeating: 0, count: count + 1)
        var batch: [[RecordValue]] = []
        for k in 0..<plan.runCount {
            let s = k % count + 1
            let f = files[byIndex[s]!]
            if buffers[s].isEmpty {
                buffers[s] = Array(try f.rows.read(read[s]..<min(f.rows.rowCount, read[s] + 1024)).reversed())
                read[s] += buffers[s].count
            }
            batch.append(buffers[s].removeLast())
            if batch.count == 1024 {
                try out.rows.append(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        try out.rows.append(batch)
        try out.file.group("/meta").setAttribute("completed_runs", Int64(plan.runCount))
        try out.writePointAggregates(plan: plan)
        try out.file.group("/provenance").setAttribute("merged_from", .strings(paths))
        try out.close(status: .complete)
        for f in files { try f.file.close() }
        if fm.fileExists(atPath: output) { try fm.removeItem(atPath: output) }
        try fm.moveItem(atPath: temp, toPath: output)
    }
}
