import ArgumentParser
import Foundation
import GCTEngine
import GCTSweep
import GCTTrajectory

/// `gctsim proposal evaluate|compare`: verdicts of governance proposals per stakeholder, from paired replications.
struct ProposalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "proposal",
        abstract: "Evaluate governance proposals against a baseline scenario: paired replications, a verdict per stakeholder.",
        subcommands: [ProposalEvaluateCommand.self, ProposalCompareCommand.self]
    )
}

struct ProposalOptions: ParsableArguments {
    @Option(help: "The baseline scenario YAML file.")
    var baseline: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a var or key of the baseline (both arms).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Replications (pairs) (default: the scenario's).")
    var replications: Int?

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int?

    @Flag(help: "Apply the proposal from the start as scenario overrides, instead of enacting it through governance.")
    var fromStart = false

    @Flag(help: "Also run the proposal with independent seeds and report the variance of paired differences under CRN vs independent seeds.")
    var varianceReport = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
        if let replications, replications < 2 { throw ValidationError("--replications must be at least 2 (a CI needs two pairs), got \(replications)") }
    }

    func evaluate(_ path: String) -> ProposalEvaluation {
        _ = StopSignals.install()
        do {
            let proposal = try ProposalFile(path: path)
            return try ProposalEvaluation.evaluate(
                baselineFile: baseline, overrides: overrides, proposal: proposal, replications: replications,
                fromStart: fromStart, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount,
                measureIndependent: varianceReport)
        } catch {
            CommandSupport.fail(error: error)
        }
    }
}

struct ProposalEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate", abstract: "One proposal: mean paired difference, its 95 % CI and a verdict per stakeholder metric.")

    @OptionGroup var options: ProposalOptions

    @Option(help: "The proposal YAML file.")
    var proposal: String

    @Option(help: ArgumentHelp("Also write the table as markdown to PATH.", valueName: "PATH.md"))
    var report: String?

    @Option(help: ArgumentHelp("Write the verdicts and every run to an HDF5 file.", valueName: "PATH.h5"))
    var output: String?

    @Flag(help: "Overwrite existing --report/--output files (never a symbolic link, directory or device).")
    var force = false

    func run() throws {
        // Checked before the runs; checked again when written.
        if let report { OutputFile.check(report, force: force, option: "--report") }
        if let output { OutputFile.check(output, force: force, option: "--output") }
        let e = options.evaluate(proposal)
        print(e.markdown, terminator: "")
        do {
            if let report { try OutputFile.write(e.markdown, to: report, force: force, option: "--report") }
            if let output { try e.write(to: output, force: force, option: "--output") }
        } catch {
            CommandSupport.fail(error.message)
        }
    }
}

struct ProposalCompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Several proposals against one baseline: one column per proposal.")

    @OptionGroup var options: ProposalOptions

    @Argument(help: "The proposal YAML files.")
    var proposals: [String]

    @Option(help: ArgumentHelp("Also write the table as markdown to PATH.", valueName: "PATH.md"))
    var report: String?

    @Flag(help: "Overwrite an existing --report file (never a symbolic link, directory or device).")
    var force = false

    func run() throws {
        guard !proposals.isEmpty else { CommandSupport.fail("compare needs at least one proposal file") }
        if let report { OutputFile.check(report, force: force, option: "--report") }
        let table = ProposalEvaluation.comparison(proposals.map(options.evaluate))
        print(table, terminator: "")
        if let report {
            do { try OutputFile.write(table, to: report, force: force, option: "--report") } catch { CommandSupport.fail(error.message) }
        }
    }
}
