package rowscan

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/xuri/excelize/v2"
)

// iterate reads a sheet with an iterator as readTable does (Next, then
// Columns) and records what each call returned.
func iterate(rows Rows, limit int) []string {
	var out []string
	for len(out) < limit && rows.Next() {
		cells, err := rows.Columns()
		out = append(out, fmt.Sprintf("%q %v", cells, err))
	}
	out = append(out, fmt.Sprintf("end %v %v", rows.Error(), rows.Close()))
	return out
}

// diffSheets compares the scanner with excelize's iterator on every
// sheet of a workbook; it returns the sheets the scanner read itself.
func diffSheets(t *testing.T, name string, data []byte) int {
	return diffSheetsUpTo(t, name, data, math.MaxInt)
}

// diffSheetsUpTo compares the first calls of each sheet.
func diffSheetsUpTo(t *testing.T, name string, data []byte, limit int) int {
	t.Helper()
	f, rd := open(t, name, data)
	defer f.Close()
	scanned := 0
	for _, sheet := range f.GetSheetList() {
		xr, err := f.Rows(sheet)
		if err != nil {
			t.Fatalf("%s!%s: %v", name, sheet, err)
		}
		want := iterate(excelizeRows{xr}, limit)
		sc := rd.scanner(sheet)
		if sc == nil {
			continue
		}
		got := iterate(sc, limit)
		if sc.xl == nil {
			scanned++
		}
		if !reflect.DeepEqual(got, want) {
			for i := range max(len(got), len(want)) {
				g, w := "", ""
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Fatalf("%s!%s: call %d:\n got %s\nwant %s", name, sheet, i, g, w)
				}
			}
		}
	}
	return scanned
}

// TestScannerMatchesExcelize reads every workbook of the project with the
// scanner and with excelize's iterator: the same values, call for call.
func TestScannerMatchesExcelize(t *testing.T) {
	paths, _ := filepath.Glob("../../samples/*.xlsx")
	more, _ := filepath.Glob("../testdata/*.xlsx")
	paths = append(paths, more...)
	paths = append(paths, "../../templates/season-template.xlsx")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		n := diffSheets(t, p, data)
		t.Logf("%s: %d sheets scanned", p, n)
		if n == 0 {
			t.Errorf("%s: no sheet read by the scanner", p)
		}
	}
}

// TestScannerMatchesExcelizeSynthetic: samples' synthetic seasons of both
// shapes, and workbooks excelize edited with every kind of cell.
func TestScannerMatchesExcelizeSynthetic(t *testing.T) {
	for _, shape := range []samples.SynthShape{samples.ShapeRich, samples.ShapeLean} {
		var buf bytes.Buffer
		if err := samples.WriteSynthetic(&buf, samples.Synth{Cars: 120, Rounds: 12, Classes: 6, DriversPerCar: 3, Shape: shape}); err != nil {
			t.Fatal(err)
		}
		if n := diffSheets(t, "synthetic-"+shape.String(), buf.Bytes()); n < 7 {
			t.Errorf("%s: %d sheets read by the scanner", shape, n)
		}
	}
	data := testBook(t, func(f *excelize.File) error {
		for _, e := range []error{
			f.SetCellFormula("Results", "C3", "=1+1"),
			f.SetCellFormula("Results", "H2", "=SUM(A1:A2)"),
			f.MergeCell("Entries", "C2", "C3"),
			f.SetCellBool("Results", "J2", true),
			f.SetCellStr("Results", "K2", "a <b> & \"c\" 'd'\r\nline\ttab _x000D_ _x005F_x0041_ "),
			f.SetCellStr("Results", "L2", "  spaced  "),
			f.SetCellValue("Results", "M2", 3.25),
			f.SetCellValue("Results", "N2", -1e-7),
			f.SetCellRichText("Results", "O2", []excelize.RichTextRun{{Text: "rich "}, {Text: "text", Font: &excelize.Font{Bold: true, Size: 9}}}),
			f.SetCellStr("Results", "XFD9", "far right"),
			f.SetCellStr("Results", "B40", "after a gap"),
			f.SetCellStr("Entries", "A1", "No.\u00a0"),
			f.SetCellStr("Drivers", "B3", "Émile Čapek 車"),
			f.SetCellInt("Calendar", "F2", 42),
		} {
			if e != nil {
				return e
			}
		}
		return nil
	})
	if n := diffSheets(t, "edited", data); n < 5 {
		t.Errorf("edited: %d sheets read by the scanner", n)
	}
}

// withSheet returns the workbook with its first worksheet's XML replaced.
func withSheet(tb testing.TB, book []byte, sheetXML []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(book), int64(len(book)))
	if err != nil {
		tb.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			tb.Fatal(err)
		}
		if zf.Name == "xl/worksheets/sheet1.xml" {
			w.Write(sheetXML)
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`

// scannerSeeds are sheet XML the scanner reads, or hands over, each way.
var scannerSeeds = []string{
	sheetHead + `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b&#x41;&#13;
</t></is></c></row><row r="3"><c r="B3"><v>1.5</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#N/A</v></c><c t="str"><f>1+1</f><v>2</v></c></row></sheetData></worksheet>`,
	sheetHead + `<row><c><v>1</v></c><c><v>2</v></c></row><row><c t="inlineStr"><is><r><rPr><b/></rPr><t>x</t></r><r><t>y</t></r><rPh sb="0" eb="1"><t>z</t></rPh><t>w</t></is></c></row></sheetData></worksheet>`,
	sheetHead + `<row r="5"><c r="B5" t="d"><v>2025-03-01T00:00:00</v></c></row><row r="2"><c r="A2"><v>3</v></c></row><row r="x"><c r="A7"><v/></c><c r="Z7" t="s"><v> 1 </v></c><c r="Q7" t="s"><v>99</v></c></row></sheetData></worksheet>`,
	`<?xml version="1.0"?><x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>strict</x:t></x:is></x:c><x:c r="b1"><x:v>7</x:v></x:c></x:row><x:row r="3"/></x:sheetData></x:worksheet>`,
	sheetHead + `<row r="1"><c r="A1" s="x"><v>1</v></c><!-- note --><c r="B1"><v><![CDATA[<5>]]></v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
	sheetHead + `</sheetData></worksheet>`,
	sheetHead + `<row r="2" spans="1:3"><c r="C2" t="n" s="3"><v>1e3</v></c><c r="A2"><v>first</v></c><c r="A2"><f t="shared" si="0" ref="A2:A4"/></c></row></sheetData></worksheet>`,
}

// TestScannerReadsItself: what spreadsheet programs write is read by the
// scanner to the end, without handing over to excelize; what it is not
// sure of is handed over (and still read as excelize reads it).
func TestScannerReadsItself(t *testing.T) {
	book := testBook(t, nil)
	for i, c := range []struct {
		xml     string
		scanned bool
	}{
		{scannerSeeds[0], true},
		{scannerSeeds[1], false}, // run properties
		{scannerSeeds[2], true},
		{scannerSeeds[3], true},  // Strict, prefixed
		{scannerSeeds[4], false}, // a comment, CDATA
		{scannerSeeds[5], true},
		{scannerSeeds[6], true},
		{sheetHead + `<row r="1"><c r="A1"><v>1</v></c></row></sheetData><rowBreaks count="1"><brk id="1"/></rowBreaks></worksheet>`, true},
		{sheetHead + `<row r="1"><c r="A1"><v>1</v></c></row></sheetData><extLst><row/></extLst></worksheet>`, false},
	} {
		data := withSheet(t, book, []byte(c.xml))
		f, rd := open(t, fmt.Sprintf("%d", i), data)
		sheet := f.GetSheetList()[0]
		xr, err := f.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		want := iterate(excelizeRows{xr}, math.MaxInt)
		sc := rd.scanner(sheet)
		if sc == nil {
			t.Fatalf("%d: no scanner", i)
		}
		if got := iterate(sc, math.MaxInt); !reflect.DeepEqual(got, want) {
			t.Errorf("%d: got %q, want %q", i, got, want)
		}
		if scanned := sc.xl == nil; scanned != c.scanned {
			t.Errorf("%d: read by the scanner: %v, want %v", i, scanned, c.scanned)
		}
		f.Close()
	}
}

// FuzzRowScanner holds the scanner to excelize's iterator on arbitrary
// worksheet XML: the same values call for call, never a panic.
func FuzzRowScanner(f *testing.F) {
	for _, s := range scannerSeeds {
		f.Add([]byte(s))
	}
	xf, rd := open(f, "fuzz.xlsx", testBook(f, nil))
	defer xf.Close()
	sheet := xf.GetSheetList()[0]
	part, ok := rd.sheetPartPath(sheet)
	if !ok {
		f.Fatal("no part for the first sheet")
	}
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		// Both read the part excelize holds; neither loads the sheet.
		xf.Pkg.Store(part, sheetXML)
		xr, err := xf.Rows(sheet)
		if err != nil {
			return
		}
		// A row numbered near the sheet's end makes a million calls.
		want := iterate(excelizeRows{xr}, 2000)
		sc := rd.scanner(sheet)
		if sc == nil {
			return
		}
		if got := iterate(sc, 2000); !reflect.DeepEqual(got, want) {
			t.Fatalf("got  %q\nwant %q", got, want)
		}
	})
}
