import ArgumentParser

/// `gctsim montecarlo`: Monte-Carlo batches on the CPU twins or the GPU.
struct MonteCarloCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "montecarlo", abstract: "Monte-Carlo batches of oracle rounds and token-flow replications (CPU or GPU).",
        subcommands: [MonteCarloOracleCommand.self, MonteCarloTokenFlowCommand.self])
}
