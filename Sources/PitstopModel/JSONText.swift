/// The program's one JSON writer: a minimal JSON tree with a deterministic, pretty-printed rendering: object keys sorted,
/// two-space indentation, objects whose members are all scalars or scalar arrays (such as
/// an estimate) on one line, numbers in ``formatNumber(_:)``.
public enum JSONText: Sendable, Hashable {
    case number(Double)
    case integer(Int64)
    case unsigned(UInt64)
    case string(String)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([String: JSONText])

    var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    var isFlat: Bool {
        switch self {
        case .array(let items): items.allSatisfy(\.isScalar)
        case .object(let members): members.values.allSatisfy { $0.isScalar || $0.isFlatArray }
        default: true
        }
    }

    private var isFlatArray: Bool {
        if case .array(let items) = self { return items.allSatisfy(\.isScalar) }
        return false
    }

    /// The text, indented to sit `indent` spaces deep (no trailing newline).
    public func rendered(indent: Int = 0) -> String {
        var out = ""
        write(to: &out, indent: indent)
        return out
    }

    func write(to out: inout String, indent: Int) {
        switch self {
        case .number(let x): out += formatNumber(x)
        case .integer(let i): out += String(i)
        case .unsigned(let u): out += String(u)
        case .string(let s): out += jsonQuoted(s)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
            } else if isFlat {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    item.write(to: &out, indent: indent)
                }
                out += "]"
            } else {
                out += "[\n"
                for (i, item) in items.enumerated() {
                    out += String(repeating: " ", count: indent + 2)
                    item.write(to: &out, indent: indent + 2)
                    out += i + 1 < items.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        case .object(let members):
            let keys = members.keys.sorted()
            if keys.isEmpty {
                out += "{}"
            } else if isFlat {
                out += "{ "
                for (i, k) in keys.enumerated() {
                    if i > 0 { out += ", " }
                    out += jsonQuoted(k) + ": "
                    members[k]?.write(to: &out, indent: indent)
                }
                out += " }"
            } else {
                out += "{\n"
                for (i, k) in keys.enumerated() {
                    out += String(repeating: " ", count: indent + 2) + jsonQuoted(k) + ": "
                    members[k]?.write(to: &out, indent: indent + 2)
                    out += i + 1 < keys.count ? ",\n" : "\n"
                }
                out += String(repeating: " ", count: indent) + "}"
            }
        }
    }
}

/// A number as text: whole numbers without a fraction, others rounded to 6 decimals
/// (shortest round-trip form); non-finite values as 0 (JSON has no NaN). Deterministic.
public func formatNumber(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    let r = (x * 1e6).rounded() / 1e6
    if r == 0 { return "0" }
    if r == r.rounded(), abs(r) < 1e15 { return String(Int64(r)) }
    return "\(r)"
}

/// A JSON string literal; non-ASCII characters are kept as they are.
public func jsonQuoted(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 {
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}
