package rowscan

import (
	"bytes"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// open opens a workbook as the contract reader does (excelize with the
// file limits and RawCellValue) and returns a Reader of it.
func open(tb testing.TB, name string, data []byte) (*excelize.File, *Reader) {
	tb.Helper()
	opts := ooxml.ExcelizeOptions(ooxml.DefaultLimits())
	opts.RawCellValue = true
	f, err := excelize.OpenReader(bytes.NewReader(data), opts)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	return f, New(f)
}

// testBook is a small workbook with the sheets of a season (text, numbers
// and blanks in each), written by excelize after edit has run on it.
func testBook(tb testing.TB, edit func(f *excelize.File) error) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheets := []struct {
		name string
		rows [][]any
	}{
		{"Season", [][]any{{"Field", "Value"}, {"Series", "Test Series"}, {"Season", "2025"}}},
		{"Calendar", [][]any{{"Round", "Code", "Race", "Date"}, {1, "ONE", "Race One", "2025-03-01"}, {2, "TWO", "Race Two", "2025-04-01"}}},
		{"Points", [][]any{{"Award", "Points"}, {1, 25}, {2, 18}, {"Pole", 1}}},
		{"Entries", [][]any{{"No.", "Class", "Team"}, {1, "A", "Team One"}, {2, "B", nil}}},
		{"Drivers", [][]any{{"No.", "Driver"}, {1, "Alice Adams"}, {2, "Bruno Brown"}}},
		{"Results", [][]any{{"Round", "No.", "Pos", "Status", "Pole"}, {1, 1, 1, nil, "Y"}, {1, 2, nil, "Ret"}, {2, 2, 1}}},
		{"Penalties", [][]any{{"Round", "No.", "Points", "Reason"}}},
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				tb.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			tb.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if edit != nil {
		if err := edit(f); err != nil {
			tb.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
