import ArgumentParser
import Foundation
import GCTCheck
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld

/// `gctsim check [SCENARIO|DIR ...]`: CI regression of the economic invariants and of every
/// metric against statistical baselines (docs/invariants.md).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the economic invariants and compare every metric with its baseline (CI regression).",
        discussion: """
            Runs each scenario (default: every *.yaml in scenarios/ci) K times, checks the invariant \
            catalogue of docs/invariants.md, and compares each metric with results/baselines/<name>.json: \
            a metric fails only when Welch's t-test is significant at α = 0.001 AND the change exceeds \
            max(5 % of the baseline mean, 0.001), or when it leaves the metric's absolute bounds. \
            A baseline whose scenario hash differs is reported stale (a failure) and compared anyway. \
            Exit status 0 when everything passes, 1 otherwise.
            """
    )

    @Argument(help: "Scenario files or folders of scenarios (default: scenarios/ci).")
    var paths: [String] = []

    @Option(help: "Folder of the baselines.")
    var baselines: String = "results/baselines"

    @Option(help: "Replications K per scenario (default: the scenario's when at least 2, else \(CheckCommand.defaultReplications)).")
    var replications: Int?

    @Option(help: "Override every scenario's seed.")
    var seed: UInt64?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a declared var (name=value) or any key (a.b.0.c=value) in every scenario.", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Worker threads for replications (results do not depend on it).")
    var threads: Int = Swift.min(ProcessInfo.processInfo.activeProcessorCount, 8)

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to PATH.", valueName: "PATH"))
    var junit: String?

    @Flag(help: "Overwrite an existing --junit file.")
    var force = false

    @Flag(help: "Rewrite the baselines from this run and print what moved (scenarios whose invariants fail are not written).")
    var updateBaselines = false

    @Option(name: .customLong("inject-fault"), help: .hidden)
    var injectFault: String?

    static let defaultReplications = 8

    func validate() throws {
        try CommandLineErrors.check(threads, "threads", in: 1...1_024)
        if let replications, replications > ScenarioLimits.maximumReplications {
            throw ValidationError("--replications must be in 2…\(ScenarioLimits.maximumReplications), got \(replications)")
        }
        if let replications, replications < 2 {
            throw ValidationError("--replications must be at least 2 (Welch's t-test needs a variance), got \(replications)")
        }
    }

    func run() throws {
        if let junit { OutputFile.check(junit, force: force, option: "--junit") }
        let prepare = try faultPreparation()
        var files: [String] = []
        for path in paths.isEmpty ? ["scenarios/ci"] : paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                CommandSupport.fail("no such scenario file or folder: '\(path)'")
            }
            if isDirectory.boolValue {
                let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                files += entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        guard !files.isEmpty else { CommandSupport.fail("no scenarios to check") }
        _ = StopSignals.install()

        var results: [ScenarioCheckResult] = []
        var writeFailures = 0
        for file in files {
            let scenario: ResolvedScenario
            do {
                let first = try ScenarioLoader.load(file: file, overrides: overrides, seed: seed)
                let k = replications ?? (first.configuration.replications >= 2 ? first.configuration.replications : Self.defaultReplications)
                scenario = k == first.configuration.replications ? first : try ScenarioLoader.load(file: file, overrides: overrides, seed: seed, replications: k)
            } catch {
                CommandSupport.fail(error.description, located: true)
            }
            let c = scenario.configuration
            let baselinePath = (baselines as NSString).appendingPathComponent("\(c.name).json")
            let baseline: ScenarioBaseline?
            do { baseline = try ScenarioBaseline.load(path: baselinePath) } catch { CommandSupport.fail(error.description) }
            FileHandle.standardError.write(Data("check: \(c.name) (\(file)), \(c.replications) replications…\n".utf8))
            let result: ScenarioCheckResult
            do {
                result = try ScenarioCheck.run(
                    c, file: file, hash: scenario.modelHashHex, baseline: baseline,
                    options: CheckOptions(threads: threads), prepare: prepare)
            } catch {
                CommandSupport.fail("\(file): \(error.description)")
            }
            results.append(result)
            if updateBaselines {
                let exactFailures = result.failedInvariants.filter { $0.kind != .baseline }
                if exactFailures.isEmpty {
                    let new = result.newBaseline(gctsimVersion: GCTSimVersion.string)
                    do { try new.write(path: baselinePath) } catch { CommandSupport.fail(error.description) }
                    print(CheckReport.baselineChanges(old: baseline, new: new))
                    print("wrote \(baselinePath)\n")
                    // Report against the baseline just written.
                    var updated = result
                    updated.baseline = new
                    updated.invariants.removeAll { $0.kind == .baseline }
                    updated.metrics = result.metrics.map {
                        MetricComparison(metric: $0.metric, baseline: new.metrics[$0.metric], current: $0.current, policy: RegressionPolicy())
                    }
                    results[results.count - 1] = updated
                } else {
                    writeFailures += 1
                    print("not writing \(baselinePath): \(exactFailures.count) invariants fail\n")
                }
            }
        }

        let report = CheckReport(results: results)
        print(report.text, terminator: "")
        if let junit {
            do { try OutputFile.write(report.junitXML, to: junit, force: force, option: "--junit") } catch {
                CommandSupport.fail("\(error)")
            }
        }
        if !report.passed || writeFailures > 0 { throw ExitCode(1) }
    }

    /// `--inject-fault drop-unit-after:N` (debug builds only): after the N-th completed execution a
    /// transfer drops one base unit, a ledger bug the supply-conservation invariant must catch.
    func faultPreparation() throws -> (@Sendable (inout World) -> Void)? {
        guard let injectFault else { return nil }
        #if DEBUG
        let parts = injectFault.split(separator: ":")
        guard parts.count == 2, parts[0] == "drop-unit-after", let n = Int64(parts[1]), n > 0 else {
            throw ValidationError("--inject-fault expects drop-unit-after:N with N > 0, got '\(injectFault)'")
        }
        return { $0._fault = .dropUnitAfterCompletion(n) }
        #else
        throw ValidationError("--inject-fault is only available in debug builds")
        #endif
    }
}
