import ArgumentParser
import Foundation
import Synchronization
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld
import GCTWorldTrajectory

/// `gctsim run SCENARIO`: runs a scenario's replications and reports each metric with its 95 % CI.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a scenario: its replications, a human summary on stdout, and optionally a JSON summary.",
        discussion: """
            Replication r draws from random streams keyed by (seed, r): the same scenario and seed give \
            identical results whatever --threads is. SIGINT/SIGTERM stop the run between events.
            """
    )

    @Argument(help: "The scenario YAML file.")
    var file: String

    @Option(help: "Override the scenario's seed.")
    var seed: UInt64?

    @Option(help: "Override the number of replications.")
    var replications: Int?

    @Option(help: "Worker threads for replications.")
    var threads: Int = 1

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a declared var (name=value) or any key (a.b.0.c=value).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(name: .customLong("summary-json"), help: ArgumentHelp("Write the JSON summary to PATH, or - for stdout (then the human summary goes to stderr).", valueName: "PATH|-"))
    var summaryJSON: String?

    @Flag(help: "Leave wall-clock metrics out of the JSON summary (for byte-identical comparisons).")
    var noWallClock = false

    @Option(name: .customLong("output"), help: ArgumentHelp("The HDF5 trajectory file (default: results/NAME.h5).", valueName: "PATH"))
    var output: String?

    @Flag(help: "Overwrite existing output files (--output, --summary-json).")
    var force = false

    @Flag(help: "Write no trajectory file.")
    var noOutput = false

    @Flag(help: "Show progress (replications, simulated time reached, events/s, ETA) on stderr even when it is not a terminal (then a whole line every 10 s; by default only on a terminal).")
    var progress = false

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        try CommandLineErrors.check(threads, "threads", in: 1...1_024)
        if let replications { try CommandLineErrors.check(replications, "replications", in: 1...ScenarioLimits.maximumReplications) }
    }

    func run() throws {
        let scenario: ResolvedScenario
        do {
            scenario = try ScenarioLoader.load(file: file, overrides: overrides, seed: seed, replications: replications)
        } catch {
            CommandSupport.fail(error.description, located: true)
        }
        for w in scenario.warnings { FileHandle.standardError.write(Data((w + "\n").utf8)) }
        let c = scenario.configuration
        if let sweep = scenario.sweep {
            FileHandle.standardError.write(Data("note: \(sweep.location): the sweep: section is ignored by gctsim run (one scenario); run the sweep with gctsim sweep \(file)\n".utf8))
        }
        if let summaryJSON, summaryJSON != "-" { OutputFile.check(summaryJSON, force: force, option: "--summary-json") }
        if !noOutput {
            let path = output ?? "results/\(c.name).h5"
            // A symbolic link, directory or device is never replaced; an existing file only with --force.
            if let problem = OutputFile.problem(path, force: force, option: "--output"), !problem.hasSuffix("does not exist") || output != nil {
                CommandSupport.fail(problem + (output == nil && problem.contains("--force") ? " or choose another path with --output PATH" : ""))
            }
        }
        _ = StopSignals.install()
        let terminal = isatty(STDERR_FILENO) != 0
        let progress = ProgressReporter(
            total: c.replications, perReplication: (c.warmup + c.duration).simDuration,
            enabled: !quiet && (self.progress || terminal), terminal: terminal)
        let started = Date()
        let trajectory: TrajectoryFile?
        if noOutput {
            trajectory = nil
        } else {
            let path = output ?? "results/\(c.name).h5"
            if output == nil { try? FileManager.default.createDirectory(atPath: "results", withIntermediateDirectories: true) }
            do {
                let file = try TrajectoryFile.create(path: path, overwrite: force)
                try TrajectoryMeta.write(scenario, to: file, started: started)
                // The structure is on disk before the first event: a killed run leaves a file that opens.
                try file.flushFile()
                trajectory = file
            } catch {
                CommandSupport.fail("\(error)")
            }
        }
        let writeErrors = Mutex<[String]>([])
        let outcomes: [ReplicationOutcome]
        do {
            if let trajectory {
                let record = c.metrics.sampleEvents
                outcomes = try ReplicationRunner.run(
                    c, threads: threads,
                    observer: { r in TrajectoryObserver(file: trajectory, replication: r, recordExecutions: record) },
                    finish: { observer, state, outcome in
                        do { try observer.finish(state, outcome: outcome) } catch {
                            writeErrors.withLock { $0.append("\(error)") }
                        }
                    },
                    progress: { _ in progress.step() }, runProgress: progress.run)
            } else {
                outcomes = try ReplicationRunner.run(
                    c, threads: threads, observer: { _ in NullObserver() }, progress: { _ in progress.step() },
                    runProgress: progress.run)
            }
        } catch {
            if let trajectory { try? trajectory.close(status: .failed) }
            CommandSupport.fail(error.description)
        }
        progress.finish()
        let report = RunReport(
            scenario: c.name, scenarioHash: scenario.hashHex, seed: c.seed, replications: c.replications, outcomes: outcomes)
        if let trajectory {
            let errors = writeErrors.withLock { $0 }
            let status: TrajectoryStatus = !errors.isEmpty || report.status == .failed ? .failed
                : report.status == .interrupted ? .interrupted : .complete
            do {
                try TrajectoryMeta.finish(trajectory, outcomes: outcomes, started: started)
                try trajectory.close(status: status)
            } catch {
                CommandSupport.fail("cannot finish the trajectory '\(trajectory.path)': \(error)")
            }
            for e in errors { FileHandle.standardError.write(Data("error: trajectory: \(e)\n".utf8)) }
            if !errors.isEmpty { throw ExitCode(1) }
        }
        let human = HumanSummary.highlights(c, report: report, outcomes: outcomes) + HumanSummary.text(report)
        if summaryJSON == "-" {
            FileHandle.standardError.write(Data(human.utf8))
            print(report.json(includeWallClock: !noWallClock), terminator: "")
        } else {
            print(human, terminator: "")
            if let path = summaryJSON {
                do { try OutputFile.write(report.json(includeWallClock: !noWallClock), to: path, force: force, option: "--summary-json") } catch {
                    CommandSupport.fail("\(error)")
                }
            }
        }
        for v in report.violations { FileHandle.standardError.write(Data("error: \(v)\n".utf8)) }
        if report.status != .complete { throw ExitCode(report.status == .failed ? 3 : 130) }
    }
}

enum CommandSupport {
    /// Prints `error: message` on stderr and exits 1, printing nothing on stdout.
    /// A `located` message (a `ScenarioError`: `FILE:LINE:COL: error: …`) is printed as it is.
    static func fail(_ message: String, located: Bool = false) -> Never {
        let line = ErrorText.oneLine(located ? message : "error: \(message)")
        FileHandle.standardError.write(Data("\(line)\n".utf8))
        Foundation.exit(1)
    }
}

/// A human summary of a run report.
enum HumanSummary {
    /// The headline figures of the first replication: supply now vs start, burned, staking APY paid vs
    /// promised, mean wait, capacity range, alarms, proposal outcomes.
    static func highlights(_ c: ScenarioConfiguration, report: RunReport, outcomes: [ReplicationOutcome]) -> String {
        guard let o = outcomes.first else { return "" }
        func gct(_ x: Double) -> String { String(format: "%.3f GCT", x) }
        let metric = Dictionary(o.metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        var s = "summary of replication 0 (\(String(format: "%.1f", o.run.endTime.seconds / 86_400)) simulated days, \(o.run.eventsHandled) events, \(Int(o.statistics.completed)) executions measured):\n"
        s += "  supply: \(gct((c.economy.initialSupply + c.economy.treasury).approximateGCT)) at start → \(gct(o.supply.total.approximateGCT)) now (minted \(gct(o.supply.minted.approximateGCT)), burned \(gct(o.supply.burned.approximateGCT)), staked \(gct(o.supply.staked.approximateGCT)))\n"
        if let promised = metric["apy_promised"], let paid = metric["apy_paid"] {
            s += String(format: "  staking APY: promised %.2f %%, paid %.2f %% (shortfall %@)\n", promised * 100, paid * 100, gct(metric["staking_shortfall_gct"] ?? 0))
        }
        s += String(format: "  mean wait %.3f s, utilization %.1f %%", o.statistics.meanWait, o.statistics.utilization * 100)
        if let lo = metric["capacity_min"], let hi = metric["capacity_max"] { s += ", capacity \(Int(lo))–\(Int(hi)) servers" }
        s += "\n"
        if let alarms = metric["alarms"] { s += "  manipulation alarms: \(Int(alarms)), mean market multiplier \(String(format: "%.3f", metric["mean_multiplier"] ?? 1))\n" }
        for p in o.economy.proposalOutcomes { s += "  proposal: \(p)\n" }
        return s + "\n"
    }

    static func text(_ r: RunReport) -> String {
        var s = "scenario \(r.scenario) (hash \(r.scenarioHash)), seed \(r.seed), \(r.completedReplications)/\(r.replications) replications, \(r.status.rawValue)\n"
        let width = r.metricNames.map(\.count).max() ?? 10
        for name in r.metricNames {
            guard let m = r.metrics[name] else { continue }
            let pad = String(repeating: " ", count: width - name.count)
            var line = "  \(name)\(pad)  \(format(m.mean))"
            if let ci = m.ci95 { line += "  (95% CI \(format(ci[0])) … \(format(ci[1])))" }
            s += line + "\n"
        }
        return s
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}

/// Progress on stderr for runs longer than a few seconds: replications done, simulated time reached
/// (summed over the replications running), events/s and an ETA. On a terminal one line redrawn in
/// place (`\r`) twice a second; elsewhere (only with `--progress`) a whole line every 10 s, never `\r`.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let perReplication: SimDuration
    private let terminal: Bool
    private let enabled: Bool
    /// Where the replications report events and simulated time while they run.
    let run = RunProgress()
    private var done = 0
    private let started = Date()
    private let lock = NSLock()
    private var printed = false
    private var finished = false
    private var timer: DispatchSourceTimer?

    /// `enabled`: whether to print at all (a terminal, or `--progress`; never with `--quiet`);
    /// `terminal`: whether stderr is a terminal (then the line is redrawn in place).
    init(total: Int, perReplication: SimDuration, enabled: Bool, terminal: Bool) {
        self.total = total
        self.perReplication = perReplication
        self.enabled = enabled
        self.terminal = terminal
        guard enabled else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let period = terminal ? 0.5 : 10.0
        timer.schedule(deadline: .now() + 3, repeating: period)
        timer.setEventHandler { [unowned self] in self.draw() }
        self.timer = timer
        timer.resume()
    }

    /// One replication finished.
    func step() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        done += 1
    }

    private func draw() {
        lock.lock(); defer { lock.unlock() }
        guard !finished else { return }
        let elapsed = Date().timeIntervalSince(started)
        let simulated = run.simulated
        let target = Double(perReplication.ticks) * Double(total)
        let fraction = target > 0 ? min(Double(simulated.ticks) / target, 1) : 0
        let rate = elapsed > 0 ? Double(run.events) / elapsed : 0
        var line = "replications \(done)/\(total)  simulated \(Self.text(simulated.ticks)) of "
            + "\(Self.text(Int64(target.rounded()))) (\(String(format: "%.1f", fraction * 100)) %)  "
            + "\(Self.rate(rate)) events/s"
        if fraction > 0.001 { line += "  ETA \(Self.eta(elapsed * (1 - fraction) / fraction))" }
        printed = true
        FileHandle.standardError.write(Data((terminal ? "\r" + line + "\u{1B}[K" : line + "\n").utf8))
    }

    /// Simulated time as seconds, hours or days.
    static func text(_ ticks: Int64) -> String {
        let s = Double(ticks) / Double(SimTime.ticksPerSecond)
        if s < 120 { return String(format: "%.0f s", s) }
        if s < 2 * 86_400 { return String(format: "%.1f h", s / 3_600) }
        return String(format: "%.1f d", s / 86_400)
    }

    static func rate(_ r: Double) -> String {
        r >= 1e6 ? String(format: "%.2f M", r / 1e6) : r >= 1e3 ? String(format: "%.1f k", r / 1e3) : String(format: "%.0f", r)
    }

    static func eta(_ s: Double) -> String {
        let whole = Int(s.rounded())
        return whole < 60 ? "\(whole) s" : whole < 3_600 ? "\(whole / 60) min \(whole % 60) s" : "\(whole / 3_600) h \(whole / 60 % 60) min"
    }

    func finish() {
        timer?.cancel()
        lock.lock(); defer { lock.unlock() }
        finished = true
        if printed && terminal { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
