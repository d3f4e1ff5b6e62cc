package testkit

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Workbooks and packages for the write-back tests of sheets and
// sheets/writeback.

// OrganiserWorkbook is the ALMS season (at almsPath) with what an organiser adds: an
// extra sheet with formatting, a comment, a data validation, a defined
// name, a chart and a formula.
func OrganiserWorkbook(t *testing.T, almsPath string) string {
	t.Helper()
	f, err := excelize.OpenFile(almsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = f.NewSheet("Budget")
	must(err)
	must(f.SetSheetRow("Budget", "A1", &[]any{"Item", "Cost"}))
	must(f.SetSheetRow("Budget", "A2", &[]any{"Trophies", 1200}))
	must(f.SetSheetRow("Budget", "A3", &[]any{"Timing", 3400}))
	must(f.SetCellFormula("Budget", "B4", "SUM(B2:B3)"))
	must(f.SetCellValue("Budget", "B4", 4600))
	must(f.SetCellFormula("Budget", "B4", "SUM(B2:B3)"))
	red, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FF0000"}}})
	must(err)
	must(f.SetCellStyle("Budget", "A1", "B1", red))
	must(f.AddComment("Results", excelize.Comment{Cell: "D3", Author: "Clerk", Text: "Confirmed by the stewards"}))
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C10"
	must(dv.SetDropList([]string{"paid", "open"}))
	must(f.AddDataValidation("Budget", dv))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "Costs", RefersTo: "Budget!$B$2:$B$3"}))
	must(f.AddChart("Budget", "E2", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{Name: "Budget!$B$1", Categories: "Budget!$A$2:$A$3", Values: "Budget!$B$2:$B$3"}}}))
	path := filepath.Join(t.TempDir(), "season.xlsx")
	must(f.SaveAs(path))
	return path
}

// ZipPart is a part to add to a package.
type ZipPart struct {
	Name string
	Data []byte
}

// Rezip rewrites a package with edit applied to each part (nil drops it),
// then the parts of add appended.
func Rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte, add ...ZipPart) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, b []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if b = edit(zf.Name, b); b != nil {
			write(zf.Name, b)
		}
	}
	for _, p := range add {
		write(p.Name, p.Data)
	}
	zw.Close()
	return out.Bytes()
}

// sheetElement matches one sheet of xl/workbook.xml's sheet list and
// captures its name.
var sheetElement = regexp.MustCompile(`<sheet [^>]*?name="([^"]*)"[^>]*?(?:/>|></sheet>)`)

// ReorderSheets is a Rezip edit that puts the sheets of xl/workbook.xml in
// the order reorder gives their names, and changes nothing else: not the
// sheet parts, not the defined names (so that only the order differs when
// the sheets moved have no sheet-scoped names).
func ReorderSheets(t *testing.T, reorder func(names []string) []string) func(string, []byte) []byte {
	return func(name string, b []byte) []byte {
		if name != "xl/workbook.xml" {
			return b
		}
		start := bytes.Index(b, []byte("<sheets>"))
		end := bytes.Index(b, []byte("</sheets>"))
		if start < 0 || end < start {
			t.Fatal("xl/workbook.xml has no sheet list")
		}
		list := b[start+len("<sheets>") : end]
		elements := map[string][]byte{}
		var names []string
		for _, m := range sheetElement.FindAllSubmatch(list, -1) {
			names = append(names, string(m[1]))
			elements[string(m[1])] = m[0]
		}
		order := reorder(slices.Clone(names))
		if len(order) != len(names) {
			t.Fatalf("reorder gave %q for %q", order, names)
		}
		var out []byte
		out = append(out, b[:start+len("<sheets>")]...)
		for _, n := range order {
			out = append(out, elements[n]...)
		}
		return append(out, b[end:]...)
	}
}

// PartOf returns one part of a package (nil when it has none).
func PartOf(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if strings.TrimPrefix(zf.Name, "/") != name {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil
		}
		defer rc.Close()
		b, err := io.ReadAll(rc)
		if err != nil {
			return nil
		}
		return b
	}
	return nil
}
