/// One `--set key=value` argument.
///
/// `name=value` overrides a declared var; `a.b.c=value` sets any key (a list index is a number:
/// `users.0.arrival.rate_per_s=3`). A value starting with `[` or `{` is parsed as a YAML flow
/// list or mapping; an empty value is null (which removes the key back to its default).
public struct ScenarioOverride: Hashable, Sendable {
    /// The argument as written, `path=value`; also the location of the value in errors.
    public var text: String
    /// The dotted path, split: `["users", "0", "count"]`.
    public var path: [String]
    /// The value, located at `--set text`.
    public var value: ScenarioNode

    public init(parsing text: String) throws(ScenarioError) {
        let here = SourceLocation.commandLine(text)
        guard let equals = text.firstIndex(of: "=") else {
            throw ScenarioError(at: here, "--set needs key=value (e.g. servers=4 or users.0.count=10), got '\(text)'")
        }
        let pathText = String(text[..<equals])
        let valueText = String(text[text.index(after: equals)...])
        let path = pathText.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !pathText.isEmpty, !path.contains(where: \.isEmpty) else {
            throw ScenarioError(at: here, "--set key '\(pathText)' is not a dotted key path such as providers.servers")
        }
        self.text = text
        self.path = path
        if valueText.hasPrefix("[") || valueText.hasPrefix("{") {
            var node = try ScenarioNode.parse(yaml: valueText, origin: .commandLine(text))
            node.relocate(to: here)
            value = node
        } else if valueText.isEmpty {
            value = ScenarioNode(.null, at: here)
        } else {
            value = ScenarioNode(.scalar(valueText, quoted: false), at: here)
        }
    }

    /// The dotted key path, `users.0.count`.
    public var keyPath: String { path.joined(separator: ".") }
}

extension ScenarioNode {
    /// Sets every location in the subtree to `location` (for values from the command line).
    mutating func relocate(to location: SourceLocation) {
        self.location = location
        switch kind {
        case .null, .scalar: break
        case var .sequence(items):
            for i in items.indices { items[i].relocate(to: location) }
            kind = .sequence(items)
        case var .mapping(entries):
            for i in entries.indices {
                entries[i].keyLocation = location
                entries[i].value.relocate(to: location)
            }
            kind = .mapping(entries)
        }
    }

    /// Sets the value at `path` below this node, creating mappings on the way.
    ///
    /// - Throws: `ScenarioError` at the override when a list index is out of range or not a number,
    ///   or when the path goes through a scalar.
    mutating func set(_ path: ArraySlice<String>, to value: ScenarioNode, by override: ScenarioOverride) throws(ScenarioError) {
        guard let head = path.first else {
            self = value
            return
        }
        let here = SourceLocation.commandLine(override.text)
        let walked = override.path[..<(override.path.count - path.count)].joined(separator: ".")
        let parentName = walked.isEmpty ? "the top level" : walked
        switch kind {
        case .null:
            kind = .mapping([])
            try set(path, to: value, by: override)
        case var .mapping(entries):
            if let i = entries.firstIndex(where: { $0.key == head }) {
                entries[i].keyLocation = here
                try entries[i].value.set(path.dropFirst(), to: value, by: override)
            } else {
                var child = ScenarioNode(.null, at: here)
                try child.set(path.dropFirst(), to: value, by: override)
                entries.append(Entry(key: head, keyLocation: here, value: child))
            }
            kind = .mapping(entries)
        case var .sequence(items):
            guard let index = Int(head), items.indices.contains(index) else {
                throw ScenarioError(
                    at: here, keyPath: override.keyPath,
                    "'\(head)' is not an index of the list \(parentName), which has \(items.count) item(s) (0...\(max(items.count - 1, 0)))")
            }
            try items[index].set(path.dropFirst(), to: value, by: override)
            kind = .sequence(items)
        case .scalar:
            throw ScenarioError(
                at: here, keyPath: override.keyPath,
                "cannot set '\(override.keyPath)': \(parentName) is a single value, not a mapping or list")
        }
    }
}
