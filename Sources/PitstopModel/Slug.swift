/// An id (`[a-z0-9][a-z0-9-]*`) made from a name the Danish way: `æ` → `ae`, `ø` → `oe`,
/// `å` → `aa` (and `ä` `ö` `ü` → `ae` `oe` `ue`, `ß` → `ss`); other accents are dropped
/// (`é` → `e`); runs of anything else become one `-`.
///
/// `Søren Krogh` → `soeren-krogh`, `Børn & Unge` → `boern-unge`, `Ærø` → `aeroe`.
public func danishSlug(_ text: String) -> String {
    var out = ""
    func add(_ piece: String) { out += piece }
    for character in text.lowercased() {
        switch character {
        case "æ", "ä": add("ae")
        case "ø", "ö": add("oe")
        case "å": add("aa")
        case "ü": add("ue")
        case "ß": add("ss")
        default:
            // The base letter of an accented one: the first scalar of its decomposition.
            let base = String(character).decomposedLatin
            if let scalar = base, ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.isEmpty, out.last != "-" {
                out.append("-")
            }
        }
    }
    while out.last == "-" { out.removeLast() }
    return out
}

extension String {
    /// The one ASCII letter or digit a character stands for (`é` → `e`), if it does.
    fileprivate var decomposedLatin: Unicode.Scalar? {
        guard let first = unicodeScalars.first else { return nil }
        if first.isASCII { return first }
        // Precomposed Latin letters with one accent: strip it by a small table of bases.
        let table: [ClosedRange<UInt32>: Unicode.Scalar] = [
            0xE0...0xE5: "a", 0xE7...0xE7: "c", 0xE8...0xEB: "e", 0xEC...0xEF: "i", 0xF1...0xF1: "n",
            0xF2...0xF6: "o", 0xF9...0xFC: "u", 0xFD...0xFD: "y", 0xFF...0xFF: "y",
        ]
        for (range, base) in table where range.contains(first.value) { return base }
        return nil
    }
}
