package standings

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/present/presenttest"
	"github.com/xuri/excelize/v2"
)

// meetingSeason is presenttest.ChampionshipSeason with its first two
// rounds one meeting, a sprint and a race at Silverstone, and its last a
// meeting of one race at Spa; round 3 is a meeting of its own.
func meetingSeason() *scoring.Season {
	s := presenttest.ChampionshipSeason()
	for i, m := range []struct{ code, country, meeting string }{
		{"Sprint", "GBR", "Silverstone"}, {"Race", "GBR", "silverstone "}, {"R3", "", ""}, {"R4", "", "Spa"},
	} {
		s.Rounds[i].Code, s.Rounds[i].Country, s.Rounds[i].Meeting = m.code, m.country, m.meeting
	}
	return s
}

// TestMeetingHeaders: the round columns of races sharing a Meeting are
// headed by one cell naming the meeting, merged over their columns, in a
// row above the races' own headers; the other columns' headers fill both
// rows; each race keeps its own cell, colour and marks. The Progression
// heads its round columns the same way.
func TestMeetingHeaders(t *testing.T) {
	season := meetingSeason()
	st, _ := scoring.Score(season, scoring.Options{})
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := func(sheet string, n int) []string {
		t.Helper()
		rs, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, 0, n)
		for _, r := range rs[:n] {
			out = append(out, strings.Join(r, "|"))
		}
		return out
	}
	if got, want := rows("Constructors", 8), []string{
		"Constructors",
		"Test Series 2026 · After round 4 · Provisional",
		"Champion: Alpha",
		"Pos|±|No.|Team|Nat|Car|Silverstone GBR||R3|Spa|Points",
		"||||||Sprint|Race||R4",
		"1||1, 2|Alpha||Ferrari 1, Ferrari 2|1|2|1|1‡|36",
		"2||3, 4|Beta||BRM 3, BRM 4|2|1|2|3‡|26",
		"||5|Gamma||Ferrari 5|4|3|||7",
	}; !slices.Equal(got, want) {
		t.Errorf("Constructors:\n got %q\nwant %q", got, want)
	}
	merges, err := f.GetMergeCells("Constructors")
	if err != nil {
		t.Fatal(err)
	}
	var head []string
	for _, m := range merges {
		if _, row, _ := excelize.CellNameToCoordinates(m.GetStartAxis()); row <= 5 {
			head = append(head, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
		}
	}
	slices.Sort(head)
	if want := []string{"A3:K3=Champion: Alpha", "A4:A5=Pos", "B4:B5=±", "C4:C5=No.", "D4:D5=Team", "E4:E5=Nat", "F4:F5=Car", "G4:H4=Silverstone GBR", "I4:I5=R3", "K4:K5=Points"}; !slices.Equal(head, want) {
		t.Errorf("Constructors header merges:\n got %q\nwant %q", head, want)
	}
	// The sprint (1st, gold) and the race (2nd, silver) of one meeting
	// keep their own colours.
	for cell, want := range map[string]string{"G6": "FFFFBF", "H6": "DFDFDF", "J4": "", "G5": ""} {
		id, _ := f.GetCellStyle("Constructors", cell)
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(st.Fill.Color) > 0 {
			got = strings.TrimPrefix(strings.ToUpper(st.Fill.Color[0]), "FF")
			if len(st.Fill.Color[0]) == 6 {
				got = strings.ToUpper(st.Fill.Color[0])
			}
		}
		if cell[1] >= '6' && got != want || cell[1] < '6' && !st.Font.Bold {
			t.Errorf("Constructors!%s: fill %q bold %v, want fill %q (a header bold)", cell, got, st.Font.Bold, want)
		}
	}
	panes, err := f.GetPanes("Constructors")
	if err != nil || panes.YSplit != 5 || panes.TopLeftCell != "E6" {
		t.Errorf("Constructors panes: %+v, %v; want frozen under row 5", panes, err)
	}
	if got, want := rows("Constructors Progression", 5), []string{
		"Constructors: points after each round", "|Silverstone GBR|||Spa", "Competitor|Sprint|Race|R3|R4", "Alpha|10|16|26|36", "Beta|6|16|22|26",
	}; !slices.Equal(got, want) {
		t.Errorf("Constructors Progression:\n got %q\nwant %q", got, want)
	}
	if merges, _ := f.GetMergeCells("Constructors Progression"); len(merges) != 1 || merges[0].GetStartAxis() != "B2" || merges[0].GetEndAxis() != "C2" {
		t.Errorf("Constructors Progression merges: %v, want B2:C2", merges)
	}
}
