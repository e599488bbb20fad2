// swift-tools-version:6.0
import PackageDescription

/// Every target is compiled with the same strictness: module boundaries are checked by the compiler,
/// so no GRDB or Hummingbird type can leak past the module that owns it.
let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "guichet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "guichet", targets: ["guichet"]),
        .executable(name: "guichet-bench", targets: ["GuichetBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // gzip for the cached public pages, compressed once per page.
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // Already in the graph through Hummingbird and postgres-nio; named so that the CLI can put the database
        // client and the HTTP server in one ServiceGroup.
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        // Metrics: the swift-metrics API in the libraries (already in the graph through Hummingbird), exposed in the
        // Prometheus text format by the web front.
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // The help desk's passwords (bcrypt) and second factor (TOTP).
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        // TLS for the platform prober's own small HTTP client: already in the graph through postgres-nio and
        // Hummingbird, named so that GuichetProber can reach the platforms' https:// entry pages.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Pure domain: dossier model, legal calendar, deadline rules, text analysis. No I/O, no package.
        .target(name: "GuichetCore", swiftSettings: strictness),
        // Editorial sources (Markdown + YAML front matter) parsed into Core values.
        .target(
            name: "GuichetContent",
            dependencies: ["GuichetCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness
        ),
        // DocumentDraft → PDF, DOCX and ODT bytes, deterministic.
        .target(
            name: "GuichetDocuments",
            dependencies: [
                "GuichetCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // Liberation Serif and Sans (SIL OFL 1.1), embedded as subsets in every PDF.
            resources: [.copy("Fonts/Liberation")],
            swiftSettings: strictness
        ),
        // Hashing and sealing of personal data (swift-crypto): one small place to audit.
        .target(
            name: "GuichetEncryption", dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        // Store protocols and the storage error shared by every backend.
        .target(name: "GuichetStorage", dependencies: ["GuichetCore"], swiftSettings: strictness),
        // The default backend: GRDB on SQLite, with FTS5 French search.
        .target(
            name: "GuichetSQLite",
            dependencies: [
                "GuichetStorage", "GuichetCore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictness
        ),
        // The backend for several web nodes: postgres-nio on PostgreSQL, with French text search.
        .target(
            name: "GuichetPostgres",
            dependencies: [
                "GuichetStorage", "GuichetCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictness
        ),
        // Use cases shared by the web and the command line.
        .target(
            name: "GuichetServices",
            dependencies: [
                "GuichetStorage", "GuichetContent", "GuichetCore", "GuichetEncryption",
                .product(name: "Logging", package: "swift-log"), .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictness
        ),
        // The help desk of an association: organisations, members, sessions, cases sealed under each organisation's
        // key, mandates, deadlines, the audit log, the collective filing.
        .target(
            name: "GuichetHelpDesk",
            dependencies: [
                "GuichetServices", "GuichetStorage", "GuichetCore", "GuichetEncryption", "GuichetDocuments",
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictness
        ),
        // The platform prober: GET of public entry pages over NIO, under the 10-minute and robots.txt rules.
        .target(
            name: "GuichetProber",
            dependencies: [
                "GuichetStorage", "GuichetCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictness
        ),
        // Page models and their HTML, Atom and XML renderings, as strings.
        // The interface translations of the community languages are data files (Translations/<code>.json).
        .target(
            name: "GuichetViews", dependencies: ["GuichetCore"], resources: [.copy("Translations")],
            swiftSettings: strictness),
        // The HTTP front: routes, middleware, error pages.
        .target(
            name: "GuichetWeb",
            dependencies: [
                "GuichetServices", "GuichetViews", "GuichetStorage", "GuichetCore", "GuichetEncryption", "GuichetDocuments",
                "GuichetHelpDesk",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictness
        ),
        // Command-line front and composition root.
        .target(
            name: "GuichetCLI",
            dependencies: [
                "GuichetWeb", "GuichetSQLite", "GuichetPostgres", "GuichetServices", "GuichetContent", "GuichetStorage", "GuichetCore",
                "GuichetDocuments", "GuichetEncryption", "GuichetHelpDesk", "GuichetViews", "GuichetProber",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(name: "guichet", dependencies: ["GuichetCLI"], swiftSettings: strictness),
        // Measurements, not tests: run by scripts/bench-*.
        .executableTarget(
            name: "GuichetBench",
            dependencies: [
                "GuichetSQLite", "GuichetPostgres", "GuichetStorage", "GuichetCore", "GuichetServices", "GuichetEncryption",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/GuichetBench"
        ),
        .target(
            name: "GuichetTestSupport",
            dependencies: [
                "GuichetCore", "GuichetStorage", "GuichetServices", "GuichetContent", "GuichetHelpDesk", "GuichetPostgres",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(name: "GuichetCoreTests", dependencies: ["GuichetCore"], swiftSettings: strictness),
        .testTarget(
            name: "GuichetDocumentsTests",
            dependencies: ["GuichetDocuments", "GuichetCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetProberTests",
            dependencies: [
                "GuichetProber", "GuichetSQLite", "GuichetStorage", "GuichetCore", "GuichetTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(name: "GuichetEncryptionTests", dependencies: ["GuichetEncryption"], swiftSettings: strictness),
        .testTarget(
            name: "GuichetHelpDeskTests",
            dependencies: [
                "GuichetHelpDesk", "GuichetSQLite", "GuichetStorage", "GuichetCore", "GuichetEncryption", "GuichetServices",
                "GuichetTestSupport", .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetContentTests", dependencies: ["GuichetContent", "GuichetTestSupport", "GuichetCore"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetSQLiteTests",
            dependencies: [
                "GuichetSQLite", "GuichetTestSupport", "GuichetStorage", "GuichetContent", "GuichetServices", "GuichetCore",
                "GuichetEncryption",
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetPostgresTests",
            dependencies: [
                "GuichetPostgres", "GuichetSQLite", "GuichetTestSupport", "GuichetStorage", "GuichetServices", "GuichetContent",
                "GuichetCore", "GuichetEncryption",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetViewsTests", dependencies: ["GuichetViews", "GuichetTestSupport", "GuichetCore"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetWebTests",
            dependencies: [
                "GuichetWeb", "GuichetSQLite", "GuichetTestSupport", "GuichetStorage", "GuichetCore", "GuichetServices",
                "GuichetContent", "GuichetEncryption", "GuichetHelpDesk", "GuichetPostgres", "GuichetDocuments",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOEmbedded", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "GuichetCLITests",
            dependencies: [
                "GuichetCLI", "GuichetTestSupport", "GuichetCore", "GuichetPostgres", "GuichetStorage", "GuichetProber",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
    ]
)
