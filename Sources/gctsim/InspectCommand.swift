import ArgumentParser
import Foundation
import GCTTrajectory

/// `gctsim inspect FILE.h5 [--json]`: a summary of a trajectory file.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Summarise a trajectory file: status, metadata, datasets with shape and type, time span, last values.",
        discussion: "The file may still be being written: inspect reads it as of the writer's last flush (status 'running')."
    )

    @Argument(help: "The trajectory file (HDF5).")
    var file: String

    @Flag(help: "Print the summary as JSON (sorted keys) instead of text.")
    var json = false

    func run() throws {
        let summary: TrajectorySummary
        do {
            summary = try TrajectorySummary(reader: TrajectoryReader(path: file))
        } catch let error as TrajectoryError {
            FileHandle.standardError.write(Data("gctsim inspect: \(error)\n".utf8))
            throw ExitCode(2)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(summary), as: UTF8.self))
        } else {
            print(Self.text(summary), terminator: "")
        }
    }
}
