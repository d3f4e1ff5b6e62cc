package standings

import (
	"bytes"
	"math"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/xuri/excelize/v2"
)

// TestProgressionCellsAsExcelizeWrites: the Progression sheets' points,
// written by podium in place of one placeholder cell per competitor, are
// the bytes excelize writes when they are set one by one — the whole
// standings workbook is — for seasons with whole and half points, with
// and without Championships (several charts on a sheet), and with points
// that need a number format of their own (F1 1954's sevenths).
func TestProgressionCellsAsExcelizeWrites(t *testing.T) {
	for _, size := range []samples.Synth{
		{Cars: 30, Rounds: 7, Classes: 2, DriversPerCar: 3},
		{Cars: 40, Rounds: 5, Classes: 2, DriversPerCar: 2, Shape: samples.ShapeLean, Championships: true},
		{}, // the 1954 Formula One sample: points in sevenths, with a number format of their own
	} {
		path := "../../samples/f1-1954.xlsx"
		if size.Cars > 0 {
			path = sheetstest.WriteSynthetic(t, size)
		}
		season, diags, err := sheets.Read(path, sheets.OpenOptions{})
		if err != nil || diags.HasErrors() {
			t.Fatal(err, diags.Err())
		}
		st, _ := scoring.Score(season, scoring.Options{})
		write := func(cellByCell bool) []byte {
			f := excelize.NewFile()
			defer f.Close()
			p := newPublisher(f, season, st, PublishOptions{Generated: sheetstest.Date})
			p.placeholder = "Sheet1"
			p.cellByCell = cellByCell
			if err := p.publish(); err != nil {
				t.Fatal(err)
			}
			if !cellByCell {
				// Only the placeholder, B3, is in excelize's sheet.
				sheet := p.written[len(p.written)-1]
				if v, err := f.GetCellValue(sheet, "C3"); err != nil || v != "" {
					t.Fatalf("%s!C3 holds %q (%v) in memory, want the points written in place of B3", sheet, v, err)
				}
			}
			data, err := ooxml.StableBytes(f, p.splices)
			if err != nil {
				t.Fatal(err)
			}
			return data
		}
		if got, want := write(false), write(true); !bytes.Equal(got, want) {
			t.Errorf("%+v: the workbook differs from excelize's with the points set one by one (%d bytes, want %d)", size, len(got), len(want))
		}
	}
}

// TestProgressionPointsThatAreNoNumber: points excelize writes as a text
// (NaN) are set one by one, as excelize writes them.
func TestProgressionPointsThatAreNoNumber(t *testing.T) {
	p := newPublisher(excelize.NewFile(), &scoring.Season{}, &scoring.Standings{}, PublishOptions{})
	defer p.f.Close()
	if err := p.progressionRow("Sheet1", 3, present.Series{Name: "Odd", Progression: []float64{1, math.NaN(), 2.5}}); err != nil {
		t.Fatal(err)
	}
	for cell, want := range map[string]string{"A3": "Odd", "B3": "1", "C3": "NaN", "D3": "2.5"} {
		if got, err := p.f.GetCellValue("Sheet1", cell); err != nil || got != want {
			t.Errorf("%s: %q (%v), want %q", cell, got, err, want)
		}
	}
}
