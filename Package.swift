// swift-tools-version:6.1
// GCTSim: a deterministic discrete-event simulator of the GPU Compute Token economy (PRD-010).
//
// Layers (imports only point down):
//   GCTEconomics  pure economic rules: exact money, ledger, staking, emissions, pricing, oracle
//   GCTEngine     generic discrete-event engine: clock, event queue, random streams, statistics
//                 (Welford, Student t, confidence intervals, Welch's t-test, Erlang C); no economics
//   GCTWorld      world model: agents, compute market, metrics, invariants (economics + engine; no file I/O)
//   GCTScenario   YAML scenarios: schema, vars, extends, --set, errors with file:line:column
//   GCTCheck      `gctsim check`: invariant catalogue, baselines (JSON), Welch regression, JUnit XML, report
//   GCTTrajectory HDF5 table library (through the CHDF5 system library and shim); knows no world
//   GCTWorldTrajectory  the world-to-HDF5 adapter: a WorldObserver writing a run's trajectory
//   GCTGPU        GPU offload via HIP (dlopen) with CPU twins (CGCTKernels: the shared C++ kernel source)
//   gctsim        the command
// Each target declares exactly the modules it imports (scripts/check-imports.sh checks it).
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "GCTSim",
    products: [
        .library(name: "GCTEconomics", targets: ["GCTEconomics"]),
        .library(name: "GCTEngine", targets: ["GCTEngine"]),
        .library(name: "GCTWorld", targets: ["GCTWorld"]),
        .executable(name: "gctsim", targets: ["gctsim"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.0"),
    ],
    targets: [
        // Layer 1: pure rules, no I/O, no clock, no global randomness.
        .target(name: "GCTEconomics", swiftSettings: swiftSettings),
        // Layer 1': generic discrete-event engine and statistics; knows nothing of tokens.
        .target(name: "GCTEngine", swiftSettings: swiftSettings),
        // Layer 2: the world model runs the economics on the engine.
        .target(name: "GCTWorld", dependencies: ["GCTEconomics", "GCTEngine"], swiftSettings: swiftSettings),
        // Layer 3: scenarios (YAML) build worlds.
        .target(
            name: "GCTScenario",
            dependencies: ["GCTEconomics", "GCTWorld", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Layer 3: `gctsim check` (invariants, baselines, regression, JUnit).
        .target(name: "GCTCheck", dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld"], swiftSettings: swiftSettings),
        // Layer 3: HDF5 tables, and the adapter writing a world's trajectory with them.
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .target(name: "GCTTrajectory", dependencies: ["CHDF5"], swiftSettings: swiftSettings),
        .target(
            name: "GCTWorldTrajectory", dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", "GCTTrajectory"],
            swiftSettings: swiftSettings),
        // Layer 3: parameter sweeps and proposal verdicts (paired replications, HDF5 sweep tables).
        .target(
            name: "GCTSweep",
            dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "GCTTrajectory", "GCTWorldTrajectory", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Layer 3: GPU offload. The kernels' C++ source is shared with the HIP build (make gpu).
        .target(
            name: "CGCTKernels",
            path: "Sources/CGCTKernels",
            cxxSettings: [.unsafeFlags(["-ffp-contract=off", "-std=c++17"])]
        ),
        .target(name: "GCTGPU", dependencies: ["CGCTKernels", "GCTEconomics"], swiftSettings: swiftSettings),
        // Layer 4: the command.
        .executableTarget(
            name: "gctsim",
            dependencies: [
                "GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "GCTCheck", "GCTTrajectory", "GCTWorldTrajectory",
                "GCTGPU", "GCTSweep",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(name: "_GCTTestSupport", path: "Tests/_GCTTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "GCTEconomicsTests", dependencies: ["GCTEconomics", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTEngineTests", dependencies: ["GCTEngine", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(
            name: "GCTWorldTests", dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "_GCTTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "GCTScenarioTests", dependencies: ["GCTEconomics", "GCTWorld", "GCTScenario", "_GCTTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "GCTCheckTests",
            dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "GCTCheck", "_GCTTestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(name: "GCTSimCommandTests", dependencies: ["gctsim", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTTrajectoryTests", dependencies: ["GCTTrajectory"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTSweepTests", dependencies: ["GCTEngine", "GCTSweep", "GCTTrajectory", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTGPUTests", dependencies: ["CGCTKernels", "GCTEconomics", "GCTEngine", "GCTGPU", "_GCTTestSupport"], swiftSettings: swiftSettings),
    ]
)
