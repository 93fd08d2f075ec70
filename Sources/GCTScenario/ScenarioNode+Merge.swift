extension ScenarioNode {
    /// Deep merge for `extends`: `override` (the extending file) wins over `self` (the parent).
    ///
    /// Two mappings merge key by key, recursively, keeping the parent's key order and appending
    /// new keys; a `null` in the override removes the parent's key (back to the default).
    /// Anything else (scalars, lists) is replaced whole by the override.
    ///
    /// - Complexity: O(n × m) per mapping level, for small scenario mappings.
    public func merged(with override: ScenarioNode) -> ScenarioNode {
        guard case let .mapping(base) = kind, case let .mapping(over) = override.kind else { return override }
        var result: [Entry] = []
        for entry in base {
            if let replacement = over.first(where: { $0.key == entry.key }) {
                if replacement.value.isNull { continue }
                result.append(
                    Entry(key: entry.key, keyLocation: replacement.keyLocation, value: entry.value.merged(with: replacement.value)))
            } else {
                result.append(entry)
            }
        }
        for entry in over where !base.contains(where: { $0.key == entry.key }) && !entry.value.isNull {
            result.append(entry)
        }
        return ScenarioNode(.mapping(result), at: override.location)
    }
}
