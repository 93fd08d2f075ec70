import ArgumentParser
import Foundation
import GCTScenario

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
        let document = try String(contentsOfFile: update, encoding: .utf8)
        guard let updated = ScenarioKeyTable.updating(document) else {
            throw ValidationError("\(update) has no \(ScenarioKeyTable.beginMark) … \(ScenarioKeyTable.endMark) region")
        }
        try updated.write(toFile: update, atomically: true, encoding: .utf8)
    }
}
