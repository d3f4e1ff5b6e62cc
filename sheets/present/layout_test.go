package present_test

import (
	"slices"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/sheets/present/presenttest"
)

// TestChampionshipsLayout: a season with Championships lays out its
// tables in their order, each titled and headed after its championship,
// a progression per championship, and the classifications its
// championships are run in (the class, the driver cup) for the winners
// and the results.
func TestChampionshipsLayout(t *testing.T) {
	season := presenttest.ChampionshipSeason()
	st, _ := scoring.Score(season, scoring.Options{})
	l := present.NewLayout(season, st)
	var got []string
	for _, tb := range l.Tables {
		got = append(got, tb.Class+"|"+tb.Championship+"|"+tb.Name()+"|"+tb.Title()+"|"+tb.Header()[2])
	}
	want := []string{
		"F1|Drivers|F1 Drivers|F1 Drivers|Driver",
		"Rookie|Drivers|Rookie Drivers|Rookie Drivers|Driver",
		"F1|Constructors|Constructors|Constructors|Team",
		"F1|Makes|Makes|Makes|Make",
		"F1|Cars|F1 Cars|F1 Cars|Team",
	}
	if !slices.Equal(got, want) {
		t.Errorf("tables\n got %q\nwant %q", got, want)
	}
	got = nil
	for _, p := range l.Progressions() {
		got = append(got, p.Name+"|"+p.Title+"|"+p.Charts[0].Title+"|"+p.Charts[0].Series[0].Name)
	}
	want = []string{
		"F1 Drivers|F1 Drivers points progression|F1 Drivers: points after each round|Ann Able",
		"Rookie Drivers|Rookie Drivers points progression|Rookie Drivers: points after each round|Ann Able",
		"Constructors|Constructors points progression|Constructors: points after each round|Alpha",
		"Makes|Makes points progression|Makes: points after each round|Ferrari",
		"F1 Cars|F1 Cars points progression|F1 Cars: points after each round|#1 Alpha",
	}
	if !slices.Equal(got, want) {
		t.Errorf("progressions\n got %q\nwant %q", got, want)
	}
	if len(l.Classifications) != 2 || l.Classifications[0].Name != "F1" || len(l.Classifications[0].Teams) != 5 || l.Classifications[0].Drivers[0].Name != "Ann Able" ||
		l.Classifications[1].Name != "Rookie" || !l.Classifications[1].Cup || len(l.Classifications[1].Teams) != 2 || len(l.Classifications[1].Drivers) != 2 {
		t.Errorf("classifications %+v", l.Classifications)
	}
	// A team's line shows its cars and their models; a line without a
	// position shares no cell with another.
	team := l.Tables[2].Lines[0]
	if d := present.Describe(team, present.CarModels(season)); d != (present.Competitor{No: "1, 2", Name: "Alpha", Car: "Ferrari 1, Ferrari 2"}) {
		t.Errorf("team line %+v", d)
	}
	unranked := []scoring.Line{{Points: 7, Rounds: []scoring.Cell{{Present: true, Pos: 1}}}, {Points: 7, Rounds: []scoring.Cell{{Present: true, Pos: 1}}}}
	present.Shared(unranked, func(s present.Span) { t.Errorf("lines without a position share %+v", s) })
}

// TestV1Layout: a season without Championships keeps v1's layout: per
// classification in the series' order its teams' and drivers' tables, and
// one progression with both.
func TestV1Layout(t *testing.T) {
	season := &scoring.Season{Rounds: []scoring.Round{{Number: 1, Factor: 1}}, Entries: []scoring.Entry{
		{No: "1", Class: "GT", Team: "T", Rounds: scoring.AllRounds(), Scores: true, Origin: scoring.Origin{Row: 3}},
		{No: "2", Class: "LMP2", Team: "U", Rounds: scoring.AllRounds(), Scores: true, Origin: scoring.Origin{Row: 2}},
	}}
	st, _ := scoring.Score(season, scoring.Options{})
	l := present.NewLayout(season, st)
	var got []string
	for _, tb := range l.Tables {
		got = append(got, tb.Name()+"|"+tb.Title())
	}
	if want := []string{"LMP2 Teams|LMP2 Teams' Championship", "LMP2 Drivers|LMP2 Drivers' Championship", "GT Teams|GT Teams' Championship", "GT Drivers|GT Drivers' Championship"}; !slices.Equal(got, want) {
		t.Errorf("tables %q", got)
	}
	if len(l.Progressions()) != 2 || l.Progressions()[0].Name != "LMP2" || len(l.Progressions()[0].Charts) != 2 || l.Progressions()[0].Charts[1].Title != "LMP2 drivers: points after each round" {
		t.Errorf("progressions %+v", l.Progressions())
	}
}
