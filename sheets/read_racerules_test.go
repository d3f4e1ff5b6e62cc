package sheets

import (
	"reflect"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestReadRaceRules: the race rules of contract v2 (Calendar Scheme,
// Meeting and Countback; Points Requires and the awards Start, Lap led and
// Most laps led; Results Laps led and Fastest lap by; the Season's Shared
// drives, Disqualified places and Invited places) are read into the
// season, every spelling the contract names.
func TestReadRaceRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want func(s *scoring.Season) any
		val  any
	}{
		{
			name: "a v1 workbook has none of them",
			edit: func(b *book) {},
			want: func(s *scoring.Season) any {
				var out []any
				for _, r := range s.Rounds {
					out = append(out, r.Scheme, r.Meeting, r.NoCountback)
				}
				for _, a := range s.Points {
					out = append(out, a.Requires)
				}
				for _, r := range s.Results[:2] {
					out = append(out, r.LapsLed, r.FastestLapBy, r.FastestLapByKey)
				}
				return append(out, s.SharedDrives, s.DisqualifiedVacant, s.InvitedVacant)
			},
			val: []any{"", "", false, "", "", false, "", "", false,
				scoring.Requirement{}, scoring.Requirement{}, scoring.Requirement{}, scoring.Requirement{}, scoring.Requirement{},
				0, "", "", 0, "", "",
				scoring.SharedFull, false, false},
		},
		{
			name: "Calendar Scheme, Meeting and Countback",
			edit: func(b *book) {
				b.add("Points", 1, 3)
				b.add("Points", 2, 2)
				withColumn(b, "Points", "Scheme", map[int]any{7: "Sprint", 8: "Sprint"})
				withColumn(b, "Calendar", "Scheme", map[int]any{2: "Sprint"})
				withColumn(b, "Calendar", "Meeting", map[int]any{2: "Silverstone", 3: "Silverstone", 4: "Spa"})
				withColumn(b, "Calendar", "Countback", map[int]any{2: "n", 3: "Y"})
			},
			want: func(s *scoring.Season) any {
				var out []any
				for _, r := range s.Rounds {
					out = append(out, r.Scheme, r.Meeting, r.NoCountback)
				}
				return out
			},
			val: []any{"Sprint", "Silverstone", true, "", "Silverstone", false, "", "Spa", false},
		},
		{
			name: "Calendar Event stays the race's name, not its meeting",
			edit: func(b *book) { b.set("Calendar", "C1", "Event") },
			want: func(s *scoring.Season) any { return []string{s.Rounds[0].Name, s.Rounds[0].Meeting} },
			val:  []string{"Race One", ""},
		},
		{
			name: "Points Requires and the new awards",
			edit: func(b *book) {
				b.add("Points", "Fastest lap", 1)
				b.add("Points", "start", 2)
				b.add("Points", "Laps led", 1)
				b.add("Points", "MOST LAPS LED", 2)
				b.add("Points", "Most  laps led", 1, "A")
				withColumn(b, "Points", "Requires", map[int]any{6: "any", 7: "Top 10", 9: "started", 10: " classified "})
			},
			want: func(s *scoring.Season) any {
				var out []string
				for _, a := range s.Points[4:] {
					out = append(out, a.Kind.String()+":"+a.Requires.String()+":"+a.Class)
				}
				return out
			},
			val: []string{"Pole:any:", "Fastest lap:top 10:", "Start::", "Lap led:started:", "Most laps led:classified:", "Most laps led::A"},
		},
		{
			name: "Results Laps led and Fastest lap by",
			edit: func(b *book) {
				withColumn(b, "Results", "Laps led", map[int]any{2: 40, 3: "0", 4: "12"})
				withColumn(b, "Results", "Fastest lap by", map[int]any{4: "  Carla   CHEN "})
			},
			want: func(s *scoring.Season) any {
				var out []any
				for _, r := range s.Results[:4] {
					out = append(out, r.LapsLed, r.FastestLapBy, r.FastestLapByKey)
				}
				return out
			},
			val: []any{40, "", "", 0, "", "", 12, "Carla CHEN", "carla chen", 0, "", ""},
		},
		{
			name: "aliases: LL, FL driver, Condition, Weekend, Points scheme",
			edit: func(b *book) {
				b.add("Points", 1, 3)
				withColumn(b, "Points", "Points scheme", map[int]any{7: "Heat"})
				withColumn(b, "Results", "LL", map[int]any{2: 3})
				withColumn(b, "Results", "FL driver", map[int]any{2: "Alice Adams"})
				withColumn(b, "Points", "Condition", map[int]any{6: "started"})
				withColumn(b, "Calendar", "Weekend", map[int]any{2: "Monza"})
				withColumn(b, "Calendar", "Scale", map[int]any{2: "Heat"})
			},
			want: func(s *scoring.Season) any {
				return []any{s.Results[0].LapsLed, s.Results[0].FastestLapBy, s.Points[4].Requires.String(), s.Rounds[0].Meeting, s.Rounds[0].Scheme}
			},
			val: []any{3, "Alice Adams", "started", "Monza", "Heat"},
		},
		{
			name: "Season Shared drives, Disqualified places, Invited places",
			edit: func(b *book) {
				b.add("Season", "Shared drives", "Split")
				b.add("Season", "disqualified places", " VACANT")
				b.add("Season", "Invited places", "vacant")
			},
			want: func(s *scoring.Season) any { return []any{s.SharedDrives, s.DisqualifiedVacant, s.InvitedVacant} },
			val:  []any{scoring.SharedSplit, true, true},
		},
		{
			name: "Season race rules at their defaults, and none",
			edit: func(b *book) {
				b.add("Season", "Shared drives", "none")
				b.add("Season", "Disqualified places", "promoted")
				b.add("Season", "Invited places", "removed")
			},
			want: func(s *scoring.Season) any { return []any{s.SharedDrives, s.DisqualifiedVacant, s.InvitedVacant} },
			val:  []any{scoring.SharedNone, false, false},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseBook()
			tt.edit(b)
			s, diags := readBook(t, b)
			for _, d := range diags {
				// A scheme no race pays is scoring's warning, not the reader's.
				if d.Severity == scoring.Error {
					t.Errorf("diagnostic: %s", d)
				}
			}
			if got := tt.want(s); !reflect.DeepEqual(got, tt.val) {
				t.Errorf("read\n got %#v\nwant %#v", got, tt.val)
			}
		})
	}
}

// TestRaceRulesValidation: each unreadable cell of the race rules is
// reported at its sheet and cell, with what was found, what is expected
// and how to fix it; the rest of the row is still read.
func TestRaceRulesValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		{
			name: "Countback not Y or N",
			edit: func(b *book) { withColumn(b, "Calendar", "Countback", map[int]any{3: "sprint"}) },
			want: []string{`Calendar!F3: countback "sprint" is not Y, N or blank (N marks a race whose results break no ties (e.g. a sprint); leave it blank otherwise)`},
		},
		{
			name: "Requires that does not parse",
			edit: func(b *book) {
				withColumn(b, "Points", "Requires", map[int]any{6: "top ten", 5: "finished"})
			},
			want: []string{
				`Points!D5: requires "finished" is not classified, started, any or top N (write classified, started, any or top N (e.g. top 10), or leave it blank for the award's default)`,
				`Points!D6: requires "top ten": top needs a whole number of at least 1, e.g. top 10 (write classified, started, any or top N (e.g. top 10), or leave it blank for the award's default)`,
			},
		},
		{
			name: "an award that is not one",
			edit: func(b *book) { b.add("Points", "Laps lead most", 1) },
			want: []string{`Points!A7: award "Laps lead most" is not an award (write a position (1, 2, 3 …), Other, Pole, Fastest lap, Start, Lap led or Most laps led)`},
		},
		{
			name: "Laps led not a whole number of 0 or more",
			edit: func(b *book) {
				withColumn(b, "Results", "Laps led", map[int]any{2: "all", 3: -2, 4: 2.5, 5: "#N/A"})
			},
			want: []string{
				`Results!G2: laps led "all" is not a whole number`,
				`Results!G3: laps led "-2" is not 0 or more`,
				`Results!G4: laps led "2.5" is not a whole number`,
				`Results!G5: laps led "#N/A" is not a whole number (the cell shows a spreadsheet error; fix the formula or type the value)`,
			},
		},
		{
			name: "Season race rules not one of their values",
			edit: func(b *book) {
				b.add("Season", "Shared drives", "splitt")
				b.add("Season", "Disqualified", "moved up")
				b.add("Season", "Invited places", "vacated")
			},
			want: []string{
				`Season!B6: setting Shared drives: "splitt" is not full, split or none (did you mean split?)`,
				`Season!B7: setting Disqualified (Disqualified places): "moved up" is not promoted or vacant (write one of "promoted", "vacant")`,
				`Season!B8: setting Invited places: "vacated" is not removed or vacant (did you mean vacant?)`,
			},
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
