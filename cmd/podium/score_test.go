package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestScoreRefusesWorkbookSavedMeanwhile: an edit saved while score runs,
// after the season was read and scored and before the standings are
// written, is neither overwritten nor kept beside standings computed from
// the older data: score refuses, the saved workbook stays as saved and
// nothing is written beside it.
func TestScoreRefusesWorkbookSavedMeanwhile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "season.xlsx")
	data, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var saved []byte
	save := func() {
		// The clerk corrects a result in Excel and saves.
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := f.SetCellStr("Results", "D3", "DSQ"); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		saved, _ = os.ReadFile(path)
	}
	var out, errOut bytes.Buffer
	err = runScore(scoreOptions{exportOptions: exportOptions{Season: path, Stdout: &out, Stderr: &errOut}, afterScore: save})
	var file *ooxml.FileError
	want := path + ": the workbook changed while podium was writing (it was saved after podium read it; run podium again to score what it holds now)"
	if !errors.As(err, &file) || !errors.Is(err, ooxml.ErrChanged) || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
	if saved == nil {
		t.Fatal("the hook did not run")
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, saved) {
		t.Error("the workbook is not the one saved")
	}
	if _, err := os.Stat(ooxml.BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup was written")
	}
	if out.Len() > 0 {
		t.Errorf("stdout: %s", out.String())
	}
}

// TestScoreStrictWorkbook: score reads a workbook saved as Strict Open
// XML and writes standings with --out, but refuses to write into it,
// leaving it untouched and nothing beside it.
func TestScoreStrictWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "season.xlsx")
	data, err := os.ReadFile("../../sheets/testdata/strict.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := podium(t, "score", path)
	want := "podium: " + path + ": saved as Strict Open XML Spreadsheet, which podium cannot write into (in Excel, use File › Save As › Excel Workbook (.xlsx) and run podium again, or use --out STANDINGS.xlsx to write a separate standings workbook)\n"
	if code != exitUsage || stdout != "" || stderr != want {
		t.Errorf("exit %d\nstdout: %s\nstderr: %s\nwant: %s", code, stdout, stderr, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
		t.Error("the workbook changed")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want only the workbook", len(entries))
	}
	out := filepath.Join(dir, "standings.xlsx")
	if code, _, stderr := podium(t, "score", path, "--out", out); code != exitOK {
		t.Errorf("score --out: exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.GetSheetList(), "Pro Teams") {
		t.Errorf("the standings workbook has sheets %q", f.GetSheetList())
	}
}
