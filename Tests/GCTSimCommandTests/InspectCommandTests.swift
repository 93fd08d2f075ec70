import Foundation
import Testing
import _GCTTestSupport

/// Runs the built `gctsim` binary (`.build/debug/gctsim`, built by `swift build --build-tests`).
private func gctsim(_ arguments: [String]) throws -> (status: Int32, signal: Bool, stdout: String, stderr: String) {
    let r = try GCTTestSupport.run(arguments)
    return (r.status, r.signalled, r.stdout, r.stderr)
}

private func scratchDirectory() throws -> URL { try GCTTestSupport.scratchDirectory("gct-inspect") }

@Suite("gctsim inspect")
struct InspectCommandTests {
    @Test("the text summary shows status, meta, datasets with dtype and shape, time spans and last values")
    func textSummary() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sample.h5").path
        let write = try gctsim(["_write-sample-trajectory", path, "--rows", "100"])
        #expect(write.status == 0, "\(write.stderr)")
        let result = try gctsim(["inspect", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("status:  complete"))
        #expect(lines.contains { $0.hasPrefix("  scenario_yaml") && $0.contains("(5 lines, 46 bytes)") })
        // time_s row i is 60·i s: rows 0..99 span 0 .. 5940 s.
        #expect(lines.contains("  /rep_0000/timeseries/time_s: 0.0 .. 5940.0 s (100 rows)"))
        // queue_length row 99 of replication 1 is (99·7 + 1) mod 13 = 694 mod 13 = 5.
        #expect(lines.contains { $0.contains("/rep_0001/timeseries/queue_length") && $0.hasSuffix("int64[100]  jobs  last=5") })
        // status row 99: 99 mod 9 = 0 ≠ 4, so code 0 = completed.
        #expect(lines.contains { $0.contains("/rep_0000/events/executions/status") && $0.hasSuffix("enum(uint8)[100]  last=0 (completed)") })
    }

    @Test("--json is sorted-key JSON with the same facts")
    func json() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("sample.h5").path
        #expect(try gctsim(["_write-sample-trajectory", path, "--rows", "50"]).status == 0)
        let result = try gctsim(["inspect", path, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "complete")
        let meta = try #require(object["meta"] as? [String: Any])
        #expect(meta["seed"] as? Int == 42)
        #expect(meta["events_processed"] as? Int == 200)  // 2 replications × 50 rows × 2 tables
        let datasets = try #require(object["datasets"] as? [[String: Any]])
        let price = try #require(datasets.first { $0["path"] as? String == "/rep_0000/timeseries/price" })
        #expect(price["shape"] as? [Int] == [50])
        #expect(price["dtype"] as? String == "float64")
        // Top-level keys appear in sorted order.
        let keys = ["datasets", "file", "groups", "meta", "provenance", "status", "time_spans"]
        let offsets = keys.map { result.stdout.range(of: "\n  \"\($0)\" :")?.lowerBound }
        #expect(offsets.allSatisfy { $0 != nil })
        #expect(offsets.compactMap { $0 } == offsets.compactMap { $0 }.sorted())
    }

    @Test("a missing or non-HDF5 file: one line on stderr, nothing on stdout, non-zero exit", arguments: [
        "missing", "text",
    ])
    func errors(kind: String) throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("file.h5").path
        if kind == "text" { try "hello".write(toFile: path, atomically: true, encoding: .utf8) }
        let result = try gctsim(["inspect", path])
        #expect(result.status != 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasSuffix("\n"))
        #expect(result.stderr.dropLast().split(separator: "\n").count == 1)
        #expect(result.stderr.contains(path))
    }

    @Test("a writer killed after a flush leaves a file that says running, with the flushed rows")
    func killedWriter() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("killed.h5").path
        let write = try gctsim(["_write-sample-trajectory", path, "--rows", "100", "--abandon-after-flush"])
        #expect(write.signal && write.status == SIGKILL)
        let result = try gctsim(["inspect", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["status"] as? String == "running")
        // The flush happened after row 50 (rows 0...50) of replication 0: 51 rows, the last at 50·60 s.
        let datasets = try #require(object["datasets"] as? [[String: Any]])
        let time = try #require(datasets.first { $0["path"] as? String == "/rep_0000/timeseries/time_s" })
        #expect(time["shape"] as? [Int] == [51])
        #expect(time["last"] as? Double == 3000)
    }

    @Test("two runs of the same sample differ only under /provenance (h5diff)")
    func determinism() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
        #expect(try gctsim(["_write-sample-trajectory", a]).status == 0)
        #expect(try gctsim(["_write-sample-trajectory", b]).status == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/h5diff")
        process.arguments = ["--exclude-path", "/provenance", a, b]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output.isEmpty)
    }
}
