import ArgumentParser
import GCTEconomics

/// `gctsim quote compute`: `calculate_compute_cost`.
struct QuoteComputeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute", abstract: "The GCT cost of one GPU operation (calculate_compute_cost).")

    @Option(help: "Operation: \(ComputeOperation.known.map(\.name).joined(separator: ", ")).")
    var op: String
    @Flag(help: "Accept an operation outside the table, at the spec's default 0.1 GCT.")
    var customOp = false
    @Option(name: .customLong("memory-gb"), help: "Memory in GB (up to 9 decimal places).")
    var memoryGB: String
    @Option(help: "Compute units (up to 9 decimal places; the spec takes a Decimal).")
    var computeUnits: String
    @Option(help: "Execution time in minutes (up to 9 decimal places).")
    var minutes: String
    @Option(help: "Demand factor.") var demand = "1"
    @Option(help: "Supply factor (> 0; the cost is divided by it).") var supply = "1"
    @Option(help: "Network congestion factor.") var congestion = "1"
    @OptionGroup var output: QuoteOutputOptions

    struct JSON: Encodable {
        var op: String
        var base_cost_gct: String
        var base_cost_base_units: Int64
        var cost_gct: String
        var cost_base_units: Int64
        var floor_applied: Bool
    }

    func operation() throws -> ComputeOperation {
        if let known = ComputeOperation(knownName: op) { return known }
        if customOp { return .custom(op) }
        let names = ComputeOperation.known.map(\.name)
        let suggestion = QuoteIO.closest(to: op, in: names).map { " did you mean '\($0)'?" } ?? ""
        throw QuoteInputError(
            "unknown op '\(op)' for --op; valid: \(names.joined(separator: ", "));\(suggestion) (use --custom-op to price it at the default 0.1 GCT)")
    }

    func run() throws {
        try QuoteIO.run {
            let operation = try operation()
            let resources = ComputeResources(
                memoryGB: try QuoteIO.decimal(memoryGB, flag: "--memory-gb"),
                computeUnits: try QuoteIO.decimal(computeUnits, flag: "--compute-units"),
                executionMinutes: try QuoteIO.decimal(minutes, flag: "--minutes"))
            let market = MarketConditions(
                demandFactor: try QuoteIO.decimal(demand, flag: "--demand"),
                supplyFactor: try QuoteIO.decimal(supply, flag: "--supply"),
                congestionFactor: try QuoteIO.decimal(congestion, flag: "--congestion"))
            let q = try ComputePricing.calculateComputeCost(operation: operation, resources: resources, market: market)
            if output.json {
                return try QuoteIO.json(JSON(
                    op: operation.name, base_cost_gct: q.baseCost.decimalString(), base_cost_base_units: q.baseCost.baseUnits,
                    cost_gct: q.cost.decimalString(), cost_base_units: q.cost.baseUnits, floor_applied: q.floorApplied))
            }
            return "compute cost of \(operation.name)\n" + QuoteIO.table([
                ("base cost", "\(q.baseCost) GCT"),
                ("resources", "\(resources.memoryGB) GB, \(resources.computeUnits) compute units, \(resources.executionMinutes) min"),
                ("market", "demand \(market.demandFactor), supply \(market.supplyFactor), congestion \(market.congestionFactor)"),
                ("cost", "\(q.cost) GCT (\(q.cost.baseUnits) base units)" + (q.floorApplied ? ", the 0.001 GCT floor" : "")),
            ])
        }
    }
}
