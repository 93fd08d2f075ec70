import Foundation
import GCTEngine
import GCTTrajectory
import Testing
import _GCTTestSupport
@testable import GCTSweep

/// End-to-end sweeps of a tiny scenario, in process.
@Suite("sweeps: threads, shards, resume, CRN", .serialized)
struct SweepRunTests {
    static let yaml = """
        name: tiny
        seed: 11
        replications: 3
        duration: 20m
        metrics: {interval: 10m, sample_events: false}
        providers:
          servers: 2
          service_time: {default: {dist: exponential, mean: 2s}}
        users:
          - name: u
            count: 4
            arrival: {rate_per_s: 0.6}
            ops: {matrix_multiplication: 1}
            budget: "1_000"
        """

    func scenario(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("tiny.yaml").path
        try Self.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func sweep(_ file: String, vars: [String] = ["providers.servers=1,2,3", "users.0.arrival.rate_per_s=0.3,0.6"],
               seeding: SweepSeeding = .common) throws -> SweepScenario {
        try SweepScenario(
            file: file, overrides: [], variables: vars.map { try SweepVariable(parsing: $0) }, layout: .grid,
            replications: nil, seeding: seeding)
    }

    func rows(_ path: String) throws -> [[RecordValue]] {
        let f = try SweepFile.open(path: path, writable: false)
        defer { try? f.file.close() }
        return try f.rows.read(0..<f.rows.rowCount)
    }

    func same(_ a: [[RecordValue]], _ b: [[RecordValue]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in
            x.count == y.count && zip(x, y).allSatisfy { u, v in
                if case .double(let p) = u, case .double(let q) = v { return p.bitPattern == q.bitPattern }
                return u == v
            }
        }
    }

    @Test("rows in (point, replication) order, identical for 1 and 3 threads; /sweep_points has mean and CI")
    func threadsAndOrder() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try sweep(try scenario(in: dir))
        #expect(s.plan.pointCount == 6)
        let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
        _ = try SweepDriver.run(s, output: a, threads: 1, shard: nil, force: false, version: "test", stopFlag: nil)
        _ = try SweepDriver.run(s, output: b, threads: 3, shard: nil, force: false, version: "test", stopFlag: nil)
        let ra = try rows(a)
        #expect(ra.count == 18)
        let order: [[Int64]] = ra.map { [$0[0].int64Value ?? -1, $0[1].int64Value ?? -1] }
        let expected: [[Int64]] = (0..<18).map { (k: Int) -> [Int64] in [Int64(k / 3), Int64(k % 3)] }
        #expect(order == expected)
        #expect(same(ra, try rows(b)))
        let f = try SweepFile.open(path: a, writable: false)
        let points = try f.file.openDataset(SweepFile.pointsPath)
        #expect(points.rowCount == 6)
        let names = points.fields.map(\.name)
        #expect(names.contains("mean_wait_s_mean") && names.contains("mean_wait_s_ci_low"))
        // the mean of point 0 is the mean of its three rows
        let col = SweepFile.rowFields(f.identity).firstIndex { $0.name == "completed" }!
        let mean = ra[0..<3].map { $0[col].doubleValue }.reduce(0, +) / 3
        let p0 = try points.read(0..<1)[0]
        #expect(abs(p0[names.firstIndex(of: "completed_mean")!].doubleValue - mean) < 1e-9)
        try f.file.close()
        // the same command again: nothing to do; another sweep into the file: refused without --force
        #expect(try SweepDriver.run(s, output: a, threads: 2, shard: nil, force: false, version: "test", stopFlag: nil).status == "already complete")
        let other = try sweep(try scenario(in: dir), vars: ["providers.servers=1,2"])
        #expect(throws: SweepError.self) { try SweepDriver.run(other, output: a, threads: 1, shard: nil, force: false, version: "test", stopFlag: nil) }
    }

    @Test("shards 1/3, 2/3, 3/3 merged equal the unsharded rows; shards of another sweep are refused")
    func shardsMerge() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try scenario(in: dir)
        let s = try sweep(file)
        let whole = dir.appendingPathComponent("whole.h5").path
        _ = try SweepDriver.run(s, output: whole, threads: 2, shard: nil, force: false, version: "test", stopFlag: nil)
        var parts: [String] = []
        for i in 1...3 {
            let p = dir.appendingPathComponent("s\(i).h5").path
            _ = try SweepDriver.run(s, output: p, threads: 2, shard: try SweepShard(index: i, count: 3), force: false, version: "test", stopFlag: nil)
            parts.append(p)
        }
        let merged = dir.appendingPathComponent("merged.h5").path
        try SweepMerge.merge(parts.reversed(), output: merged, force: false)
        #expect(same(try rows(whole), try rows(merged)))
        let other = try sweep(file, vars: ["providers.servers=1,2,4", "users.0.arrival.rate_per_s=0.3,0.6"])
        let o = dir.appendingPathComponent("o3.h5").path
        _ = try SweepDriver.run(other, output: o, threads: 1, shard: try SweepShard(index: 3, count: 3), force: false, version: "test", stopFlag: nil)
        #expect(throws: SweepError.self) { try SweepMerge.merge([parts[0], parts[1], o], output: dir.appendingPathComponent("bad.h5").path, force: false) }
        #expect(throws: SweepError.self) { try SweepMerge.merge([parts[0], parts[1]], output: dir.appendingPathComponent("bad2.h5").path, force: false) }
    }

    @Test("a sweep stopped after a few runs resumes with the same call, skips finished runs, and equals an uninterrupted one")
    func resume() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try sweep(try scenario(in: dir))
        let whole = dir.appendingPathComponent("whole.h5").path, cut = dir.appendingPathComponent("cut.h5").path
        _ = try SweepDriver.run(s, output: whole, threads: 2, shard: nil, force: false, version: "test", stopFlag: nil)
        let stop = StopFlag()
        let first = try SweepDriver.run(s, output: cut, threads: 2, shard: nil, force: false, version: "test", stopFlag: stop) { p in
            if p.done >= 5 { stop.request() }
        }
        #expect(first.status == "interrupted" && first.ran >= 5 && first.ran < 18)
        #expect(!FileManager.default.fileExists(atPath: cut) && FileManager.default.fileExists(atPath: cut + ".partial"))
        let second = try SweepDriver.run(s, output: cut, threads: 3, shard: nil, force: false, version: "test", stopFlag: nil)
        #expect(second.status == "complete" && second.resumed == first.ran && second.ran == 18 - first.ran)
        #expect(same(try rows(whole), try rows(cut)))
    }

    @Test("CRN: replication r of two points with equal values has identical rows; independent seeds differ")
    func commonRandomNumbers() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try scenario(in: dir)
        for seeding in SweepSeeding.allCases {
            let s = try sweep(file, vars: ["providers.servers=2,2"], seeding: seeding)
            let out = dir.appendingPathComponent("\(seeding).h5").path
            _ = try SweepDriver.run(s, output: out, threads: 2, shard: nil, force: false, version: "test", stopFlag: nil)
            let r = try rows(out)
            let metrics = { (row: [RecordValue]) in Array(row.dropFirst(3)) }
            let pairsEqual = (0..<3).map { same([metrics(r[$0])], [metrics(r[3 + $0])]) }
            if seeding == .common {
                #expect(pairsEqual.allSatisfy { $0 })
            } else {
                #expect(!pairsEqual.contains(true))
            }
            // replications within a point differ (different streams)
            #expect(!same([metrics(r[0])], [metrics(r[1])]))
        }
    }

    @Test("a bad value at one point is an error naming the point, before anything runs")
    func badPoint() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = try scenario(in: dir)
        do {
            _ = try sweep(file, vars: ["providers.servers=2,0"])
            Issue.record("expected an error")
        } catch let e as SweepError {
            #expect(e.message.contains("sweep point 1 (providers.servers=0)"), "\(e.message)")
        }
    }
}
