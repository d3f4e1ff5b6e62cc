package ooxml

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCellSplices: runs of cells kept with AddCells take the place of
// their placeholder cells in a sheet written cell by cell, however many a
// sheet has; the rest of the sheet is excelize's.
func TestCellSplices(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	splices := NewRowSplices()
	for _, row := range []int{2, 5} {
		if err := f.SetCellValue("Sheet1", CellName(1, row), "name"); err != nil {
			t.Fatal(err)
		}
		run := []byte(strings.NewReplacer("N", string(rune('0'+row))).Replace(`<c r="BN"><v>1.5</v></c><c r="CN"><v>-2</v></c>`))
		marker, err := splices.AddCells(run)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellValue("Sheet1", CellName(2, row), marker); err != nil {
			t.Fatal(err)
		}
	}
	data, err := StableBytes(f, splices)
	if err != nil {
		t.Fatal(err)
	}
	back, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	rows, err := back.GetRows("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join([]string{strings.Join(rows[1], ","), strings.Join(rows[4], ",")}, "; "), "name,1.5,-2; name,1.5,-2"; got != want || len(rows) != 5 {
		t.Errorf("rows %q, want %q in rows 2 and 5", rows, want)
	}
}

// TestCellSplicesRefused: a placeholder cell that is not one of the
// workbook's runs, one met twice, one with a style (which the run would
// lose) and a run never written all fail the write rather than reach a
// file.
func TestCellSplicesRefused(t *testing.T) {
	splices := NewRowSplices()
	marker, err := splices.AddCells([]byte(`<c r="B2"><v>1</v></c>`))
	if err != nil {
		t.Fatal(err)
	}
	placeholder := func(attrs string, n float64) []byte {
		return []byte(`<row r="2"><c r="A2"><v>7</v></c><c r="B2"` + attrs + `><v>` + strconv.FormatFloat(n, 'f', -1, 64) + `</v></c></row>`)
	}
	for name, data := range map[string][]byte{
		"unknown": placeholder("", marker+1),
		"styled":  placeholder(` s="3"`, marker),
	} {
		if _, err := splices.spliceCells(data); err == nil || !strings.Contains(err.Error(), "is not podium's") {
			t.Errorf("%s: err = %v, want a placeholder that is not podium's", name, err)
		}
	}
	got, err := splices.spliceCells(placeholder("", marker))
	if want := `<row r="2"><c r="A2"><v>7</v></c><c r="B2"><v>1</v></c></row>`; err != nil || string(got) != want {
		t.Fatalf("%s (%v), want %s", got, err, want)
	}
	if _, err := splices.spliceCells(placeholder("", marker)); err == nil {
		t.Error("a placeholder met twice: no error")
	}
	lost := NewRowSplices()
	lost.AddCells([]byte(`<c r="B2"><v>1</v></c>`))
	f := excelize.NewFile()
	defer f.Close()
	if err := WriteStable(f, io.Discard, lost); err == nil || err.Error() != "the cells of standings run 1 were not written" {
		t.Errorf("err = %v, want the cells of standings run 1 were not written", err)
	}
}
