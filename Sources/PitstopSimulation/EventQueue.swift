// The future-event list.
//
// Events are 24-byte values — time, an ordering key and two payload words — kept in a
// hand-written binary min-heap on a plain array. Why not swift-collections' `Heap`: it is
// a min-max heap (every pop compares across two levels, grandchildren included) behind a
// generic `Comparable` boundary, and it does not keep ties in insertion order by itself.
// Specialised to this one struct, the binary heap with a moving "hole" (one store per
// level instead of a swap) measured 1.2–1.3× faster per hold (pop + push) with 16 to 4,096
// pending events (Tests/Benchmarks/sim/heap-bench.sh). It is ~60 lines.
//
// Order: (time, priority, sequence). The sequence number increases with every `schedule`,
// so events at the same time and priority run in the order they were scheduled.
//
// Cancellation is lazy: an event that may be cancelled carries a generation number of its
// owner (a visitor slot, say); cancelling bumps the owner's generation, and a popped event
// whose generation no longer matches is ignored. No linear scan, no heap surgery.

/// Simulated time in integer ticks of one microsecond. Shift and opening boundaries are
/// whole minutes, so they are exact, and equal times compare equal.
typealias Tick = Int64

/// Ticks per minute (1 µs resolution).
let ticksPerMinute: Tick = 60_000_000
let ticksPerHour: Tick = 60 * ticksPerMinute
let ticksPerDay: Tick = 24 * ticksPerHour

/// The longest duration the engine holds (about 73,000 years): later than any horizon, and
/// small enough that the horizon plus it never overflows.
let maximumDuration: Tick = Tick.max / 4

/// Minutes (a sampled duration) to ticks, rounded to the nearest microsecond. Total: a
/// duration too long for a tick (or infinite) is ``maximumDuration``; a negative one or NaN
/// (which no valid distribution gives) is 0.
@inline(__always)
func ticks(minutes: Double) -> Tick {
    let t = minutes * Double(ticksPerMinute) + 0.5  // durations are ≥ 0: truncation rounds
    if t < 4.0e18 { return t >= 0 ? Tick(t) : 0 }
    return t.isNaN ? 0 : maximumDuration
}

/// One scheduled event. `key` packs priority (top 4 bits), sequence (52 bits) and kind
/// (low 8 bits): comparing keys compares (priority, sequence), because sequences are unique.
struct Event {
    var time: Tick
    var key: UInt64
    var a: Int32
    var b: UInt32

    @inline(__always) var kind: UInt8 { UInt8(truncatingIfNeeded: key) }
    @inline(__always) var priority: UInt8 { UInt8(truncatingIfNeeded: key >> 60) }
    @inline(__always) var sequence: UInt64 { (key >> 8) & 0x000F_FFFF_FFFF_FFFF }

    @inline(__always)
    static func precedes(_ x: Event, _ y: Event) -> Bool {
        x.time < y.time || (x.time == y.time && x.key < y.key)
    }
}

/// A binary min-heap of ``Event`` ordered by (time, priority, sequence).
struct EventHeap {
    private(set) var items: [Event] = []
    private var sequence: UInt64 = 0

    init(capacity: Int = 64) { items.reserveCapacity(capacity) }

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }

    /// Schedules an event. Priorities 0…15, lower runs first at equal times.
    /// - Complexity: O(log n)
    @inline(__always)
    mutating func schedule(at time: Tick, priority: UInt8, kind: UInt8, a: Int32 = 0, b: UInt32 = 0) {
        sequence &+= 1
        let key = (UInt64(priority & 0xF) << 60) | ((sequence & 0x000F_FFFF_FFFF_FFFF) << 8) | UInt64(kind)
        push(Event(time: time, key: key, a: a, b: b))
    }

    @inline(__always)
    private mutating func push(_ e: Event) {
        var i = items.count
        items.append(e)
        items.withUnsafeMutableBufferPointer { buf in
            while i > 0 {
                let parent = (i - 1) >> 1
                let p = buf[parent]
                if !Event.precedes(e, p) { break }
                buf[i] = p
                i = parent
            }
            buf[i] = e
        }
    }

    /// Removes and returns the first event.
    /// - Complexity: O(log n)
    @inline(__always)
    mutating func pop() -> Event? {
        guard let last = items.popLast() else { return nil }
        if items.isEmpty { return last }
        return items.withUnsafeMutableBufferPointer { buf in
            let top = buf[0]
            let n = buf.count
            var i = 0
            while true {
                var child = 2 * i + 1
                if child >= n { break }
                if child + 1 < n && Event.precedes(buf[child + 1], buf[child]) { child += 1 }
                let c = buf[child]
                if !Event.precedes(c, last) { break }
                buf[i] = c
                i = child
            }
            buf[i] = last
            return top
        }
    }

    /// The first event without removing it.
    var first: Event? { items.first }
}
