import ArgumentParser
import Foundation
import GCTEngine
import GCTScenario
import GCTWorld

/// `gctsim attack`: attacks on the economy.
struct AttackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attack",
        abstract: "Evaluate a scenario's attacks against its attack-free twin.",
        subcommands: [AttackEvaluateCommand.self])
}

/// `gctsim attack evaluate SCENARIO`: each attack of the scenario alone against the same scenario
/// without attacks, with paired replications (same seed ⇒ common random numbers); per attack,
/// cost, profit, price distortion, detection and damage, each with its 95 % CI (docs/attacks.md).
struct AttackEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Run each attack and its attack-free twin (paired replications) and report cost, profit, distortion, detection and damage.")

    @Argument(help: "The scenario YAML file (with an attacks: section).")
    var file: String

    @Option(name: .customLong("attack"), help: ArgumentHelp("Evaluate only this attack (oracle_manipulation.N, whales.N); repeatable.", valueName: "NAME"))
    var attacks: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a declared var (name=value) or any key (a.b.0.c=value).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Override the number of replications.")
    var replications: Int?

    @Option(help: "Worker threads for replications.")
    var threads: Int = 1

    @Flag(help: "Print the JSON report on stdout instead of the table.")
    var json = false

    @Option(help: ArgumentHelp("Write the JSON report to PATH.", valueName: "PATH"))
    var output: String?

    @Flag(help: "Overwrite an existing --output file.")
    var force = false

    func validate() throws {
        try CommandLineErrors.check(threads, "threads", in: 1...1_024)
        if let replications { try CommandLineErrors.check(replications, "replications", in: 1...ScenarioLimits.maximumReplications) }
    }

    func run() throws {
        let scenario: ResolvedScenario
        do {
            scenario = try ScenarioLoader.load(file: file, overrides: overrides, seed: nil, replications: replications)
        } catch {
            CommandSupport.fail(error.description, located: true)
        }
        if let output { OutputFile.check(output, force: force, option: "--output") }
        let c = scenario.configuration
        var variants = AttackEvaluation.variants(of: c)
        if variants.isEmpty { CommandSupport.fail("\(file): the scenario has no attacks (attacks.oracle_manipulation or attacks.whales)") }
        if !attacks.isEmpty {
            let names = variants.map(\.name)
            for a in attacks where !names.contains(a) {
                CommandSupport.fail("--attack \(a): no such attack in \(file); valid choices: \(names.joined(separator: ", "))")
            }
            variants = variants.filter { attacks.contains($0.name) }
        }
        _ = StopSignals.install()
        let results: [AttackEvaluation.Result]
        do {
            results = try AttackEvaluation.evaluate(
                variants, twin: AttackEvaluation.twin(of: c), replications: c.replications, threads: threads, stopFlag: .process)
        } catch {
            CommandSupport.fail("\(error)")
        }
        let report = AttackReportJSON(
            scenario: c.name, seed: c.seed, replications: c.replications,
            attacks: results.map { r in
                AttackReportJSON.Attack(
                    name: r.name,
                    figures: Dictionary(uniqueKeysWithValues: zip(AttackEvaluation.figureNames.map(\.name), r.summaries)))
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let text = String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        if let output {
            do { try OutputFile.write(text, to: output, force: force, option: "--output") } catch { CommandSupport.fail("\(error)") }
        }
        if json {
            print(text, terminator: "")
        } else {
            print("scenario \(c.name), seed \(c.seed), \(c.replications) paired replication(s) (attack vs attack-free twin)")
            for r in results {
                print("\n\(r.name)")
                for (f, s) in zip(AttackEvaluation.figureNames, r.summaries) {
                    let ci = s.ci95.map { String(format: "[%.6g, %.6g]", $0[0], $0[1]) } ?? "—"
                    print("  \(f.name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(String(format: "%14.6g", s.mean))  \(ci.padding(toLength: 30, withPad: " ", startingAt: 0))  \(f.unit)")
                }
            }
        }
    }
}

/// The JSON report of `gctsim attack evaluate` (docs/trajectory-format.md, "Attack reports").
struct AttackReportJSON: Encodable {
    struct Attack: Encodable {
        var name: String
        var figures: [String: MetricSummary]
    }
    var scenario: String
    var seed: UInt64
    var replications: Int
    var attacks: [Attack]
}
