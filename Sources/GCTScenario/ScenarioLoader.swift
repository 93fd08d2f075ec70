import Foundation
import GCTWorld

/// Loads a scenario file into a validated `ResolvedScenario`.
///
/// Steps, each of which reports errors at `file:line:column`:
/// 1. parse the file and every file it `extends`, deep-merging parent then child (cycles are errors);
/// 2. read `vars:`, then apply `--set` overrides (`name=value` for a declared var, `a.b.0.c=value` for any key);
/// 3. substitute `${name}` everywhere outside `vars:`;
/// 4. decode and range-check every section into a `ScenarioConfiguration`.
///
/// A top-level `sweep:` section (`ScenarioSweepSection`) is taken out before step 3 and kept in
/// `ResolvedScenario.sweep`; a parent file's is not inherited.
public enum ScenarioLoader {
    /// Loads, resolves and validates the scenario at `path`.
    ///
    /// - Parameters:
    ///   - path: the scenario file, as the user wrote it (errors show this path).
    ///   - overrides: `--set` arguments, each `name=value` or `dotted.path=value`, applied in order.
    ///   - seed: replaces the scenario's seed (`--seed`), after every `--set`.
    ///   - replications: replaces the number of replications (`--replications`, at least 1), after every `--set`.
    /// - Returns: the resolved scenario with its canonical YAML and hash.
    /// - Throws: `ScenarioError`, one line naming `file:line:column` (or `--set …`), the key or value and the choices.
    public static func load(
        file path: String, overrides: [String] = [], seed: UInt64? = nil, replications: Int? = nil
    ) throws(ScenarioError) -> ResolvedScenario {
        let (tree, files) = try loadTree(path: path, chain: [], referencedAt: nil)
        var scenario = try resolve(tree: tree, files: files, overrides: overrides)
        try scenario.override(seed: seed, replications: replications)
        return scenario
    }

    /// Loads a scenario from text, as if read from `file` (whose folder anchors relative `extends`).
    public static func load(
        yaml: String, file: String = "<scenario>", overrides: [String] = [], seed: UInt64? = nil, replications: Int? = nil
    ) throws(ScenarioError) -> ResolvedScenario {
        let root = try ScenarioNode.parse(yaml: yaml, origin: .file(file))
        let (tree, files) = try resolveExtends(root: root, path: file, chain: [canonicalPath(file)])
        var scenario = try resolve(tree: tree, files: [file] + files, overrides: overrides)
        try scenario.override(seed: seed, replications: replications)
        return scenario
    }

    static func resolve(tree: ScenarioNode, files: [String], overrides: [String]) throws(ScenarioError) -> ResolvedScenario {
        var tree = tree
        let parsed = try overrides.map { (text) throws(ScenarioError) in try ScenarioOverride(parsing: text) }
        var vars = try ScenarioVariables(declaredIn: tree)
        for override in parsed {
            try apply(override, to: &tree, vars: &vars)
        }
        // `sweep:` is what `gctsim sweep` runs, not part of the scenario (read before `${var}`
        // substitution: its values are var values).
        let sweep = try ScenarioSweepSection.extract(from: &tree)
        tree = try vars.substitute(in: tree)
        let configuration = try ScenarioDecoder.decode(tree)
        try ScenarioLimits.check(configuration, tree: tree)
        var scenario = ResolvedScenario(
            configuration: configuration, vars: vars.resolved, files: files, sweep: sweep)
        scenario.warnings = ScenarioWarnings.check(configuration, tree: tree)
        return scenario
    }
}
