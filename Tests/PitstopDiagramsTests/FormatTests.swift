import Testing
@testable import PitstopDiagrams

@Suite struct FormatTests {
    @Test func numbersAreLocaleFreeAndTrimmed() {
        #expect(Format.number(0.8) == "0.8")
        #expect(Format.number(12) == "12")
        #expect(Format.number(39.449) == "39.45")
        #expect(Format.number(0.005) == "0.01")
        #expect(Format.number(-0.001) == "0")
        #expect(Format.number(-2.5, decimals: 1) == "-2.5")
        #expect(Format.number(1234.5678, decimals: 4) == "1234.5678")
        #expect(Format.number(.nan) == "0")
        #expect(Format.fte(0.75) == "0.75 FTE")
        #expect(Format.percent(0.934) == "93 %")
    }

    /// Issue 9: a floor of 1e19 m trapped in `Int(…)` ("Double value cannot be converted to Int").
    @Test func hugeNumbersComeOutInPlainDigitsWithoutTrapping() {
        #expect(Format.number(1e19) == "10000000000000000000")
        #expect(Format.number(-1e19, decimals: 1) == "-10000000000000000000")
        #expect(Format.number(9_223_372_036_854_775_807.0) == "9223372036854775808")
        #expect(Format.number(1e15 + 0.5, decimals: 2) == "1000000000000001")  // whole digits only, rounded
        #expect(Format.number(999_999_999_999_999.9, decimals: 0) == "1000000000000000")
        #expect(Format.number(123_456_789.125, decimals: 3) == "123456789.125")
        let max = Format.number(.greatestFiniteMagnitude, decimals: 0)
        #expect(max.count == 309 && max.hasPrefix("17976931348623157") && max.allSatisfy(\.isNumber))
        #expect(Format.number(.infinity) == "0" && Format.number(-.infinity) == "0")
        #expect(Format.integerDigits(2_097_152) == "2097152")
        #expect(Format.count(1e19, atMost: 100) == 100)
        #expect(Format.count(.nan, atMost: 100) == 0)
        #expect(Format.count(-5, atMost: 100) == 0)
        #expect(Format.count(7.9, atMost: 100) == 7)
        #expect(DiagramWords(.da).number(1e19, decimals: 1) == "10.000.000.000.000.000.000")
    }

    @Test func wrappingAndAbbreviation() {
        #expect(Format.wrap("Børnefamiliens pitstop ved indgangen", width: 16) == ["Børnefamiliens", "pitstop ved", "indgangen"])
        #expect(Format.wrap("Supercalifragilistic", width: 5) == ["Supercalifragilistic"])
        #expect(Format.wrap("", width: 5) == [""])
        #expect(Format.abbreviate("Samtalerum Østerbro", to: 8) == "Samtale…")
        #expect(Format.abbreviate("Café", to: 8) == "Café")
    }

    @Test func coloursParseHexAndNames() {
        #expect(RGB(css: "#E07A5F")?.hex == "#E07A5F")
        #expect(RGB(css: "#fff")?.hex == "#FFFFFF")
        #expect(RGB(css: " Teal ")?.hex == "#008080")
        #expect(RGB(css: "nosuchcolour") == nil)
        #expect(RGB(css: "#12345") == nil)
        #expect(RGB(css: "#000000")?.tint(0.5).hex == "#808080")
    }
}
