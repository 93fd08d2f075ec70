import ArgumentParser
import GCTEconomics

@main
struct GCTSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gctsim",
        abstract: "A deterministic discrete-event simulator of the GPU Compute Token economy (PRD-010).",
        version: GCTSimVersion.string,
        subcommands: [
            RunCommand.self, ValidateCommand.self, InspectCommand.self, QuoteCommand.self,
            DevicesCommand.self, MonteCarloCommand.self, CalibrateCommand.self, CheckCommand.self, WriteSampleTrajectoryCommand.self,
        ]
    )
}

enum GCTSimVersion {
    static let string = "0.1.0"
}
