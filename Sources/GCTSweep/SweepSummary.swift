import Foundation
import GCTTrajectory

/// `--summary csv|md|json`: the per-point aggregates of a finished sweep file.
public enum SweepSummary {
    public enum Format: String, CaseIterable, Sendable { case csv, md, json }

    /// Metrics the markdown table shows by default (those the sweep has).
    public static let headline = ["mean_wait_s", "utilization", "throughput_per_s", "supply_burned_gct", "price_paid_gct", "apy_paid"]

    public static func render(path: String, format: Format, metrics: [String]?) throws -> String {
        let file = try SweepFile.open(path: path, writable: false)
        defer { try? file.file.close() }
        guard try file.file.exists(SweepFile.pointsPath) else {
            throw SweepError("\(path) has no /sweep_points (a shard: merge the shards first)")
        }
        let points = try file.file.openDataset(SweepFile.pointsPath)
        let id = file.identity
        let fields = points.fields.map(\.name)
        let all = id.metricNames
        var chosen = metrics ?? (format == .md ? headline.filter(all.contains) : all)
        if chosen.isEmpty { chosen = Array(all.prefix(4)) }
        for m in chosen where !all.contains(m) {
            throw SweepError("unknown metric '\(m)'; valid: \(all.joined(separator: ", "))")
        }
        let varKeys = id.variables.map(\.key)
        var out = ""
        switch format {
        case .md:
            out += "| point | " + varKeys.joined(separator: " | ") + " | n | " + chosen.map { "\($0) (mean ± 95 % CI)" }.joined(separator: " | ") + " |\n"
            out += "|---:|" + String(repeating: "---:|", count: varKeys.count + 1 + chosen.count) + "\n"
        case .csv:
            out += (["point"] + varKeys + ["n"] + chosen.flatMap { ["\($0)_mean", "\($0)_ci_low", "\($0)_ci_high"] }).joined(separator: ",") + "\n"
        case .json:
            out += "[\n"
        }
        var first = true
        var start = 0
        while start < points.rowCount {
            for row in try points.read(start..<min(points.rowCount, start + 256)) {
                func v(_ name: String) -> RecordValue { row[fields.firstIndex(of: name)!] }
                let vars = varKeys.map { v($0).description }
                switch format {
                case .md:
                    out += "| \(v("point")) | " + vars.joined(separator: " | ") + " | \(v("n")) | "
                    out += chosen.map { m in
                        let mean = v("\(m)_mean").doubleValue, hi = v("\(m)_ci_high").doubleValue
                        return hi.isNaN ? ProposalEvaluation.f(mean) : "\(ProposalEvaluation.f(mean)) ± \(ProposalEvaluation.f(hi - mean))"
                    }.joined(separator: " | ") + " |\n"
                case .csv:
                    out += ([v("point").description] + vars.map { $0.contains(",") ? "\"\($0)\"" : $0 } + [v("n").description]
                        + chosen.flatMap { m in ["_mean", "_ci_low", "_ci_high"].map { csv(v(m + $0).doubleValue) } }).joined(separator: ",") + "\n"
                case .json:
                    var o: [String: Any] = ["point": Int(v("point").int64Value ?? 0), "n": Int(v("n").int64Value ?? 0)]
                    var vs: [String: Any] = [:]
                    for k in varKeys { if case .double(let d) = v(k) { vs[k] = d } else { vs[k] = v(k).description } }
                    o["vars"] = vs
                    var ms: [String: Any] = [:]
                    for m in chosen {
                        ms[m] = ["mean": json(v("\(m)_mean").doubleValue), "ci95": [json(v("\(m)_ci_low").doubleValue), json(v("\(m)_ci_high").doubleValue)]]
                    }
                    o["metrics"] = ms
                    let data = try JSONSerialization.data(withJSONObject: o, options: [.sortedKeys])
                    out += (first ? "  " : ",\n  ") + String(decoding: data, as: UTF8.self)
                }
                first = false
            }
            start += 256
        }
        if format == .json { out += "\n]\n" }
        return out
    }

    static func csv(_ x: Double) -> String { x.isNaN ? "" : String(x) }
    static func json(_ x: Double) -> Any { x.isNaN ? NSNull() : x }
}
