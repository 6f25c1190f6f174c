import Testing

@testable import PitstopStaffing

@Suite struct IntegerProgramTests {
    @Test func columnMajorHoldsEveryTermOnce() {
        var p = IntegerProgram()
        for _ in 0..<3 { p.addColumn(lower: 0, upper: 1, integer: true) }
        p.addRow([.init(0, 1), .init(2, 2)], lower: 1)
        p.addRow([.init(1, 3), .init(2, 4)], upper: 5)
        let m = p.columnMajor()
        #expect(m.start == [0, 1, 2, 4])
        #expect(m.index == [0, 1, 0, 1] && m.value == [1, 3, 2, 4])
    }

    /// Fixing columns moves them into the row bounds; a row with nothing left goes.
    @Test func fixingColumnsMovesThemIntoTheBounds() {
        var p = IntegerProgram()
        for c in [1.0, 2, 3] { p.addColumn(lower: 0, upper: 1, cost: c, integer: true) }
        p.addRow([.init(0, 1), .init(1, 1), .init(2, 1)], lower: 2, upper: 3)
        p.addRow([.init(0, 5)], upper: 5)
        p.start = [1, 0, 1]
        let (sub, kept) = p.fixing([0: 1])
        #expect(kept == [1, 2] && sub.columnCount == 2 && sub.rowCount == 1)
        #expect(sub.rowLower == [1] && sub.rowUpper == [2] && sub.cost == [2, 3] && sub.start == [0, 1])
        #expect(p.violation([1, 0, 1]) == 0 && p.violation([0, 0, 1]) == 1 && p.violation([1, 0.5, 1]) == 0.5)
    }
}
