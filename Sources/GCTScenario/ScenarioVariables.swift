/// A var's final value, for provenance: `arrival_rate = 7.2`.
public struct ScenarioVariable: Hashable, Sendable {
    public var name: String
    /// The value's text as written (in the file or by `--set`).
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The `vars:` of a scenario, their `--set` overrides, and `${name}` substitution.
struct ScenarioVariables {
    struct Variable {
        var name: String
        var value: ScenarioNode
        var declaredAt: SourceLocation
    }

    private(set) var variables: [Variable] = []

    var names: [String] { variables.map(\.name) }

    var resolved: [ScenarioVariable] {
        variables.map { ScenarioVariable(name: $0.name, value: $0.value.scalarText ?? "") }
    }

    /// Reads the top-level `vars:` mapping: names are identifiers, values numbers or strings.
    init(declaredIn tree: ScenarioNode) throws(ScenarioError) {
        guard let node = tree["vars"], !node.isNull else { return }
        guard case let .mapping(entries) = node.kind else {
            throw ScenarioError(at: node.location, keyPath: "vars", "vars must be a mapping of name: value, got \(node.kindDescription)")
        }
        for entry in entries {
            guard Self.isIdentifier(entry.key) else {
                throw ScenarioError(
                    at: entry.keyLocation, keyPath: "vars.\(entry.key)",
                    "var name '\(entry.key)' must be letters, digits and '_', not starting with a digit")
            }
            guard case let .scalar(text, _) = entry.value.kind else {
                throw ScenarioError(
                    at: entry.value.location, keyPath: "vars.\(entry.key)",
                    "var '\(entry.key)' must be a number or a string, got \(entry.value.kindDescription)")
            }
            if text.contains("${") {
                throw ScenarioError(
                    at: entry.value.location, keyPath: "vars.\(entry.key)",
                    "var '\(entry.key)' may not use other vars ('\(text)')")
            }
            variables.append(Variable(name: entry.key, value: entry.value, declaredAt: entry.keyLocation))
        }
    }

    func isDeclared(_ name: String) -> Bool { variables.contains { $0.name == name } }

    /// Replaces a declared var's value by a `--set name=value`.
    ///
    /// - Throws: `ScenarioError` at the override if the var is not declared, or if it was
    ///   declared as a number and the new value is not one.
    mutating func override(_ name: String, with override: ScenarioOverride) throws(ScenarioError) {
        guard let i = variables.firstIndex(where: { $0.name == name }) else {
            throw unknownVar(name, at: .commandLine(override.text), keyPath: override.keyPath)
        }
        guard case let .scalar(newText, _) = override.value.kind else {
            throw ScenarioError(
                at: override.value.location, keyPath: "vars.\(name)",
                "var '\(name)' must be set to a number or a string, got \(override.value.kindDescription)")
        }
        let old = variables[i].value
        if case let .scalar(oldText, quoted) = old.kind, !quoted, Self.isNumber(oldText), !Self.isNumber(newText) {
            throw ScenarioError(
                at: override.value.location, keyPath: "vars.\(name)",
                "var '\(name)' is a number (declared \(oldText) at \(variables[i].declaredAt)), got '\(newText)'")
        }
        variables[i].value = override.value
    }

    func unknownVar(_ name: String, at location: SourceLocation, keyPath: String) -> ScenarioError {
        let declared = names
        let message = declared.isEmpty
            ? "unknown var '\(name)': the scenario declares no vars (declare it under vars:, or set a key with a dotted path)"
            : "unknown var '\(name)'"
        return ScenarioError.choosing(at: location, keyPath: keyPath, message, written: name, validChoices: declared)
    }

    /// Substitutes vars in every scalar outside `vars:` (which is removed from the result).
    ///
    /// A scalar that is exactly `${name}` becomes the var's value (and its location, so a bad
    /// `--set` value is reported at the `--set`); `${name}` inside longer text is interpolated.
    func substitute(in tree: ScenarioNode) throws(ScenarioError) -> ScenarioNode {
        var tree = tree
        if case let .mapping(entries) = tree.kind {
            tree.kind = .mapping(entries.filter { $0.key != "vars" })
        }
        return try substitute(tree, keyPath: "")
    }

    private func substitute(_ node: ScenarioNode, keyPath: String) throws(ScenarioError) -> ScenarioNode {
        func child(_ key: String) -> String { keyPath.isEmpty ? key : "\(keyPath).\(key)" }
        var node = node
        switch node.kind {
        case .null:
            return node
        case let .scalar(text, quoted):
            guard text.contains("${") else { return node }
            if let name = Self.wholeReference(text) {
                guard let variable = variables.first(where: { $0.name == name }) else {
                    throw unknownVar(name, at: node.location, keyPath: keyPath)
                }
                return variable.value
            }
            node.kind = .scalar(try interpolate(text, at: node.location, keyPath: keyPath), quoted: quoted)
            return node
        case var .sequence(items):
            for i in items.indices { items[i] = try substitute(items[i], keyPath: child(String(i))) }
            node.kind = .sequence(items)
            return node
        case var .mapping(entries):
            for i in entries.indices {
                entries[i].value = try substitute(entries[i].value, keyPath: child(entries[i].key))
            }
            node.kind = .mapping(entries)
            return node
        }
    }

    private func interpolate(_ text: String, at location: SourceLocation, keyPath: String) throws(ScenarioError) -> String {
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else {
                throw ScenarioError(at: location, keyPath: keyPath, "unterminated '${' in '\(text)' (write ${name})")
            }
            let name = String(rest[start.upperBound..<end])
            guard let variable = variables.first(where: { $0.name == name }) else {
                throw unknownVar(name, at: location, keyPath: keyPath)
            }
            result += variable.value.scalarText ?? ""
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    /// `name` if `text` is exactly `${name}`.
    static func wholeReference(_ text: String) -> String? {
        guard text.hasPrefix("${"), text.hasSuffix("}"), text.count > 3 else { return nil }
        let name = String(text.dropFirst(2).dropLast())
        return name.contains("}") || name.contains("${") ? nil : name
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    static func isNumber(_ s: String) -> Bool {
        ScenarioDecoder.parseNumber(s) != nil
    }
}
