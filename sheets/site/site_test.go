package site

import (
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

// page renders a site and returns one of its files.
func page(t *testing.T, season *scoring.Season, st *scoring.Standings, name string) string {
	t.Helper()
	files, err := Render(season, st, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if f.Name == name {
			return string(f.Data)
		}
	}
	t.Fatalf("no %s among the files", name)
	return ""
}

// TestTitleRaceAndMoves: a table's title race (present.TitleSummary) is
// said under its title and on the index, and its change of position
// since the previous round has a column of its own (present.Move), once
// the standings have them (set by hand here); without them neither shows.
func TestTitleRaceAndMoves(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	table := st.Table("LMP2 Teams")
	if table == nil {
		t.Fatal("no LMP2 Teams table")
	}
	table.Moves = true
	table.Title = scoring.TitleRace{RoundsLeft: 1, Available: 25}
	l := table.Lines
	l[0].Previous, l[0].Title = 2, scoring.TitleContender
	l[1].Previous, l[1].Title = 1, scoring.TitleContender
	l[2].Previous = 0
	l[3].Previous = l[3].Pos
	html := page(t, season, st, "lmp2-teams.html")
	summary := "1 race left, 25 points available; can still win: #26 G-Drive Racing with Algarve and #45 Thunderhead Carlin Racing"
	for _, want := range []string{
		`<p class="title-race">` + summary + `</p>`,
		`<tr><th scope="col">Pos</th><th scope="col"><abbr title="Change of position since the previous round">±</abbr></th><th scope="col">No.</th>`,
		`<tr><td class="pos">1</td><td class="move up">▲1</td><td class="no">26</td>`,
		`<tr><td class="pos">2</td><td class="move down">▼1</td><td class="no">45</td>`,
		`<tr><td class="pos">3</td><td class="move new">new</td><td class="no">36</td>`,
		`<tr><td class="pos">4</td><td class="move"></td><td class="no">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("lmp2-teams.html lacks %s", want)
		}
	}
	index := page(t, season, st, "index.html")
	if want := `<li><a href="lmp2-teams.html">LMP2 Teams&#39; Championship</a><br><span class="note">` + summary + `</span></li>`; !strings.Contains(index, want) {
		t.Errorf("index.html lacks %s", want)
	}
	// The drivers' table, its title race and moves taken away by hand.
	drivers := st.Table("LMP2 Drivers")
	drivers.Moves = false
	for i := range drivers.Lines {
		drivers.Lines[i].Title = scoring.TitleNone
	}
	if other := page(t, season, st, "lmp2-drivers.html"); strings.Contains(other, "title-race") || strings.Contains(other, `class="move`) {
		t.Error("lmp2-drivers.html, without a title race or moves, shows them")
	}
}

// TestMeetingHeader: races of one meeting are headed by it, over their
// own headers; the other columns span both header rows.
func TestMeetingHeader(t *testing.T) {
	season, st := sheetstest.Scored(t, "../../samples/club.xlsx")
	html := page(t, season, st, "drivers.html")
	want := `<thead>
<tr><th scope="col" rowspan="2">Pos</th><th scope="col" rowspan="2"><abbr title="Change of position since the previous round">±</abbr></th><th scope="col" rowspan="2">No.</th><th scope="col" rowspan="2">Driver</th><th scope="col" rowspan="2">Nat</th><th scope="col" rowspan="2">Car</th><th scope="col" class="rh" rowspan="2"><a href="round-1.html">CRO GBR</a></th><th scope="colgroup" colspan="3">Snetterton GBR</th><th scope="col" rowspan="2">Points</th></tr>
<tr><th scope="col" class="rh"><a href="round-2.html">SNE1</a></th><th scope="col" class="rh"><a href="round-3.html">SNE2</a></th><th scope="col" class="rh"><a href="round-4.html">SNE3</a></th></tr>
</thead>`
	if !strings.Contains(html, want) {
		t.Errorf("drivers.html lacks the meeting's header rows:\n%s", want)
	}
}
