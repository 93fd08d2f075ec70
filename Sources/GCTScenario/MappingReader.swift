/// Reads one mapping of a scenario: checks its keys and hands out values with their key paths.
struct MappingReader {
    let node: ScenarioNode
    let keyPath: String
    let entries: [ScenarioNode.Entry]

    /// - Throws: `ScenarioError` if `node` is neither a mapping nor null, or holds a key not in
    ///   `validKeys` (with the closest suggested), or a key in `reserved` ("not yet supported").
    init(_ node: ScenarioNode, keyPath: String, validKeys: [String], reserved: [String] = []) throws(ScenarioError) {
        self.node = node
        self.keyPath = keyPath
        switch node.kind {
        case .null:
            entries = []
        case let .mapping(entries):
            self.entries = entries
        default:
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(MappingReader.describe(keyPath)) must be a mapping, got \(node.kindDescription)", validChoices: validKeys)
        }
        for entry in entries {
            if reserved.contains(entry.key) {
                throw ScenarioError(
                    at: entry.keyLocation, keyPath: entry.key,
                    "'\(entry.key)' is reserved for a later version of GCTSim and not yet supported")
            }
            guard validKeys.contains(entry.key) else {
                throw ScenarioError.choosing(
                    at: entry.keyLocation, keyPath: child(entry.key),
                    "unknown key '\(entry.key)' in \(MappingReader.describe(keyPath))", written: entry.key,
                    validChoices: validKeys)
            }
        }
    }

    static func describe(_ keyPath: String) -> String { keyPath.isEmpty ? "the top level" : keyPath }

    func child(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }

    /// The value under `key`, or `nil` when absent or null.
    func optional(_ key: String) -> ScenarioNode? {
        guard let value = entries.first(where: { $0.key == key })?.value, !value.isNull else { return nil }
        return value
    }

    /// The value under `key`.
    ///
    /// - Throws: `ScenarioError` at the mapping when the key is absent or null.
    func required(_ key: String, example: String) throws(ScenarioError) -> ScenarioNode {
        guard let value = optional(key) else {
            throw ScenarioError(
                at: node.location, keyPath: child(key),
                "missing required key '\(key)' in \(MappingReader.describe(keyPath)) (e.g. \(key): \(example))")
        }
        return value
    }

    /// Decodes `key` with `decode` when present, else returns `fallback`.
    func value<T>(
        _ key: String, default fallback: T, _ decode: (ScenarioNode, String) throws(ScenarioError) -> T
    ) throws(ScenarioError) -> T {
        guard let node = optional(key) else { return fallback }
        return try decode(node, child(key))
    }

    /// Decodes `key` with `decode` when present, else `nil`.
    func optionalValue<T>(
        _ key: String, _ decode: (ScenarioNode, String) throws(ScenarioError) -> T
    ) throws(ScenarioError) -> T? {
        guard let node = optional(key) else { return nil }
        return try decode(node, child(key))
    }

    /// Decodes the required `key` with `decode`.
    func requiredValue<T>(
        _ key: String, example: String, _ decode: (ScenarioNode, String) throws(ScenarioError) -> T
    ) throws(ScenarioError) -> T {
        let node = try required(key, example: example)
        return try decode(node, child(key))
    }
}
