// swift-tools-version:6.1
// GCTSim: a deterministic discrete-event simulator of the GPU Compute Token economy (PRD-010).
//
// Layers (imports only point down):
//   GCTEconomics  pure economic rules: exact money, ledger, staking, emissions, pricing, oracle
//   GCTEngine     generic discrete-event engine: clock, event queue, random streams (no economics)
//   GCTWorld      world model: agents, compute market, metrics, invariants (economics + engine)
//   GCTScenario   YAML scenarios: schema, vars, extends, --set, errors with file:line:column
//   GCTTrajectory HDF5 trajectories (through the CHDF5 system library and shim)
//   GCTGPU        GPU offload via HIP (dlopen) with CPU twins (CGCTKernels: the shared C++ kernel source)
//   gctsim        the command
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
        // Layer 1': generic discrete-event engine; knows nothing of tokens.
        .target(name: "GCTEngine", swiftSettings: swiftSettings),
        // Layer 2: the world model runs the economics on the engine.
        .target(name: "GCTWorld", dependencies: ["GCTEconomics", "GCTEngine"], swiftSettings: swiftSettings),
        // Layer 3: scenarios (YAML) build worlds.
        .target(
            name: "GCTScenario",
            dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Layer 3: HDF5 trajectories.
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .target(name: "GCTTrajectory", dependencies: ["CHDF5", "GCTEngine", "GCTWorld"], swiftSettings: swiftSettings),
        // Layer 3: parameter sweeps and proposal verdicts (paired replications, HDF5 sweep tables).
        .target(
            name: "GCTSweep",
            dependencies: ["GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "GCTTrajectory", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Layer 3: GPU offload. The kernels' C++ source is shared with the HIP build (make gpu).
        .target(
            name: "CGCTKernels",
            path: "Sources/CGCTKernels",
            cxxSettings: [.unsafeFlags(["-ffp-contract=off", "-std=c++17"])]
        ),
        .target(name: "GCTGPU", dependencies: ["CGCTKernels", "GCTEconomics", "GCTEngine"], swiftSettings: swiftSettings),
        // Layer 4: the command.
        .executableTarget(
            name: "gctsim",
            dependencies: [
                "GCTEconomics", "GCTEngine", "GCTWorld", "GCTScenario", "GCTTrajectory", "GCTGPU", "GCTSweep",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "_GCTTestSupport", dependencies: ["GCTEconomics", "GCTEngine"],
            path: "Tests/_GCTTestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "GCTEconomicsTests", dependencies: ["GCTEconomics", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTEngineTests", dependencies: ["GCTEngine", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTWorldTests", dependencies: ["GCTWorld", "GCTScenario", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTSimCommandTests", dependencies: ["gctsim", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTTrajectoryTests", dependencies: ["GCTTrajectory", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTSweepTests", dependencies: ["GCTSweep", "GCTScenario", "GCTTrajectory", "GCTWorld", "_GCTTestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "GCTGPUTests", dependencies: ["GCTGPU", "GCTEconomics", "GCTEngine", "_GCTTestSupport"], swiftSettings: swiftSettings),
    ]
)
