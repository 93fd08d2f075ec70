import GCTEconomics

/// The validator reports of `gctsim quote oracle --reports FILE`, read with the scenario parser:
/// every mistake is one `ScenarioError` at its file:line:column, naming the key and the valid keys.
///
/// ```yaml
/// fields: [gpu_hour_price, available_memory_gb]   # optional: default, the keys of the first report
/// validators:
///   - id: val-1
///     stake: 50000          # GCT
///     reputation: 0.9       # in [0, 1]
///     values: {gpu_hour_price: 0.10, available_memory_gb: 640}
///   - id: val-9
///     stake: 20000
///     reputation: 0.5
///     available: false      # did not answer: penalized 0.1
/// ```
public struct OracleReportsFile: Hashable, Sendable {
    /// The reported fields, in order.
    public var fields: [String]
    /// The validators that answered.
    public var reports: [OracleReport]
    /// The validators marked `available: false`.
    public var unavailable: [UnavailableValidator]

    static let topKeys = ["fields", "validators"]
    static let validatorKeys = ["id", "stake", "reputation", "values", "available"]

    /// Parses the text of a reports file.
    ///
    /// - Parameters:
    ///   - yaml: the file's text.
    ///   - path: the file's path, for locations.
    /// - Throws: `ScenarioError` at the offending key or value.
    public init(yaml: String, path: String) throws(ScenarioError) {
        let root = try ScenarioNode.parse(yaml: yaml, origin: .file(path))
        let top = try MappingReader(root, keyPath: "", validKeys: Self.topKeys)
        let list = try top.required("validators", example: "[{id: val-1, stake: 1000, reputation: 0.9, values: {price: 1}}]")
        guard case let .sequence(items) = list.kind else {
            throw ScenarioError(at: list.location, keyPath: "validators", "validators: expected a list, got \(list.kindDescription)")
        }
        var fields: [String]?
        if let node = top.optional("fields") {
            guard case let .sequence(names) = node.kind else {
                throw ScenarioError(at: node.location, keyPath: "fields", "fields: expected a list of field names, got \(node.kindDescription)")
            }
            var list: [String] = []
            for (i, n) in names.enumerated() { list.append(try ScenarioDecoder.string(n, "fields.\(i)")) }
            fields = list
        }
        var reports: [OracleReport] = []
        var unavailable: [UnavailableValidator] = []
        for (i, item) in items.enumerated() {
            let v = try MappingReader(item, keyPath: "validators.\(i)", validKeys: Self.validatorKeys)
            let id = try v.requiredValue("id", example: "val-1", ScenarioDecoder.string)
            let stake = try v.requiredValue("stake", example: "1000", ScenarioDecoder.amount)
            let reputationNode = try v.required("reputation", example: "0.9")
            let reputationText = try ScenarioDecoder.scalar(reputationNode, v.child("reputation"), expected: "a number in [0, 1]")
            let reputation: Reputation
            do { reputation = try Reputation(parsing: reputationText) } catch {
                throw ScenarioError(
                    at: reputationNode.location, keyPath: v.child("reputation"),
                    "\(v.child("reputation")): expected a number in [0, 1], got '\(reputationText)' (validator '\(id)')")
            }
            if try v.value("available", default: true, ScenarioDecoder.boolean) == false {
                unavailable.append(UnavailableValidator(validatorID: id, reputation: reputation))
                continue
            }
            guard let valuesNode = v.optional("values"), let entries = valuesNode.entries else {
                throw ScenarioError(
                    at: v.optional("values")?.location ?? item.location, keyPath: v.child("values"),
                    "validator '\(id)' has no 'values' mapping (or set 'available: false')")
            }
            if fields == nil { fields = entries.map(\.key) }
            var row: [FixedDecimal] = []
            for field in fields! {
                let keyPath = v.child("values") + "." + field
                guard let node = valuesNode[field] else {
                    throw ScenarioError(
                        at: valuesNode.location, keyPath: keyPath, "validator '\(id)' does not report '\(field)'",
                        validChoices: fields!)
                }
                let text = try ScenarioDecoder.scalar(node, keyPath, expected: "a decimal number")
                do { row.append(try FixedDecimal(parsing: text)) } catch {
                    throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): bad number \(error)")
                }
            }
            reports.append(OracleReport(validatorID: id, stake: stake, reputation: reputation, values: row))
        }
        self.fields = fields ?? []
        self.reports = reports
        self.unavailable = unavailable
    }
}
