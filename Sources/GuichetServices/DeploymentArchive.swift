public import GuichetStorage
internal import Foundation

/// A whole deployment in one file, to move it between backends (`guichet export`, `guichet import`).
///
/// The format is JSON Lines, UTF-8, one JSON object per line (described in docs/storage.md):
///
/// ```
/// {"format":"guichet-export","version":1,"migrations":["0001_create_dossier","0002_create_private_file"]}
/// {"table":"content_file","columns":["path","fingerprint"]}
/// {"row":["items/2019/2019-11-27-ce-2019.md","fnv1a64:…"]}
/// …
/// {"end":{"content_file":{"rows":7,"fnv1a64":"…"},…}}
/// ```
///
/// Values are JSON `null`, integers (64-bit), strings, or `{"base64":"…"}` for bytes (sealed blobs, copied as
/// they are: the file holds no plaintext that the database did not hold). Tables come in
/// ``TransferTable/deploymentOrder``, rows in primary-key order, so that both backends write the same file for
/// the same data. The last line gives, per table, the row count and a 64-bit FNV-1a digest of its row lines: a
/// truncated or edited file is refused, and the import (one transaction) leaves the target untouched.
public enum DeploymentArchive {
    /// The value of the first line's `format`.
    public static let formatName = "guichet-export"
    /// The version written; a reader refuses versions it does not know.
    public static let version = 1

    /// What was moved: per table, the rows and their digest.
    public struct Summary: Sendable, Equatable {
        /// Per table name.
        public var tables: [String: TableSummary]

        /// The number of rows over every table.
        public var rowCount: Int { tables.values.reduce(0) { $0 + $1.rows } }
    }

    /// The rows of one table and their digest.
    public struct TableSummary: Sendable, Equatable, Codable {
        /// How many rows.
        public var rows: Int
        /// FNV-1a 64 of the table's row lines (each with its newline), in hexadecimal.
        public var fnv1a64: String
    }

    /// Why a file cannot be read as an export.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The first line is not a guichet export.
        case notAnArchive
        /// A version this build does not know.
        case unsupportedVersion(Int)
        /// Migrations this build does not know: the file comes from a newer guichet.
        case unknownMigrations([String])
        /// The file is damaged or truncated (line number, reason).
        case damaged(line: Int, reason: String)

        /// For logs.
        public var description: String {
            switch self {
            case .notAnArchive: "not a guichet export"
            case .unsupportedVersion(let version): "unsupported export version \(version)"
            case .unknownMigrations(let identifiers): "unknown migrations \(identifiers)"
            case .damaged(let line, let reason): "damaged export, line \(line): \(reason)"
            }
        }
    }

    // MARK: Export

    /// Writes every table of `source` to a new file at `path` (written beside it, then renamed: a failed export
    /// leaves no file). Returns what was written.
    public static func export(from source: any TableTransfer, to path: String) async throws -> Summary {
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw StorageError(.unavailable, underlying: CocoaError(.fileWriteNoPermission)) }
        let writer = LineWriter(handle: handle)
        do {
            let migrations = try await source.appliedMigrations()
            let tables = try await source.transferTables()
            try writer.write(Line(format: formatName, version: version, migrations: migrations))
            for table in tables {
                try writer.startTable(table)
            }
            try await source.exportRows(of: tables) { table, values in
                try writer.write(row: values, of: table)
            }
            let summary = try writer.finish(tables: tables)
            try handle.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            return summary
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    // MARK: Import

    /// Reads the export at `path` into `target` (a new, migrated database) in one transaction. Checks first
    /// that the file is a known version from a guichet whose migrations this one knows; checks at the end
    /// each table's row count and digest. Returns what was read.
    public static func `import`(from path: String, into target: any TableTransfer) async throws -> Summary {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StorageError(.unavailable, underlying: CocoaError(.fileReadNoSuchFile))
        }
        defer { try? handle.close() }
        let reader = LineReader(handle: handle)
        let known = Set(try await target.appliedMigrations())
        let header = try reader.header()
        let unknown = header.filter { !known.contains($0) }
        guard unknown.isEmpty else { throw Failure.unknownMigrations(unknown) }
        _ = try await target.importRows { try reader.nextRow() }
        return try reader.summary()
    }

    // MARK: Lines

    struct Line: Codable {
        var format: String?
        var version: Int?
        var migrations: [String]?
        var table: String?
        var columns: [String]?
        var row: [Value]?
        var end: [String: TableSummary]?
    }

    /// One value, as JSON: null, an integer, a string, or `{"base64": "…"}`.
    struct Value: Codable {
        let value: TransferValue

        init(_ value: TransferValue) {
            self.value = value
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                value = .null
            } else if let number = try? container.decode(Int64.self) {
                value = .integer(number)
            } else if let text = try? container.decode(String.self) {
                value = .text(text)
            } else {
                let object = try container.decode([String: String].self)
                guard let encoded = object["base64"], let data = Data(base64Encoded: encoded) else {
                    throw DecodingError.dataCorruptedError(in: container, debugDescription: "bytes without base64")
                }
                value = .bytes([UInt8](data))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .null: try container.encodeNil()
            case .integer(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            case .bytes(let bytes): try container.encode(["base64": Data(bytes).base64EncodedString()])
            }
        }
    }

    /// A running FNV-1a 64 over bytes.
    struct Digest {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ bytes: some Sequence<UInt8>) {
            for byte in bytes { state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }

        var hex: String {
            let digits = String(state, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }

    /// Writes lines; used by one export at a time (the sink is called serially).
    final class LineWriter: @unchecked Sendable {
        let handle: FileHandle
        let encoder: JSONEncoder
        var buffer = Data()
        var current: TransferTable?
        var started: [TransferTable] = []
        var summaries: [String: (rows: Int, digest: Digest)] = [:]

        init(handle: FileHandle) {
            self.handle = handle
            encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        func startTable(_ table: TransferTable) throws {
            started.append(table)
            summaries[table.name] = (0, Digest())
        }

        func write(_ line: Line) throws {
            buffer.append(try encoder.encode(line))
            buffer.append(0x0A)
            if buffer.count > 1 << 20 { try flush() }
        }

        func write(row values: [TransferValue], of table: TransferTable) throws {
            if current != table {
                try write(Line(table: table.name, columns: table.columns))
                current = table
            }
            var line = try encoder.encode(Line(row: values.map(Value.init)))
            line.append(0x0A)
            summaries[table.name, default: (0, Digest())].rows += 1
            summaries[table.name, default: (0, Digest())].digest.add(line)
            buffer.append(line)
            if buffer.count > 1 << 20 { try flush() }
        }

        func finish(tables: [TransferTable]) throws -> Summary {
            var end: [String: TableSummary] = [:]
            for table in tables {
                let summary = summaries[table.name] ?? (0, Digest())
                end[table.name] = TableSummary(rows: summary.rows, fnv1a64: summary.digest.hex)
            }
            try write(Line(end: end))
            try flush()
            return Summary(tables: end)
        }

        func flush() throws {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Reads lines; pulled serially by one import transaction.
    final class LineReader: @unchecked Sendable {
        let handle: FileHandle
        let decoder = JSONDecoder()
        var pending = Data()
        var isAtEnd = false
        var lineNumber = 0
        var table: TransferTable?
        var seen: [String: (rows: Int, digest: Digest)] = [:]
        var end: [String: TableSummary]?

        init(handle: FileHandle) {
            self.handle = handle
        }

        /// The next line's bytes (with its newline), or nil at the end of the file.
        func nextLine() throws -> Data? {
            while true {
                if let newline = pending.firstIndex(of: 0x0A) {
                    let line = pending[pending.startIndex...newline]
                    pending = Data(pending[pending.index(after: newline)...])
                    lineNumber += 1
                    return Data(line)
                }
                if isAtEnd {
                    guard !pending.isEmpty else { return nil }
                    throw Failure.damaged(line: lineNumber + 1, reason: "last line has no newline")
                }
                if let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                    pending.append(chunk)
                } else {
                    isAtEnd = true
                }
            }
        }

        func decodeLine(_ data: Data) throws -> Line {
            do {
                return try decoder.decode(Line.self, from: data)
            } catch {
                throw Failure.damaged(line: lineNumber, reason: "not a JSON line")
            }
        }

        /// Reads the first line; returns the migrations the export was made with.
        func header() throws -> [String] {
            guard let data = try nextLine(), let line = try? decoder.decode(Line.self, from: data),
                line.format == formatName, let version = line.version
            else { throw Failure.notAnArchive }
            guard version == DeploymentArchive.version else { throw Failure.unsupportedVersion(version) }
            return line.migrations ?? []
        }

        /// The next row, or nil after the end line (checked against what was read).
        func nextRow() throws -> (TransferTable, [TransferValue])? {
            while let data = try nextLine() {
                let line = try decodeLine(data)
                if let row = line.row {
                    guard let table else { throw Failure.damaged(line: lineNumber, reason: "row before any table") }
                    guard row.count == table.columns.count else {
                        throw Failure.damaged(line: lineNumber, reason: "row of \(row.count) values for \(table.columns.count) columns")
                    }
                    seen[table.name, default: (0, Digest())].rows += 1
                    seen[table.name, default: (0, Digest())].digest.add(data)
                    return (table, row.map(\.value))
                } else if let name = line.table, let columns = line.columns {
                    guard TransferTable.deploymentOrder.contains(name), columns.allSatisfy(TransferTable.isPlainName) else {
                        throw Failure.damaged(line: lineNumber, reason: "unknown table \(name)")
                    }
                    table = TransferTable(name: name, columns: columns)
                } else if let end = line.end {
                    try check(end)
                    self.end = end
                    guard try nextLine() == nil else { throw Failure.damaged(line: lineNumber, reason: "data after the end") }
                    return nil
                } else {
                    throw Failure.damaged(line: lineNumber, reason: "unknown line")
                }
            }
            throw Failure.damaged(line: lineNumber, reason: "the file ends before its last line (truncated)")
        }

        func check(_ end: [String: TableSummary]) throws {
            for (name, expected) in end {
                let actual = seen[name] ?? (0, Digest())
                guard actual.rows == expected.rows else {
                    throw Failure.damaged(line: lineNumber, reason: "\(name): \(actual.rows) rows read, \(expected.rows) expected")
                }
                guard actual.digest.hex == expected.fnv1a64 else {
                    throw Failure.damaged(line: lineNumber, reason: "\(name): digest differs")
                }
            }
            for name in seen.keys where end[name] == nil {
                throw Failure.damaged(line: lineNumber, reason: "\(name) missing from the last line")
            }
        }

        func summary() throws -> Summary {
            guard let end else { throw Failure.damaged(line: lineNumber, reason: "no last line") }
            return Summary(tables: end)
        }
    }
}
