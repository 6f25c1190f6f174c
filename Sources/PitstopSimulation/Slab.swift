/// A growable array of plain values in storage owned by one noncopyable value.
///
/// The engine's per-entity tables (visitors, staff, zones, tallies) are written several
/// times per event. A Swift `Array` element write first asks the runtime whether the
/// buffer is uniquely referenced (`swift_isUniquelyReferenced`, a call) and checks bounds;
/// on the M/M/10 benchmark those checks were ~12 % of the run. A `Slab` cannot be copied, so
/// it never shares its buffer and needs neither; indices come from the compiled model and
/// are checked in debug builds (`assert`). Only for trivial element types (no references).
struct Slab<Element>: ~Copyable {
    private var base: UnsafeMutablePointer<Element>
    private(set) var count: Int
    private var capacity: Int

    init(repeating value: Element, count: Int) {
        assert(_isPOD(Element.self), "Slab holds plain values only")
        capacity = max(count, 4)
        base = .allocate(capacity: capacity)
        base.initialize(repeating: value, count: count)
        self.count = count
    }

    init(_ values: [Element]) {
        assert(_isPOD(Element.self), "Slab holds plain values only")
        capacity = max(values.count, 4)
        base = .allocate(capacity: capacity)
        count = values.count
        values.withUnsafeBufferPointer { buf in
            if let source = buf.baseAddress { base.initialize(from: source, count: buf.count) }
        }
    }

    deinit { base.deallocate() }

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    subscript(i: Int) -> Element {
        @inline(__always) get {
            assert(i >= 0 && i < count, "Slab index \(i) out of 0..<\(count)")
            return base[i]
        }
        @inline(__always) _modify {
            assert(i >= 0 && i < count, "Slab index \(i) out of 0..<\(count)")
            yield &base[i]
        }
    }

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
        (base + count).initialize(to: value)
        count += 1
    }

    @inline(__always)
    mutating func removeLast() -> Element {
        assert(count > 0)
        count -= 1
        return base[count]
    }

    /// The values as an array.
    func toArray() -> [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
