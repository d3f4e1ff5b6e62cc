package writeback

import (
	"bytes"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestWithoutSheets: a sheet removed from the package before excelize
// opens it takes its drawing, chart, relationships, content types and
// sheet-scoped names with it; the other sheets' names follow their new
// positions, the active tab stays within the sheets, and excelize opens
// the package.
func TestWithoutSheets(t *testing.T) {
	f := excelize.NewFile()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Gen"))
	_, err := f.NewSheet("A")
	must(err)
	must(f.SetSheetRow("Gen", "A1", &[]any{"x", 1}))
	must(f.SetSheetRow("A", "A1", &[]any{"y", 2}))
	must(f.AddChart("Gen", "C1", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{Name: "Gen!$A$1", Categories: "Gen!$A$1", Values: "Gen!$B$1"}}}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "Gen!$1:$1", Scope: "Gen"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "Area", RefersTo: "A!$A$1", Scope: "A"}))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "Total", RefersTo: "A!$B$1"}))
	f.SetActiveSheet(1)
	buf, err := f.WriteToBuffer()
	must(err)
	data := buf.Bytes()
	p, err := ooxml.ReadPackage(data, ooxml.DefaultLimits())
	must(err)
	owned := p.OwnedParts([]string{"Gen"})
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml", "xl/charts/chart1.xml"} {
		if !owned[part] {
			t.Fatalf("owned parts %v lack %s", owned, part)
		}
	}
	slim, err := withoutSheets(p, data, []string{"Gen"}, owned)
	must(err)
	q, err := ooxml.ReadPackage(slim, ooxml.DefaultLimits())
	must(err)
	for part := range owned {
		if q.Has(part) {
			t.Errorf("%s is still in the package", part)
		}
	}
	wb := string(partOf(t, slim, "xl/workbook.xml"))
	for _, want := range []string{`<sheet name="A" sheetId="2" r:id="rId4"></sheet></sheets>`, `activeTab="0"`, `<definedName localSheetId="0" name="Area">A!$A$1</definedName>`, `<definedName name="Total">A!$B$1</definedName>`} {
		if !strings.Contains(wb, want) {
			t.Errorf("the workbook part lacks %s:\n%s", want, wb)
		}
	}
	if strings.Contains(wb, "Gen") {
		t.Errorf("the workbook part still names Gen:\n%s", wb)
	}
	for _, part := range []string{"[Content_Types].xml", "xl/_rels/workbook.xml.rels"} {
		if b := partOf(t, slim, part); bytes.Contains(b, []byte("sheet1.xml")) || bytes.Contains(b, []byte("drawing1")) || bytes.Contains(b, []byte("chart1")) {
			t.Errorf("%s still names a removed part:\n%s", part, b)
		}
	}
	g, err := excelize.OpenReader(bytes.NewReader(slim))
	must(err)
	defer g.Close()
	if got := g.GetSheetList(); len(got) != 1 || got[0] != "A" {
		t.Errorf("sheets %v", got)
	}
	if v, err := g.GetCellValue("A", "B1"); err != nil || v != "2" {
		t.Errorf("A!B1 = %q, %v", v, err)
	}
}
