import Foundation
import GCTSweep

/// `gctsim sweep … --plan`: the size of a sweep, a shard count for a target wall time per Slurm array
/// task, and the sbatch command lines that run it (deploy/slurm, docs/slurm.md).
///
/// Estimate: one timed pilot run (replication 0 of point 0, run here) stands for every run, so a task of
/// `m` runs on `t` threads takes about `m × pilot / t` seconds. Points that cost more than the first
/// (more servers, higher rates) make it an underestimate: the suggested `--time` is twice the estimate.
enum SweepSlurmPlan {
    /// Threads when `--threads` is not given: all cores, but in a Slurm job (`SLURM_JOB_ID` set) the
    /// CPUs Slurm allocated to the task (`SLURM_CPUS_PER_TASK`, 1 when unset): the node's other cores
    /// belong to other jobs.
    static func defaultThreads(_ environment: [String: String]) -> Int {
        if environment["SLURM_JOB_ID"] != nil {
            return environment["SLURM_CPUS_PER_TASK"].flatMap { Int($0) }.map { max(1, $0) } ?? 1
        }
        return ProcessInfo.processInfo.activeProcessorCount
    }

    /// A word for a shell command line, quoted when it needs to be.
    static func shellWord(_ s: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%")
        if !s.isEmpty, s.allSatisfy({ safe.contains($0) }) { return s }
        return "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// `[[HH:]MM:]SS` → the `--time` form `D-HH:MM:SS`, at least one minute.
    static func slurmTime(_ seconds: Double) -> String {
        let s = max(60, Int(seconds.rounded(.up)))
        let d = s / 86_400, h = (s % 86_400) / 3600, m = (s % 3600) / 60, r = s % 60
        return (d > 0 ? "\(d)-" : "") + String(format: "%02d:%02d:%02d", h, m, r)
    }

    /// The suggested shard count: the fewest tasks whose estimated time fits `target` (at most one per run).
    static func shardCount(runs: Int, pilotSeconds: Double, threads: Int, target: Double) -> Int {
        let total = Double(runs) * pilotSeconds / Double(threads)
        return min(runs, max(1, Int((total / target).rounded(.up))))
    }

    static func print(_ sweep: SweepScenario, command c: SweepCommand, output: String, target: Double) {
        let plan = sweep.plan
        let threads = c.threads ?? 1
        let started = Date()
        do {
            _ = try sweep.run(0, stopFlag: nil)
        } catch {
            CommandSupport.fail("the pilot run (replication 0 of point 0) failed: \(error)")
        }
        let pilot = Date().timeIntervalSince(started)
        let shards = shardCount(runs: plan.runCount, pilotSeconds: pilot, threads: threads, target: target)
        let runsPerTask = (plan.runCount + shards - 1) / shards
        let taskSeconds = Double(runsPerTask) * pilot / Double(threads)
        var args = [c.file]
        for v in c.variables { args += ["--var", v] }
        if c.zip { args.append("--zip") }
        if let r = c.replications { args += ["--replications", String(r)] }
        if c.independent { args.append("--independent") }
        if let s = c.seed { args += ["--seed", String(s)] }
        for o in c.overrides { args += ["--set", o] }
        args += ["--shard", "auto:1-\(shards)", "--output", output]
        let sweepArgs = args.map(shellWord).joined(separator: " ")
        let cpus = threads > 1 ? " --cpus-per-task=\(threads)" : ""
        let time = slurmTime(2 * taskSeconds + 60)
        let outWord = shellWord(output)
        let example = SlurmArrayShard.shardPath(output: output, shard: try! SweepShard(index: 1, count: shards))
        var lines: [String] = []
        lines.append("sweep \(sweep.base.configuration.name): \(plan.pointCount) points × \(plan.replications) replications = \(plan.runCount) runs")
        lines.append(String(format: "pilot: replication 0 of point 0 took %.2f s here; estimate %.1f s for the whole sweep on %d thread(s) (every run assumed to cost the pilot's)", pilot, Double(plan.runCount) * pilot / Double(threads), threads))
        lines.append(String(format: "target %.0f s per task → suggested shards: %d (%d runs per task, about %.1f s each; --time=%@ is twice that plus a minute)", target, shards, runsPerTask, taskSeconds, time))
        lines.append("shard files: \(example) … ; merged: \(output)")
        lines.append("")
        lines.append("# one command (prints the array and merge job IDs):")
        lines.append("deploy/slurm/submit.sh --shards \(shards) --time \(time)\(threads > 1 ? " --cpus-per-task \(threads)" : "") \(sweepArgs.replacingOccurrences(of: " --shard auto:1-\(shards)", with: ""))")
        lines.append("# or the two sbatch lines it runs:")
        lines.append("array=$(sbatch --parsable --array=1-\(shards)\(cpus) --time=\(time) deploy/slurm/sweep.sbatch \(sweepArgs))")
        lines.append("sbatch --parsable --dependency=afterok:$array deploy/slurm/merge.sbatch \(outWord) \(shards)")
        lines.append("# failed tasks (e.g. 2 and 5): scancel the waiting merge job, then the same two lines with --array=2,5 (or submit.sh … --array 2,5); they resume from their .partial files")
        Swift.print(lines.joined(separator: "\n"))
    }
}
