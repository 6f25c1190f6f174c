import PitstopModel

extension Estimate {
    public var jsonText: JSONText { .object(["mean": .number(mean), "ci95": .array(ci95.map { .number($0) })]) }
}
