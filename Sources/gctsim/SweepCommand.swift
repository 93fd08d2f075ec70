import ArgumentParser
import Foundation
import GCTEngine
import GCTSweep

/// `gctsim sweep SCENARIO --var KEY=values …`: a grid (or zip) of scenario points × replications with
/// common random numbers, into one HDF5 file; resumable, shardable, identical for any thread count.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Sweep scenario vars or keys over values: points × replications into one HDF5 file (/sweep, /sweep_points).",
        discussion: """
            Replication r of every point draws from the streams of (seed, r) (common random numbers), so \
            differences between points are not drowned in noise; --independent gives each point its own \
            seed instead. Runs are spread over --threads and written in (point, replication) order, so the \
            file is the same for any thread count. The file is written as PATH.partial and renamed when \
            complete; the same command resumes an interrupted sweep, skipping finished runs. Without --var \
            the scenario's sweep: section (vars, zip, replications) says what to sweep; any --var replaces \
            its vars and zip, and --replications its replications.
            """
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(name: .customLong("var"), help: ArgumentHelp("A var or key path and its values: KEY=v1,v2,… or KEY=start..stop:step (repeatable; replaces the scenario's sweep: section).", valueName: "KEY=values"))
    var variables: [String] = []

    @Flag(help: "Pair the vars' lists position by position instead of taking every combination.")
    var zip = false

    @Option(help: "Replications per point (default: the scenario's).")
    var replications: Int?

    @Option(help: "Worker threads (default: all cores; in a Slurm job SLURM_CPUS_PER_TASK, or 1).")
    var threads: Int?

    @Option(help: ArgumentHelp("Run shard i of n (runs k with k mod n = i − 1); combine the shard files with gctsim merge. 'auto' (or 'auto:FIRST-LAST', the whole array's task IDs) takes i/n from the Slurm job array (SLURM_ARRAY_TASK_ID, _COUNT, _MIN, _MAX) and writes PATH's shard file (sweep.h5 → sweep.shard-i-of-n.h5); see docs/slurm.md.", valueName: "i/n|auto"))
    var shard: String?

    @Flag(name: .customLong("plan"), help: "Print the number of runs, a shard count for --target-seconds-per-task (from a timed pilot run of replication 0 of point 0) and the sbatch command lines of a Slurm job array and its merge; runs no sweep.")
    var planOnly = false

    @Option(help: ArgumentHelp("With --plan: the wall time each array task should take (default 1800).", valueName: "S"))
    var targetSecondsPerTask: Double?

    @Option(help: ArgumentHelp("The sweep file (default: results/sweep-NAME.h5).", valueName: "PATH"))
    var output: String?

    @Flag(help: "Replace an existing file of another sweep (or an unreadable partial one), and trajectory files of other runs.")
    var force = false

    @Option(help: ArgumentHelp("Also write each run's trajectory (the HDF5 of gctsim run --output, one replication) as DIR/point-PPPP-rep-RRRR.h5; a run whose complete trajectory is there is not written again, any other existing file is refused without --force.", valueName: "DIR"))
    var keepTrajectories: String?

    @Flag(help: "Independent seeds per point (seed derived from (seed, point)) instead of common random numbers.")
    var independent = false

    @Option(help: ArgumentHelp("Print the per-point summary on stdout as csv, md or json (default md).", valueName: "csv|md|json"))
    var summary: String = "md"

    @Option(help: ArgumentHelp("Metrics in the summary, comma-separated (default: headline metrics for md, all for csv/json).", valueName: "a,b,…"))
    var metrics: String?

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a declared var (name=value) or any key (a.b.0.c=value) at every point.", valueName: "key=value"))
    var overrides: [String] = []

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let replications, replications < 1 { throw ValidationError("--replications must be at least 1, got \(replications)") }
        if SweepSummary.Format(rawValue: summary) == nil { throw ValidationError("--summary must be csv, md or json, got '\(summary)'") }
        if let t = targetSecondsPerTask {
            if !planOnly { throw ValidationError("--target-seconds-per-task needs --plan") }
            if !(t > 0) || !t.isFinite { throw ValidationError("--target-seconds-per-task must be a positive number of seconds, got \(t)") }
        }
        if planOnly, shard != nil { throw ValidationError("--plan prints the shards of a Slurm array; give it without --shard") }
    }

    func run() throws {
        let threads = self.threads ?? SweepSlurmPlan.defaultThreads(ProcessInfo.processInfo.environment)
        let sweep: SweepScenario
        let shardSpec: SweepShard?
        do {
            let vars = try variables.map { (t) throws(SweepError) in try SweepVariable(parsing: t) }
            shardSpec = try shard.map { (t) throws(SweepError) in
                SlurmArrayShard.isAuto(t)
                    ? try SlurmArrayShard.shard(t, environment: ProcessInfo.processInfo.environment)
                    : try SweepShard(parsing: t)
            }
            sweep = try SweepScenario(
                file: file, overrides: overrides + (seed.map { ["seed=\($0)"] } ?? []), variables: vars,
                layout: zip ? .zip : .grid, replications: replications, seeding: independent ? .independent : .common)
        } catch {
            // A located error (a scenario's or its sweep: section's) already says "file:line:col: error:".
            let message = "\(error)"
            CommandSupport.fail(message, located: message.range(of: #"^[^ ]+:[0-9]+:[0-9]+: error: "#, options: .regularExpression) != nil)
        }
        let name = sweep.base.configuration.name
        if planOnly {
            SweepSlurmPlan.print(
                sweep, command: self, output: output ?? "results/sweep-\(name).h5", target: targetSecondsPerTask ?? 1800)
            return
        }
        var path = output ?? "results/sweep-\(name)\(shardSpec.map { ".shard-\($0.index)-of-\($0.count)" } ?? "").h5"
        if let shard, SlurmArrayShard.isAuto(shard), let output, let shardSpec {
            path = SlurmArrayShard.shardPath(output: output, shard: shardSpec)
        }
        if output == nil { try? FileManager.default.createDirectory(atPath: "results", withIntermediateDirectories: true) }
        _ = StopSignals.install()
        let terminal = isatty(STDERR_FILENO) == 1
        let outcome: SweepOutcome
        var show: ((SweepProgress) -> Void)?
        if terminal { show = { p in SweepProgressLine.show(p) } }
        do {
            outcome = try SweepDriver.run(
                sweep, output: path, threads: threads, shard: shardSpec, force: force, version: GCTSimVersion.string,
                trajectories: keepTrajectories.map {
                    SweepTrajectories(directory: $0, force: force, version: GCTSimVersion.string, gitCommit: GCTSimVersion.gitCommit)
                },
                progress: show)
        } catch {
            if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
            CommandSupport.fail("\(error)")
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        let plan = sweep.plan
        var note = "sweep \(name): \(plan.pointCount) points × \(plan.replications) replications"
        if let shardSpec { note += ", shard \(shardSpec) (\(outcome.runs) runs)" }
        note += ", \(sweep.seeding == .common ? "common random numbers" : "independent seeds"), \(threads) threads: "
        note += "\(outcome.status)"
        if outcome.resumed > 0, outcome.status != "already complete" { note += " (resumed: \(outcome.resumed) runs already done)" }
        note += ", \(outcome.ran) runs in \(String(format: "%.2f", outcome.wallSeconds)) s → \(outcome.path)\n"
        FileHandle.standardError.write(Data(note.utf8))
        if outcome.status == "interrupted" {
            FileHandle.standardError.write(Data("interrupted: run the same command to resume\n".utf8))
            throw ExitCode(130)
        }
        if shardSpec == nil, let format = SweepSummary.Format(rawValue: summary) {
            do {
                print(try SweepSummary.render(path: path, format: format, metrics: metrics.map { $0.split(separator: ",").map(String.init) }), terminator: "")
            } catch {
                CommandSupport.fail("\(error)")
            }
        }
    }
}

/// The one-line progress of a sweep on a terminal.
enum SweepProgressLine {
    static func show(_ p: SweepProgress) {
        var s = "\rruns \(p.done)/\(p.total)"
        if p.eta.isFinite { s += String(format: ", ETA %.0f s", p.eta) }
        if let slow = p.slowestPoint { s += String(format: ", slowest point %d (%.2f s/run)", slow, p.slowestSeconds) }
        FileHandle.standardError.write(Data((s + "   ").utf8))
    }
}
