package sheets

import (
	"reflect"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// championshipsHeader is the Championships sheet's header, in the
// contract's order.
var championshipsHeader = []any{"Championship", "Competitor", "Class", "Counted", "Scheme", "Best results", "Tie-break", "Ties shown as", "Minimum starts"}

// withChampionships adds a Championships sheet holding rows.
func withChampionships(b *book, rows ...[]any) {
	b.sheets = append(b.sheets, bookSheet{"Championships", append([][]any{championshipsHeader}, rows...)})
}

// withColumn adds a column headed header to a sheet of the base book,
// its cells given by row number (2 = the first data row).
func withColumn(b *book, sheet, header string, cells map[int]any) {
	s := b.sheet(sheet)
	col := len(s.rows[0])
	for len(s.rows[0]) <= col {
		s.rows[0] = append(s.rows[0], nil)
	}
	s.rows[0][col] = header
	for row, v := range cells {
		for len(s.rows) < row {
			s.rows = append(s.rows, nil)
		}
		for len(s.rows[row-1]) <= col {
			s.rows[row-1] = append(s.rows[row-1], nil)
		}
		s.rows[row-1][col] = v
	}
}

// TestReadChampionships: the Championships sheet and the new columns of
// contract v2 are read into the season, every form and spelling.
func TestReadChampionships(t *testing.T) {
	best := func(b scoring.BestResults) *scoring.BestResults { return &b }
	tests := []struct {
		name string
		edit func(b *book)
		want func(s *scoring.Season) any
		val  any
	}{
		{
			name: "a v1 workbook has no championships",
			edit: func(b *book) {},
			want: func(s *scoring.Season) any {
				return []any{s.Championships, s.TieBreak, s.TiesShownAs}
			},
			val: []any{[]scoring.Championship(nil), scoring.Countback, scoring.TiesShownAs("")},
		},
		{
			name: "every column of the Championships sheet",
			edit: func(b *book) {
				withChampionships(b,
					[]any{"Drivers", "Driver", nil, nil, nil, "6 of 1-2, 1 of 3–3", "countback of scoring places, then latest result", "1, 1, 3", 2},
					[]any{"Constructors", "make", "all", 1, nil, "all but 1", "none", "1,1,2"},
					[]any{"Teams' Trophy", "Teams", "A", "Nominated", nil, "all", "Countback, then first to reach the total"},
					[]any{"Nations", "Nation", "B", "All", nil, 2},
				)
				withColumn(b, "Entries", "Make", map[int]any{2: "Alpha", 3: "Beta", 4: "Alpha", 5: "Beta"})
				withColumn(b, "Entries", "Nominated", map[int]any{2: "Y"})
			},
			want: func(s *scoring.Season) any {
				out := make([]scoring.Championship, len(s.Championships))
				for i, ch := range s.Championships {
					ch.Origin = scoring.Origin{Row: ch.Origin.Row}
					out[i] = ch
				}
				return out
			},
			val: []scoring.Championship{
				{Name: "Drivers", Competitor: scoring.CompetitorDriver, BestResults: best(scoring.BestResults{Splits: []scoring.BestSplit{{Count: 6, From: 1, To: 2}, {Count: 1, From: 3, To: 3}}}),
					TieBreak: scoring.CountbackScoringPlaces + scoring.ThenLatestResult, TiesShownAs: scoring.TiesSkip, MinimumStarts: 2, Origin: scoring.Origin{Row: 2}},
				{Name: "Constructors", Competitor: scoring.CompetitorMake, Class: scoring.ClassAll, Counted: scoring.Counted{N: 1},
					BestResults: best(scoring.BestResults{AllBut: 1}), TieBreak: scoring.NoTieBreak, TiesShownAs: scoring.TiesDense, Origin: scoring.Origin{Row: 3}},
				{Name: "Teams' Trophy", Competitor: scoring.CompetitorTeam, Class: "A", Counted: scoring.Counted{Nominated: true},
					BestResults: best(scoring.BestResults{}), TieBreak: scoring.Countback + scoring.ThenFirstToReach, Origin: scoring.Origin{Row: 4}},
				{Name: "Nations", Competitor: scoring.CompetitorNation, Class: "B", BestResults: best(scoring.BestResults{N: 2}), Origin: scoring.Origin{Row: 5}},
			},
		},
		{
			name: "an empty Championships sheet runs v1's championships",
			edit: func(b *book) { withChampionships(b) },
			want: func(s *scoring.Season) any { return len(s.Championships) },
			val:  0,
		},
		{
			name: "Season Tie-break forms and Ties shown as",
			edit: func(b *book) {
				b.set("Season", "B5", "COUNTBACK  of scoring places ,  then first to reach the total")
				b.add("Season", "Ties shown as", "1, 1, 3")
			},
			want: func(s *scoring.Season) any { return []any{s.TieBreak, s.TiesShownAs} },
			val:  []any{scoring.CountbackScoringPlaces + scoring.ThenFirstToReach, scoring.TiesSkip},
		},
		{
			name: "Season Tie-break keeps v1's spellings",
			edit: func(b *book) { b.set("Season", "B5", "shared") },
			want: func(s *scoring.Season) any { return s.TieBreak },
			val:  scoring.NoTieBreak,
		},
		{
			name: "Entries Make and Nominated, Drivers Cup",
			edit: func(b *book) {
				withColumn(b, "Entries", "Manufacturer", map[int]any{2: "Alpha", 4: "Beta"})
				withColumn(b, "Entries", "Nominated", map[int]any{2: "Y", 3: "N", 4: "x"})
				withColumn(b, "Drivers", "Cup", map[int]any{3: "Rookie"})
			},
			want: func(s *scoring.Season) any {
				var out []string
				for _, e := range s.Entries {
					out = append(out, e.No+":"+e.Make+":"+map[bool]string{true: "nominated"}[e.Nominated])
				}
				for _, d := range s.Drivers {
					out = append(out, d.Name+":"+d.Cup)
				}
				return out
			},
			val: []string{"1:Alpha:nominated", "2::", "3:Beta:nominated", "4::", "Alice Adams:", "Bruno Brown:Rookie", "Carla Chen:", "David Dunn:"},
		},
		{
			name: "Calendar and Results Droppable",
			edit: func(b *book) {
				withColumn(b, "Calendar", "Droppable", map[int]any{3: "N", 4: "Y"})
				withColumn(b, "Results", "Droppable", map[int]any{6: "n"})
			},
			want: func(s *scoring.Season) any {
				var out []bool
				for _, r := range s.Rounds {
					out = append(out, r.NotDroppable)
				}
				for _, r := range s.Results[3:6] {
					out = append(out, r.NotDroppable)
				}
				return out
			},
			val: []bool{false, true, false, false, true, false},
		},
		{
			name: "Penalties Championship and EX",
			edit: func(b *book) {
				b.sheet("Penalties").rows[0] = append(b.sheet("Penalties").rows[0], "Championship")
				b.add("Penalties", 1, 1, 5, nil, "contact", "a teams")
				b.add("Penalties", 2, 2, "ex", nil, "conduct", "B Drivers")
				b.add("Penalties", 2, 3, 3)
			},
			want: func(s *scoring.Season) any {
				out := make([]scoring.Penalty, len(s.Penalties))
				for i, p := range s.Penalties {
					p.Origin = scoring.Origin{}
					out[i] = p
				}
				return out
			},
			val: []scoring.Penalty{
				{Round: 1, No: "1", Points: 5, Reason: "contact", Championship: "A Teams"},
				{Round: 2, No: "2", Excluded: true, Reason: "conduct", Championship: "B Drivers"},
				{Round: 2, No: "3", Points: 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseBook()
			tt.edit(b)
			s, diags := readBook(t, b)
			if len(diags) > 0 {
				t.Errorf("diagnostics:\n%s", strings.Join(diagLines(diags), "\n"))
			}
			if got := tt.want(s); !reflect.DeepEqual(got, tt.val) {
				t.Errorf("read\n got %#v\nwant %#v", got, tt.val)
			}
		})
	}
}

// TestChampionshipsValidation: each mistake in the Championships sheet and
// the new columns of contract v2 is reported at its cell, in words: those
// of the reader, and the checks of scoring.Check the reader feeds.
func TestChampionshipsValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		{
			name: "unknown Competitor",
			edit: func(b *book) { withChampionships(b, []any{"Cup", "Taem"}) },
			want: []string{`Championships!B2: competitor "Taem" is not Car, Driver, Team, Make or Nation (did you mean Team?)`},
		},
		{
			name: "every mistake of a row left out is reported",
			edit: func(b *book) { withChampionships(b, []any{"Cup", "Taem", nil, "two"}) },
			want: []string{
				`Championships!B2: competitor "Taem" is not Car, Driver, Team, Make or Nation (did you mean Team?)`,
				`Championships!D2: counted "two" is not All, a number or Nominated (write All (every car adds up), a number of cars (the 2 that scored most: 2) or Nominated)`,
			},
		},
		{
			name: "blank Championship and Competitor",
			edit: func(b *book) { withChampionships(b, []any{nil, nil, "A"}) },
			want: []string{
				`Championships!A2: championship is blank (fill it in, or delete the row)`,
				`Championships!B2: competitor is blank (fill it in, or delete the row)`,
			},
		},
		{
			name: "Counted not All, a number or Nominated",
			edit: func(b *book) {
				withChampionships(b, []any{"Teams", "Team", nil, "best two"}, []any{"Teams 2", "Team", nil, 0})
			},
			want: []string{
				`Championships!D2: counted "best two" is not All, a number or Nominated (write All (every car adds up), a number of cars (the 2 that scored most: 2) or Nominated)`,
				`Championships!D3: counted "0" is not All, a number or Nominated (write All (every car adds up), a number of cars (the 2 that scored most: 2) or Nominated)`,
			},
		},
		{
			name: "Best results that do not parse",
			edit: func(b *book) {
				withChampionships(b, []any{"D1", "Driver", nil, nil, nil, "best 5"}, []any{"D2", "Driver", nil, nil, nil, 0}, []any{"D3", "Driver", nil, nil, nil, "all but none"})
			},
			want: []string{
				`Championships!F2: best results "best 5" is not a number, all but N, or K of A-B, L of C-D (write a number (the best 5: 5), "all but 2", or "6 of 1-7, 5 of 8-13"; leave it blank to take the Season's)`,
				`Championships!F3: best results "0" is less than 1 (write a number (the best 5: 5), "all but 2", or "6 of 1-7, 5 of 8-13"; leave it blank to take the Season's)`,
				`Championships!F4: best results "all but none": all but needs a whole number of at least 1 (write a number (the best 5: 5), "all but 2", or "6 of 1-7, 5 of 8-13"; leave it blank to take the Season's)`,
			},
		},
		{
			name: "Tie-break and Ties shown as not one of their forms",
			edit: func(b *book) {
				withChampionships(b, []any{"Drivers", "Driver", nil, nil, nil, nil, "countback, then oldest result", "1, 2, 2"})
			},
			want: []string{
				`Championships!G2: tie-break "countback, then oldest result" is not a tie-break podium reads (did you mean countback, then latest result?)`,
				`Championships!H2: ties shown as "1, 2, 2" is not "1, 1, 2" or "1, 1, 3" (did you mean 1, 1, 2?)`,
			},
		},
		{
			name: "Season Tie-break and Ties shown as",
			edit: func(b *book) {
				b.set("Season", "B5", "coin toss")
				b.add("Season", "Ties", "dense")
			},
			want: []string{
				`Season!B5: tie-break "coin toss" is not a tie-break podium reads (write one of "countback", "countback, then latest result", "countback, then first to reach the total", "countback of scoring places", "countback of scoring places, then latest result", "countback of scoring places, then first to reach the total", "none")`,
				`Season!B6: ties shown as "dense" is not "1, 1, 2" or "1, 1, 3" (write one of "1, 1, 2", "1, 1, 3")`,
			},
		},
		{
			name: "Minimum starts not a whole number",
			edit: func(b *book) {
				withChampionships(b, []any{"D1", "Driver", nil, nil, nil, nil, nil, nil, "half"}, []any{"D2", "Driver", nil, nil, nil, nil, nil, nil, -1})
			},
			want: []string{
				`Championships!I2: minimum starts "half" is not a whole number (write the number of starts a competitor needs to be ranked, e.g. 3, or leave it blank)`,
				`Championships!I3: minimum starts "-1" is not 0 or more (write the number of starts a competitor needs to be ranked, e.g. 3, or leave it blank)`,
			},
		},
		{
			name: "Droppable and Nominated not Y or N",
			edit: func(b *book) {
				withColumn(b, "Calendar", "Droppable", map[int]any{2: "never"})
				withColumn(b, "Results", "Droppable", map[int]any{3: "keep"})
				withColumn(b, "Entries", "Nominated", map[int]any{2: "maybe"})
			},
			want: []string{
				`Calendar!F2: droppable "never" is not Y, N or blank (N marks a race or result that always counts; leave it blank otherwise)`,
				`Entries!G2: nominated "maybe" is not Y or blank`,
				`Results!G3: droppable "keep" is not Y, N or blank (N marks a race or result that always counts; leave it blank otherwise)`,
			},
		},
		// The checks of scoring.Check, fed by the reader.
		{
			name: "a Scheme no Points row belongs to",
			edit: func(b *book) { withChampionships(b, []any{"Drivers", "Driver", nil, nil, "Sprint"}) },
			want: []string{`Championships!E2: championship "Drivers" pays points scheme "Sprint", which no row of the Points sheet belongs to (leave it blank for each race's points scheme, or write this name in the Scheme column of the Points rows it pays)`},
		},
		{
			name: "two championships with the same name",
			edit: func(b *book) { withChampionships(b, []any{"Drivers", "Driver"}, []any{"drivers", "Car"}) },
			want: []string{`Championships!A3: championship "drivers" is listed twice (also at Championships!A2) (give each championship its own name)`},
		},
		{
			name: "a Class that no entry, cup or driver cup has",
			edit: func(b *book) { withChampionships(b, []any{"Drivers", "Driver", "C"}) },
			want: []string{`Championships!C2: championship "Drivers" is run in class "C", which no entry, cup or driver cup has (leave it blank for one championship per class and cup, write All for every car, or one of A, B)`},
		},
		{
			name: "a Make championship with cars lacking Make",
			edit: func(b *book) {
				withChampionships(b, []any{"Makes", "Make", "All"})
				withColumn(b, "Entries", "Make", map[int]any{2: "Alpha", 4: "Beta"})
			},
			want: []string{`Championships!B2: championship "Makes" adds up makes, but cars 2, 4 have no Make (type each car's make in the Make column of the Entries sheet)`},
		},
		{
			name: "a Nominated championship with no nominated car",
			edit: func(b *book) {
				withChampionships(b, []any{"Teams", "Team", "All", "Nominated"})
				withColumn(b, "Entries", "Nominated", map[int]any{2: "N"})
			},
			want: []string{`Championships!D2: championship "Teams" counts Nominated cars, but no car of it is nominated (type Y in the Nominated column of the Entries sheet for the cars that score for their team or make, or count All or a number of cars)`},
		},
		{
			name: "Best results splits that overlap or name rounds outside the calendar",
			edit: func(b *book) {
				withChampionships(b, []any{"D1", "Driver", nil, nil, nil, "1 of 1-2, 1 of 2-3"}, []any{"D2", "Driver", nil, nil, nil, "1 of 1-2, 1 of 3-5"})
			},
			want: []string{
				`Championships!F2: championship "D1": best results 1 of 1-2, 1 of 2-3 gives rounds 2 to two parts (give each round to one part only, e.g. 6 of 1-7, 5 of 8-13)`,
				`Championships!F3: championship "D2": best results 1 of 1-2, 1 of 3-5 names rounds 4–5, which are not in the calendar (the calendar has rounds 1–3)`,
			},
		},
		{
			name: "All over class positions",
			edit: func(b *book) {
				withChampionships(b, []any{"Overall", "Car", "All"})
				b.set("Results", "C4", 1)
				b.set("Results", "C5", 2)
			},
			want: []string{`Championships!C2: championship "Overall" ranks every car by overall position (Class All), but round 1 has position 1 twice (Results!C2 and Results!C4) (type overall positions in Pos for every car, or run the championship per class (leave Class blank))`},
		},
		{
			name: "a Penalties Championship that does not exist",
			edit: func(b *book) {
				withChampionships(b, []any{"Drivers", "Driver"})
				b.sheet("Penalties").rows[0] = append(b.sheet("Penalties").rows[0], "Championship")
				b.add("Penalties", 1, 1, 5, nil, "contact", "A Teams")
			},
			want: []string{`Penalties!F2: championship "A Teams" does not exist (leave it blank to apply the penalty in every championship of the car, or write one of A Drivers, B Drivers)`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseBook()
			tt.edit(b)
			_, diags := readBook(t, b)
			got := diagLines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
