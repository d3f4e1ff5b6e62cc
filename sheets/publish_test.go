package sheets

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

const almsPath = "../samples/alms-2019-20.xlsx"

var testDate = time.Date(2020, 2, 24, 0, 0, 0, 0, time.UTC)

// scoredSample reads and scores a sample season.
func scoredSample(t testing.TB, path string) (*scoring.Season, *scoring.Standings) {
	t.Helper()
	season, diags, err := Read(path, OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("reading %s: %v %v", path, err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	return season, st
}

// organiserWorkbook is the ALMS season with what an organiser adds: an
// extra sheet with formatting, a comment, a data validation, a defined
// name, a chart and a formula.
func organiserWorkbook(t *testing.T) string {
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

// zipPart is a part to add to a package.
type zipPart struct {
	name string
	data []byte
}

// rezip rewrites a package with edit applied to each part (nil drops it),
// then the parts of add appended.
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte, add ...zipPart) []byte {
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
		write(p.name, p.data)
	}
	zw.Close()
	return out.Bytes()
}

// keep is the identity edit for rezip.
func keep(_ string, b []byte) []byte { return b }

// cutElement is a rezip edit removing the element from open to close in
// one part.
func cutElement(part, open, close string) func(string, []byte) []byte {
	return func(name string, b []byte) []byte {
		if name != part {
			return b
		}
		i := bytes.Index(b, []byte(open))
		j := bytes.Index(b, []byte(close))
		return append(append([]byte{}, b[:i]...), b[j+len(close):]...)
	}
}

// TestVerifyWriteBack: each kind of loss is named, and nothing is named
// when all is kept.
func TestVerifyWriteBack(t *testing.T) {
	orig, err := os.ReadFile(organiserWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	withMacros := rezip(t, orig, keep, zipPart{"xl/vbaProject.bin", []byte("\xd0\xcf\x11\xe0 macros")})
	replace := func(part, old, new string) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if name == part {
				return bytes.Replace(b, []byte(old), []byte(new), 1)
			}
			return b
		}
	}
	tests := []struct {
		name    string
		orig    []byte
		updated []byte
		want    string
	}{
		{"nothing lost", orig, orig, ""},
		{"a part dropped", withMacros, orig, "xl/vbaProject.bin (macros (VBA))"},
		{"an opaque part changed", withMacros, rezip(t, withMacros, replace("xl/vbaProject.bin", "macros", "MACROS")), "xl/vbaProject.bin (macros (VBA)) would change"},
		{"a formula changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "SUM(B2:B3)", "SUM(B2:B2)")), "sheet Budget: the formula in B4"},
		{"a value changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "<v>1200</v>", "<v>1300</v>")), `sheet Budget, cell B2: "1200" would become "1300"`},
		{"a shared string changed", orig, rezip(t, orig, replace("xl/sharedStrings.xml", "<si><t>", "<si><t>Changed ")), `would become "Changed `},
		{"a sheet element dropped", orig, rezip(t, orig, cutElement("xl/worksheets/sheet10.xml", "<dataValidations", "</dataValidations>")), "sheet Budget: its dataValidations"},
		{"a defined name dropped", orig, rezip(t, orig, cutElement("xl/workbook.xml", "<definedNames>", "</definedNames>")), "the defined name Costs (Budget!$B$2:$B$3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lost, err := verifyWriteBack(tt.orig, tt.updated, nil, nil, ooxml.DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(lost, "; ")
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("lost = %q, want %q", got, tt.want)
			}
		})
	}
}
