import GCTTrajectory

/// The human form of `gctsim inspect`.
extension InspectCommand {
    /// Strings longer than this, or with several lines (the scenario YAML), are shown by their first line.
    static let longString = 72

    static func text(_ summary: TrajectorySummary) -> String {
        var out = ""
        out += "file:    \(summary.file)\n"
        out += "status:  \(summary.status ?? "(none)")"
        if summary.status == "running" {
            out += " (the writer has not finished: still running, or killed; rows up to its last flush)"
        }
        out += "\n"
        out += section("meta", summary.meta)
        out += section("provenance", summary.provenance)
        let otherGroups = summary.groups.filter {
            !$0.attributes.isEmpty && $0.path != "/meta" && $0.path != "/provenance"
        }
        for group in otherGroups { out += section("attributes of \(group.path)", group.attributes) }
        if !summary.timeSpans.isEmpty {
            out += "time spans:\n"
            for span in summary.timeSpans {
                out += "  \(span.dataset): \(span.first) .. \(span.last) \(span.units) (\(span.rows) rows)\n"
            }
        }
        out += "datasets (\(summary.datasets.count)):\n"
        let width = summary.datasets.map(\.path.count).max() ?? 0
        for dataset in summary.datasets {
            let shape = dataset.shape.map(String.init).joined(separator: "×")
            var line = "  " + dataset.path.padding(toLength: width, withPad: " ", startingAt: 0)
            line += "  \(dataset.dtype)[\(shape)]"
            if let units = dataset.attributes["units"]?.stringValue, !units.isEmpty { line += "  \(units)" }
            if let last = dataset.last {
                line += "  last=\(last)"
                if let category = dataset.lastCategory { line += " (\(category))" }
            }
            out += line + "\n"
        }
        return out
    }

    private static func section(_ title: String, _ attributes: [String: AttributeValue]) -> String {
        guard !attributes.isEmpty else { return "" }
        var out = "\(title):\n"
        let width = attributes.keys.map(\.count).max() ?? 0
        for name in attributes.keys.sorted() {
            out += "  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + short(attributes[name]!) + "\n"
        }
        return out
    }

    private static func short(_ value: AttributeValue) -> String {
        guard case .string(let text) = value else { return value.description }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count <= 1 && text.count <= longString { return value.description }
        let first = String(lines.first ?? "").prefix(longString)
        return "\"\(first)…\" (\(lines.count) lines, \(text.utf8.count) bytes)"
    }
}
