import ArgumentParser
import Foundation
import GCTEconomics

@main
struct GCTSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gctsim",
        abstract: "A deterministic discrete-event simulator of the GPU Compute Token economy (PRD-010).",
        version: GCTSimVersion.string,
        subcommands: [
            RunCommand.self, ValidateCommand.self, InspectCommand.self, QuoteCommand.self,
            DevicesCommand.self, MonteCarloCommand.self, CalibrateCommand.self, CheckCommand.self, WriteSampleTrajectoryCommand.self, KeysCommand.self, AttackCommand.self,
            SweepCommand.self, MergeCommand.self, ProposalCommand.self,
        ]
    )
}

enum GCTSimVersion {
    static let string = "0.1.0"

    /// The commit recorded as `/meta/git_commit`: `GCTSIM_GIT_COMMIT` if set, else `git rev-parse HEAD`
    /// of the folder the run starts in (the checkout whose scenarios it reads; not necessarily the
    /// commit the binary was built from: SwiftPM has no build-time stamp), else "unknown". To compare
    /// trajectories of two binaries run in two checkouts, set `GCTSIM_GIT_COMMIT` to one value.
    static var gitCommit: String {
        if let env = ProcessInfo.processInfo.environment["GCTSIM_GIT_COMMIT"], !env.isEmpty { return env }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        p.arguments = ["rev-parse", "HEAD"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return "unknown" }
        p.waitUntilExit()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return p.terminationStatus == 0 && !text.isEmpty ? text : "unknown"
    }
}
