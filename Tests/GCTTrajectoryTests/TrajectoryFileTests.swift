import Foundation
import Testing
@testable import GCTTrajectory

@Suite("Trajectory file: creation, errors, attributes, status")
struct TrajectoryFileTests {
    @Test("create refuses an existing file unless overwrite is set, and overwrite replaces the content")
    func createOverwrite() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("run.h5")
        let first = try TrajectoryFile.create(path: path, overwrite: false)
        _ = try first.group("/only_in_first")
        try first.close(status: .complete)

        #expect(throws: TrajectoryError.exists(path: path)) { try TrajectoryFile.create(path: path, overwrite: false) }
        #expect(TrajectoryError.exists(path: path).description.contains(path))

        let second = try TrajectoryFile.create(path: path, overwrite: true)
        try second.close(status: .complete)
        let paths = try TrajectoryReader(path: path).objects().map(\.path)
        #expect(!paths.contains("/only_in_first"))
        #expect(paths.contains("/meta") && paths.contains("/provenance"))
    }

    @Test("a missing directory or a directory at the path gives cannotCreate naming the path, on one line")
    func cannotCreate() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let missing = scratch.path("no/such/dir/run.h5")
        do {
            _ = try TrajectoryFile.create(path: missing, overwrite: false)
            Issue.record("expected an error")
        } catch let error as TrajectoryError {
            guard case .cannotCreate(let path, let reason) = error else { Issue.record("got \(error)"); return }
            #expect(path == missing)
            #expect(reason.contains("does not exist"))
            #expect(error.description.hasPrefix("cannot create \(missing): "))
            #expect(!error.description.contains("\n"))
        }
        let directory = scratch.path("adir")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        #expect(throws: TrajectoryError.cannotCreate(path: directory, reason: "it is a directory")) {
            try TrajectoryFile.create(path: directory, overwrite: true)
        }
    }

    @Test("attributes of every kind round-trip through the reader; a rewrite may change the type")
    func attributesRoundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("attrs.h5")
        let yaml = "name: baseline\nseed: 42\nnote: \"µ-GCT — ünïcode\"\n" + String(repeating: "x", count: 100_000)
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        let group = try file.group("/rep_0001/timeseries")
        let values: [String: AttributeValue] = [
            "yaml": .string(yaml), "empty": .string(""), "neg": .int64(-9_223_372_036_854_775_807),
            "seed": .uint64(UInt64.max), "resolution": .double(1e-6), "names": .strings(["a", "β", ""]),
            "ints": .int64s([1, -2, 3]), "reals": .doubles([0.5, -1.25]), "unsigned": .uint64s([0, UInt64.max]),
            "no_ints": .int64s([]),
        ]
        for (name, value) in values { try group.setAttribute(name, value) }
        try group.setAttribute("changes", 5)
        try group.setAttribute("changes", "now a string")
        #expect(try group.attribute("changes") == .string("now a string"))
        #expect(try group.attribute("absent") == nil)
        try file.close(status: .complete)

        let reader = try TrajectoryReader(path: path)
        var expected = values
        expected["changes"] = .string("now a string")
        #expect(try reader.attributes(at: "/rep_0001/timeseries") == expected)
        // Intermediate groups exist too.
        #expect(try reader.objects().contains { $0.path == "/rep_0001" && $0.kind == .group })
        #expect(try reader.attribute("format_version", at: "/meta") == .int64(TrajectoryFormat.version))
    }

    @Test("status is running while open and rewritten by close", arguments: [
        TrajectoryStatus.complete, .interrupted, .failed,
    ])
    func statusRewrite(final: TrajectoryStatus) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("status.h5")
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        #expect(try file.meta.attribute("status") == .string("running"))
        try file.close(status: final)
        #expect(try TrajectoryReader(path: path).attribute("status", at: "/meta") == .string(final.rawValue))
        #expect(throws: TrajectoryError.closed(path: path)) { try file.close(status: .complete) }
        #expect(throws: TrajectoryError.closed(path: path)) { try file.group("/later") }
    }

    @Test("a file abandoned after flush says running and holds the flushed rows")
    func abandonedFileSaysRunning() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("live.h5")
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        let table = try file.makeTable(at: "/rep_0000/timeseries", columns: [
            .int64("time_us", units: "us", description: "t"),
        ], chunkRows: 100)
        for i in 0..<1_050 { try table.appendRow { $0.set(0, int64: Int64(i)) } }
        try file.flush()
        // Rows after the last flush are in memory only; a crash loses them.
        for i in 1_050..<1_075 { try table.appendRow { $0.set(0, int64: Int64(i)) } }
        // The bytes on disk now are what a killed process leaves behind.
        let snapshot = scratch.path("snapshot.h5")
        try FileManager.default.copyItem(atPath: path, toPath: snapshot)
        let reader = try TrajectoryReader(path: snapshot)
        #expect(try reader.attribute("status", at: "/meta") == .string("running"))
        #expect(try reader.dataset(at: "/rep_0000/timeseries/time_us").shape == [1_050])
        #expect(try reader.lastValue(at: "/rep_0000/timeseries/time_us") == .int64(1_049))
        // h5dump (another process) reads the live file too when HDF5 file locking is off.
        let dump = try runTool("/usr/bin/h5dump", ["-a", "/meta/status", path], environment: ["HDF5_USE_FILE_LOCKING": "FALSE"])
        #expect(dump.status == 0)
        #expect(dump.stdout.contains("\"running\""))
        try file.close(status: .complete)
        #expect(try TrajectoryReader(path: path).dataset(at: "/rep_0000/timeseries/time_us").shape == [1_075])
    }

    @Test("two identical runs differ only under /provenance (h5diff)")
    func determinismWithH5diff() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let a = scratch.path("a.h5"), b = scratch.path("b.h5"), c = scratch.path("c.h5")
        _ = try writeSmallTrajectory(to: a, provenanceHost: "host-a")
        _ = try writeSmallTrajectory(to: b, provenanceHost: "host-b")
        _ = try writeSmallTrajectory(to: c, provenanceHost: "host-a", perturb: true)

        // No object carries a time stamp (object time tracking is off for the root, groups, datasets).
        let reader = try TrajectoryReader(path: a)
        let paths = try reader.objects().map(\.path)
        #expect(paths.count == 14)  // 8 groups (root, meta, provenance, rep_0000, timeseries, events, executions, final) + 6 datasets
        for path in paths {
            #expect(try HDF5Call.modificationTime(reader.file, path) == 0, "\(path) has a time stamp")
        }

        let same = try runTool("/usr/bin/h5diff", ["--exclude-path", "/provenance", a, b])
        #expect(same.status == 0, "h5diff: \(same.stdout) \(same.stderr)")
        #expect(same.stdout.isEmpty && same.stderr.isEmpty)
        // The check can fail: provenance differs, and a changed value is found.
        let withProvenance = try runTool("/usr/bin/h5diff", [a, b])
        #expect(withProvenance.status == 1)
        let perturbed = try runTool("/usr/bin/h5diff", ["--exclude-path", "/provenance", a, c])
        #expect(perturbed.status == 1)
    }
}
