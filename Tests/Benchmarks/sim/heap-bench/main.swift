// Hold-model benchmark of the future-event list: with N pending events, repeatedly pop the
// first and push one at a random later time (the classic "hold" operation), for our
// hand-written binary heap (Sources/PitstopSimulation/EventQueue.swift, compiled in) and
// for swift-collections' min-max `Heap` over an equivalent Comparable event.
// Usage: heap-bench [HOLDS] — prints ns per hold for N = 16, 256, 4096.
import Dispatch
import HeapModule

struct HeapEvent: Comparable {
    var time: Int64
    var key: UInt64
    var a: Int32
    var b: UInt32
    static func < (x: HeapEvent, y: HeapEvent) -> Bool { x.time < y.time || (x.time == y.time && x.key < y.key) }
    static func == (x: HeapEvent, y: HeapEvent) -> Bool { x.time == y.time && x.key == y.key }
}

@inline(never)
func ours(n: Int, holds: Int) -> (Double, Int64) {
    var rng = SplitMix64(state: 1)
    var heap = EventHeap()
    for _ in 0..<n { heap.schedule(at: Int64(rng.next() % 1_000_000), priority: 8, kind: 1) }
    var check: Int64 = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<holds {
        let e = heap.pop()!
        check &+= e.time
        heap.schedule(at: e.time + Int64(rng.next() % 1_000_000), priority: 8, kind: 1, a: e.a, b: e.b)
    }
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / Double(holds), check)
}

@inline(never)
func collections(n: Int, holds: Int) -> (Double, Int64) {
    var rng = SplitMix64(state: 1)
    var heap = Heap<HeapEvent>()
    var seq: UInt64 = 0
    for _ in 0..<n {
        seq += 1
        heap.insert(HeapEvent(time: Int64(rng.next() % 1_000_000), key: (8 << 60) | (seq << 8) | 1, a: 0, b: 0))
    }
    var check: Int64 = 0
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<holds {
        let e = heap.popMin()!
        check &+= e.time
        seq += 1
        heap.insert(HeapEvent(time: e.time + Int64(rng.next() % 1_000_000), key: (8 << 60) | (seq << 8) | 1, a: e.a, b: e.b))
    }
    return (Double(DispatchTime.now().uptimeNanoseconds - start) / Double(holds), check)
}

func oneDecimal(_ x: Double) -> String {
    let tenths = Int(x * 10 + 0.5)
    return "\(tenths / 10).\(tenths % 10)"
}

let holds = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 5_000_000 : 5_000_000
for n in [16, 256, 4096] {
    let (a, ca) = ours(n: n, holds: holds)
    let (b, cb) = collections(n: n, holds: holds)
    precondition(ca == cb, "both heaps must pop the same times")
    print("N=\(n): EventHeap \(oneDecimal(a)) ns/hold, swift-collections Heap \(oneDecimal(b)) ns/hold (\(oneDecimal(b / a))×)")
}
