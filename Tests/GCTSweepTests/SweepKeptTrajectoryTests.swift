import Foundation
import GCTEngine
import GCTTrajectory
import Testing
import _GCTTestSupport
@testable import GCTSweep

/// `--keep-trajectories`, end to end on the tiny scenario.
@Suite("sweeps: kept trajectories", .serialized)
struct SweepKeptTrajectoryTests {
    let runs = SweepRunTests()

    /// The error message of `body`, or nil when it does not throw.
    func failure(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? SweepError)?.message ?? "\(error)" }
    }

    @Test("--keep-trajectories: one complete file per run, the run's own scenario and replication; no overwrite without --force; resume keeps what is complete")
    func keptTrajectories() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-traj")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try runs.sweep(try runs.scenario(in: dir), vars: ["providers.servers=1,2"])
        let trajDir = dir.appendingPathComponent("runs").path
        let keep = SweepTrajectories(directory: trajDir, force: false, version: "test", gitCommit: "none")
        let out = dir.appendingPathComponent("s.h5").path
        let stop = StopFlag()
        let first = try SweepDriver.run(s, output: out, threads: 2, shard: nil, force: false, version: "test", trajectories: keep, stopFlag: stop) { p in
            if p.done >= 2 { stop.request() }
        }
        #expect(first.status == "interrupted")
        let second = try SweepDriver.run(s, output: out, threads: 2, shard: nil, force: false, version: "test", trajectories: keep, stopFlag: nil)
        #expect(second.status == "complete")
        let files = try FileManager.default.contentsOfDirectory(atPath: trajDir).sorted()
        #expect(files == (0..<2).flatMap { p in (0..<3).map { String(format: "point-%04d-rep-%04d.h5", p, $0) } }, "\(files)")
        for p in 0..<2 {
            for r in 0..<3 {
                let reader = try TrajectoryReader(path: keep.path(point: p, replication: r))
                let meta = try reader.attributes(at: "/meta")
                #expect(meta["status"]?.stringValue == "complete")
                #expect(meta["sweep_point"]?.int64Value == Int64(p) && meta["sweep_replication"]?.int64Value == Int64(r))
                #expect(meta["scenario_yaml"]?.stringValue?.contains("servers: \(p + 1)") == true)
                #expect(try reader.attributes(at: String(format: "/rep_%04d", r))["replication"]?.int64Value == Int64(r))
                #expect(keep.existing(point: p, replication: r, configuration: try s.configuration(ofPoint: p)) == .complete)
            }
        }
        // The timeseries of a kept run is there (one sample per 10 min over 20 min).
        let reader = try TrajectoryReader(path: keep.path(point: 1, replication: 2))
        let columns = try reader.objects().filter { $0.path.hasPrefix("/rep_0002/timeseries/") && $0.kind == .dataset }
        #expect(!columns.isEmpty && columns.allSatisfy { ($0.rowCount ?? 0) >= 2 }, "\(columns.map(\.path))")
        // Another sweep into the same directory is refused; with --force it replaces them.
        let other = try runs.sweep(try runs.scenario(in: dir), vars: ["providers.servers=3,4"])
        let refused = failure {
            _ = try SweepDriver.run(other, output: dir.appendingPathComponent("o.h5").path, threads: 1, shard: nil, force: false, version: "test",
                                    trajectories: keep, stopFlag: nil)
        }
        #expect(refused?.contains("refusing to overwrite") == true && refused?.contains("point-0000-rep-0000.h5") == true, "\(refused ?? "no error")")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.h5").path))
        let forced = SweepTrajectories(directory: trajDir, force: true, version: "test", gitCommit: "none")
        _ = try SweepDriver.run(other, output: dir.appendingPathComponent("o.h5").path, threads: 2, shard: nil, force: true, version: "test",
                                trajectories: forced, stopFlag: nil)
        #expect(forced.existing(point: 0, replication: 0, configuration: try other.configuration(ofPoint: 0)) == .complete)
    }
}
