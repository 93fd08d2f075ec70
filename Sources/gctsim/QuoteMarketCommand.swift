import ArgumentParser
import GCTEconomics

extension MarketMultiplierMode: ExpressibleByArgument {}

/// `gctsim quote market`: the dynamic price multiplier of `calculate_market_prices`.
struct QuoteMarketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "market", abstract: "The price multiplier for a supply/demand ratio (calculate_market_prices).")

    @Option(help: "The supply/demand ratio (up to 9 decimal places).") var ratio: String
    @Option(help: "literal (the spec's code as written) or fixed (the default; see docs/departures-from-spec.md P1).")
    var mode: MarketMultiplierMode = .fixed
    @OptionGroup var output: QuoteOutputOptions

    struct JSON: Encodable {
        var ratio: String
        var mode: String
        var multiplier: String
    }

    func run() throws {
        try QuoteIO.run {
            let r = try QuoteIO.decimal(ratio, flag: "--ratio")
            let m = MarketMultiplier(mode: mode).multiplier(supplyDemandRatio: r)
            if output.json { return try QuoteIO.json(JSON(ratio: r.decimalString(), mode: mode.rawValue, multiplier: m.description)) }
            return "market multiplier (\(mode.rawValue) mode)\n" + QuoteIO.table([("supply/demand ratio", "\(r)"), ("multiplier", "\(m)")])
        }
    }
}
