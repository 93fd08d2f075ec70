import ArgumentParser
import GCTEconomics

/// `gctsim quote autoscale`: `auto_scale_resources`.
struct QuoteAutoscaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autoscale", abstract: "The scaling decision for a token velocity, demand and supply (auto_scale_resources).")

    @Option(help: "Annualized token velocity (see docs/departures-from-spec.md P5).") var velocity: String
    @Option(help: "Current demand (same unit as --supply).") var demand: String
    @Option(help: "Available supply.") var supply: String
    @OptionGroup var output: QuoteOutputOptions

    struct JSON: Encodable {
        var action: String
        var factor: String
    }

    func run() throws {
        try QuoteIO.run {
            let d = AutoScaling.decide(
                velocity: try QuoteIO.decimal(velocity, flag: "--velocity"),
                demand: try QuoteIO.decimal(demand, flag: "--demand"),
                supply: try QuoteIO.decimal(supply, flag: "--supply"))
            if output.json { return try QuoteIO.json(JSON(action: d.action.rawValue, factor: d.factor.description)) }
            return "auto-scaling\n" + QuoteIO.table([("action", d.action.rawValue), ("factor", d.factor.description)])
        }
    }
}
