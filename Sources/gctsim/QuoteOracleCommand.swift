import ArgumentParser
import Foundation
import GCTEconomics
import GCTScenario

/// `gctsim quote oracle`: `aggregate_with_consensus` on a YAML file of validator reports
/// (the format and its errors: `OracleReportsFile` in GCTScenario; example: docs/examples/oracle-reports.yaml).
struct QuoteOracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle", abstract: "Oracle consensus over validator reports (aggregate_with_consensus).")

    @Option(help: "YAML file of validators with stake, reputation and reported values.") var reports: String
    @Option(help: "Outlier rule: the largest relative deviation from consensus (default 0.25).")
    var maxDeviation = "0.25"
    @OptionGroup var output: QuoteOutputOptions

    struct FieldJSON: Encodable { var field: String; var value: String }
    struct ReputationJSON: Encodable { var validator: String; var before: String; var after: String; var reason: String }
    struct JSON: Encodable {
        var consensus: [FieldJSON]
        var outliers: [String]
        var reputations: [ReputationJSON]
        var confidence: Double
        var validator_count: Int
    }

    func run() throws {
        try QuoteIO.run {
            let k: Rate
            do { k = try Rate(parsing: maxDeviation) } catch {
                throw QuoteInputError("invalid value '\(maxDeviation)' for --max-deviation: \(QuoteIO.reason(error))")
            }
            let (fields, received, unavailable) = try Self.load(path: reports)
            let result = try OracleConsensus(outlierRule: OutlierRule(maxRelativeDeviation: k))
                .aggregateWithConsensus(fields: fields, reports: received, unavailable: unavailable)
            if output.json {
                return try QuoteIO.json(JSON(
                    consensus: zip(result.fields, result.values).map { FieldJSON(field: $0, value: $1.decimalString()) },
                    outliers: result.outliers,
                    reputations: result.reputations.map {
                        ReputationJSON(validator: $0.validatorID, before: $0.before.decimalString(), after: $0.after.decimalString(),
                                       reason: $0.reason.rawValue)
                    },
                    confidence: result.confidence, validator_count: result.validatorCount))
            }
            var lines = ["oracle consensus (\(result.validatorCount) reports, weighted median, outlier above \(k) relative deviation)"]
            lines.append(QuoteIO.table(zip(result.fields, result.values).map { ($0, $1.decimalString()) }))
            lines.append("  outliers: " + (result.outliers.isEmpty ? "none" : result.outliers.joined(separator: ", ")))
            lines.append("  reputations:")
            lines.append(QuoteIO.table(result.reputations.map {
                ("  " + $0.validatorID, "\($0.before) -> \($0.after)" + ($0.reason == .none ? "" : " (\($0.reason.rawValue))"))
            }))
            lines.append("  confidence: \(result.confidence)")
            return lines.joined(separator: "\n")
        }
    }

    /// Reads the reports file with the scenario parser; errors name the file, line, column and key.
    static func load(path: String) throws -> ([String], [OracleReport], [UnavailableValidator]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw QuoteInputError("cannot read --reports file '\(path)'")
        }
        let file = try OracleReportsFile(yaml: text, path: path)
        return (file.fields, file.reports, file.unavailable)
    }
}
