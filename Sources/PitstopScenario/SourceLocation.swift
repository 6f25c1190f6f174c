/// A position in a scenario file — the file's path as given, and a 1-based line and
/// column — or in the text of one `--set PATH=VALUE`.
///
/// Columns count Unicode scalars, as libyaml does, so `ø` counts as one column, and so
/// does each scalar of an emoji or of a letter with a combining mark.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The path of the file as it was given to the loader (or as reached by `extends`);
    /// `--set` for a position in a `--set`.
    public var file: String
    /// The 1-based line number; for a `--set`, which one (the first given is 1).
    public var line: Int
    /// The 1-based column number, in Unicode scalars.
    public var column: Int
    /// Whether this is a position in the text of a `--set` rather than in a file.
    public var isSetOption: Bool

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
        self.isSetOption = false
    }

    /// Column `column` of the `index`-th `--set` (both 1-based).
    public static func setOption(_ index: Int, column: Int) -> SourceLocation {
        var location = SourceLocation(file: "--set", line: index, column: column)
        location.isSetOption = true
        return location
    }

    /// `file:line:column`, or `--set N:column`.
    public var description: String { isSetOption ? "--set \(line):\(column)" : "\(file):\(line):\(column)" }

    /// Orders by file, then line, then column; positions in files come before those in
    /// `--set`s, which are applied after them.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.isSetOption != b.isSetOption { return !a.isSetOption }
        return (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
