import GCTEconomics
import GCTWorld

/// The value kinds of scenarios (see "Value formats" in docs/scenarios.md): each read with its
/// range check and written back as canonical YAML's exact text. One codec per kind.
enum Codecs {
    static var string: ValueCodec<String> {
        ValueCodec(type: "string", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.string(n, k) }, encode: CanonicalYAML.quoted)
    }

    static var nonEmptyString: ValueCodec<String> {
        ValueCodec(
            type: "string, not empty",
            decode: { (n, k) throws(ScenarioError) in
                let text = try ScenarioDecoder.string(n, k)
                guard !text.isEmpty else { throw ScenarioError(at: n.location, keyPath: k, "\(k) must not be empty") }
                return text
            },
            encode: CanonicalYAML.quoted)
    }

    static var seed: ValueCodec<UInt64> {
        ValueCodec(type: "seed", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.seed(n, k) }, encode: { String($0) })
    }

    static func integer(minimum: Int) -> ValueCodec<Int> {
        ValueCodec(
            type: "whole number ≥ \(minimum)",
            decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.integer(n, k, minimum: minimum) }, encode: { String($0) })
    }

    /// A number checked against a range described in words (`> 0`, `in [0, 1)`).
    static func number(_ rule: String, _ isValid: @escaping (Double) -> Bool) -> ValueCodec<Double> {
        ValueCodec(
            type: "number \(rule)",
            decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.number(n, k, rule, isValid) }, encode: CanonicalYAML.number)
    }

    static var boolean: ValueCodec<Bool> {
        ValueCodec(type: "boolean", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.boolean(n, k) }, encode: CanonicalYAML.bool)
    }

    static var amount: ValueCodec<TokenAmount> {
        ValueCodec(type: "amount", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.amount(n, k) }, encode: CanonicalYAML.amount)
    }

    /// An exact rate (`"0.005"`, `"0.5%"`, `"1/200"`), at most `maximum`: the one rate parser.
    static func rate(maximum: Rate = .one) -> ValueCodec<Rate> {
        ValueCodec(
            type: maximum == .one ? "rate" : "rate ≤ \(maximum)",
            decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.rate(n, k, maximum: maximum) }, encode: CanonicalYAML.rate)
    }

    static var rate: ValueCodec<Rate> { rate() }

    static var duration: ValueCodec<ScenarioDuration> {
        ValueCodec(
            type: "duration", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.duration(n, k) }, encode: \.canonicalText)
    }

    static var positiveDuration: ValueCodec<ScenarioDuration> {
        ValueCodec(
            type: "duration > 0", decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.positiveDuration(n, k) },
            encode: \.canonicalText)
    }

    /// One of a closed set of words.
    static func choice<T: RawRepresentable & CaseIterable>(_: T.Type) -> ValueCodec<T> where T.RawValue == String {
        ValueCodec(
            type: T.allCases.map { "`\($0.rawValue)`" }.joined(separator: ", "),
            decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.choice(n, k) }, encode: \.rawValue)
    }

    /// A distribution (or a plain number: a constant) of plain numbers.
    static var distribution: ValueCodec<DistributionSpec> {
        ValueCodec(
            type: "distribution",
            decode: { (n, k) throws(ScenarioError) in try ScenarioDecoder.distribution(n, k, time: false) },
            encode: { CanonicalYAML.distribution($0, time: false) })
    }

    /// A governable parameter's value, read with the kind's codec and checked by
    /// `ParameterChange.validated()`: the same rule as a governance proposal setting it.
    static func governable<V>(
        _ base: ValueCodec<V>, _ change: @escaping (V) -> ParameterChange
    ) -> ValueCodec<V> {
        ValueCodec(
            type: base.type,
            decode: { (n, k) throws(ScenarioError) in
                let value = try base.decode(n, k)
                do { _ = try change(value).validated() } catch { throw ScenarioError(at: n.location, keyPath: k, "\(k): \(error)") }
                return value
            },
            encode: base.encode)
    }
}
