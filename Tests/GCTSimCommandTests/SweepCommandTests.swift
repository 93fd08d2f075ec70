import Foundation
import Testing
import _GCTTestSupport

/// `gctsim sweep`, `merge` and `proposal` through the built binary.
@Suite("gctsim sweep / merge / proposal", .serialized)
struct SweepCommandTests {
    static let yaml = """
        name: tiny
        seed: 5
        replications: 4
        duration: 2h
        metrics: {interval: 1h, sample_events: false}
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

    func h5diff(_ a: String, _ b: String) throws -> CommandResult {
        try GCTTestSupport.run(["--exclude-path", "/provenance", a, b], binary: URL(fileURLWithPath: "/usr/bin/h5diff"))
    }

    @Test("SIGKILL mid-sweep, then the same command: the file equals an uninterrupted one (h5diff); shards merged equal it too; other sweeps refused")
    func killResumeShards() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweepcmd")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("tiny.yaml").path
        try Self.yaml.write(toFile: scenario, atomically: true, encoding: .utf8)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let args = ["sweep", scenario, "--var", "providers.servers=1,2,3", "--var", "users.0.arrival.rate_per_s=0.4..0.8:0.2", "--summary", "csv"]
        let whole = try GCTTestSupport.run(args + ["--output", path("whole.h5"), "--threads", "2"])
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout.split(separator: "\n").count == 10)  // header + 9 points

        let running = try GCTTestSupport.start(args + ["--output", path("killed.h5"), "--threads", "1"])
        var waited = 0.0
        while waited < 60 {  // until a few rows are flushed
            Thread.sleep(forTimeInterval: 0.3)
            waited += 0.3
            if let size = try? FileManager.default.attributesOfItem(atPath: path("killed.h5.partial"))[.size] as? Int, size > 12_000 { break }
        }
        kill(running.process.processIdentifier, SIGKILL)
        let killed = running.wait()
        #expect(killed.signalled)
        #expect(FileManager.default.fileExists(atPath: path("killed.h5.partial")))
        let resumed = try GCTTestSupport.run(args + ["--output", path("killed.h5"), "--threads", "2"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(try h5diff(path("whole.h5"), path("killed.h5")).status == 0)

        var shards: [String] = []
        for i in 1...3 {
            let p = path("shard\(i).h5")
            #expect(try GCTTestSupport.run(args + ["--output", p, "--shard", "\(i)/3"]).status == 0)
            shards.append(p)
        }
        #expect(try GCTTestSupport.run(["merge"] + shards + ["--output", path("merged.h5")]).status == 0)
        #expect(try h5diff(path("whole.h5"), path("merged.h5")).status == 0)

        // another seed: its shard is refused by merge, and the sweep is refused into an existing file
        let other = path("other3.h5")
        #expect(try GCTTestSupport.run(args + ["--output", other, "--shard", "3/3", "--seed", "6"]).status == 0)
        let refused = try GCTTestSupport.run(["merge", shards[0], shards[1], other, "--output", path("bad.h5")])
        #expect(refused.status == 1 && refused.stderr.contains("another sweep") && refused.stderr.contains("seed 6 vs 5"), "\(refused.stderr)")
        let overwrite = try GCTTestSupport.run(args + ["--output", path("whole.h5"), "--seed", "6"])
        #expect(overwrite.status == 1 && overwrite.stderr.contains("--force"), "\(overwrite.stderr)")
    }
}
