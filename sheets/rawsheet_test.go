package sheets

import (
	"slices"
	"strings"
	"testing"
)

func TestScanSheetXML(t *testing.T) {
	tests := []struct {
		name    string
		xml     string
		merges  []string
		formula bool
		ok      bool
	}{
		{"plain", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`, nil, false, true},
		{"merges after data", `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>mergeCells</t></is></c></row></sheetData><mergeCells count="2"><mergeCell ref="A2:A4"/><mergeCell ref="B1:C1"/></mergeCells><pageMargins/></worksheet>`, []string{"A2:A4", "B1:C1"}, false, true},
		{"prefixed namespace", `<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c r="A1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row></x:sheetData><x:mergeCells><x:mergeCell ref="A2:A3"/></x:mergeCells></x:worksheet>`, []string{"A2:A3"}, true, true},
		{"formula", `<worksheet><sheetData><row><c r="A1"><f>SUM(B1:B2)</f></c></row></sheetData></worksheet>`, nil, true, true},
		{"shared formula", `<worksheet><sheetData><row><c r="A2"><f t="shared" si="0"/></c></row></sheetData></worksheet>`, nil, true, true},
		{"autofilter is not a formula", `<worksheet><sheetData/><autoFilter ref="A1:C9"><filterColumn colId="0"/></autoFilter></worksheet>`, nil, false, true},
		{"broken merge list", `<worksheet><sheetData></sheetData><mergeCells><mergeCell ref="A1:A2"`, []string{"A1:A2"}, false, false},
	}
	for _, tt := range tests {
		facts, ok := scanSheetXML([]byte(tt.xml))
		if ok != tt.ok || facts.hasFormula != tt.formula || (tt.ok && !slices.Equal(facts.merges, tt.merges)) {
			t.Errorf("%s: got %+v, %v; want merges %v, formula %v, ok %v", tt.name, facts, ok, tt.merges, tt.formula, tt.ok)
		}
	}
}

// TestHasFormulaMarker: the one-pass search finds what a search for each
// marker finds, in every text of up to six of the bytes that matter.
func TestHasFormulaMarker(t *testing.T) {
	markers := []string{"<f>", "<f ", "<f/>", ":f>", ":f "}
	want := func(s string) bool {
		for _, m := range markers {
			if strings.Contains(s, m) {
				return true
			}
		}
		return false
	}
	const alphabet = "<f:> /x"
	var walk func(s string)
	walk = func(s string) {
		if got := hasFormulaMarker([]byte(s)); got != want(s) {
			t.Fatalf("hasFormulaMarker(%q) = %v, want %v", s, got, !got)
		}
		if len(s) < 6 {
			for i := range len(alphabet) {
				walk(s + alphabet[i:i+1])
			}
		}
	}
	walk("")
	big := strings.Repeat(`<c r="A1" t="s"><v>0</v></c>`, 1000)
	for _, tail := range []string{"", "<f>SUM(A1)</f>", `<x:f t="shared"/>`, "<f/>", "of> f/ <F>"} {
		if got := hasFormulaMarker([]byte(big + tail)); got != want(big+tail) {
			t.Errorf("a sheet ending %q: %v, want %v", tail, got, !got)
		}
	}
}
