package sheets

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeSynthetic writes a valid season of cars × rounds results with the
// given number of classes and two drivers a car, streaming the big sheets.
func writeSynthetic(tb testing.TB, cars, rounds, classes int) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "Season"))
	must(f.SetSheetRow("Season", "A1", &[]any{"Field", "Value"}))
	must(f.SetSheetRow("Season", "A2", &[]any{"Series", "Synthetic"}))
	f.NewSheet("Calendar")
	must(f.SetSheetRow("Calendar", "A1", &[]any{"Round", "Code", "Factor"}))
	for r := 1; r <= rounds; r++ {
		must(f.SetSheetRow("Calendar", fmt.Sprintf("A%d", r+1), &[]any{r, fmt.Sprintf("R%02d", r), 1}))
	}
	f.NewSheet("Points")
	must(f.SetSheetRow("Points", "A1", &[]any{"Award", "Points"}))
	for i, p := range []int{25, 18, 15, 12, 10, 8, 6, 4, 2, 1} {
		must(f.SetSheetRow("Points", fmt.Sprintf("A%d", i+2), &[]any{i + 1, p}))
	}
	stream := func(sheet string, header []any, rows func(add func(...any))) {
		f.NewSheet(sheet)
		sw, err := f.NewStreamWriter(sheet)
		must(err)
		n := 1
		add := func(cells ...any) {
			cell, _ := excelize.CoordinatesToCellName(1, n)
			must(sw.SetRow(cell, cells))
			n++
		}
		add(header...)
		rows(add)
		must(sw.Flush())
	}
	class := func(car int) string { return fmt.Sprintf("C%02d", car%classes) }
	stream("Entries", []any{"No.", "Class", "Team"}, func(add func(...any)) {
		for c := 1; c <= cars; c++ {
			add(c, class(c), fmt.Sprintf("Team %d", c))
		}
	})
	stream("Drivers", []any{"No.", "Driver"}, func(add func(...any)) {
		for c := 1; c <= cars; c++ {
			add(c, syntheticName(2*c))
			add(c, syntheticName(2*c+1))
		}
	})
	stream("Results", []any{"Round", "No.", "Pos", "Status", "Pole", "Fastest lap", "Laps"}, func(add func(...any)) {
		for r := 1; r <= rounds; r++ {
			for c := 1; c <= cars; c++ {
				pos := (c+r)%cars + 1 // overall positions, a permutation
				switch {
				case c%17 == 0:
					add(r, c, pos, "Ret", nil, nil, 50)
				case c <= classes:
					add(r, c, pos, nil, "Y", nil, 100)
				default:
					add(r, c, pos, nil, nil, nil, 100)
				}
			}
		}
	})
	path := filepath.Join(tb.TempDir(), "synthetic.xlsx")
	must(f.SaveAs(path))
	return path
}

// syntheticName makes a distinct name for each n whose letters scatter, so
// that no two names are one typo apart (as in a real entry list).
func syntheticName(n int) string {
	first := []string{"Anna", "Bruno", "Carla", "Diego", "Emma", "Felix", "Grace", "Hugo", "Ines", "Jonas"}
	x := uint64(n)*2654435761 + 12345
	last := make([]byte, 8)
	for i := range last {
		last[i] = byte('a' + x%26)
		x /= 26
	}
	last[0] -= 'a' - 'A'
	return first[n%len(first)] + " " + string(last)
}

func benchmarkRead(b *testing.B, cars, rounds, classes int) {
	path := writeSynthetic(b, cars, rounds, classes)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		season, diags, err := Read(path, OpenOptions{})
		if err != nil {
			b.Fatal(err)
		}
		if len(diags) > 0 || len(season.Results) != cars*rounds {
			b.Fatalf("%d results, %d diagnostics, first: %v", len(season.Results), len(diags), diags[0])
		}
	}
	b.ReportMetric(float64(cars*rounds), "results")
}

// BenchmarkRead10k reads and validates 10,000 results (500 cars × 20 rounds).
func BenchmarkRead10k(b *testing.B) { benchmarkRead(b, 500, 20, 10) }

// BenchmarkRead100k reads and validates 100,000 results (2,500 cars × 40
// rounds, 20 classes).
func BenchmarkRead100k(b *testing.B) { benchmarkRead(b, 2500, 40, 20) }
