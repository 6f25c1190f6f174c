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
