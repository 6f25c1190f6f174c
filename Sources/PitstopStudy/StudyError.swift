/// A study that could not be done, with a message for the user (the CLI prints it and
/// exits 1; the explorer sends it back as an error).
public struct StudyError: Error, CustomStringConvertible, Sendable, Equatable {
    public let description: String
    public init(_ message: String) { description = message }

    /// The program was interrupted while writing; the signal's handler ends it.
    public static let interrupted = StudyError("interrupted")

    /// The study was cancelled between replications (its requester went away).
    public static let cancelled = StudyError("cancelled")
}

/// The program's version, shown by `--version` and in every report's assumptions.
public enum PitstopVersion {
    public static let current = "0.2.0-dev"
}
