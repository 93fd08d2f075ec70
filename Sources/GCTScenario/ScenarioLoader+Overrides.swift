import GCTWorld

extension ScenarioLoader {
    /// Applies one `--set`: a declared var, a top-level key, or a dotted key path.
    static func apply(
        _ override: ScenarioOverride, to tree: inout ScenarioNode, vars: inout ScenarioVariables
    ) throws(ScenarioError) {
        let path = override.path
        if path.count == 2, path[0] == "vars" {
            try vars.override(path[1], with: override)
        } else if path.count == 1 {
            if vars.isDeclared(path[0]) {
                try vars.override(path[0], with: override)
            } else if ScenarioConfiguration.keys.names.contains(path[0]) {
                try tree.set(path[...], to: override.value, by: override)
            } else {
                throw vars.unknownVar(path[0], at: .commandLine(override.text), keyPath: override.keyPath)
            }
        } else {
            try tree.set(path[...], to: override.value, by: override)
        }
    }
}

extension ResolvedScenario {
    /// The command line's typed overrides (`--seed`, `--replications`): set on the decoded
    /// configuration, not written as text and parsed again.
    mutating func override(seed: UInt64?, replications: Int?) throws(ScenarioError) {
        if let seed { configuration.seed = seed }
        if let replications {
            guard replications >= 1 else {
                throw ScenarioError(
                    at: .commandLine("replications=\(replications)"), keyPath: "replications",
                    "replications must be a whole number >= 1, got \(replications)")
            }
            configuration.replications = replications
        }
    }
}
