import ArgumentParser

/// `gctsim quote`: a calculator for the pricing rules of GCTEconomics (the same code the simulator runs).
struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Price, stake, queue, scale and reach oracle consensus with the PRD-010 rules.",
        discussion: """
            Each subcommand prints a human summary by default and JSON with --json. Amounts are exact \
            decimal strings in GCT plus integer base units (1 GCT = 10^9 base units).
            """,
        subcommands: [
            QuoteComputeCommand.self, QuoteStakeCommand.self, QuotePriorityCommand.self,
            QuoteMarketCommand.self, QuoteAutoscaleCommand.self, QuoteOracleCommand.self,
        ]
    )
}

/// Options shared by every `quote` subcommand.
struct QuoteOutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (sorted keys) instead of the human summary.")
    var json = false
}
