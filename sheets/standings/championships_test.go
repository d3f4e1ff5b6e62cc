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

// TestChampionshipsWorkbook: a season with Championships gets a standings
// sheet per championship titled with its name (team and make lines with
// their cars; competitors excluded or with too few starts last, with
// their points and no position; dropped results in brackets; results that
// always count marked ‡, the key saying so), its Breakdown rows with the
// cars that counted, and a Progression per championship.
func TestChampionshipsWorkbook(t *testing.T) {
	season := presenttest.ChampionshipSeason()
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
	want := []string{"F1 Drivers", "Rookie Drivers", "Constructors", "Makes", "F1 Cars", "Winners", "Breakdown",
		"F1 Drivers Progression", "Rookie Drivers Progression", "Constructors Progression", "Makes Progression", "F1 Cars Progression"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets:\n got %q\nwant %q", got, want)
	}
	rows := func(sheet string) []string {
		t.Helper()
		rs, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		out := make([]string, len(rs))
		for i, r := range rs {
			out[i] = strings.Join(r, "|")
		}
		return out
	}
	tables := map[string][]string{
		"Constructors": {
			"Constructors",
			"Test Series 2026 · After round 4 · Provisional",
			"Champion: Alpha",
			"Pos|±|No.|Team|Nat|Car|R1|R2|R3|R4|Points",
			"1||1, 2|Alpha||Ferrari 1, Ferrari 2|1|2|1|1‡|36",
			"2||3, 4|Beta||BRM 3, BRM 4|2|1|2|3‡|26",
			"||5|Gamma||Ferrari 5|4|3|||7",
		},
		"Makes": {
			"Makes",
			"Test Series 2026 · After round 4 · Provisional",
			"Champion: Ferrari",
			"Pos|±|No.|Make|Nat|Car|R1|R2|R3|R4|Points",
			"1||1, 2, 5|Ferrari||Ferrari 1, Ferrari 2, Ferrari 5|1|2|1|1‡|57",
			"2||3, 4|BRM||BRM 3, BRM 4|2|1|2|3‡|35",
		},
		"F1 Drivers": {
			"F1 Drivers",
			"Test Series 2026 · After round 4 · Provisional",
			"Champion: Ann Able",
			"Pos|±|No.|Driver|Nat|Car|R1|R2|R3|R4|Points",
			"1||1|Ann Able|GBR|Ferrari 1|1|(2)|3|1‡|24",
			"2||2|Bob Best|GBR|Ferrari 2|3|(Ret)|1|2‡|20",
			"3||3|Cy Cole|GBR|BRM 3|(2)|1|4|4‡|16",
			"4||5|Eve Ek|GBR|Ferrari 5|(4)|3|||4",
			"||4|Dee Dunn|GBR|BRM 4|(5)|4|2|3‡|13",
		},
		"Rookie Drivers": {
			"Rookie Drivers",
			"Test Series 2026 · After round 4 · Provisional",
			"Champion: Ann Able",
			"Pos|±|No.|Driver|Nat|Car|R1|R2|R3|R4|Points",
			"1||1|Ann Able|GBR|Ferrari 1|1|(2)|1|1‡|30",
			"2||3|Cy Cole|GBR|BRM 3|(2)|1|2|2‡|22",
		},
	}
	for sheet, want := range tables {
		got := rows(sheet)
		if !slices.Equal(got[:min(len(got), len(want))], want) {
			t.Errorf("%s:\n got %q\nwant %q", sheet, got[:min(len(got), len(want))], want)
		}
		// The key follows, its marks beside its colours, the last of them
		// the mark of results that always count.
		if !slices.ContainsFunc(got[len(got)-11:], func(row string) bool {
			return strings.HasSuffix(row, "||Points finish||||‡ – result that always counts, never dropped")
		}) {
			t.Errorf("%s: no mark of results that always count beside the key's colours: %q", sheet, got[len(got)-11:])
		}
	}
	// A blank position is a blank cell, not a 0.
	if v, err := f.GetCellValue("Constructors", "A7"); err != nil || v != "" {
		t.Errorf("Constructors!A7 = %q, %v", v, err)
	}
	breakdown := rows("Breakdown")
	for _, w := range []string{
		"F1|Makes|1|Ferrari|1|1|1|17||||1|||17|car 1 1st 10 + car 2 3rd 4 + car 5 4th 3",
		"F1|Makes|1|Ferrari|1|4|1‡|16||||1|||16|car 1 1st 10 + car 2 2nd 6; not droppable: this race always counts (Droppable N in the Calendar)",
		"F1|Constructors||Gamma|5|2|3|4||||1|||4|car 5 3rd 4",
		"F1|Drivers||Dee Dunn|4|1|(5)|||||1||yes|0|dropped: best results count",
		"Rookie|Drivers|1|Ann Able|1|2|(2)|6||||1||yes|0|2nd: 6; dropped: best results count",
	} {
		if !slices.Contains(breakdown, w) {
			t.Errorf("Breakdown has no row\n%s", w)
		}
	}
	if got := rows("Constructors Progression"); !slices.Equal(got[:4], []string{
		"Constructors: points after each round", "Competitor|R1|R2|R3|R4", "Alpha|10|16|26|36", "Beta|6|16|22|26",
	}) {
		t.Errorf("Constructors Progression: %q", got[:4])
	}
	if got := rows("Winners"); !slices.Equal(got, []string{
		"Round|Code|Race|Circuit|Date|Class|No.|Team|Drivers",
		"1|R1||||F1|1|Alpha|Ann Able", "1|R1||||Rookie|1|Alpha|Ann Able", "2|R2||||F1|3|Beta|Cy Cole", "2|R2||||Rookie|3|Beta|Cy Cole",
		"3|R3||||F1|2|Alpha|Bob Best", "3|R3||||Rookie|1|Alpha|Ann Able", "4|R4||||F1|1|Alpha|Ann Able", "4|R4||||Rookie|1|Alpha|Ann Able",
	}) {
		t.Errorf("Winners: %q", got)
	}
}

// TestWinnersWithoutCarChampionship: a season run as Formula One runs it
// (a drivers' and a makes' championship, no Car championship) lists each
// round's winner with the crew of the round; an invited car that finished
// first has no line of its own, so the best-placed championship entry
// wins (round 3).
func TestWinnersWithoutCarChampionship(t *testing.T) {
	season := presenttest.DriverMakeSeason()
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
	if got, want := f.GetSheetList(), []string{"F1 Drivers", "F1 Constructors", "Winners", "Breakdown", "F1 Drivers Progression", "F1 Constructors Progression"}; !slices.Equal(got, want) {
		t.Errorf("sheets:\n got %q\nwant %q", got, want)
	}
	rs, err := f.GetRows("Winners")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		got = append(got, strings.Join(r, "|"))
	}
	if want := []string{
		"Round|Code|Race|Circuit|Date|Class|No.|Team|Drivers",
		"1|BRA|Brazilian Grand Prix|||F1|1|McLaren|Ayrton Senna",
		"2|SMR|San Marino Grand Prix|||F1|2|McLaren|Alain Prost",
		"3|MON|Monaco Grand Prix|||F1|1|McLaren|Ayrton Senna",
	}; !slices.Equal(got, want) {
		t.Errorf("Winners:\n got %q\nwant %q", got, want)
	}
}

// TestTitleRaceAndMovesInSheets: mid-season, a table says under its title
// who can still win and the points available, and shows each line's
// change of position since the previous round next to Pos; after the
// first round there is nothing to compare with: no ± column.
func TestTitleRaceAndMovesInSheets(t *testing.T) {
	for _, tc := range []struct {
		after int
		want  []string
	}{
		{2, []string{
			"F1 Cars",
			"Test Series 2026 · After round 2 · Provisional",
			"2 races left, 20 points available; can still win: #1 Alpha, #3 Beta, #5 Gamma, #2 Alpha and #4 Beta",
			"Pos|±|No.|Team|Nat|Car|R1|R2|Points",
			"1||1|Alpha|GBR|Ferrari 1|1|2|16",
			"|▲1|3|Beta|GBR|BRM 3|2|1", // sharing 1st: Pos and Points merged
			"2|▲2|5|Gamma|GBR|Ferrari 5|4|3|7",
			"3||2|Alpha|GBR|Ferrari 2|3|Ret|4",
			"4|▲1|4|Beta|GBR|BRM 4|5|4|3",
		}},
		{1, []string{
			"F1 Cars",
			"Test Series 2026 · After round 1 · Provisional",
			"3 races left, 30 points available; can still win: #1 Alpha, #3 Beta, #2 Alpha, #5 Gamma and #4 Beta",
			"Pos|No.|Team|Nat|Car|R1|Points",
			"1|1|Alpha|GBR|Ferrari 1|1|10",
			"2|3|Beta|GBR|BRM 3|2|6",
			"3|2|Alpha|GBR|Ferrari 2|3|4",
			"4|5|Gamma|GBR|Ferrari 5|4|3",
			"5|4|Beta|GBR|BRM 4|5|0",
		}},
	} {
		season := presenttest.ChampionshipSeason()
		st, _ := scoring.Score(season, scoring.Options{AfterRound: tc.after})
		var buf bytes.Buffer
		if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		rs, err := f.GetRows("F1 Cars")
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs[:min(len(rs), len(tc.want))] {
			got = append(got, strings.Join(r, "|"))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("after round %d:\n got %q\nwant %q", tc.after, got, tc.want)
		}
	}
}
