/// The one-line form of every error message: no line breaks or tabs, long values shortened with
/// an ellipsis, the whole line at most `maximumLength` characters (so no message echoes a file).
public enum ErrorText {
    /// Longest error line, in characters.
    public static let maximumLength = 300
    /// Longest single word or quoted value kept whole.
    public static let maximumWord = 60

    /// `text` on one line, shortened.
    public static func oneLine(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        var words: [Substring] = []
        // The first word (the location, `FILE:LINE:COL:`) is kept whole.
        for (i, word) in flat.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            words.append(i > 0 && word.count > maximumWord ? word.prefix(maximumWord - 1) + "…" : word)
        }
        let joined = words.joined(separator: " ")
        return joined.count > maximumLength ? String(joined.prefix(maximumLength - 1)) + "…" : joined
    }

    /// A value for a message: itself when short, else its first characters and an ellipsis.
    public static func value(_ text: String, limit: Int = 40) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
