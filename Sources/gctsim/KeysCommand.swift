import ArgumentParser
import Foundation
import GCTScenario
import GCTTrajectory

/// `gctsim keys --markdown [--update FILE]`: the table of every scenario key, made from the key declarations.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the table of every scenario key (type, default, doc), made from the key declarations.",
        shouldDisplay: false
    )

    @Flag(help: "Print the table as Markdown (the only format).")
    var markdown = false

    @Option(help: ArgumentHelp("Replace the table between <!-- keys:begin --> and <!-- keys:end --> in this file.", valueName: "file"))
    var update: String?

    func run() throws {
        guard let update else {
            print(ScenarioKeyTable.markdown, terminator: "")
            return
        }
        let document: String
        switch YAMLLimits.read(path: update) {
        case let .success(text): document = text
        case let .failure(failure): CommandSupport.fail("--update: cannot read '\(update)': \(failure.reason)")
        }
        guard let updated = ScenarioKeyTable.updating(document) else {
            throw ValidationError("\(update) has no \(ScenarioKeyTable.beginMark) … \(ScenarioKeyTable.endMark) region")
        }
        // The file is replaced (that is the point of --update), but never a symbolic link or device.
        do { try OutputFile.write(updated, to: update, force: true, option: "--update") } catch { CommandSupport.fail(error.message) }
    }
}
