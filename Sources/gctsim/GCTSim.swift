import ArgumentParser
import GCTEconomics

@main
struct GCTSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gctsim",
        abstract: "A deterministic discrete-event simulator of the GPU Compute Token economy (PRD-010).",
        version: GCTSimVersion.string,
        subcommands: [RunCommand.self, ValidateCommand.self, QuoteCommand.self]
    )
}

enum GCTSimVersion {
    static let string = "0.1.0"
}
