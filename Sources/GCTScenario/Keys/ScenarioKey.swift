import GCTEconomics
import GCTWorld

/// How one kind of scalar value is read from a scenario and written back in canonical YAML.
struct ValueCodec<Value> {
    /// The type as the key table in docs/scenarios.md shows it (`rate`, `duration > 0`).
    var type: String
    var decode: (ScenarioNode, String) throws(ScenarioError) -> Value
    var encode: (Value) -> String
}

/// One row of the generated key table.
struct KeyRow: Equatable {
    var key: String
    var type: String
    var defaultText: String
    var doc: String
}

/// One key of a configuration section, declared once (argument-parser style): its name, how its
/// value is read and written, its default (the value of the section's starting configuration) and one doc line.
///
/// The decoder, the canonical YAML, the valid keys of error messages and the key table of
/// docs/scenarios.md all come from these declarations.
struct ScenarioKey<Root> {
    let name: String
    /// Reads the key (or leaves the starting value when absent).
    let decode: (inout Root, MappingReader) throws(ScenarioError) -> Void
    /// Writes the key at `depth` (or nothing).
    let emit: (Root, Int, inout CanonicalYAML.Writer) -> Void
    /// The key's rows of the doc table, from the section's documented default.
    let rows: (Root) -> [KeyRow]
}

extension ScenarioKey {
    /// A key whose default is the section's starting value.
    ///
    /// - Parameter defaultText: the default as the doc table writes it, when it is not the
    ///   starting value (e.g. "`servers`"); `absent` then sets it when the key is not written.
    static func value<V>(
        _ name: String, _ path: WritableKeyPath<Root, V>, _ codec: ValueCodec<V>, _ doc: String,
        defaultText: String? = nil, absent: ((inout Root) -> Void)? = nil
    ) -> Self {
        ScenarioKey(
            name: name,
            decode: { (root, reader) throws(ScenarioError) in
                if let node = reader.optional(name) {
                    root[keyPath: path] = try codec.decode(node, reader.child(name))
                } else {
                    absent?(&root)
                }
            },
            emit: { root, depth, w in w.line(depth, name, codec.encode(root[keyPath: path])) },
            rows: { root in
                [KeyRow(key: name, type: codec.type, defaultText: defaultText ?? "`\(codec.encode(root[keyPath: path]))`", doc: doc)]
            })
    }

    /// A key that must be written (`example` shows how in the error when it is missing).
    static func required<V>(
        _ name: String, _ path: WritableKeyPath<Root, V>, _ codec: ValueCodec<V>, example: String, _ doc: String
    ) -> Self {
        ScenarioKey(
            name: name,
            decode: { (root, reader) throws(ScenarioError) in
                root[keyPath: path] = try reader.requiredValue(name, example: example, codec.decode)
            },
            emit: { root, depth, w in w.line(depth, name, codec.encode(root[keyPath: path])) },
            rows: { _ in [KeyRow(key: name, type: codec.type, defaultText: "required", doc: doc)] })
    }

    /// A key with no default: written back only when set.
    static func optional<V>(_ name: String, _ path: WritableKeyPath<Root, V?>, _ codec: ValueCodec<V>, _ doc: String) -> Self {
        ScenarioKey(
            name: name,
            decode: { (root, reader) throws(ScenarioError) in
                root[keyPath: path] = try reader.optionalValue(name, codec.decode)
            },
            emit: { root, depth, w in
                if let value = root[keyPath: path] { w.line(depth, name, codec.encode(value)) }
            },
            rows: { _ in [KeyRow(key: name, type: codec.type, defaultText: "—", doc: doc)] })
    }

    /// A nested mapping with its own declared keys (`economy.staking`); `read` adds the
    /// section's own checks (defaults to reading the keys alone).
    static func section<V>(
        _ name: String, _ path: WritableKeyPath<Root, V>, _ section: ScenarioSection<V>,
        read: ((ScenarioNode, String, V) throws(ScenarioError) -> V)? = nil
    ) -> Self {
        ScenarioKey(
            name: name,
            decode: { (root, reader) throws(ScenarioError) in
                guard let node = reader.optional(name) else { return }
                let start = root[keyPath: path]
                if let read {
                    root[keyPath: path] = try read(node, reader.child(name), start)
                } else {
                    root[keyPath: path] = try section.decode(node, reader.child(name), from: start).value
                }
            },
            emit: { root, depth, w in
                w.section(depth, name)
                section.emit(root[keyPath: path], depth: depth + 1, into: &w)
            },
            rows: { root in section.rows(root[keyPath: path], prefix: name + ".") })
    }

    /// A key read and written by hand (lists, distributions, sections that depend on others).
    static func custom(
        _ name: String, rows: [KeyRow],
        decode: @escaping (inout Root, MappingReader) throws(ScenarioError) -> Void,
        emit: @escaping (Root, Int, inout CanonicalYAML.Writer) -> Void
    ) -> Self {
        ScenarioKey(name: name, decode: decode, emit: emit, rows: { _ in rows })
    }
}

/// The keys of one configuration section, in documentation (and canonical YAML) order.
struct ScenarioSection<Root> {
    var keys: [ScenarioKey<Root>]
    /// The configuration whose values the doc table shows as defaults.
    var documented: Root

    var names: [String] { keys.map(\.name) }

    /// Reads `node` (a mapping or null) into a copy of `start`, key by key in declaration order.
    ///
    /// - Returns: the value and the reader, for the section's cross-key checks.
    func decode(_ node: ScenarioNode, _ keyPath: String, from start: Root) throws(ScenarioError) -> (value: Root, reader: MappingReader) {
        let reader = try MappingReader(node, keyPath: keyPath, validKeys: names)
        var value = start
        for key in keys { try key.decode(&value, reader) }
        return (value, reader)
    }

    func emit(_ value: Root, depth: Int, into w: inout CanonicalYAML.Writer) {
        for key in keys { key.emit(value, depth, &w) }
    }

    func rows(_ value: Root, prefix: String = "") -> [KeyRow] {
        keys.flatMap { key in
            key.rows(value).map { KeyRow(key: prefix + $0.key, type: $0.type, defaultText: $0.defaultText, doc: $0.doc) }
        }
    }

    /// The doc table rows with this section's documented defaults.
    func rows(prefix: String = "") -> [KeyRow] { rows(documented, prefix: prefix) }
}
