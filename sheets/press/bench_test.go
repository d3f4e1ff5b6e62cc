package press

import (
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/present"
)

// BenchmarkPressPack100k writes the press pack (ExportCSV: every CSV file
// and its manifest) of a scored 100,000-result season (samples.Synth100k),
// as `podium score --csv DIR` does after scoring, with the CPU time it
// takes (cpu-ms/op: the machine may be shared):
//
//	go test ./sheets/press -run '^$' -bench PressPack100k -benchmem -count 3
func BenchmarkPressPack100k(b *testing.B) {
	season, _, err := sheets.Read(sheetstest.WriteSynthetic(b, samples.Synth100k), sheets.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	dir := b.TempDir()
	var bytes int64
	b.ReportAllocs()
	start := testkit.CPUTime()
	for b.Loop() {
		r, err := ExportCSV(dir, season, st, CSVOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(r.Removed) > 0 || len(r.Kept) > 0 {
			b.Fatalf("removed %v, kept %v", r.Removed, r.Kept)
		}
	}
	b.ReportMetric(float64(testkit.CPUTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if info, err := e.Info(); err == nil {
			bytes += info.Size()
		}
	}
	b.ReportMetric(float64(bytes)/1e6, "MB")
}

// BenchmarkStandingsCSV100k writes standings.csv of a scored
// 100,000-result season (410,000 records) with podium's writer and with
// gocsv's streaming API over encoding/csv, the records given as
// StandingRow values: the measure behind writing the large fixed-shape
// tables without gocsv (see rows.go).
//
//	go test ./sheets/press -run '^$' -bench StandingsCSV100k -benchmem -count 3
func BenchmarkStandingsCSV100k(b *testing.B) {
	season, _, err := sheets.Read(sheetstest.WriteSynthetic(b, samples.Synth100k), sheets.OpenOptions{})
	if err != nil {
		b.Fatal(err)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	tables := present.NewLayout(season, st).Tables
	b.Run("podium", func(b *testing.B) {
		b.ReportAllocs()
		w := newCSVWriter(io.Discard)
		for b.Loop() {
			if err := standingsCSV(w, tables); err != nil {
				b.Fatal(err)
			}
			if err := w.flush(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gocsv", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			rows := make(chan any, 1024)
			go func() {
				defer close(rows)
				var text []byte
				for _, t := range tables {
					for j := range t.Lines {
						l := &t.Lines[j]
						d := present.Describe(*l, nil)
						for k := range l.Rounds {
							rc := &l.Rounds[k]
							text = present.AppendRoundText(text[:0], rc)
							rows <- StandingRow{safeText(t.Class), t.Championship, l.Pos, safeText(d.Name), safeText(d.No), strconv.Itoa(rc.Round), safeText(string(text)), rc.Counted()}
						}
						rows <- StandingRow{safeText(t.Class), t.Championship, l.Pos, safeText(d.Name), safeText(d.No), "Total", "", l.Points}
					}
				}
			}()
			if err := gocsv.MarshalChan(rows, gocsv.NewSafeCSVWriter(csv.NewWriter(io.Discard))); err != nil {
				b.Fatal(err)
			}
		}
	})
}
