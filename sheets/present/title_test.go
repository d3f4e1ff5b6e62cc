package present

import (
	"testing"

	"github.com/podium-dev/podium/scoring"
)

func TestMove(t *testing.T) {
	for _, tc := range []struct {
		moves         bool
		pos, previous int
		want          string
	}{
		{true, 3, 5, "▲2"},
		{true, 4, 3, "▼1"},
		{true, 2, 2, ""},
		{true, 7, 0, "new"},
		{true, 0, 4, ""},
		{false, 3, 5, ""},
	} {
		table := &scoring.Table{Moves: tc.moves}
		line := &scoring.Line{Pos: tc.pos, Previous: tc.previous}
		if got := Move(table, line); got != tc.want {
			t.Errorf("Move(moves %v, pos %d, previous %d) = %q, want %q", tc.moves, tc.pos, tc.previous, got, tc.want)
		}
	}
}

func TestTitleSummary(t *testing.T) {
	driver := func(name string, c scoring.TitleChance) scoring.Line {
		return scoring.Line{Kind: scoring.DriverLine, Name: name, Title: c}
	}
	for _, tc := range []struct {
		name  string
		table scoring.Table
		want  string
	}{
		{"three contenders", scoring.Table{Title: scoring.TitleRace{RoundsLeft: 2, Available: 50},
			Lines: []scoring.Line{driver("A", scoring.TitleContender), driver("B", scoring.TitleContender), driver("C", scoring.TitleContender), driver("D", scoring.TitleNone)}},
			"2 races left, 50 points available; can still win: A, B and C"},
		{"half points", scoring.Table{Title: scoring.TitleRace{RoundsLeft: 1, Available: 12.5},
			Lines: []scoring.Line{driver("A", scoring.TitleContender), driver("B", scoring.TitleContender)}},
			"1 race left, 12.5 points available; can still win: A and B"},
		{"clinched early", scoring.Table{Title: scoring.TitleRace{RoundsLeft: 1, Available: 25, Decided: true},
			Lines: []scoring.Line{driver("A", scoring.TitleChampion), driver("B", scoring.TitleNone)}},
			"Champion: A (title won with 1 race left)"},
		{"season over", scoring.Table{Title: scoring.TitleRace{Decided: true},
			Lines: []scoring.Line{{Kind: scoring.TeamLine, No: "26", Team: "G-Drive Racing", Title: scoring.TitleChampion}}},
			"Champion: #26 G-Drive Racing"},
		{"empty", scoring.Table{}, ""},
	} {
		if got := TitleSummary(&tc.table); got != tc.want {
			t.Errorf("%s: TitleSummary = %q, want %q", tc.name, got, tc.want)
		}
	}
}
