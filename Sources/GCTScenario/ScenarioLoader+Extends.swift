import Foundation

extension ScenarioLoader {
    /// Reads and parses `path`, then merges it over what it `extends`.
    ///
    /// - Parameters:
    ///   - chain: canonical paths of the files that extend this one (to detect cycles).
    ///   - referencedAt: the `extends:` value that named this file, for read errors.
    /// - Returns: the merged tree and the files read, this one first.
    static func loadTree(
        path: String, chain: [String], referencedAt: SourceLocation?
    ) throws(ScenarioError) -> (ScenarioNode, [String]) {
        let text: String
        switch YAMLLimits.read(path: path) {
        case let .success(contents): text = contents
        case let .failure(failure):
            let reason = failure.reason
            if let referencedAt {
                throw ScenarioError(at: referencedAt, keyPath: "extends", "cannot read extended scenario '\(path)': \(reason)")
            }
            throw ScenarioError(at: .file(path), "cannot read scenario file '\(path)': \(reason)")
        }
        let root = try ScenarioNode.parse(yaml: text, origin: .file(path))
        let (tree, parents) = try resolveExtends(root: root, path: path, chain: chain + [canonicalPath(path)])
        return (tree, [path] + parents)
    }

    /// Merges `root` (from `path`) over the file its `extends:` names, if any, and removes the key.
    static func resolveExtends(
        root: ScenarioNode, path: String, chain: [String]
    ) throws(ScenarioError) -> (ScenarioNode, [String]) {
        guard case let .mapping(entries) = root.kind else {
            if root.isNull { throw ScenarioError(at: root.location, "the scenario file is empty") }
            throw ScenarioError(at: root.location, "a scenario must be a mapping of keys (name:, duration:, …), got \(root.scalarText != nil ? "plain text" : root.kindDescription)")
        }
        guard let extendsEntry = entries.first(where: { $0.key == "extends" }) else { return (root, []) }
        let child = ScenarioNode(.mapping(entries.filter { $0.key != "extends" }), at: root.location)
        guard case let .scalar(target, _) = extendsEntry.value.kind, !target.isEmpty else {
            throw ScenarioError(
                at: extendsEntry.value.location, keyPath: "extends",
                "extends must be a file path such as 'base.yaml', got \(extendsEntry.value.kindDescription)")
        }
        let parentPath = target.hasPrefix("/") ? target : joined(directoryOf: path, target)
        let canonical = canonicalPath(parentPath)
        if let start = chain.firstIndex(of: canonical) {
            let cycle = chain[start...].map { ($0 as NSString).lastPathComponent } + [(canonical as NSString).lastPathComponent]
            throw ScenarioError(
                at: extendsEntry.value.location, keyPath: "extends",
                "extends cycle: \(cycle.joined(separator: " -> "))")
        }
        let (parent, files) = try loadTree(path: parentPath, chain: chain, referencedAt: extendsEntry.value.location)
        // A `sweep:` section belongs to the file that has it: a parent's is not inherited.
        return (ScenarioSweepSection.removed(from: parent).merged(with: child), files)
    }

    /// `directory-of(path)/relative`, standardized, keeping a relative path relative.
    static func joined(directoryOf path: String, _ relative: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        if directory.isEmpty { return relative }
        return ((directory as NSString).appendingPathComponent(relative) as NSString).standardizingPath
    }

    /// An absolute, symlink-free path, to recognise the same file under two spellings.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
