public import GuichetContent
internal import Foundation

/// Reads the editorial sources from a folder on disk.
public enum ContentDirectory {
    /// Every `.md` and `.yml` file below `root`, with paths relative to it; hidden files are skipped.
    public static func read(at root: String) throws -> [ContentFile] {
        let base = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(
            at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { throw CocoaError(.fileReadNoSuchFile) }
        var files: [ContentFile] = []
        for case let url as URL in enumerator where ["md", "yml", "yaml"].contains(url.pathExtension) {
            let relative = url.standardizedFileURL.path.dropFirst(base.path.count).drop(while: { $0 == "/" })
            let data = try Data(contentsOf: url)
            files.append(ContentFile(path: String(relative), text: String(decoding: data, as: UTF8.self)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
