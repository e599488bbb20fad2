/// Shares a table's width among its columns, in the manner of an automatic HTML table layout.
enum ColumnWidths {
    /// Widths summing to `available`: every column gets at least its `minimum` (its longest word) when
    /// possible, and what is left goes in proportion to how much each column wants beyond it (its
    /// `natural` width, its longest cell on one line).
    static func distribute(minimum: [Double], natural: [Double], available: Double) -> [Double] {
        let count = min(minimum.count, natural.count)
        guard count > 0, available > 0 else { return [] }
        let floor = available / Double(count) / 8
        let minimum = minimum.prefix(count).map { min(max($0, floor), available) }
        let natural = zip(natural.prefix(count), minimum).map { max($0, $1) }
        let naturalTotal = natural.reduce(0, +)
        let minimumTotal = minimum.reduce(0, +)
        if naturalTotal <= available {
            return natural.map { $0 + (available - naturalTotal) * $0 / naturalTotal }
        }
        if minimumTotal <= available {
            let wanted = naturalTotal - minimumTotal
            return zip(minimum, natural).map { $0 + (available - minimumTotal) * ($1 - $0) / wanted }
        }
        return minimum.map { $0 * available / minimumTotal }
    }
}
