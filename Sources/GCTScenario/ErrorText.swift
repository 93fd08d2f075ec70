/// The one-line form of every error message: no line breaks or tabs, long values shortened with
/// an ellipsis, the whole line at most `maximumLength` characters (so no message echoes a file).
public enum ErrorText {
    /// Longest error line, in characters.
    public static let maximumLength = 300
    /// Longest single word or quoted value kept whole.
    public static let maximumWord = 60
    /// Longest file path (a word with a `/`) kept whole: a path names what failed, so it is kept longer.
    public static let maximumPath = 160

    /// `text` on one line, shortened.
    public static func oneLine(_ text: String) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        var words: [Substring] = []
        // The first word (the location, `FILE:LINE:COL:`) is kept whole.
        for (i, word) in flat.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
            let limit = word.contains("/") ? maximumPath : maximumWord
            guard i > 0, word.count > limit else { words.append(word); continue }
            // A shortened word keeps its final ':' (a `--set key=value:` location stays `…: error:`).
            words.append(word.hasSuffix(":") ? word.prefix(limit - 2) + "…:" : word.prefix(limit - 1) + "…")
        }
        let joined = words.joined(separator: " ")
        guard joined.count > maximumLength else { return joined }
        // Too long: keep the start (location and what is wrong) and the end (the suggestion, e.g.
        // "did you mean 'burn_rate'?"), and drop the middle (typically a long list of valid choices).
        let tail = maximumLength / 3
        return String(joined.prefix(maximumLength - tail - 1)) + "…" + String(joined.suffix(tail))
    }

    /// A value for a message: itself when short, else its first characters and an ellipsis.
    public static func value(_ text: String, limit: Int = 40) -> String {
        let flat = String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
