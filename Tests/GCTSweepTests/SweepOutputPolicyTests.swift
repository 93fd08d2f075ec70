import Foundation
import GCTTrajectory
import Testing
import _GCTTestSupport
@testable import GCTSweep

/// Issue 19: `sweep --output`, `merge --output` and `--keep-trajectories` follow the policy of every
/// output (``OutputFile``): an existing file only with `--force`, and never — even with `--force` — a
/// symbolic link (nor its target), a directory (nor what it holds) or a device/fifo.
@Suite("sweeps: outputs never replace a link, directory or device", .serialized)
struct SweepOutputPolicyTests {
    let runs = SweepRunTests()

    func failure(_ body: () throws -> Void) -> String? {
        do { try body(); return nil } catch { return (error as? SweepError)?.message ?? "\(error)" }
    }

    /// A symbolic link to a file, a directory holding a file, and a fifo, in `dir`; and a check that all three are untouched.
    func targets(in dir: URL) throws -> (targets: [(String, String)], untouched: () -> Bool) {
        let fm = FileManager.default
        let real = dir.appendingPathComponent("real.txt").path
        try "keep me".write(toFile: real, atomically: false, encoding: .utf8)
        let link = dir.appendingPathComponent("link.h5").path
        try fm.createSymbolicLink(atPath: link, withDestinationPath: real)
        let folder = dir.appendingPathComponent("folder.h5").path
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try "precious".write(toFile: folder + "/keep.txt", atomically: false, encoding: .utf8)
        let fifo = dir.appendingPathComponent("fifo.h5").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let untouched = {
            var info = stat()
            let linkOK = lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
            let fifoOK = lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
            return linkOK && fifoOK && (try? String(contentsOfFile: real, encoding: .utf8)) == "keep me"
                && (try? String(contentsOfFile: folder + "/keep.txt", encoding: .utf8)) == "precious"
        }
        return ([(link, "symbolic link"), (folder, "is a directory"), (fifo, "not a regular file")], untouched)
    }

    @Test("sweep --output PATH --force: a link, a directory with a file, a fifo at PATH (or PATH.partial) are refused and left as they were")
    func sweepOutput() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-policy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try runs.sweep(try runs.scenario(in: dir), vars: ["providers.servers=1,2"])
        let (targets, untouched) = try targets(in: dir)
        for (path, why) in targets {
            let message = failure { _ = try SweepDriver.run(s, output: path, threads: 1, shard: nil, force: true, version: "test", stopFlag: nil) }
            #expect(message?.contains(why) == true && message?.contains(path) == true, "\(message ?? "no error")")
        }
        // The temporary PATH.partial is never a link either.
        let out = dir.appendingPathComponent("s.h5").path
        try FileManager.default.createSymbolicLink(atPath: out + ".partial", withDestinationPath: dir.appendingPathComponent("real.txt").path)
        let partial = failure { _ = try SweepDriver.run(s, output: out, threads: 1, shard: nil, force: true, version: "test", stopFlag: nil) }
        #expect(partial?.contains("symbolic link") == true, "\(partial ?? "no error")")
        #expect(untouched())
        // A regular file: refused without --force, replaced with it.
        try FileManager.default.removeItem(atPath: out + ".partial")
        try "old".write(toFile: out, atomically: false, encoding: .utf8)
        #expect(failure { _ = try SweepDriver.run(s, output: out, threads: 1, shard: nil, force: false, version: "test", stopFlag: nil) }?.contains("--force") == true)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
        #expect(try SweepDriver.run(s, output: out, threads: 1, shard: nil, force: true, version: "test", stopFlag: nil).status == "complete")
        #expect(try SweepFile.open(path: out, writable: false).status == "complete")
    }

    @Test("merge --output PATH: an existing file only with --force; a link, a directory with a file, a fifo never")
    func mergeOutput() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-policy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try runs.sweep(try runs.scenario(in: dir), vars: ["providers.servers=1,2"])
        var parts: [String] = []
        for i in 1...2 {
            let p = dir.appendingPathComponent("part\(i).h5").path
            _ = try SweepDriver.run(s, output: p, threads: 1, shard: try SweepShard(index: i, count: 2), force: false, version: "test", stopFlag: nil)
            parts.append(p)
        }
        let (targets, untouched) = try targets(in: dir)
        for (path, why) in targets {
            let message = failure { try SweepMerge.merge(parts, output: path, force: true) }
            #expect(message?.contains(why) == true && message?.contains(path) == true, "\(message ?? "no error")")
        }
        #expect(untouched())
        let out = dir.appendingPathComponent("merged.h5").path
        try "old".write(toFile: out, atomically: false, encoding: .utf8)
        let refused = failure { try SweepMerge.merge(parts, output: out, force: false) }
        #expect(refused?.contains("already exists (use --force") == true, "\(refused ?? "no error")")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "old")
        try SweepMerge.merge(parts, output: out, force: true)
        #expect(try SweepFile.open(path: out, writable: false).status == "complete")
    }

    @Test("--keep-trajectories DIR --force: a link, a directory with a file, a fifo at a run's path are refused and left as they were")
    func keptTrajectories() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweep-policy")
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try runs.sweep(try runs.scenario(in: dir), vars: ["providers.servers=1,2"])
        let (targets, untouched) = try targets(in: dir)
        for (n, (path, why)) in targets.enumerated() {
            let runs = dir.appendingPathComponent("runs\(n)").path
            try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: false)
            let keep = SweepTrajectories(directory: runs, force: true, version: "test", gitCommit: "none")
            try FileManager.default.moveItem(atPath: path, toPath: keep.path(point: 1, replication: 2))
            let message = failure {
                _ = try SweepDriver.run(s, output: dir.appendingPathComponent("s\(n).h5").path, threads: 1, shard: nil, force: true,
                                        version: "test", trajectories: keep, stopFlag: nil)
            }
            #expect(message?.contains(why) == true && message?.contains("point-0001-rep-0002.h5") == true, "\(message ?? "no error")")
            try FileManager.default.moveItem(atPath: keep.path(point: 1, replication: 2), toPath: path)
        }
        #expect(untouched())
    }
}
