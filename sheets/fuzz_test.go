package sheets

import (
	"errors"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// FuzzOpen feeds arbitrary bytes to the whole reader: sniffing, package
// checks, excelize, tables, cells and validation. Whatever the bytes, the
// answer is a *FileError or a season with diagnostics that each name a
// place, never a panic (ErrInternal is a recovered panic and fails too). A
// season without errors is scored as well.
func FuzzOpen(f *testing.F) {
	base := readFileTB(f, baseBook().write(f))
	f.Add(base)
	f.Add([]byte{})
	f.Add([]byte("Round;No.;Pos\r\n1;7;1\r\n"))
	f.Add(base[:len(base)/2])
	odd := baseBook()
	odd.edit(func(x *excelize.File) error {
		if err := x.SetCellFormula("Results", "C3", "=1+1"); err != nil {
			return err
		}
		return x.MergeCell("Results", "A1", "B1")
	})
	f.Add(readFileTB(f, odd.write(f)))
	limits := ooxml.Limits{MaxFileSize: 1 << 20, MaxUnzipSize: 8 << 20, MaxPartSize: 4 << 20, MaxParts: 200, MaxRows: 5000, MaxColumns: 200, MaxCellChars: 32767}
	f.Fuzz(func(t *testing.T, data []byte) {
		season, diags, err := ReadBytes("fuzz.xlsx", data, OpenOptions{Limits: limits})
		if err != nil {
			var fe *ooxml.FileError
			if !errors.As(err, &fe) || errors.Is(err, ooxml.ErrInternal) {
				t.Fatalf("error %T: %v", err, err)
			}
			return
		}
		for _, d := range diags {
			if d.Ref.Sheet == "" && d.Ref.File == "" || d.Message == "" {
				t.Fatalf("diagnostic without a place or message: %+v", d)
			}
		}
		if !diags.HasErrors() {
			scoring.Score(season, scoring.Options{})
		}
	})
}

func readFileTB(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := ooxml.ReadLimited(path, 1<<30)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
