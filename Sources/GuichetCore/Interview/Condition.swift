/// A condition of an interview definition: when a question is asked, a value computed, an outcome shown.
///
/// A small language, parsed (``Condition/parse(_:)``) and checked against the definition, never
/// evaluated as code (docs/interviews.md):
///
/// ```
/// procedure == renouvellement-titre
/// verdict in [recevable, solide] and not anef == oui
/// expiration < today + 60 or capture
/// ```
public indirect enum Condition: Sendable, Equatable, CustomStringConvertible {
    /// The variable holds an answer (not blank, group not empty) or a computed value.
    case isPresent(Reference)
    /// The variable's value equals the literal (a choice, a verdict, a date `YYYY-MM-DD`).
    case equals(Reference, String)
    /// The variable holds a value different from the literal (false when it holds nothing).
    case notEquals(Reference, String)
    /// The variable's value is one of the literals.
    case isIn(Reference, [String])
    /// Two dates compared (false when either is missing).
    case compare(DateTerm, Comparison, DateTerm)
    /// Negation.
    case not(Condition)
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])

    /// A date comparison operator.
    public enum Comparison: String, Sendable, Equatable, CaseIterable {
        /// `<`
        case lessThan = "<"
        /// `<=`
        case lessOrEqual = "<="
        /// `>`
        case greaterThan = ">"
        /// `>=`
        case greaterOrEqual = ">="
        /// `==`
        case equal = "=="
        /// `!=`
        case notEqual = "!="

        func holds(_ lhs: LocalDate, _ rhs: LocalDate) -> Bool {
            switch self {
            case .lessThan: return lhs < rhs
            case .lessOrEqual: return lhs <= rhs
            case .greaterThan: return lhs > rhs
            case .greaterOrEqual: return lhs >= rhs
            case .equal: return lhs == rhs
            case .notEqual: return lhs != rhs
            }
        }
    }

    /// Every variable the condition reads, in order of appearance.
    public var references: [Reference] {
        switch self {
        case .isPresent(let reference), .equals(let reference, _), .notEquals(let reference, _),
            .isIn(let reference, _):
            return [reference]
        case .compare(let lhs, _, let rhs): return [lhs.reference, rhs.reference].compactMap { $0 }
        case .not(let inner): return inner.references
        case .all(let items), .any(let items): return items.flatMap(\.references)
        }
    }

    /// Every `(variable, literal)` pair the condition compares for equality or membership.
    public var literals: [(reference: Reference, value: String)] {
        switch self {
        case .equals(let reference, let value), .notEquals(let reference, let value): return [(reference, value)]
        case .isIn(let reference, let values): return values.map { (reference, $0) }
        case .isPresent, .compare: return []
        case .not(let inner): return inner.literals
        case .all(let items), .any(let items): return items.flatMap(\.literals)
        }
    }

    /// The condition written back in the language (canonical spacing, parentheses where needed).
    public var description: String { text(parent: 0) }

    private func text(parent: Int) -> String {
        func word(_ value: String) -> String {
            value.utf8.allSatisfy({ Lexer.isWordByte($0) }) && !value.isEmpty && value.first != "-"
                ? value : "\"" + value.replacing("\"", with: "\\\"") + "\""
        }
        switch self {
        case .isPresent(let reference): return reference.description
        case .equals(let reference, let value): return "\(reference) == \(word(value))"
        case .notEquals(let reference, let value): return "\(reference) != \(word(value))"
        case .isIn(let reference, let values): return "\(reference) in [\(values.map(word).joined(separator: ", "))]"
        case .compare(let lhs, let op, let rhs): return "\(lhs) \(op.rawValue) \(rhs)"
        case .not(let inner): return "not " + inner.text(parent: 3)
        case .all(let items):
            let joined = items.map { $0.text(parent: 2) }.joined(separator: " and ")
            return parent > 2 ? "(" + joined + ")" : joined
        case .any(let items):
            let joined = items.map { $0.text(parent: 1) }.joined(separator: " or ")
            return parent > 1 ? "(" + joined + ")" : joined
        }
    }
}

/// A variable read by a condition: an answer (`procedure`), a computed value (`verdict`), or a property
/// of a computed deadline (`fenetre.ouverture`).
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The variable name.
    public var name: String
    /// The property, for computed deadlines: `ouverture` (first day of a window), `fin` (same as the
    /// value itself: the last day).
    public var property: String?

    /// Creates a reference.
    public init(_ name: String, property: String? = nil) {
        self.name = name
        self.property = property
    }

    /// `name` or `name.property`.
    public var description: String { property.map { name + "." + $0 } ?? name }
}

/// One side of a date comparison: a variable, `today` or a fixed date, plus or minus days.
public struct DateTerm: Sendable, Equatable, CustomStringConvertible {
    /// Where the date comes from.
    public enum Base: Sendable, Equatable {
        /// A date answer or a computed deadline.
        case reference(Reference)
        /// The day the engine is told.
        case today
        /// A fixed day.
        case date(LocalDate)
    }

    /// Where the date comes from.
    public var base: Base
    /// Days added (negative: subtracted).
    public var offsetDays: Int

    /// Creates a term.
    public init(_ base: Base, offsetDays: Int = 0) {
        self.base = base
        self.offsetDays = offsetDays
    }

    /// The variable read, if any.
    public var reference: Reference? {
        if case .reference(let reference) = base { return reference }
        return nil
    }

    /// `expiration + 60`, `today`, `2023-01-01 - 1`.
    public var description: String {
        let head: String
        switch base {
        case .reference(let reference): head = reference.description
        case .today: head = "today"
        case .date(let day): head = day.iso
        }
        if offsetDays == 0 { return head }
        return head + (offsetDays > 0 ? " + \(offsetDays)" : " - \(-offsetDays)")
    }
}

/// What a condition reads from a variable.
public enum ConditionValue: Sendable, Equatable {
    /// A choice, a verdict or a text.
    case text(String)
    /// A date (an answer, or a computed deadline).
    case date(LocalDate)
    /// Present, with nothing to compare (a file, a group with entries).
    case present
}

/// Three-valued logic, for evaluating with some variables unknown (the definition check).
enum Truth: Equatable {
    case yes, no, unknown

    init(_ value: Bool) { self = value ? .yes : .no }

    var negated: Truth {
        switch self {
        case .yes: return .no
        case .no: return .yes
        case .unknown: return .unknown
        }
    }
}

/// What an evaluation knows about a variable: its value (`nil` = absent), or nothing.
enum Knowledge: Equatable {
    case known(ConditionValue?)
    case unknown
}

extension Condition {
    /// Whether the condition holds, reading variables through `value` (`nil` = no value) on `today`.
    public func holds(today: LocalDate, value: (Reference) -> ConditionValue?) -> Bool {
        truth(today: today) { .known(value($0)) } == .yes
    }

    /// Kleene evaluation: `.unknown` only when an unknown variable decides the result.
    func truth(today: LocalDate, _ lookup: (Reference) -> Knowledge) -> Truth {
        switch self {
        case .isPresent(let reference):
            guard case .known(let value) = lookup(reference) else { return .unknown }
            return Truth(value != nil)
        case .equals(let reference, let literal):
            guard case .known(let value) = lookup(reference) else { return .unknown }
            return Truth(value.map { Self.matches($0, literal) } ?? false)
        case .notEquals(let reference, let literal):
            guard case .known(let value) = lookup(reference) else { return .unknown }
            return Truth(value.map { !Self.matches($0, literal) } ?? false)
        case .isIn(let reference, let literals):
            guard case .known(let value) = lookup(reference) else { return .unknown }
            guard let value else { return .no }
            return Truth(literals.contains { Self.matches(value, $0) })
        case .compare(let lhs, let op, let rhs):
            guard let left = lhs.resolve(today: today, lookup), let right = rhs.resolve(today: today, lookup) else {
                return .unknown
            }
            guard let l = left, let r = right else { return .no }
            return Truth(op.holds(l, r))
        case .not(let inner):
            return inner.truth(today: today, lookup).negated
        case .all(let items):
            var result = Truth.yes
            for item in items {
                switch item.truth(today: today, lookup) {
                case .no: return .no
                case .unknown: result = .unknown
                case .yes: break
                }
            }
            return result
        case .any(let items):
            var result = Truth.no
            for item in items {
                switch item.truth(today: today, lookup) {
                case .yes: return .yes
                case .unknown: result = .unknown
                case .no: break
                }
            }
            return result
        }
    }

    private static func matches(_ value: ConditionValue, _ literal: String) -> Bool {
        switch value {
        case .text(let text): return text == literal
        case .date(let day): return LocalDate(iso: literal) == day
        case .present: return false
        }
    }
}

extension DateTerm {
    /// `nil` when unknown; `.some(nil)` when known to be absent or not a date.
    fileprivate func resolve(today: LocalDate, _ lookup: (Reference) -> Knowledge) -> LocalDate?? {
        switch base {
        case .today: return .some(today.adding(days: offsetDays))
        case .date(let day): return .some(day.adding(days: offsetDays))
        case .reference(let reference):
            guard case .known(let value) = lookup(reference) else { return nil }
            if case .date(let day)? = value { return .some(day.adding(days: offsetDays)) }
            return .some(nil)
        }
    }
}
