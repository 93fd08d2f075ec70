import Foundation
import Testing
import _GCTTestSupport

/// `gctsim sweep --shard auto` (Slurm job arrays) and `--plan`, through the built binary.
@Suite("gctsim sweep --shard auto / --plan", .serialized)
struct SweepSlurmCommandTests {
    static func arrayEnvironment(id: Int, count: Int, min: Int, max: Int) -> [String: String] {
        ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_COUNT": "\(count)", "SLURM_ARRAY_TASK_MIN": "\(min)",
         "SLURM_ARRAY_TASK_MAX": "\(max)", "SLURM_JOB_ID": "\(100 + id)"]
    }

    @Test("four array tasks (IDs 0…3) write sweep.shard-i-of-4.h5 next to the output; merged they equal the whole sweep; no array or gaps: clear errors")
    func autoShards() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweepslurm")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("tiny.yaml").path
        try SweepCommandTests.yaml.write(toFile: scenario, atomically: true, encoding: .utf8)
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        let args = ["sweep", scenario, "--var", "providers.servers=1,2", "--var", "users.0.arrival.rate_per_s=0.4,0.8", "--replications", "3", "--summary", "csv"]
        let whole = try GCTTestSupport.run(args + ["--output", path("whole.h5"), "--threads", "2"])
        #expect(whole.status == 0, "\(whole.stderr)")

        var shards: [String] = []
        for id in 0...3 {
            let r = try GCTTestSupport.run(args + ["--shard", "auto", "--output", path("sweep.h5")], environment: Self.arrayEnvironment(id: id, count: 4, min: 0, max: 3))
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stderr.contains("shard \(id + 1)/4 (3 runs)") && r.stderr.contains(", 1 threads:"), "\(r.stderr)")  // SLURM_JOB_ID without SLURM_CPUS_PER_TASK: 1 thread
            let p = path("sweep.shard-\(id + 1)-of-4.h5")
            #expect(FileManager.default.fileExists(atPath: p) && !FileManager.default.fileExists(atPath: p + ".partial"))
            shards.append(p)
        }
        #expect(!FileManager.default.fileExists(atPath: path("sweep.h5")))
        let merged = try GCTTestSupport.run(["merge"] + shards + ["--output", path("sweep.h5")])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try SweepCommandTests().h5diff(path("whole.h5"), path("sweep.h5")).status == 0)

        // a task resubmitted alone (sbatch --array=2 of 1-4) with auto:1-4 is shard 2/4 again: already complete
        let again = try GCTTestSupport.run(args + ["--shard", "auto:1-4", "--output", path("sweep.h5")], environment: Self.arrayEnvironment(id: 3, count: 1, min: 3, max: 3))
        #expect(again.status == 0 && again.stderr.contains("shard 3/4") && again.stderr.contains("already complete"), "\(again.stderr)")

        let none = try GCTTestSupport.run(args + ["--shard", "auto", "--output", path("x.h5")])
        #expect(none.status == 1 && none.stderr.contains("SLURM_ARRAY_TASK_ID") && none.stderr.contains("sbatch --array"), "\(none.stderr)")
        let gaps = try GCTTestSupport.run(args + ["--shard", "auto", "--output", path("x.h5")], environment: Self.arrayEnvironment(id: 3, count: 3, min: 1, max: 5))
        #expect(gaps.status == 1 && gaps.stderr.contains("contiguous"), "\(gaps.stderr)")
    }

    @Test("--plan: the runs, a shard count for the target time per task from a pilot run, the sbatch lines")
    func plan() throws {
        let dir = try GCTTestSupport.scratchDirectory("sweepplan")
        defer { try? FileManager.default.removeItem(at: dir) }
        let scenario = dir.appendingPathComponent("tiny.yaml").path
        try SweepCommandTests.yaml.write(toFile: scenario, atomically: true, encoding: .utf8)
        let args = ["sweep", scenario, "--var", "providers.servers=1,2,3", "--output", "out/sweep.h5", "--plan"]
        let tiny = try GCTTestSupport.run(args + ["--target-seconds-per-task", "0.000001"])
        #expect(tiny.status == 0, "\(tiny.stderr)")
        #expect(tiny.stdout.contains("3 points × 4 replications = 12 runs") && tiny.stdout.contains("suggested shards: 12"), "\(tiny.stdout)")
        #expect(tiny.stdout.contains("sbatch --parsable --array=1-12 --time=") && tiny.stdout.contains("deploy/slurm/sweep.sbatch \(scenario) --var providers.servers=1,2,3 --shard auto:1-12 --output out/sweep.h5)"), "\(tiny.stdout)")
        #expect(tiny.stdout.contains("sbatch --parsable --dependency=afterok:$array deploy/slurm/merge.sbatch out/sweep.h5 12"), "\(tiny.stdout)")
        let big = try GCTTestSupport.run(args + ["--target-seconds-per-task", "1000000"])
        #expect(big.status == 0 && big.stdout.contains("suggested shards: 1 "), "\(big.stdout)")
        #expect(!FileManager.default.fileExists(atPath: "out/sweep.h5"))
        let bad = try GCTTestSupport.run(["sweep", scenario, "--var", "providers.servers=1,2", "--target-seconds-per-task", "5"])
        #expect(bad.status != 0 && bad.stderr.contains("--plan"), "\(bad.stderr)")
    }
}
