package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// iterate reads a sheet with an iterator as readTable does (Next, then
// Columns) and records what each call returned.
func iterate(rows rowIterator) []string {
	var out []string
	for rows.Next() {
		cells, err := rows.Columns()
		out = append(out, fmt.Sprintf("%q %v", cells, err))
	}
	out = append(out, fmt.Sprintf("end %v %v", rows.Error(), rows.Close()))
	return out
}

// diffSheets compares the scanner with excelize's iterator on every
// sheet of a workbook; it returns the sheets the scanner read itself.
func diffSheets(t *testing.T, name string, data []byte) int {
	t.Helper()
	wb, err := OpenBytes(name, data, OpenOptions{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer wb.Close()
	scanned := 0
	for _, sheet := range wb.Sheets() {
		xr, err := wb.f.Rows(sheet)
		if err != nil {
			t.Fatalf("%s!%s: %v", name, sheet, err)
		}
		want := iterate(excelizeRows{xr})
		sc := wb.scanner(sheet)
		if sc == nil {
			continue
		}
		got := iterate(sc)
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
	paths, _ := filepath.Glob("../samples/*.xlsx")
	more, _ := filepath.Glob("testdata/*.xlsx")
	paths = append(paths, more...)
	paths = append(paths, "../templates/season-template.xlsx")
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

var _ = excelize.TotalRows
