import ArgumentParser
import Foundation
import GCTEngine
import GCTScenario
import GCTTrajectory
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

    @Option(help: ArgumentHelp("Write the report to PATH: HDF5 tables /attack and /attack_summary when PATH ends in .h5, else the JSON report.", valueName: "PATH"))
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
            if output.hasSuffix(".h5") {
                do {
                    try AttackRecordFile.write(
                        results, to: output, force: force, scenario: scenario, replications: c.replications, threads: threads)
                } catch {
                    CommandSupport.fail("--output '\(output)': \(error)")
                }
            } else {
                do { try OutputFile.write(text, to: output, force: force, option: "--output") } catch { CommandSupport.fail("\(error)") }
            }
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

/// `gctsim attack evaluate --output PATH.h5` (docs/trajectory-format.md, "Attack reports"): two
/// compound tables, read by pandas in one line each — `/attack`, one row per (attack,
/// replication) with every figure, and `/attack_summary`, one row per attack with each figure's
/// mean and 95 % CI (`F_mean`, `F_ci_low`, `F_ci_high`), like `/sweep` and `/sweep_points`.
enum AttackRecordFile {
    static func write(
        _ results: [AttackEvaluation.Result], to path: String, force: Bool, scenario: ResolvedScenario,
        replications: Int, threads: Int
    ) throws {
        let names = AttackEvaluation.figureNames.map(\.name)
        let nameWidth = max(results.map(\.name.utf8.count).max() ?? 1, 24)
        let file = try RecordFile.create(path: path, overwrite: force)
        let meta = try file.group("/meta")
        try meta.setAttribute("kind", "attack_evaluation")
        try meta.setAttribute("scenario_name", scenario.configuration.name)
        try meta.setAttribute("scenario_hash", scenario.hashHex)
        try meta.setAttribute("scenario_yaml", scenario.canonicalYAML)
        try meta.setAttribute("seed", scenario.configuration.seed)
        try meta.setAttribute("replications", replications)
        try meta.setAttribute("attacks", results.map(\.name).joined(separator: ","))
        try meta.setAttribute("figures", names.joined(separator: ","))
        try meta.setAttribute("gctsim_version", GCTSimVersion.string)
        let units = try file.createDataset(
            "/attack_figures", fields: [RecordField("figure", .string(32)), RecordField("definition", .string(128))], chunkRows: 64)
        try units.append(AttackEvaluation.figureNames.map { [.string($0.name), .string($0.unit)] })
        let rows = try file.createDataset(
            "/attack", fields: [RecordField("attack", .string(nameWidth)), RecordField("replication", .int64)]
                + names.map { RecordField($0, .double) },
            chunkRows: 256)
        for r in results {
            let n = r.values.first?.count ?? 0
            try rows.append((0..<n).map { k in
                [.string(r.name), .int64(Int64(k))] + r.values.map { .double($0[k]) }
            })
        }
        var summaryFields = [RecordField("attack", .string(nameWidth)), RecordField("n", .int64)]
        for name in names {
            summaryFields += [RecordField("\(name)_mean", .double), RecordField("\(name)_ci_low", .double), RecordField("\(name)_ci_high", .double)]
        }
        let summary = try file.createDataset("/attack_summary", fields: summaryFields, chunkRows: 64)
        try summary.append(results.map { r in
            var row: [RecordValue] = [.string(r.name), .int64(Int64(r.values.first?.count ?? 0))]
            for s in r.summaries {
                row += [.double(s.mean), .double(s.ci95?[0] ?? .nan), .double(s.ci95?[1] ?? .nan)]
            }
            return row
        })
        let provenance = try file.group("/provenance")
        try provenance.setAttribute("threads", threads)
        try file.close(status: .complete)
    }
}
