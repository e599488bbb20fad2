/// An entry of the PDF's outline (bookmarks, « signets »): the sections of the document and one
/// entry per exhibit, as Télérecours asks of a single file holding a filing and its exhibits.
struct PDFBookmark: Sendable, Equatable {
    var title: String
    /// 1 for top-level entries; a level-2 entry nests under the level-1 entry before it, and so on.
    var level: Int
}

/// A bookmark placed: the page it opens and the height on that page, in PDF coordinates.
struct PlacedBookmark: Sendable {
    var bookmark: PDFBookmark
    var pageIndex: Int
    var top: Double
}

/// Writes the outline tree (PDF 1.7 §12.3.3) as objects `first`, `first + 1` … : the root, then the
/// entries in reading order.
enum PDFOutline {
    struct Node {
        var placed: PlacedBookmark
        var parent: Int
        var children: [Int] = []
    }

    /// Object count needed for `bookmarks` (0 when there is none: no outline at all).
    static func objectCount(_ bookmarks: [PlacedBookmark]) -> Int { bookmarks.isEmpty ? 0 : bookmarks.count + 1 }

    static func write(
        _ bookmarks: [PlacedBookmark], into file: inout PDFFileBuilder, first: Int, pageObject: (Int) -> Int
    ) {
        guard !bookmarks.isEmpty else { return }
        // Index -1 is the root; nodes[i] is object first + 1 + i.
        var nodes: [Node] = []
        var rootChildren: [Int] = []
        var stack: [(level: Int, index: Int)] = []
        for placed in bookmarks {
            let level = max(1, placed.bookmark.level)
            while let last = stack.last, last.level >= level { stack.removeLast() }
            let index = nodes.count
            nodes.append(Node(placed: placed, parent: stack.last?.index ?? -1))
            if let parent = stack.last?.index { nodes[parent].children.append(index) } else { rootChildren.append(index) }
            stack.append((level, index))
        }
        func number(_ index: Int) -> Int { index < 0 ? first : first + 1 + index }
        func descendants(_ index: Int) -> Int {
            nodes[index].children.reduce(nodes[index].children.count) { $0 + descendants($1) }
        }
        file.object(
            first,
            "<< /Type /Outlines /First \(number(rootChildren[0])) 0 R /Last \(number(rootChildren[rootChildren.count - 1])) 0 R /Count \(nodes.count) >>"
        )
        for (index, node) in nodes.enumerated() {
            let siblings = node.parent < 0 ? rootChildren : nodes[node.parent].children
            let position = siblings.firstIndex(of: index) ?? 0
            var entries =
                "<< /Title \(PDFTextString.encode(node.placed.bookmark.title)) /Parent \(number(node.parent)) 0 R"
            if position > 0 { entries += " /Prev \(number(siblings[position - 1])) 0 R" }
            if position + 1 < siblings.count { entries += " /Next \(number(siblings[position + 1])) 0 R" }
            if let firstChild = node.children.first, let lastChild = node.children.last {
                entries += " /First \(number(firstChild)) 0 R /Last \(number(lastChild)) 0 R /Count \(descendants(index))"
            }
            entries +=
                " /Dest [\(pageObject(node.placed.pageIndex)) 0 R /XYZ 0 \(PDFNumber.format(node.placed.top)) null] >>"
            file.object(number(index), entries)
        }
    }
}
