import ArgumentParser
import Foundation
import GCTEconomics
import Yams

/// `gctsim quote oracle`: `aggregate_with_consensus` on a YAML file of validator reports.
///
/// ```yaml
/// fields: [gpu_hour_price, available_memory_gb]   # optional: default, the keys of the first report
/// validators:
///   - id: val-1
///     stake: 50000          # GCT
///     reputation: 0.9       # in [0, 1]
///     values: {gpu_hour_price: 0.10, available_memory_gb: 640}
///   - id: val-9
///     stake: 20000
///     reputation: 0.5
///     available: false      # did not answer: penalized 0.1
/// ```
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

    /// Reads the reports file; errors name the file, line and key.
    static func load(path: String) throws -> ([String], [OracleReport], [UnavailableValidator]) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw QuoteInputError("cannot read --reports file '\(path)'")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw QuoteInputError("\(path): invalid YAML: \(error)") }
        func at(_ n: Node?) -> String { n?.mark.map { "\(path):\($0.line):\($0.column)" } ?? path }
        guard let root, let list = root["validators"]?.sequence else {
            throw QuoteInputError("\(path): expected a mapping with a 'validators' list")
        }
        var fields: [String]? = root["fields"].map { $0.array().compactMap { $0.scalar?.string } }
        var received: [OracleReport] = []
        var unavailable: [UnavailableValidator] = []
        for v in list {
            guard let id = v["id"]?.scalar?.string else { throw QuoteInputError("\(at(v)): validator without 'id'") }
            func scalar(_ key: String) throws -> String {
                guard let s = v[key]?.scalar?.string else { throw QuoteInputError("\(at(v)): validator '\(id)' has no '\(key)'") }
                return s
            }
            let stakeText = try scalar("stake")
            let stake = try QuoteIO.amount(stakeText, flag: "'stake' of validator '\(id)' (\(at(v["stake"])))")
            let repText = try scalar("reputation")
            let reputation: Reputation
            do { reputation = try Reputation(parsing: repText) } catch {
                throw QuoteInputError("invalid value '\(repText)' for 'reputation' of validator '\(id)' (\(at(v["reputation"]))): expected a number in [0, 1]")
            }
            if let a = v["available"], a.bool == false {
                unavailable.append(UnavailableValidator(validatorID: id, reputation: reputation))
                continue
            }
            guard let values = v["values"]?.mapping else {
                throw QuoteInputError("\(at(v)): validator '\(id)' has no 'values' mapping (or set 'available: false')")
            }
            let keys = values.keys.compactMap { $0.scalar?.string }
            if fields == nil { fields = Array(keys) }
            var row: [FixedDecimal] = []
            for f in fields! {
                guard let s = values[Node(f)]?.scalar?.string else {
                    throw QuoteInputError("\(at(v)): validator '\(id)' does not report '\(f)'")
                }
                row.append(try QuoteIO.decimal(s, flag: "'\(f)' of validator '\(id)' (\(at(values[Node(f)])))"))
            }
            received.append(OracleReport(validatorID: id, stake: stake, reputation: reputation, values: row))
        }
        return (fields ?? [], received, unavailable)
    }
}
