/// A YAML value with the place it was written: the tree that `extends`, vars and `--set` work on.
///
/// Unlike Yams' `Node`, every part keeps a `SourceLocation`, including values merged from a
/// parent file or set on the command line, so an error names where the offending text is.
public struct ScenarioNode: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `~`, `null`, or an empty value.
        case null
        /// A scalar's text as written; `quoted` when it was single- or double-quoted.
        case scalar(String, quoted: Bool)
        case sequence([ScenarioNode])
        case mapping([Entry])
    }

    /// One key and its value in a mapping.
    public struct Entry: Hashable, Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: ScenarioNode
        public init(key: String, keyLocation: SourceLocation, value: ScenarioNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var kind: Kind
    public var location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var isNull: Bool { if case .null = kind { return true } else { return false } }

    /// The scalar text, if this is a scalar.
    public var scalarText: String? {
        if case let .scalar(text, _) = kind { return text }
        return nil
    }

    /// The entries, if this is a mapping.
    public var entries: [Entry]? {
        if case let .mapping(entries) = kind { return entries }
        return nil
    }

    /// The value under `key`, if this is a mapping holding it.
    public subscript(key: String) -> ScenarioNode? {
        entries?.first { $0.key == key }?.value
    }

    /// The entry under `key`, if this is a mapping holding it.
    public func entry(_ key: String) -> Entry? {
        entries?.first { $0.key == key }
    }

    /// A word for the node's kind, for messages: "a mapping", "a list", "null", "'text'".
    var kindDescription: String {
        switch kind {
        case .null: return "null"
        case let .scalar(text, _): return "'\(ErrorText.value(text))'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }
}
