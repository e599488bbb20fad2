extension DocumentDraft {
    /// STUB until the typography branch lands.
    public func typeset() -> DocumentDraft { self }
}
