import Foundation
import Testing
import _GCTTestSupport

/// `gctsim run` and its HDF5 trajectory: determinism, interruption, no silent overwrite.
@Suite("gctsim run: trajectories", .serialized)
struct RunCommandTests {
    let smoke = ["run", "scenarios/ci/smoke.yaml", "--set", "duration=8h"]

    func inspect(_ path: String) throws -> [String: Any] {
        let r = try GCTTestSupport.run(["inspect", path, "--json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test("two runs of the same scenario and seed: h5diff --exclude-path /provenance finds no difference")
    func determinism() throws {
        let dir = try GCTTestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.h5").path, b = dir.appendingPathComponent("b.h5").path
        #expect(try GCTTestSupport.run(smoke + ["--output", a]).status == 0)
        #expect(try GCTTestSupport.run(smoke + ["--output", b, "--threads", "2"]).status == 0)
        let same = try GCTTestSupport.run(["--exclude-path", "/provenance", a, b], binary: URL(fileURLWithPath: "/usr/bin/h5diff"))
        // Exit 0 means no difference; h5diff only notes that empty tables (no alarms) are "not comparable".
        #expect(same.status == 0 && !same.stdout.contains("differences found"), "\(same.stdout)")
        // …and the check can fail: another seed differs.
        let c = dir.appendingPathComponent("c.h5").path
        #expect(try GCTTestSupport.run(smoke + ["--output", c, "--seed", "99"]).status == 0)
        let differ = try GCTTestSupport.run(["--exclude-path", "/provenance", a, c], binary: URL(fileURLWithPath: "/usr/bin/h5diff"))
        #expect(differ.status == 1)
    }

    @Test("SIGINT mid-run: status interrupted, rows up to the stop, equal-length time series, /final present, non-zero exit")
    func interruption() throws {
        let dir = try GCTTestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("long.h5").path
        let running = try GCTTestSupport.start(["run", "scenarios/ci/smoke.yaml", "--set", "duration=365d", "--output", path])
        Thread.sleep(forTimeInterval: 3)
        kill(running.process.processIdentifier, SIGINT)
        let r = running.wait()
        #expect(r.status == 130, "\(r.stderr)")
        let info = try inspect(path)
        #expect(info["status"] as? String == "interrupted")
        let datasets = try #require(info["datasets"] as? [[String: Any]])
        let series = datasets.filter { ($0["path"] as? String ?? "").hasPrefix("/rep_0000/timeseries/") }
        let lengths = Set(series.compactMap { ($0["shape"] as? [Int])?.first })
        // 32 time-series columns: 28 before issue 13, plus validator_emission_minted, emission_undistributed, fee_pool_balance, flame_factor.
        #expect(series.count == 32 && lengths.count == 1 && (lengths.first ?? 0) > 0, "\(lengths)")
        #expect(datasets.contains { $0["path"] as? String == "/rep_0000/final/balance" })
        let meta = try #require(info["meta"] as? [String: Any])
        #expect((meta["end_time_us"] as? Int ?? 0) < 365 * 86_400 * 1_000_000)
    }

    @Test("an existing output is never overwritten silently; --force overwrites; an unwritable path is a clear error")
    func noSilentOverwrite() throws {
        let dir = try GCTTestSupport.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.h5").path
        #expect(try GCTTestSupport.run(smoke + ["--output", path]).status == 0)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        let again = try GCTTestSupport.run(smoke + ["--output", path])
        #expect(again.status != 0)
        #expect(again.stdout.isEmpty)
        #expect(again.stderr.contains(path) && again.stderr.hasPrefix("error: "), "\(again.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date == before)
        #expect(try GCTTestSupport.run(smoke + ["--output", path, "--force", "--seed", "5"]).status == 0)
        let bad = "/nonexistent-dir/sub/out.h5"
        let unwritable = try GCTTestSupport.run(smoke + ["--output", bad])
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr.contains(bad), "\(unwritable.stderr)")
        #expect(unwritable.stderr.split(separator: "\n").count == 1)
    }

    @Test("--summary-json - : the same seed twice gives byte-identical summaries (wall clock left out)")
    func summaryDeterminism() throws {
        let args = smoke + ["--no-output", "--summary-json", "-", "--no-wall-clock", "--set", "replications=2"]
        let a = try GCTTestSupport.run(args), b = try GCTTestSupport.run(args + ["--threads", "2"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.contains("\"mean_wait_s\"") && a.stdout.contains("\"ci95\""))
    }
}
