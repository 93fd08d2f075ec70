import Foundation
import GCTWorld

/// Durations written with a unit: `250ms`, `1.5s`, `90s`, `15m`, `24h`, `365d`, exact to the nanosecond.
enum DurationText {
    struct Problem: Error {
        var message: String
        var listsUnits = false
        var unknownUnit: String?
    }

    static var unitSymbols: [String] { ScenarioDuration.units.map(\.symbol) }

    static func parse(_ raw: String) -> Result<ScenarioDuration, Problem> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        let numberEnd = text.firstIndex { !($0.isASCII && ($0.isNumber || $0 == "." || $0 == "_" || $0 == "-")) } ?? text.endIndex
        let numberText = String(text[..<numberEnd])
        let unit = String(text[numberEnd...]).trimmingCharacters(in: .whitespaces)
        guard !numberText.isEmpty, numberText.contains(where: \.isNumber) else {
            return .failure(Problem(message: "'\(raw)' is not a duration (write a number and a unit, e.g. 90s, 15m, 24h, 365d)", listsUnits: true))
        }
        if numberText.hasPrefix("-") {
            return .failure(Problem(message: "duration must not be negative, got '\(raw)'"))
        }
        guard !unit.isEmpty else {
            return .failure(Problem(message: "duration '\(raw)' needs a unit (e.g. \(raw)s)", listsUnits: true))
        }
        guard let unitLength = ScenarioDuration.units.first(where: { $0.symbol == unit })?.nanoseconds else {
            return .failure(Problem(message: "unknown duration unit '\(unit)' in '\(raw)'", listsUnits: true, unknownUnit: unit))
        }
        let parts = numberText.replacingOccurrences(of: "_", with: "").split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !(parts.first?.isEmpty ?? true) else {
            return .failure(Problem(message: "'\(raw)' is not a duration (bad number '\(numberText)')"))
        }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 18, parts[0].count <= 19, let whole = UInt128(String(parts[0])) else {
            return .failure(Problem(message: "duration '\(raw)' is out of range"))
        }
        var scale: UInt128 = 1
        for _ in 0..<fraction.count { scale *= 10 }
        let mantissa = whole * scale + (UInt128(fraction) ?? 0)
        let (total, overflow) = mantissa.multipliedReportingOverflow(by: UInt128(unitLength))
        guard !overflow else { return .failure(Problem(message: "duration '\(raw)' is out of range")) }
        guard total % scale == 0 else {
            return .failure(Problem(message: "duration '\(raw)' is finer than 1 ns"))
        }
        guard let nanoseconds = Int64(exactly: total / scale) else {
            return .failure(Problem(message: "duration '\(raw)' is out of range (at most about 292 years)"))
        }
        return .success(ScenarioDuration(nanoseconds: nanoseconds))
    }
}
