import GCTWorld

/// The key table of docs/scenarios.md, generated from the key declarations
/// (`gctsim keys --markdown`; a test checks that the doc holds exactly this table).
public enum ScenarioKeyTable {
    /// The marks around the generated table in docs/scenarios.md.
    public static let beginMark = "<!-- keys:begin -->"
    public static let endMark = "<!-- keys:end -->"

    /// Every declared key as one Markdown table: key path, type, default, doc line.
    public static var markdown: String {
        var text = "| key | type | default | |\n|---|---|---|---|\n"
        for row in ScenarioConfiguration.keys.rows() {
            text += "| `\(row.key)` | \(cell(row.type)) | \(cell(row.defaultText)) | \(cell(row.doc)) |\n"
        }
        return text
    }

    /// The text between the marks of `document` (without the marks' lines), or `nil` without both marks.
    public static func region(in document: String) -> String? {
        guard let begin = document.range(of: beginMark + "\n"), let end = document.range(of: endMark, range: begin.upperBound..<document.endIndex)
        else { return nil }
        return String(document[begin.upperBound..<end.lowerBound])
    }

    /// `document` with the text between the marks replaced by `markdown`, or `nil` without both marks.
    public static func updating(_ document: String) -> String? {
        guard let begin = document.range(of: beginMark + "\n"), let end = document.range(of: endMark, range: begin.upperBound..<document.endIndex)
        else { return nil }
        return document.replacingCharacters(in: begin.upperBound..<end.lowerBound, with: markdown)
    }

    private static func cell(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
}
