package sheets

import (
	"slices"
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
