package sheets

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/sheets/ooxml"
)

// Attributes excelize does not model, which change what the organiser's
// workbook means when dropped: sheet protection flags, icon-set
// thresholds, gridLinesSet, fullCalcOnLoad, workbook protection.
const (
	protection = testkit.SheetProtection
	iconSet    = testkit.IconSet
	printOpts  = `<printOptions gridLines="1" gridLinesSet="0"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
	calcPr     = `<calcPr calcId="191029" fullCalcOnLoad="1"/>`
	wbProtect  = `<workbookProtection lockStructure="0" lockWindows="1"/>`
)

// protectedWorkbook is organiserWorkbook with its Budget sheet protected
// (rows may not be inserted or deleted), an icon set whose thresholds use
// gte="0", print options with gridLinesSet, and a workbook that is
// recalculated on load and has its windows locked.
func protectedWorkbook(t *testing.T) string {
	t.Helper()
	path := organiserWorkbook(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = rezip(t, data, func(name string, b []byte) []byte {
		switch name {
		case "xl/worksheets/sheet10.xml":
			b = bytes.Replace(b, []byte("</sheetData>"), []byte("</sheetData>"+protection), 1)
			b = bytes.Replace(b, []byte("<dataValidations"), []byte(iconSet+"<dataValidations"), 1)
			b = bytes.Replace(b, []byte("<drawing"), []byte(printOpts+"<drawing"), 1)
		case "xl/workbook.xml":
			b = bytes.Replace(b, []byte(`<calcPr calcId="122211"></calcPr>`), []byte(calcPr), 1)
			b = bytes.Replace(b, []byte("<bookViews>"), []byte(wbProtect+"<bookViews>"), 1)
		}
		return b
	})
	for _, want := range []string{protection, iconSet, printOpts, calcPr, wbProtect} {
		if !strings.Contains(string(partOf(t, data, "xl/worksheets/sheet10.xml"))+string(partOf(t, data, "xl/workbook.xml")), want) {
			t.Fatalf("the test workbook lacks %s", want)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// sheetList returns the sheets of the workbook at path.
func sheetList(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ooxml.ReadPackage(data, ooxml.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	names, _ := p.Sheets()
	return names
}
