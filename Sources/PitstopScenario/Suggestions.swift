import PitstopModel

/// The candidate to suggest for a misspelt `word`: the model's `closestMatch` (edit
/// distance), or else a candidate that differs by one swap of neighbouring letters
/// (`mian` → `main`, `fir` → `fri`), or only by case.
func suggestion(for word: String, in candidates: [String]) -> String? {
    if let match = closestMatch(to: word, in: candidates) { return match }
    let letters = Array(word.lowercased())
    for candidate in candidates where candidate != word {
        let other = Array(candidate.lowercased())
        if other == letters { return candidate }
        guard other.count == letters.count, letters.count >= 2 else { continue }
        let differing = letters.indices.filter { letters[$0] != other[$0] }
        if differing.count == 2, differing[1] == differing[0] + 1,
            letters[differing[0]] == other[differing[1]], letters[differing[1]] == other[differing[0]]
        {
            return candidate
        }
    }
    return nil
}
