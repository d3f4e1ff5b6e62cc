package ooxml

import (
	"strings"
	"testing"
)

// TestMergeRows: an import's rows go into the organiser's cell data by
// number: the rows it may edit as excelize wrote them (left out when
// excelize left them out), every other row byte for byte.
func TestMergeRows(t *testing.T) {
	row := func(r, v string) string { return `<row r="` + r + `"><c r="A` + r + `"><v>` + v + `</v></c></row>` }
	sheet := func(rows ...string) []byte {
		return []byte(`<worksheet xmlns="` + MainNS + `"><dimension ref="A1:A6"/><sheetData>` + strings.Join(rows, "") + `</sheetData><sheetProtection sheet="1" insertRows="false"/></worksheet>`)
	}
	orig := sheet(row("1", "h"), `<row r="2" ht="30" customHeight="1"><c r="A2" s="3"><v>1</v></c></row>`, row("3", "2"), row("4", "3"), row("6", "9"))
	keep := &RowKeep{Rows: map[int]bool{3: true}, From: 6}
	slim, ok := SlimSheet(orig, keep)
	if want := string(sheet(row("3", "2"), row("6", "9"))); !ok || string(slim) != want {
		t.Fatalf("slim sheet:\n got %s\nwant %s", slim, want)
	}
	// excelize's: row 3 rewritten, row 6 emptied and dropped, row 8 added.
	written := []byte(`<worksheet xmlns="` + MainNS + `"><dimension ref="A3:A8"/><sheetData>` + row("3", "20") + row("8", "80") + `</sheetData></worksheet>`)
	got, err := PatchSheet(orig, written, keep)
	want := `<worksheet xmlns="` + MainNS + `"><dimension ref="A1:A8"/><sheetData>` + row("1", "h") + `<row r="2" ht="30" customHeight="1"><c r="A2" s="3"><v>1</v></c></row>` + row("3", "20") + row("4", "3") + row("8", "80") + `</sheetData><sheetProtection sheet="1" insertRows="false"/></worksheet>`
	if err != nil || string(got) != want {
		t.Errorf("merged:\n got %s %v\nwant %s", got, err, want)
	}
	// Rows that cannot be told apart: the part is edited whole.
	for _, bad := range [][]byte{
		sheet(`<row><c r="A1"><v>1</v></c></row>`),
		sheet(row("2", "1"), row("1", "1")),
		[]byte(`<x:worksheet xmlns:x="` + MainNS + `"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`),
	} {
		if _, ok := SlimSheet(bad, keep); ok {
			t.Errorf("slimmed %s", bad)
		}
	}
}
