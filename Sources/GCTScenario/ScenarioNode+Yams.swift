import Yams

extension ScenarioNode {
    /// Parses YAML text into a located tree.
    ///
    /// - Parameters:
    ///   - yaml: the text of one YAML document.
    ///   - origin: where the text came from; every node's location uses it.
    /// - Returns: the root, or a `.null` node at 1:1 for an empty document.
    /// - Throws: `ScenarioError` for a syntax error, a duplicate key or a non-scalar key, at its line and column.
    public static func parse(yaml: String, origin: SourceLocation.Origin) throws(ScenarioError) -> ScenarioNode {
        try YAMLLimits.checkText(yaml, origin: origin)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw ScenarioError(yamlError: error, origin: origin)
        } catch {
            throw ScenarioError(at: SourceLocation(origin: origin), "YAML error: \(error)")
        }
        guard let root else { return ScenarioNode(.null, at: SourceLocation(origin: origin, line: 1, column: 1)) }
        var budget = YAMLLimits.maximumNodes
        return try convert(root, origin: origin, depth: 0, budget: &budget)
    }

    private static func location(_ mark: Mark?, _ origin: SourceLocation.Origin) -> SourceLocation {
        SourceLocation(origin: origin, line: mark?.line ?? 0, column: mark?.column ?? 0)
    }

    private static func convert(
        _ node: Node, origin: SourceLocation.Origin, depth: Int, budget: inout Int
    ) throws(ScenarioError) -> ScenarioNode {
        let here = location(node.mark, origin)
        try YAMLLimits.account(at: here, depth: depth, budget: &budget)
        switch node {
        case let .scalar(scalar):
            try YAMLLimits.checkScalar(scalar.string, at: here)
            let quoted = scalar.style != .plain && scalar.style != .any
            if !quoted, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
                return ScenarioNode(.null, at: here)
            }
            return ScenarioNode(.scalar(scalar.string, quoted: quoted), at: here)
        case let .sequence(sequence):
            var items: [ScenarioNode] = []
            for item in sequence { items.append(try convert(item, origin: origin, depth: depth + 1, budget: &budget)) }
            return ScenarioNode(.sequence(items), at: here)
        case let .mapping(mapping):
            var entries: [Entry] = []
            for (key, value) in mapping {
                let keyLocation = location(key.mark, origin)
                guard case let .scalar(keyScalar) = key else {
                    throw ScenarioError(at: keyLocation, "a mapping key must be a plain word, not a list or mapping")
                }
                entries.append(Entry(key: keyScalar.string, keyLocation: keyLocation, value: try convert(value, origin: origin, depth: depth + 1, budget: &budget)))
            }
            return ScenarioNode(.mapping(entries), at: here)
        case let .alias(alias):
            throw ScenarioError(at: here, "unresolved YAML alias '\(alias)'")
        }
    }
}

extension ScenarioError {
    /// Maps a Yams error into the one-line form, at the line and column libyaml reports.
    init(yamlError error: YamlError, origin: SourceLocation.Origin) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(origin: origin, line: mark.line, column: mark.column) }
        func contextText(_ context: YamlError.Context?) -> String {
            guard let context else { return "" }
            return " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            self.init(at: at(mark), "YAML syntax error: \(problem)\(contextText(context))")
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first occurrence; point at the repeat when it sits in the same block column.
            let first = context.mark
            var repeatLine = first.line
            if let key = duplicates.first {
                let lines = context.text.split(separator: "\n", omittingEmptySubsequences: false)
                for (i, text) in lines.enumerated() where i + 1 > first.line {
                    let scalars = Array(text.unicodeScalars)
                    guard scalars.count >= first.column - 1 + key.unicodeScalars.count else { continue }
                    let rest = String(String.UnicodeScalarView(scalars[(first.column - 1)...]))
                    let indent = scalars[..<(first.column - 1)].allSatisfy { $0 == " " || $0 == "-" }
                    if indent, rest.hasPrefix(key),
                        rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":")
                    {
                        repeatLine = i + 1
                        break
                    }
                }
            }
            self.init(
                at: SourceLocation(origin: origin, line: repeatLine, column: first.column),
                "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) in one mapping (first at line \(first.line), column \(first.column))")
        case let .reader(problem, offset, _, yaml):
            var line = 1, column = 1
            if let offset {
                for (i, c) in yaml.unicodeScalars.enumerated() {
                    if i >= offset { break }
                    if c == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            self.init(at: SourceLocation(origin: origin, line: line, column: column), "cannot read YAML: \(problem)")
        default:
            self.init(at: SourceLocation(origin: origin, line: 1, column: 1), "YAML error: \(error)")
        }
    }
}
