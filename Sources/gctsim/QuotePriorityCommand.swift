import ArgumentParser
import GCTEconomics

extension QueuePriorityCurve: ExpressibleByArgument {}

/// `gctsim quote priority`: `calculate_queue_priority`.
struct QuotePriorityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "priority", abstract: "The queue priority of a payment (calculate_queue_priority).")

    @Option(help: "Tokens paid, in GCT.") var tokens: String
    @Option(help: "The fairness draw u in [0, 1) (the spec's rand()).") var u = "0"
    @Option(help: "Priority curve: spec, logarithmic or squareRoot.") var curve: QueuePriorityCurve = .spec
    @OptionGroup var output: QuoteOutputOptions

    struct JSON: Encodable {
        var tokens_gct: String
        var tokens_base_units: Int64
        var curve: String
        var priority: Double
        var token_priority: Double
        var whale_penalty: Double
        var fairness: Double
    }

    func run() throws {
        try QuoteIO.run {
            let t = try QuoteIO.amount(tokens, flag: "--tokens")
            let draw = try QuoteIO.double(u, flag: "--u", in: 0..<1)
            let p = QueuePriority.calculate(tokensPaid: t, u: draw, curve: curve)
            if output.json {
                return try QuoteIO.json(JSON(
                    tokens_gct: t.decimalString(), tokens_base_units: t.baseUnits, curve: curve.rawValue, priority: p.priority,
                    token_priority: p.tokenPriority, whale_penalty: p.whalePenalty, fairness: p.fairness))
            }
            return "queue priority (\(curve.rawValue) curve)\n" + QuoteIO.table([
                ("tokens", "\(t) GCT"), ("token priority", "\(p.tokenPriority)"),
                ("whale penalty", "\(p.whalePenalty)"), ("fairness", "\(p.fairness)"), ("priority", "\(p.priority)"),
            ])
        }
    }
}
