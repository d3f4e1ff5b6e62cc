package standings

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestHeaderColumnWidths: a header's columns of one width are set as one
// range, as excelize writes them anyway: a Progression of a 40-round season
// set round by round cost excelize a copy of every column set before on
// each round (1,600 column copies a sheet, 80 sheets in a season with
// Championships). The sheet holds the same columns either way.
func TestHeaderColumnWidths(t *testing.T) {
	const rounds = 100
	cols := []string{"Competitor"}
	widths := []float64{34}
	for range rounds {
		cols = append(cols, "R")
		widths = append(widths, 9)
	}
	write := func(widths []float64) *publisher {
		p := newPublisher(excelize.NewFile(), nil, nil, PublishOptions{})
		if err := p.header("Sheet1", 2, cols, widths); err != nil {
			t.Fatal(err)
		}
		return p
	}
	p := write(widths)
	defer p.f.Close()
	data, err := ooxml.StableBytes(p.f, nil)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, c := range []struct {
		col  int
		want float64
	}{{1, 34}, {2, 9}, {rounds + 1, 9}} {
		if got, err := f.GetColWidth("Sheet1", scoring.ColumnName(c.col)); err != nil || got != c.want {
			t.Errorf("column %s: width %v (%v), want %v", scoring.ColumnName(c.col), got, err, c.want)
		}
	}
	if got, want := bytes.Count(firstSheetXML(t, data), []byte("<col ")), 2; got != want {
		t.Errorf("%d <col> elements, want %d", got, want)
	}
	allocs := func(widths []float64) float64 {
		return testing.AllocsPerRun(3, func() { write(widths).f.Close() })
	}
	if extra, limit := allocs(widths)-allocs(nil), float64(10*rounds); extra > limit {
		t.Errorf("the widths of a header of %d rounds: %.0f allocations, want at most %.0f", rounds, extra, limit)
	}
}

// firstSheetXML is the XML of the first worksheet of workbook data.
func firstSheetXML(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	xml, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return xml
}
