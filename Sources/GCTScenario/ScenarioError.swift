/// A problem with a scenario, found before anything runs.
///
/// Its `description` is exactly one line:
/// `path/file.yaml:12:5: error: unknown key 'sevrers' in providers; valid: servers, failure_probability, service_time, speed; did you mean 'servers'?`
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the offending key or value is.
    public var location: SourceLocation
    /// The dotted key path of the offending key or value (`providers.servers`, `users.0.ops`), or `""`.
    public var keyPath: String
    /// What is wrong, naming the key or value.
    public var message: String
    /// The valid choices, where there is a closed set.
    public var validChoices: [String]
    /// The closest valid choice to what was written, if one is close.
    public var suggestion: String?

    public init(
        at location: SourceLocation, keyPath: String = "", _ message: String, validChoices: [String] = [],
        suggestion: String? = nil
    ) {
        self.location = location
        self.keyPath = keyPath
        self.message = message
        self.validChoices = validChoices
        self.suggestion = suggestion
    }

    /// An error whose suggestion is the closest of `validChoices` to `written`.
    static func choosing(
        at location: SourceLocation, keyPath: String, _ message: String, written: String, validChoices: [String]
    ) -> ScenarioError {
        ScenarioError(
            at: location, keyPath: keyPath, message, validChoices: validChoices,
            suggestion: ClosestMatch.closest(to: written, in: validChoices))
    }

    public var description: String {
        ScenarioError.oneLine("\(location): error: \(detail)")
    }

    /// What is wrong without the location: the message, the valid choices and the suggestion.
    public var detail: String {
        var text = message
        if !validChoices.isEmpty { text += "; valid: " + validChoices.joined(separator: ", ") }
        if let suggestion { text += "; did you mean '\(suggestion)'?" }
        return text
    }

    /// Replaces line breaks and tabs so the message stays on one line.
    static func oneLine(_ text: String) -> String { ErrorText.oneLine(text) }
}
