package standings

import (
	"archive/zip"
	"bytes"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// testWidths are the column widths sheetXML sets.
var testWidths = []float64{9, 9, 12.5, 5}

// sheetXML streams g into the first sheet of a new workbook, with
// appendColsXML and appendRowsXML when fast (and they can) or with
// SetColWidth and SetRow, and returns the sheet's XML as written to the
// package without its columns, the columns' widths as excelize reads them,
// and whether podium wrote the rows.
func sheetXML(t testing.TB, g *grid, fast bool) (xml []byte, widths []float64, wroteRows bool) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	splices := ooxml.NewRowSplices()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	data, ok := appendRowsXML(appendColsXML(nil, testWidths), g)
	if fast && ok && len(g.rows) > 0 {
		wroteRows = true
		err = sw.SetRow("A1", []any{splices.Add(data)})
	} else {
		for i, w := range testWidths {
			if err := sw.SetColWidth(i+1, i+1, w); err != nil {
				t.Fatal(err)
			}
		}
		err = streamRows(sw, g)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.MergeCell("A1", "B1"); err != nil {
		t.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ooxml.WriteStable(f, &buf, splices); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	if xml, err = io.ReadAll(rc); err != nil {
		t.Fatal(err)
	}
	if i, j := bytes.Index(xml, []byte("<cols>")), bytes.Index(xml, []byte("</cols>")); i >= 0 && j > i {
		xml = append(xml[:i:i], xml[j+len("</cols>"):]...)
	}
	back, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	for col := 1; col <= len(testWidths)+1; col++ {
		w, err := back.GetColWidth("Sheet1", scoringColumn(col))
		if err != nil {
			t.Fatal(err)
		}
		widths = append(widths, w)
	}
	return xml, widths, wroteRows
}

func scoringColumn(n int) string { name, _ := excelize.ColumnNumberToName(n); return name }

func gridOf(heights map[int]float64, rows ...[]excelize.Cell) *grid {
	return &grid{rows: rows, heights: heights}
}

// TestRowsXMLMatchesExcelize: the rows podium writes itself are the bytes
// excelize's SetRow writes for the same cells, and values it does not
// handle exactly as excelize does go through SetRow.
func TestRowsXMLMatchesExcelize(t *testing.T) {
	cell := func(v any, style int) excelize.Cell { return excelize.Cell{Value: v, StyleID: style} }
	for _, tc := range []struct {
		name string
		g    *grid
		fast bool // appendRowsXML writes it
	}{
		{"numbers", gridOf(nil, []excelize.Cell{cell(1, 0), cell(int64(-25), 3), cell(12.5, 2), cell(0.1+0.2, 0), cell(1e21, 0), cell(math.Copysign(0, -1), 0)}), true},
		{"plain text", gridOf(nil, []excelize.Cell{cell("Pos", 1), cell("Team Ocean 24", 0)}), true},
		{"empty cells", gridOf(nil, []excelize.Cell{{}, cell(nil, 4), cell("", 0), cell("", 2)}), true},
		{"escaped text", gridOf(nil, []excelize.Cell{cell(`<b> & "x" 'y'`, 0), cell("Pérez / 周冠宇 / 🏁", 1)}), true},
		{"line breaks and tabs", gridOf(nil, []excelize.Cell{cell("a\nb", 0), cell("a\tb\r\nc", 0), cell("a\x01b", 0)}), true},
		{"spaces kept at either end", gridOf(nil, []excelize.Cell{cell(" lead", 0), cell("trail ", 0), cell("\nx", 0), cell("x\t", 0), cell(" ", 0)}), true},
		{"heights", gridOf(map[int]float64{1: 24, 3: 409, 4: 0.75}, []excelize.Cell{cell("t", 0)}, nil, []excelize.Cell{cell(1, 0)}, []excelize.Cell{{}}), true},
		{"many columns", gridOf(nil, make([]excelize.Cell, 800)), true},
		{"no rows", gridOf(nil), false},
		{"_x escapes", gridOf(nil, []excelize.Cell{cell("a_x000D_b", 0)}), false},
		{"invalid UTF-8", gridOf(nil, []excelize.Cell{cell("a\xffb", 0)}), false},
		{"text beyond the cell limit", gridOf(nil, []excelize.Cell{cell(strings.Repeat("é", 20000), 0)}), false},
		{"NaN", gridOf(nil, []excelize.Cell{cell(math.NaN(), 0)}), false},
		{"bool", gridOf(nil, []excelize.Cell{cell(true, 0)}), false},
		{"formula", gridOf(nil, []excelize.Cell{{Formula: "1+1"}}), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			slow, slowWidths, _ := sheetXML(t, tc.g, false)
			fast, fastWidths, wrote := sheetXML(t, tc.g, true)
			if wrote != tc.fast {
				t.Errorf("rows written by podium: %v, want %v", wrote, tc.fast)
			}
			if !slices.Equal(fastWidths, slowWidths) || fastWidths[2] != 12.5 {
				t.Errorf("column widths %v, excelize's %v", fastWidths, slowWidths)
			}
			if !bytes.Equal(fast, slow) {
				t.Errorf("sheet XML differs from excelize's:\npodium:   %s\nexcelize: %s", fast, slow)
			}
			if bytes.Contains(fast, []byte("podium rows")) {
				t.Errorf("the placeholder reached the file: %s", fast)
			}
		})
	}
}

// TestRowsXMLLeavesTooHighRowsToExcelize: a row higher than Excel allows
// is SetRow's to refuse.
func TestRowsXMLLeavesTooHighRowsToExcelize(t *testing.T) {
	if _, ok := appendRowsXML(nil, gridOf(map[int]float64{1: 409.5}, []excelize.Cell{{Value: 1}})); ok {
		t.Error("a row of 409.5 points was written; SetRow refuses it")
	}
}

// TestColsXML: one range for each run of columns of the same width, in
// column order.
func TestColsXML(t *testing.T) {
	got := string(appendColsXML(nil, []float64{5, 5, 29, 8, 8, 8, 8.5}))
	want := `<cols><col min="1" max="2" width="5" customWidth="1"/><col min="3" max="3" width="29" customWidth="1"/>` +
		`<col min="4" max="6" width="8" customWidth="1"/><col min="7" max="7" width="8.5" customWidth="1"/></cols><sheetData>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := string(appendColsXML(nil, nil)); got != "<sheetData>" {
		t.Errorf("no widths: got %s", got)
	}
}

// FuzzRowsXML compares appendRowsXML with excelize's SetRow on any text
// and number.
func FuzzRowsXML(f *testing.F) {
	for _, s := range []string{"", "Pos", " a ", "a\nb", "<&>", "é", "_x0041_", "\x00", "\xff"} {
		f.Add(s, 1.5, 3)
	}
	f.Fuzz(func(t *testing.T, text string, num float64, style int) {
		if len(text) > 40000 {
			return
		}
		style = max(0, min(style, 60000))
		g := gridOf(nil, []excelize.Cell{{Value: text, StyleID: style}, {Value: num}, {StyleID: style}})
		slow, _, _ := sheetXML(t, g, false)
		fast, _, _ := sheetXML(t, g, true)
		if !bytes.Equal(fast, slow) {
			t.Errorf("sheet XML differs from excelize's:\npodium:   %q\nexcelize: %q", fast, slow)
		}
	})
}

// TestMergeNames: a merged range's cell names are ooxml.CellName's, built
// with one allocation (a table merges tens of thousands of ranges).
func TestMergeNames(t *testing.T) {
	var buf []byte
	for _, m := range []cellRange{{4, 5, 4, 7}, {1, 1, 26, 1}, {27, 9, 52, 10}, {702, 99, 703, 1048576}, {16384, 1, 16384, 2}} {
		var tl, br string
		buf, tl, br = m.names(buf)
		if want1, want2 := ooxml.CellName(m.col1, m.row1), ooxml.CellName(m.col2, m.row2); tl != want1 || br != want2 {
			t.Errorf("%v: %q:%q, want %q:%q", m, tl, br, want1, want2)
		}
	}
	m := cellRange{40, 2301, 40, 2304}
	if n := testing.AllocsPerRun(100, func() { buf, _, _ = m.names(buf) }); n != 1 {
		t.Errorf("%v allocations, want 1", n)
	}
}
