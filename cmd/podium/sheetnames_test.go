package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestScoreClassWithEmoji: a class whose name holds an emoji and is too
// long for a sheet name scores, into the season and into --out, with
// sheet names cut for Excel — and no message about the disk.
func TestScoreClassWithEmoji(t *testing.T) {
	dir := t.TempDir()
	season := filepath.Join(dir, "season.xlsx")
	f, err := excelize.OpenFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c, v := range row {
				if v == "Bronze Cup" {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					f.SetCellStr(sheet, cell, "Bronze Cup \U0001F949 Gentlemen Drivers Trophy")
				}
			}
		}
	}
	if err := f.SaveAs(season); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "standings.xlsx")
	for _, args := range [][]string{{"score", season, "--out", out}, {"score", season}} {
		code, stdout, stderr := podium(t, args...)
		if code != 0 || strings.Contains(stderr, "disk") {
			t.Fatalf("%s: exit %d\n%s%s", strings.Join(args, " "), code, stdout, stderr)
		}
	}
	g, err := excelize.OpenFile(season)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	want := []string{"Bronze Cup \U0001F949 Gentlemen D Teams", "Bronze Cup \U0001F949 Gentlemen Drivers", "Bronze Cup \U0001F949 Gentl Progression"}
	list := strings.Join(g.GetSheetList(), "|")
	for _, name := range want {
		if !strings.Contains("|"+list+"|", "|"+name+"|") {
			t.Errorf("no sheet %q in %s", name, list)
		}
	}
}
