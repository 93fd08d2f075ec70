import ArgumentParser
import Foundation
import GCTSweep

/// `gctsim merge SHARDS… --output PATH`: the shard files of one sweep into the unsharded result.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shard files of one sweep (gctsim sweep --shard i/n) into the file the unsharded sweep writes.",
        discussion: "Refuses files of different sweeps (scenario hash, vars, seed, …), missing or repeated shards, and unfinished shards."
    )

    @Argument(help: "The shard files.")
    var files: [String]

    @Option(help: ArgumentHelp("The merged sweep file.", valueName: "PATH"))
    var output: String

    @Flag(help: "Overwrite an existing output file (never a symbolic link, directory or device).")
    var force = false

    @Option(help: ArgumentHelp("Print the per-point summary as csv, md or json.", valueName: "csv|md|json"))
    var summary: String?

    func run() throws {
        do {
            try SweepMerge.merge(files, output: output, force: force)
        } catch {
            CommandSupport.fail(error: error)
        }
        FileHandle.standardError.write(Data("merged \(files.count) shard file(s) → \(output)\n".utf8))
        if let summary {
            guard let format = SweepSummary.Format(rawValue: summary) else { CommandSupport.fail("--summary must be csv, md or json") }
            do { print(try SweepSummary.render(path: output, format: format, metrics: nil), terminator: "") } catch {
                CommandSupport.fail("\(error)")
            }
        }
    }
}
