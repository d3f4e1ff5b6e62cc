package main

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// The end-to-end benchmarks run `podium score SEASON --out F --csv DIR`
// in-process on the real 2019–20 season and on synthetic seasons of 10,000
// and 100,000 results, in both of the generator's shapes (rich: the
// variety of a real season; lean: as a timing export fills it). Each has
// two sub-benchmarks:
//
//	score  the command, from reading the workbook to the last CSV file;
//	floor  excelize alone doing the least the job needs: every cell of
//	       every input sheet read with the Rows iterator, and one
//	       standings sheet per class (the class's drivers' table, as
//	       podium writes it) stream-written to a workbook.
//
// Both report cpu-ms/op, the process's user and system CPU time (the
// collector's background work included), beside wall time. The README's
// Performance table compares the two in the same run:
//
//	go test ./cmd/podium -run '^$' -bench Season -benchmem -benchtime 3x
//
// BenchmarkSeasonChampionships100k is the lean 100,000-result season with
// a Championships sheet (Team and Make championships besides Teams and
// Drivers). Its floor stream-writes every standings table podium writes
// for it (80: each championship in each class), not only the drivers'
// tables: a job that publishes four tables per class needs four written.
//
// BenchmarkGrowth scores 25,000, 50,000 and 100,000 results (625, 1,250
// and 2,500 cars × 40 rounds, 20 classes) of each shape, and of the lean
// shape with BenchmarkSeasonChampionships100k's Championships sheet
// ("championships"):
//
//	go test ./cmd/podium -run '^$' -bench Growth -benchmem -benchtime 3x

func BenchmarkSeasonALMS(b *testing.B) { benchmarkSeason(b, alms) }

func BenchmarkSeason10k(b *testing.B) { benchmarkSeason(b, synthetic(b, samples.Synth10k)) }

func BenchmarkSeason100k(b *testing.B) { benchmarkSeason(b, synthetic(b, samples.Synth100k)) }

func BenchmarkSeasonLean100k(b *testing.B) {
	benchmarkSeason(b, synthetic(b, lean(samples.Synth100k)))
}

// BenchmarkSeasonChampionships100k is BenchmarkSeasonLean100k's season
// as a contract v2 workbook: an Entries Make column and a Championships
// sheet running, per class, Teams (Car), Drivers (Driver), Team Cup (Team,
// the two cars of a team that scored most in each race) and Makes (Make,
// every car): twice the tables of the v1 season. Its floor writes every
// one of those tables (championshipTables), each as podium writes it;
// floor-v1 is the other benchmarks' floor (one drivers' table per class),
// for comparison.
func BenchmarkSeasonChampionships100k(b *testing.B) {
	s := lean(samples.Synth100k)
	s.Championships = true
	benchmarkSeasonFloor(b, synthetic(b, s), floor{"floor", championshipTables}, floor{"floor-v1", driversPerClass})
}

func BenchmarkGrowth(b *testing.B) {
	for _, shape := range []struct {
		name          string
		shape         samples.SynthShape
		championships bool
	}{{"rich", samples.ShapeRich, false}, {"lean", samples.ShapeLean, false}, {"championships", samples.ShapeLean, true}} {
		for _, size := range []struct {
			name string
			s    samples.Synth
		}{{"25k", samples.Synth25k}, {"50k", samples.Synth50k}, {"100k", samples.Synth100k}} {
			s := size.s
			s.Shape, s.Championships = shape.shape, shape.championships
			b.Run(shape.name+"-"+size.name, func(b *testing.B) {
				season := synthetic(b, s)
				dir := b.TempDir()
				b.ReportAllocs()
				cpu := startCPU()
				for b.Loop() {
					score(b, season, dir)
				}
				cpu.report(b)
			})
		}
	}
}

func lean(s samples.Synth) samples.Synth {
	s.Shape = samples.ShapeLean
	return s
}

func synthetic(b *testing.B, size samples.Synth) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "season.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		b.Fatal(err)
	}
	return path
}

// score runs `podium score season --out dir/standings.xlsx --csv dir/press`.
func score(b *testing.B, season, dir string) {
	b.Helper()
	out := filepath.Join(dir, "standings.xlsx")
	press := filepath.Join(dir, "press")
	if code := run([]string{"podium", "score", season, "--out", out, "--csv", press, "--force"}, io.Discard, io.Discard); code != 0 {
		b.Fatalf("podium score: exit code %d", code)
	}
}

// cpuClock measures the process's user and system CPU time (testkit.CPUTime:
// zero where the system does not tell).
type cpuClock struct{ start time.Duration }

func startCPU() cpuClock { return cpuClock{testkit.CPUTime()} }

// report reports the CPU time per iteration since start as cpu-ms/op.
func (c cpuClock) report(b *testing.B) {
	if b.N > 0 {
		b.ReportMetric(float64(testkit.CPUTime()-c.start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	}
}

func benchmarkSeason(b *testing.B, season string) {
	benchmarkSeasonFloor(b, season, floor{"floor", driversPerClass})
}

// driversPerClass picks the floor's sheets of benchmarkSeason: the
// drivers' table of each class.
func driversPerClass(b *testing.B, _, out string) []sheetCells { return standingsPerClass(b, out) }

// floor is a floor sub-benchmark: its name, and the sheets it writes,
// picked from podium's standings workbook out of the season.
type floor struct {
	name   string
	sheets func(b *testing.B, season, out string) []sheetCells
}

// benchmarkSeasonFloor is benchmarkSeason with each floor writing the
// sheets it picks.
func benchmarkSeasonFloor(b *testing.B, season string, floors ...floor) {
	dir := b.TempDir()
	score(b, season, dir)
	b.Run("score", func(b *testing.B) {
		b.ReportAllocs()
		cpu := startCPU()
		for b.Loop() {
			score(b, season, dir)
		}
		cpu.report(b)
	})
	for _, fl := range floors {
		output := fl.sheets(b, season, filepath.Join(dir, "standings.xlsx")) // what the floor writes
		b.Run(fl.name, func(b *testing.B) {
			b.ReportAllocs()
			floorOut := filepath.Join(dir, "floor.xlsx")
			cpu := startCPU()
			for b.Loop() {
				cells := readEveryCell(b, season)
				writeCells(b, floorOut, output)
				b.ReportMetric(float64(cells), "cells-read")
			}
			cpu.report(b)
		})
	}
}

// readEveryCell reads every cell of every sheet with the Rows iterator and
// returns how many it saw.
func readEveryCell(b *testing.B, path string) int {
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	n := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			b.Fatal(err)
		}
		for rows.Next() {
			cols, err := rows.Columns()
			if err != nil {
				b.Fatal(err)
			}
			n += len(cols)
		}
		rows.Close()
	}
	return n
}

// sheetCells is one sheet's cells, numbers as float64.
type sheetCells struct {
	name string
	rows [][]any
}

// standingsPerClass reads the drivers' table of each class from a
// standings workbook podium wrote: one standings sheet per class.
func standingsPerClass(b *testing.B, path string) []sheetCells {
	var out []sheetCells
	for _, s := range readAll(b, path) {
		if strings.HasSuffix(s.name, " Drivers") {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		b.Fatalf("%s: no drivers' standings sheet", path)
	}
	return out
}

// championshipTables reads every championship table of a standings
// workbook podium wrote for season: the sheets named after a row of the
// season's Championships sheet, "<class> <championship>" for a row run in
// each class (its Progression sheets are charts, not tables).
func championshipTables(b *testing.B, season, path string) []sheetCells {
	f, err := excelize.OpenFile(season)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := f.GetRows(templates.SheetChampionships)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for _, row := range rows[min(1, len(rows)):] { // under the header
		if len(row) > 0 && row[0] != "" {
			names = append(names, row[0])
		}
	}
	var out []sheetCells
	for _, s := range readAll(b, path) {
		if slices.ContainsFunc(names, func(ch string) bool { return s.name == ch || strings.HasSuffix(s.name, " "+ch) }) {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		b.Fatalf("%s: no championship table of %s", path, strings.Join(names, ", "))
	}
	return out
}

func readAll(b *testing.B, path string) []sheetCells {
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var all []sheetCells
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		sc := sheetCells{name: sheet}
		for _, row := range rows {
			cells := make([]any, len(row))
			for i, v := range row {
				if x, err := strconv.ParseFloat(v, 64); err == nil {
					cells[i] = x
				} else {
					cells[i] = v
				}
			}
			sc.rows = append(sc.rows, cells)
		}
		all = append(all, sc)
	}
	return all
}

// writeCells stream-writes the sheets to path.
func writeCells(b *testing.B, path string, sheets []sheetCells) {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else if _, err := f.NewSheet(s.name); err != nil {
			b.Fatal(err)
		}
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			b.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	os.Remove(path)
}
