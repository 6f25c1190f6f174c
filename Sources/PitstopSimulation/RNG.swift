// Random numbers: xoshiro256** seeded through splitmix64, one independent stream per
// (replication, purpose, ids…). Streams are keyed by ids (not list positions), so two
// scenarios that share a persona and a site draw that persona's visitors from the same
// stream (common random numbers) even when their lists are ordered differently.

/// splitmix64 (Steele, Lea, Flood 2014): seeds xoshiro, mixes stream keys, and serves as
/// each visitor's own substream (8 bytes of state, seeded from the persona's xoshiro stream).
struct SplitMix64 {
    var state: UInt64

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// One-shot mix of a 64-bit value.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var s = SplitMix64(state: x)
        return s.next()
    }
}

/// xoshiro256** 1.0 (Blackman & Vigna): 256 bits of state, period 2^256 − 1, 32 bytes.
/// A value type with no allocation, so it can live inside a visitor slot.
struct Xoshiro256 {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    init(seed: UInt64) {
        var sm = SplitMix64(state: seed)
        s0 = sm.next()
        s1 = sm.next()
        s2 = sm.next()
        s3 = sm.next()
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }  // never all zero (splitmix makes this practically impossible)
    }

    @inline(__always)
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 &- k)) }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = Xoshiro256.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Xoshiro256.rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }
}

/// FNV-1a over the UTF-8 bytes: a hash that is stable across runs and platforms
/// (Swift's `hashValue` is randomly seeded per process, so it must not be used here).
func stableHash(_ text: String) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        h ^= UInt64(byte)
        h = h &* 0x0000_0100_0000_01B3
    }
    return h
}

/// What a stream is for; part of the stream key.
enum StreamPurpose: UInt64 {
    /// Arrivals and everything the visitors of one persona at one site draw.
    case visitors = 0x7669_7369_746F_7273
    /// One person's daily absence draws.
    case absence = 0x6162_7365_6E63_6500
}

/// The seed of the stream (master seed, replication, purpose, ids).
func streamSeed(master: UInt64, replication: Int, purpose: StreamPurpose, ids: [String]) -> UInt64 {
    var x = SplitMix64.mix(master ^ 0x5049_5453_544F_5021)  // "PITSTOP!"
    x = SplitMix64.mix(x ^ UInt64(truncatingIfNeeded: replication) &* 0xD1B5_4A32_D192_ED03)
    x = SplitMix64.mix(x ^ purpose.rawValue)
    for id in ids {
        x = SplitMix64.mix(x ^ stableHash(id))
    }
    return x
}
