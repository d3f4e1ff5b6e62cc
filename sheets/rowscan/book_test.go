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

// testBook is the demo season as excelize writes it after edit has run
// on it.
func testBook(tb testing.TB, edit func(f *excelize.File) error) []byte {
	tb.Helper()
	f, err := excelize.OpenFile("../../samples/demo.xlsx")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
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
