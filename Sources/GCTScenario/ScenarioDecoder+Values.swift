import Foundation
import GCTEconomics
import GCTWorld

/// Typed, range-checked readers of single values. Each error names the key path and what was written.
extension ScenarioDecoder {
    static func scalar(_ node: ScenarioNode, _ keyPath: String, expected: String) throws(ScenarioError) -> String {
        guard case let .scalar(text, _) = node.kind else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): expected \(expected), got \(node.kindDescription)")
        }
        return text
    }

    static func string(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> String {
        try scalar(node, keyPath, expected: "a string")
    }

    /// A finite number written in decimal (`7.2`, `1_000`, `1e-3`), or `nil`.
    static func parseNumber(_ text: String) -> Double? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("_"), !trimmed.hasSuffix("_"),
            !trimmed.lowercased().contains("x"), !trimmed.contains("__")
        else { return nil }
        guard let value = Double(trimmed.replacingOccurrences(of: "_", with: "")), value.isFinite else { return nil }
        return value
    }

    static func number(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> Double {
        let text = try scalar(node, keyPath, expected: "a number")
        guard let value = parseNumber(text) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): expected a number, got '\(text)'")
        }
        return value
    }

    /// A number checked against a range described in words (`> 0`, `>= 0`, `in [0, 1)`).
    static func number(
        _ node: ScenarioNode, _ keyPath: String, _ rule: String, _ isValid: (Double) -> Bool
    ) throws(ScenarioError) -> Double {
        let value = try number(node, keyPath)
        guard isValid(value) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must be \(rule), got \(node.scalarText ?? "")")
        }
        return value
    }

    static func integer(_ node: ScenarioNode, _ keyPath: String, minimum: Int) throws(ScenarioError) -> Int {
        let text = try scalar(node, keyPath, expected: "a whole number >= \(minimum)")
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")) else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): expected a whole number >= \(minimum), got '\(text)'")
        }
        guard value >= minimum else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must be a whole number >= \(minimum), got \(value)")
        }
        // No count in a scenario comes near 10^12; the bound keeps the decoder's own arithmetic exact.
        guard value <= ScenarioLimits.maximumInteger else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must be at most \(ScenarioLimits.maximumInteger), got \(value)")
        }
        return value
    }

    static func seed(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> UInt64 {
        let text = try scalar(node, keyPath, expected: "a seed (a whole number 0...2^64-1)")
        let digits = text.replacingOccurrences(of: "_", with: "")
        let value = digits.hasPrefix("0x") ? UInt64(digits.dropFirst(2), radix: 16) : UInt64(digits)
        guard let value else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath, "\(keyPath): expected a whole number 0...18446744073709551615 (or 0x hex), got '\(text)'")
        }
        return value
    }

    /// A non-negative token amount, an exact decimal string of GCT (`"0.001"`, `"1_000"`).
    static func amount(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> TokenAmount {
        let text = try scalar(node, keyPath, expected: "an amount of GCT such as \"0.5\"")
        let value: TokenAmount
        do {
            value = try TokenAmount(parsing: text)
        } catch {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): bad amount \(error) (write an exact decimal of GCT such as \"100\" or \"0.001\")")
        }
        guard !value.isNegative else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): amount must not be negative, got '\(text)'")
        }
        return value
    }

    /// An exact rate (`"0.005"`, `0.5%`, or a fraction `"2/3"`), at most `maximum`.
    ///
    /// Fractions let canonical YAML write back any `Rate` exactly (`Rate.description` is `n/d`
    /// when the denominator is not a product of 2s and 5s).
    static func rate(_ node: ScenarioNode, _ keyPath: String, maximum: Rate = .one) throws(ScenarioError) -> Rate {
        let text = try scalar(node, keyPath, expected: "a rate such as \"0.005\"")
        let value: Rate
        do {
            value = try parseRate(text)
        } catch {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): bad rate \(error) (write an exact decimal such as \"0.005\", \"0.5%\" or a fraction \"2/3\")")
        }
        guard value <= maximum else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must be at most \(maximum), got '\(text)'")
        }
        return value
    }

    /// `Rate(parsing:)`, plus `n/d` with whole `n >= 0` and `d > 0`.
    static func parseRate(_ text: String) throws(DecimalParseError) -> Rate {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return try Rate(parsing: text) }
        var terms: [Int64] = []
        for part in parts {
            let digits = part.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "_", with: "")
            guard !digits.isEmpty else { throw .noDigits(text) }
            if let (offset, c) = digits.enumerated().first(where: { !$0.element.isASCII || !$0.element.isNumber }) {
                throw .invalidCharacter(text, character: c, offset: offset)
            }
            guard let value = Int64(digits) else { throw .outOfRange(text) }
            terms.append(value)
        }
        guard terms[1] > 0 else { throw .outOfRange(text) }
        return Rate(terms[0], over: terms[1])
    }

    /// `true` or `false` (also `True`, `TRUE`, `False`, `FALSE`), unquoted.
    static func boolean(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> Bool {
        let text = try scalar(node, keyPath, expected: "true or false")
        if case .scalar(_, quoted: false) = node.kind {
            if ["true", "True", "TRUE"].contains(text) { return true }
            if ["false", "False", "FALSE"].contains(text) { return false }
        }
        // YAML 1.1 spellings get the YAML 1.2 word as a suggestion.
        let spelled = ["yes": "true", "on": "true", "y": "true", "no": "false", "off": "false", "n": "false"][text.lowercased()]
        throw ScenarioError(
            at: node.location, keyPath: keyPath, "\(keyPath): expected true or false, got '\(text)'",
            validChoices: ["true", "false"],
            suggestion: spelled ?? ClosestMatch.closest(to: text.lowercased(), in: ["true", "false"]))
    }

    /// Where `key` of `reader` is written, or the mapping itself when absent.
    static func location(_ reader: MappingReader, _ key: String) -> SourceLocation {
        (reader.optional(key) ?? reader.node).location
    }

    static func duration(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ScenarioDuration {
        let text = try scalar(node, keyPath, expected: "a duration such as 90s, 15m, 24h or 365d")
        switch DurationText.parse(text) {
        case let .success(duration):
            return duration
        case let .failure(problem):
            throw ScenarioError(
                at: node.location, keyPath: keyPath, "\(keyPath): \(problem.message)",
                validChoices: problem.listsUnits ? DurationText.unitSymbols : [],
                suggestion: problem.unknownUnit.flatMap { ClosestMatch.closest(to: $0, in: DurationText.unitSymbols) })
        }
    }

    /// A value of a closed set (`dynamic`, `fixed`), suggesting the closest on a typo.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ node: ScenarioNode, _ keyPath: String
    ) throws(ScenarioError) -> T where T.RawValue == String {
        let valid = T.allCases.map(\.rawValue)
        let text = try scalar(node, keyPath, expected: "one of \(valid.joined(separator: ", "))")
        guard let value = T(rawValue: text) else {
            throw ScenarioError.choosing(
                at: node.location, keyPath: keyPath, "\(keyPath): unknown value '\(text)'", written: text, validChoices: valid)
        }
        return value
    }

    static func list(_ node: ScenarioNode, _ keyPath: String, expected: String) throws(ScenarioError) -> [ScenarioNode] {
        guard case let .sequence(items) = node.kind else {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): expected \(expected), got \(node.kindDescription)")
        }
        return items
    }

    /// An operation name from PRD-010's op table.
    static func operation(_ name: String, at location: SourceLocation, keyPath: String) throws(ScenarioError) -> ScenarioOperation {
        guard let op = ScenarioOperation(rawValue: name) else {
            throw ScenarioError.choosing(
                at: location, keyPath: keyPath, "unknown op '\(name)' in \(keyPath)", written: name,
                validChoices: ScenarioOperation.yamlNames)
        }
        return op
    }
}
