import Foundation
import GCTWorld

/// Calibration profiles (`providers.service_time.calibration`, `providers.groups[].calibration`):
/// the YAML `gctsim calibrate` writes, read with the scenario's rules and errors located in the
/// profile's own file.
extension ScenarioDecoder {
    /// Keys of a profile: what `gctsim calibrate` writes, plus `description` (free text: the machine).
    static let profileKeys = ["backend", "device", "arch", "repetitions", "description", "entries"]
    static let profileEntryKeys = ["operation", "unit", "size", "seconds", "units", "secondsPerUnit", "note"]

    /// A calibration: a path to a profile file (relative to the file the key is written in, like
    /// `extends`; to the working directory for `--set`), or the profile inline (canonical YAML).
    static func calibration(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> ServiceCalibration {
        if case .mapping = node.kind { return try profile(node, keyPath: keyPath) }
        guard case let .scalar(target, _) = node.kind, !target.isEmpty else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath) must be the path of a calibration profile (written by `gctsim calibrate`), e.g. calibration/host-cpu.yaml, got \(node.kindDescription)")
        }
        let path: String
        if target.hasPrefix("/") {
            path = target
        } else if let file = node.location.file {
            path = ScenarioLoader.joined(directoryOf: file, target)
        } else {
            path = target
        }
        let text: String
        switch YAMLLimits.read(path: path) {
        case let .success(contents): text = contents
        case let .failure(failure):
            throw ScenarioError(at: node.location, keyPath: keyPath, "cannot read calibration profile '\(path)': \(failure.reason)")
        }
        let root = try ScenarioNode.parse(yaml: text, origin: .file(path))
        if root.isNull { throw ScenarioError(at: root.location, "the calibration profile is empty") }
        return try profile(root, keyPath: "")
    }

    /// Reads a profile's mapping: every `entries` item needs `operation` (a kernel), `unit` (that
    /// kernel's) and, for a figure, `secondsPerUnit` > 0; an entry without one (a `note`) leaves
    /// the kernel without a figure.
    static func profile(_ node: ScenarioNode, keyPath: String) throws(ScenarioError) -> ServiceCalibration {
        let r = try MappingReader(node, keyPath: keyPath, validKeys: profileKeys)
        if let backend = r.optional("backend") {
            let text = try string(backend, r.child("backend"))
            guard ["cpu", "gpu"].contains(text) else {
                throw ScenarioError.choosing(
                    at: backend.location, keyPath: r.child("backend"), "unknown backend '\(text)'", written: text, validChoices: ["cpu", "gpu"])
            }
        }
        let device = try r.value("device", default: "unnamed device", string)
        _ = try r.optionalValue("arch", string)
        _ = try r.optionalValue("description", string)
        _ = try r.optionalValue("repetitions") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
        let listNode = try r.required("entries", example: "[{operation: matmul, unit: flop, secondsPerUnit: 1.0e-9}]")
        let items = try list(listNode, r.child("entries"), expected: "a list of entries (operation, unit, secondsPerUnit)")
        var rates: [CalibrationKernel: Double] = [:]
        var seen: Set<CalibrationKernel> = []
        let kernels = CalibrationKernel.allCases.map(\.rawValue)
        for (i, item) in items.enumerated() {
            let e = try MappingReader(item, keyPath: r.child("entries.\(i)"), validKeys: profileEntryKeys)
            let opNode = try e.required("operation", example: "matmul")
            let opText = try string(opNode, e.child("operation"))
            guard let kernel = CalibrationKernel(rawValue: opText) else {
                throw ScenarioError.choosing(
                    at: opNode.location, keyPath: e.child("operation"), "unknown operation '\(opText)' in a calibration profile",
                    written: opText, validChoices: kernels)
            }
            guard seen.insert(kernel).inserted else {
                throw ScenarioError(at: opNode.location, keyPath: e.child("operation"), "operation '\(opText)' appears twice in the profile")
            }
            let unitNode = try e.required("unit", example: kernel.unit)
            let unit = try string(unitNode, e.child("unit"))
            guard unit == kernel.unit else {
                throw ScenarioError(
                    at: unitNode.location, keyPath: e.child("unit"),
                    "\(e.child("unit")): the unit of '\(opText)' is '\(kernel.unit)' (secondsPerUnit is seconds per \(kernel.unit)), got '\(unit)'",
                    validChoices: [kernel.unit])
            }
            _ = try e.optionalValue("size") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
            for key in ["seconds", "units"] {
                _ = try e.optionalValue(key) { (n, k) throws(ScenarioError) in try number(n, k, ">= 0") { $0 >= 0 } }
            }
            _ = try e.optionalValue("note", string)
            if let spu = try e.optionalValue("secondsPerUnit", { (n, k) throws(ScenarioError) in
                try number(n, k, "> 0 (seconds per \(kernel.unit))") { $0 > 0 }
            }) {
                rates[kernel] = spu
            }
        }
        return ServiceCalibration(device: device, secondsPerUnit: rates)
    }

    /// `providers.groups`: a list of `{servers: N, calibration: PATH}`.
    static func providerGroups(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [ProviderGroup] {
        let items = try list(node, keyPath, expected: "a list of server groups ({servers: 8, calibration: calibration/gpu.yaml})")
        if items.isEmpty { throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath) must list at least one group") }
        if items.count > 255 { throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): at most 255 groups, got \(items.count)") }
        var groups: [ProviderGroup] = []
        for (i, item) in items.enumerated() {
            let g = try MappingReader(item, keyPath: "\(keyPath).\(i)", validKeys: ["servers", "calibration"])
            let servers = try g.requiredValue("servers", example: "8") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
            let calibration = try g.optionalValue("calibration", calibration)
            groups.append(ProviderGroup(servers: servers, calibration: calibration))
        }
        return groups
    }
}
