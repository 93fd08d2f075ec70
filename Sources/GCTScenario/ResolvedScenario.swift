import GCTWorld

/// A loaded scenario: the validated configuration, the vars it was resolved with, and its
/// canonical form and hash for provenance.
public struct ResolvedScenario: Hashable, Sendable {
    /// Everything the world needs.
    public var configuration: ScenarioConfiguration
    /// The vars after `--set`, in declaration order (provenance; already substituted).
    public var vars: [ScenarioVariable]
    /// The files read: the scenario first, then each file it extends, in order.
    public var files: [String]
    /// Keys written where they cannot act, one located line each (`file:line:column: warning: …`);
    /// the commands print them on stderr. Not part of the hash.
    public var warnings: [String] = []
    /// The file's `sweep:` section, if any (not part of the configuration, the canonical YAML or the hash).
    public var sweep: ScenarioSweepSection?

    public init(
        configuration: ScenarioConfiguration, vars: [ScenarioVariable] = [], files: [String] = [],
        sweep: ScenarioSweepSection? = nil
    ) {
        self.configuration = configuration
        self.sweep = sweep
        self.vars = vars
        self.files = files
    }

    /// The configuration as canonical YAML: every key in schema order, every default filled in,
    /// amounts and rates as exact decimal strings, durations in their largest exact unit.
    ///
    /// It loads back to the same configuration. Vars, `extends` and file layout do not appear,
    /// so two files that resolve to the same configuration have the same text.
    public var canonicalYAML: String { CanonicalYAML.emit(configuration) }

    /// FNV-1a 64-bit hash of the UTF-8 bytes of `canonicalYAML` (offset basis 0xcbf29ce484222325,
    /// prime 0x100000001b3): a stable identity of what runs, across platforms and versions.
    public var hash: UInt64 { FNV1a64.hash(canonicalYAML.utf8) }

    /// `hash` as 16 lowercase hex digits.
    public var hashHex: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The 64-bit FNV-1a hash (Fowler–Noll–Vo), used for the scenario hash.
public enum FNV1a64 {
    public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    public static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// `h = offsetBasis; for byte: h = (h XOR byte) × prime (mod 2^64)`.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var h = offsetBasis
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return h
    }
}
