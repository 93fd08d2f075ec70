/// A scenario file's `sweep:` section: what `gctsim sweep FILE` sweeps when no `--var` is given.
///
/// ```yaml
/// sweep:
///   vars:
///     servers: [4, 8, 16]                 # a list of values
///     economy.burn_rate: "0.005..0.02:0.005"  # or a range start..stop:step (stop included)
///   zip: false                            # pair the lists position by position (default: grid)
///   replications: 10                      # replications per point (default: the scenario's)
/// ```
///
/// The section is the file's own: it is not inherited through `extends`, it is not part of the
/// configuration (nor of the scenario hash), and `gctsim run` ignores it. Keys are vars or `--set`
/// key paths, as with `--var`; values are kept as text and expanded by the sweep.
public struct ScenarioSweepSection: Hashable, Sendable {
    /// One swept var: a list of values, or a range's text (`start..stop:step`), with where it was written.
    public struct Variable: Hashable, Sendable {
        public var key: String
        public var values: [String]?
        public var range: String?
        public var location: SourceLocation
    }

    public var variables: [Variable]
    public var zip: Bool
    public var replications: Int?
    /// Where `sweep:` was written.
    public var location: SourceLocation

    static let keys = ["vars", "zip", "replications"]

    /// Removes the top-level `sweep` entry from `tree` and reads it, if present.
    ///
    /// - Throws: `ScenarioError` at the offending key or value.
    static func extract(from tree: inout ScenarioNode) throws(ScenarioError) -> ScenarioSweepSection? {
        guard case let .mapping(entries) = tree.kind, let entry = entries.first(where: { $0.key == "sweep" }) else { return nil }
        tree = ScenarioNode(.mapping(entries.filter { $0.key != "sweep" }), at: tree.location)
        return try ScenarioSweepSection(entry.value, at: entry.keyLocation)
    }

    /// Removes a top-level `sweep` entry (a parent file's, which is not inherited).
    static func removed(from tree: ScenarioNode) -> ScenarioNode {
        guard case let .mapping(entries) = tree.kind, entries.contains(where: { $0.key == "sweep" }) else { return tree }
        return ScenarioNode(.mapping(entries.filter { $0.key != "sweep" }), at: tree.location)
    }

    init(_ node: ScenarioNode, at keyLocation: SourceLocation) throws(ScenarioError) {
        location = keyLocation
        guard case let .mapping(entries) = node.kind else {
            throw ScenarioError(
                at: node.location, keyPath: "sweep",
                "sweep must be a mapping such as {vars: {servers: [4, 8]}, zip: false, replications: 10}, got \(node.kindDescription)",
                validChoices: Self.keys)
        }
        for e in entries where !Self.keys.contains(e.key) {
            throw ScenarioError.choosing(
                at: e.keyLocation, keyPath: "sweep.\(e.key)", "unknown key '\(e.key)' in sweep", written: e.key, validChoices: Self.keys)
        }
        guard let varsEntry = entries.first(where: { $0.key == "vars" }) else {
            throw ScenarioError(at: keyLocation, keyPath: "sweep", "sweep needs vars: (e.g. vars: {servers: [4, 8, 16]})")
        }
        guard case let .mapping(varEntries) = varsEntry.value.kind, !varEntries.isEmpty else {
            throw ScenarioError(
                at: varsEntry.value.location, keyPath: "sweep.vars",
                "sweep.vars must be a non-empty mapping of var or key path to values (e.g. {servers: [4, 8], economy.burn_rate: \"0.005..0.02:0.005\"}), got \(varsEntry.value.kindDescription)")
        }
        var variables: [Variable] = []
        for e in varEntries {
            let k = "sweep.vars.\(e.key)"
            guard !e.key.isEmpty, !e.key.split(separator: ".", omittingEmptySubsequences: false).contains(where: \.isEmpty) else {
                throw ScenarioError(at: e.keyLocation, keyPath: k, "'\(e.key)' in sweep.vars is not a var name or dotted key path such as economy.burn_rate")
            }
            if ["seed", "replications"].contains(e.key) {
                throw ScenarioError(
                    at: e.keyLocation, keyPath: k,
                    "\(e.key) cannot be swept (replication r of every point uses the streams of (seed, r); use sweep.replications)")
            }
            switch e.value.kind {
            case let .sequence(items):
                guard !items.isEmpty else { throw ScenarioError(at: e.value.location, keyPath: k, "\(k) is an empty list: give at least one value") }
                var values: [String] = []
                for (i, item) in items.enumerated() {
                    guard let text = item.scalarText, !text.isEmpty else {
                        throw ScenarioError(
                            at: item.location, keyPath: "\(k).\(i)", "\(k).\(i) must be a single value (a number or a word), got \(item.kindDescription)")
                    }
                    values.append(text)
                }
                variables.append(Variable(key: e.key, values: values, range: nil, location: e.value.location))
            case let .scalar(text, _) where text.contains(".."):
                variables.append(Variable(key: e.key, values: nil, range: text, location: e.value.location))
            default:
                throw ScenarioError(
                    at: e.value.location, keyPath: k,
                    "\(k) must be a list of values such as [4, 8, 16] or a range \"start..stop:step\" such as \"4..16:4\", got \(e.value.kindDescription)")
            }
        }
        self.variables = variables
        zip = try entries.first { $0.key == "zip" }.map { (e) throws(ScenarioError) in try ScenarioDecoder.boolean(e.value, "sweep.zip") } ?? false
        replications = try entries.first { $0.key == "replications" }.map { (e) throws(ScenarioError) in
            try ScenarioDecoder.integer(e.value, "sweep.replications", minimum: 1)
        }
    }
}
