package main

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets"
	"github.com/xuri/excelize/v2"
)

// The end-to-end benchmarks run `podium score SEASON --out F --csv DIR`
// in-process on the real 2019–20 season and on synthetic seasons of 10,000
// and 100,000 results. Each has two sub-benchmarks:
//
//	score  the command, from reading the workbook to the last CSV file;
//	floor  excelize alone: every cell of the input read with the Rows
//	       iterator, and the same cells as podium's standings workbook
//	       written with the StreamWriter.
//
// The README's Performance table compares the two:
//
//	go test ./cmd/podium -run '^$' -bench Season -benchmem -benchtime 3x

func BenchmarkSeasonALMS(b *testing.B) { benchmarkSeason(b, alms) }

func BenchmarkSeason10k(b *testing.B) { benchmarkSeason(b, synthetic(b, samples.Synth10k)) }

func BenchmarkSeason100k(b *testing.B) { benchmarkSeason(b, synthetic(b, samples.Synth100k)) }

func synthetic(b *testing.B, size samples.Synth) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "season.xlsx")
	if err := sheets.WriteFile(path, false, func(w io.Writer) error { return samples.WriteSynthetic(w, size) }); err != nil {
		b.Fatal(err)
	}
	return path
}

func benchmarkSeason(b *testing.B, season string) {
	dir := b.TempDir()
	out := filepath.Join(dir, "standings.xlsx")
	press := filepath.Join(dir, "press")
	score := func(b *testing.B) {
		if code := run([]string{"podium", "score", season, "--out", out, "--csv", press, "--force"}, io.Discard, io.Discard); code != 0 {
			b.Fatalf("podium score: exit code %d", code)
		}
	}
	score(b)
	output := readAll(b, out) // what the floor writes
	b.Run("score", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			score(b)
		}
	})
	b.Run("floor", func(b *testing.B) {
		b.ReportAllocs()
		floorOut := filepath.Join(dir, "floor.xlsx")
		for b.Loop() {
			cells := readEveryCell(b, season)
			writeCells(b, floorOut, output)
			b.ReportMetric(float64(cells), "cells-read")
		}
	})
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
