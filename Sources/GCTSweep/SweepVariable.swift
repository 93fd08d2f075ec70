import Foundation

/// One `--var KEY=v1,v2,…` or `--var KEY=start..stop:step`: a scenario var or `--set` key path and
/// the values it takes, as the exact text passed to `--set`.
public struct SweepVariable: Sendable, Equatable, Hashable {
    public var key: String
    public var values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// The most values one range may expand to.
    public static let maximumValues = 100_000

    /// Parses `KEY=v1,v2,…` or `KEY=start..stop:step` (stop included when the steps reach it exactly;
    /// decimal arithmetic, so `0.001..0.003:0.001` gives `0.001, 0.002, 0.003`).
    ///
    /// - Parameter context: how errors name the value (default `--var 'TEXT'`; a scenario's
    ///   `sweep:` section passes `file:line:column: error: sweep.vars.KEY`).
    public init(parsing text: String, context: String? = nil) throws(SweepError) {
        let what = context ?? "--var '\(text)'"
        guard let eq = text.firstIndex(of: "=") else {
            throw SweepError("--var needs KEY=v1,v2,… or KEY=start..stop:step (e.g. servers=4,8,16), got '\(text)'")
        }
        let key = String(text[..<eq]), rhs = String(text[text.index(after: eq)...])
        guard !key.isEmpty, !key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
            throw SweepError("\(what): '\(key)' is not a var name or dotted key path such as economy.burn_rate")
        }
        if ["seed", "replications"].contains(key) {
            throw SweepError("\(what): \(key) cannot be swept (replication r of every point uses the streams of (seed, r); use --replications)")
        }
        self.key = key
        if let dots = rhs.range(of: ".."), !rhs.hasPrefix("[") {
            values = try Self.range(start: String(rhs[..<dots.lowerBound]), rest: String(rhs[dots.upperBound...]), what: what)
        } else {
            let items = rhs.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
                throw SweepError("\(what): empty value in the list (write KEY=v1,v2,…)")
            }
            values = items
        }
    }

    static func range(start: String, rest: String, what: String) throws(SweepError) -> [String] {
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw SweepError("\(what): a range is start..stop:step (e.g. servers=4..16:4), the step is missing")
        }
        func decimal(_ s: String, _ part: String) throws(SweepError) -> Decimal {
            let t = s.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard !t.isEmpty, t.allSatisfy({ "0123456789.-+eE".contains($0) }), let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")) else {
                throw SweepError("\(what): the range \(part) '\(s)' is not a number")
            }
            return d
        }
        let a = try decimal(start, "start"), b = try decimal(parts[0], "stop"), step = try decimal(parts[1], "step")
        guard step != 0 else { throw SweepError("\(what): the step must not be 0") }
        guard (step > 0 && b >= a) || (step < 0 && b <= a) else {
            throw SweepError("\(what): the step \(step) never goes from \(a) to \(b)")
        }
        var values: [String] = []
        var v = a
        while step > 0 ? v <= b : v >= b {
            values.append(Self.text(v))
            guard values.count <= maximumValues else {
                throw SweepError("\(what): more than \(maximumValues) values")
            }
            v += step
        }
        return values
    }

    /// Plain decimal text (`4`, `0.005`, `-1.5`).
    static func text(_ d: Decimal) -> String {
        var d = d
        var rounded = Decimal()
        NSDecimalRound(&rounded, &d, 12, .plain)
        return NSDecimalNumber(decimal: rounded).stringValue
    }

    /// Whether every value is a number (the `/sweep` column is then `float64`, else a string).
    public var isNumeric: Bool { values.allSatisfy { Double($0.replacingOccurrences(of: "_", with: "")) != nil } }

    /// `KEY=v1,v2,…`, as recorded in the file.
    public var text: String { "\(key)=\(values.joined(separator: ","))" }
}
