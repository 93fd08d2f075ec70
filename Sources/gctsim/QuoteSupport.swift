import ArgumentParser
import Foundation
import GCTEconomics
import GCTScenario

/// A bad input to `gctsim quote`: printed as one `error: …` line on stderr, nothing on stdout.
struct QuoteInputError: Error, CustomStringConvertible {
    var description: String
    init(_ message: String) { description = ErrorText.oneLine(message) }  // one line, values shortened
}

enum QuoteIO {
    /// Runs a subcommand body: on `QuoteInputError` (or any library error) prints one line on
    /// stderr and exits with status 64 (bad input), having printed nothing on stdout.
    static func run(_ body: () throws -> String) throws {
        let output: String
        do {
            output = try body()
        } catch let error as ScenarioError {
            // Already one located line: `file:line:column: error: …`.
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode.validationFailure
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.validationFailure
        }
        print(output, terminator: output.hasSuffix("\n") ? "" : "\n")
    }

    /// Sorted-key, pretty JSON of a Codable value.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A non-negative exact decimal for `flag`.
    static func decimal(_ text: String, flag: String) throws -> FixedDecimal {
        do { return try FixedDecimal(parsing: text) } catch {
            throw QuoteInputError("invalid value '\(text)' for \(flag): \(reason(error))")
        }
    }

    /// A GCT amount for `flag`, non-negative.
    static func amount(_ text: String, flag: String) throws -> TokenAmount {
        let a: TokenAmount
        do { a = try TokenAmount(parsing: text) } catch {
            throw QuoteInputError("invalid value '\(text)' for \(flag): \(reason(error))")
        }
        guard a.baseUnits >= 0 else { throw QuoteInputError("invalid value '\(text)' for \(flag): must not be negative") }
        return a
    }

    /// A non-negative whole number for `flag`.
    static func integer(_ text: String, flag: String) throws -> Int64 {
        guard let v = Int64(text.replacingOccurrences(of: "_", with: "")), v >= 0 else {
            throw QuoteInputError("invalid value '\(text)' for \(flag): expected a non-negative whole number")
        }
        return v
    }

    /// A finite `Double` in `range` for `flag`.
    static func double(_ text: String, flag: String, in range: Range<Double>) throws -> Double {
        guard let v = Double(text), v.isFinite, range.contains(v) else {
            throw QuoteInputError("invalid value '\(text)' for \(flag): expected a number in [\(range.lowerBound), \(range.upperBound))")
        }
        return v
    }

    /// The parse error's own words without the repeated input.
    static func reason(_ error: any Error) -> String {
        let d = "\(error)"
        if let r = d.range(of: "': ") { return String(d[r.upperBound...]) }
        return d
    }

    /// Levenshtein distance, for "did you mean" suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        var row = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in stride(from: 1, through: y.count, by: 1) {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (x[i - 1] == y[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[y.count]
    }

    /// The candidate closest to `word` (ties: the first).
    static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.min { editDistance(word, $0) < editDistance(word, $1) }
    }

    /// Left-aligned label/value lines.
    static func table(_ rows: [(String, String)]) -> String {
        let w = rows.map(\.0.count).max() ?? 0
        return rows.map { "  " + $0.0.padding(toLength: w + 2, withPad: " ", startingAt: 0) + $0.1 }.joined(separator: "\n")
    }
}
