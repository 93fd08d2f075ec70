import ArgumentParser
import Foundation
import GCTScenario
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
            FileHandle.standardError.write(Data((ErrorText.oneLine("error: \(error)") + "\n").utf8))
            throw ExitCode(2)
        }
        if json {
            // NaN and ±infinity have no JSON form: they are written as null (docs/trajectory-format.md).
            let sentinel = "gctsim-non-finite-7f3a9c"
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: sentinel, negativeInfinity: sentinel, nan: sentinel)
            let text = String(decoding: try encoder.encode(summary), as: UTF8.self)
            print(text.replacingOccurrences(of: "\"\(sentinel)\"", with: "null"))
        } else {
            print(Self.text(summary), terminator: "")
        }
    }
}
