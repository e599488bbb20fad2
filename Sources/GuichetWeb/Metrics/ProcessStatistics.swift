#if canImport(Glibc)
internal import Glibc
#elseif canImport(Darwin)
internal import Darwin
#endif

/// The resident memory and the open file descriptors of a process, read from its Linux `/proc/<pid>` directory
/// (`/proc/self` in production, a folder laid out the same way in tests).
struct ProcessStatistics: Sendable {
    /// The process directory, e.g. `/proc/self`.
    let directory: String
    /// The size of a memory page, in bytes.
    let pageSize: Int

    init(directory: String, pageSize: Int = Int(sysconf(Int32(_SC_PAGESIZE)))) {
        self.directory = directory
        self.pageSize = pageSize
    }

    /// The resident set size: the second field of `statm` (in pages) × the page size; `nil` when unreadable.
    func residentBytes() -> Int? {
        let descriptor = open(directory + "/statm", O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 256)
        let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let fields = bytes[..<count].split(separator: UInt8(ascii: " "))
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return nil }
        return pages * pageSize
    }

    /// The entries of `fd/`, not counting the descriptor used to list them; `nil` when unreadable.
    func openDescriptors() -> Int? {
        guard let stream = opendir(directory + "/fd") else { return nil }
        defer { closedir(stream) }
        let own = String(dirfd(stream))
        var count = 0
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != "..", name != own { count += 1 }
        }
        return count
    }
}
