package sheets

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestValidation runs each check on a small workbook: the base season with
// one mistake, asserting every diagnostic exactly (place, severity, words).
func TestValidation(t *testing.T) {
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		// Sheets and headers.
		{
			name: "required sheet missing lists the sheets there are",
			edit: func(b *book) { b.remove("Drivers") },
			want: []string{`Drivers: required sheet Drivers is missing (the workbook has sheets "Season", "Calendar", "Points", "Entries", "Results", "Penalties"; add a sheet named Drivers (podium template writes a blank one))`},
		},
		{
			name: "required sheet with a near name",
			edit: func(b *book) { b.rename("Results", "Result") },
			want: []string{`Results: required sheet Results is missing (did you mean "Result"? rename it to Results)`},
		},
		{
			name: "sheet names match ignoring case, spaces, dots",
			edit: func(b *book) { b.rename("Results", " results. ") },
			want: nil,
		},
		{
			name: "optional sheet may be missing",
			edit: func(b *book) { b.remove("Penalties") },
			want: nil,
		},
		{
			name: "required column missing",
			edit: func(b *book) { b.set("Results", "B1", "Car") },
			want: []string{`Results!1:1: required column No. is missing from the header row (add a column headed No.)`},
		},
		{
			name: "required column mistyped",
			edit: func(b *book) { b.set("Entries", "C1", "Taem") },
			want: []string{`Entries!C1: required column Team is missing from the header row (is "Taem" meant to be Team? rename it)`},
		},
		{
			name: "same column twice, through an alias",
			edit: func(b *book) { b.set("Results", "G1", "Position") },
			want: []string{`Results!G1: column Pos appears twice: C1 and G1 (delete or rename one of them)`},
		},
		{
			name: "no header row at all",
			edit: func(b *book) { b.sheet("Points").rows = [][]any{{"x"}, {1, 25}} },
			want: []string{`Points: no header row found in the first 10 rows: expected a row with the columns Award, Points (put the column names in the first row: Award, Points)`},
		},
		{
			name: "header under a title, columns reordered, aliases",
			edit: func(b *book) {
				s := b.sheet("Results")
				for i := range s.rows[1:] {
					r := s.rows[i+1]
					for len(r) < 6 {
						r = append(r, nil)
					}
					// No. first, then Round.
					r[0], r[1] = r[1], r[0]
					s.rows[i+1] = r
				}
				s.rows[0] = []any{"Car No.", "Rnd", "Class Pos", "Status", "PP", "FL", "Remarks by clerk"}
				b.insertRows("Results", []any{"Season 2025 — classification"}, []any{})
			},
			want: nil,
		},
		{
			name: "mistyped optional header is reported, not silently ignored",
			edit: func(b *book) { b.set("Results", "D1", "Staus") },
			want: []string{
				`Results!D1: warning: column "Staus" is not one podium reads, so it is ignored (did you mean Status? Columns podium reads here: Round, No., Pos, Status, Pole, Fastest lap, Laps, Note, Droppable, Laps led, Fastest lap by)`,
				// Without its Status column, the retired car reads as classified.
				`Results!C9: car 3 is classified (blank status) but has no position (type the finishing position, or a Status (NC, Ret, DNS …) if the car was not classified)`,
			},
		},
		// Calendar.
		{
			name: "round not a whole number",
			edit: func(b *book) { b.set("Calendar", "A3", "2.5") },
			want: []string{
				`Calendar!A3: round "2.5" is not a positive whole number`,
				`Calendar!A4: the calendar jumps to round 3: round 2 is missing (number the rounds 1, 2, 3 … without gaps)`,
				`Entries!E5: round 2 is not in the calendar (the calendar has rounds 1, 3)`,
				`Results!A6: round 2 is not in the calendar (the calendar has rounds 1, 3)`,
				`Results!A7: round 2 is not in the calendar (the calendar has rounds 1, 3)`,
				`Results!A8: round 2 is not in the calendar (the calendar has rounds 1, 3)`,
				`Results!A9: round 2 is not in the calendar (the calendar has rounds 1, 3)`,
			},
		},
		{
			name: "duplicate round",
			edit: func(b *book) { b.add("Calendar", 3, "THR", "Again", "2025-06-01") },
			want: []string{`Calendar!A5: round 3 is listed twice (also at Calendar!A4) (number the rounds 1, 2, 3 … once each)`},
		},
		{
			name: "rounds with a gap",
			edit: func(b *book) { b.add("Calendar", 6, "SIX", "Six", "2025-09-01") },
			want: []string{`Calendar!A5: the calendar jumps to round 6: rounds 4–5 are missing (number the rounds 1, 2, 3 … without gaps)`},
		},
		{
			name: "bad date and date out of order",
			edit: func(b *book) {
				b.set("Calendar", "D2", "31/02/2025")
				b.set("Calendar", "D4", "24 March 2025")
			},
			want: []string{
				`Calendar!D2: date "31/02/2025" is not a date (type it as 2019-11-24 or 24 November 2019, or format the cell as a date)`,
				`Calendar!D4: warning: round 3 (24 March 2025) is dated before round 2 (1 April 2025) (check the date or the round numbers)`,
			},
		},
		{
			name: "ambiguous date",
			edit: func(b *book) { b.set("Calendar", "D2", "03/04/2025") },
			want: []string{`Calendar!D2: date "03/04/2025" is not an unambiguous date (day and month could be swapped; type it as 2019-11-24 or 24 November 2019)`},
		},
		{
			name: "factor zero or negative",
			edit: func(b *book) { b.set("Calendar", "E2", 0); b.set("Calendar", "E3", "-1") },
			want: []string{
				`Calendar!E2: points factor 0 must be more than 0 (use 1 for normal points, 2 for double, 0.5 for half)`,
				`Calendar!E3: points factor -1 must be more than 0 (use 1 for normal points, 2 for double, 0.5 for half)`,
			},
		},
		// Points.
		{
			name: "points: gap, negative, not a number, unknown class",
			edit: func(b *book) {
				b.set("Points", "A4", 4)
				b.set("Points", "B5", -1)
				b.set("Points", "B6", "one")
				b.add("Points", "Pole", 2, "GTE")
			},
			want: []string{
				`Points!A4: the points table jumps to position 4: position 3 has no points (list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0))`,
				`Points!B5: points -1 are negative (points awarded are 0 or more; deductions go in the Penalties sheet)`,
				`Points!B6: points "one" is not a number`,
				`Points!C7: class "GTE" is not the class or cup of any entry (classes in the Entries sheet: A, B)`,
			},
		},
		{
			name: "points: award not understood, duplicate award",
			edit: func(b *book) {
				b.add("Points", "1er", 30)
				b.add("Points", "P1", 30)
				b.add("Points", "Pole position", 3)
			},
			want: []string{
				`Points!A7: award "1er" is not an award (write a position (1, 2, 3 …), Other, Pole, Fastest lap, Start, Lap led or Most laps led)`,
				`Points!A8: points for position 1 (every class) are given twice (also at Points!A2) (keep one row per award and class)`,
				`Points!A9: points for Pole (every class) are given twice (also at Points!A6) (keep one row per award and class)`,
			},
		},
		// Entries.
		{
			name: "entries: blank and duplicate numbers, blank class",
			edit: func(b *book) {
				b.add("Entries", nil, "A", "Team Blank")
				b.add("Entries", "2", "A", "Team Copy")
				b.add("Entries", 5, nil, "Team Classless")
			},
			want: []string{
				`Entries!A6: car number is blank (fill it in, or delete the row)`,
				`Entries!A7: car 2 is entered twice (also at Entries!A3) (each car has one row; give each car its own number)`,
				`Entries!B8: class is blank (fill it in, or delete the row)`,
			},
		},
		{
			name: "entries: rounds that do not parse or are outside the calendar, bad Scores",
			edit: func(b *book) {
				b.set("Entries", "E2", "1 to 3")
				b.set("Entries", "E3", "1-5")
				b.set("Entries", "F5", "maybe")
			},
			want: []string{
				`Entries!E2: rounds "1 to 3" is not a list of rounds (write round numbers such as "1–2, 4" or "All")`,
				`Entries!E3: rounds 4–5 are not in the calendar (the calendar has rounds 1–3)`,
				`Entries!F5: scores "maybe" is not Y, N or blank (N marks an invited entry that scores no points)`,
			},
		},
		{
			name: "one class written two ways",
			edit: func(b *book) { b.set("Entries", "B3", "a "); b.set("Entries", "D3", "b") },
			want: []string{
				`Entries!B3: warning: class "a" is written "A" at Entries!B2; podium reads both as A (write it the same way everywhere)`,
				`Entries!D3: warning: class "b" is written "B" at Entries!B4; podium reads both as B (write it the same way everywhere)`,
			},
		},
		// Drivers.
		{
			name: "driver of a car that is not entered",
			edit: func(b *book) { b.add("Drivers", 9, "Nina Nine") },
			want: []string{`Drivers!A6: car 9 is not in the Entries sheet (add it to the Entries sheet, or correct the number)`},
		},
		{
			name: "driver in two cars in the same round",
			edit: func(b *book) { b.add("Drivers", 3, "Alice Adams", "2-3") },
			want: []string{`Drivers!C6: warning: Alice Adams drives car 3 and car 1 (Drivers!B2) in rounds 2–3 (the driver scores from each car; if they drove only one, correct the Rounds of the other row)`},
		},
		{
			name: "driver changing cars between rounds is fine",
			edit: func(b *book) {
				b.set("Drivers", "C2", "1-2")
				b.add("Drivers", 1, "Erik Evans", "3")
				b.add("Drivers", 3, "Alice Adams", "3")
			},
			want: nil,
		},
		{
			name: "driver rounds the car is not entered for, ineligible rounds not driven",
			edit: func(b *book) {
				b.set("Drivers", "C5", "2-3")
				b.set("Drivers", "D2", "3")
				b.set("Drivers", "C2", "1-2")
			},
			want: []string{
				`Drivers!D2: Alice Adams is ineligible in round 3, which the Rounds column says they did not drive (Ineligible lists rounds the driver drove but scores nothing in)`,
				`Drivers!C5: David Dunn drove car 4 in round 3, but the car is not entered for it (car 4 is entered for rounds 1–2 (Entries!E5))`,
				`Results!B5: warning: car 4 has a result in round 1 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)`,
				`Results!B10: warning: car 1 has a result in round 3 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)`,
			},
		},
		{
			name: "near-duplicate driver names: accents and one typo",
			edit: func(b *book) {
				b.add("Drivers", 1, "Sébastien Page", "1")
				b.add("Drivers", 2, "Sebastien Page", "2")
				b.add("Drivers", 3, "Eric Trouillet", "1")
				b.add("Drivers", 4, "Eric Trouilllet", "2")
			},
			want: []string{
				`Drivers!B7: warning: "Sebastien Page" looks like "Sébastien Page" at Drivers!B6 (they differ only in accents, capitals or spaces) (if they are the same person, spell the name the same way in both cells)`,
				`Drivers!B9: warning: "Eric Trouilllet" looks like "Eric Trouillet" at Drivers!B8 (one letter differs) (if they are the same person, spell the name the same way in both cells)`,
			},
		},
		{
			// Entry lists numbered by car ("Driver 12-1 Name") name
			// different people: a digit more, less or other is not a
			// typo. A letter typo in such a name still is, once.
			name: "near-duplicate driver names: names that differ only in digits are different people",
			edit: func(b *book) {
				for _, row := range [][]any{
					{1, "Driver 12-1 Name", "1"}, {1, "Driver 13-1 Name", "2"}, {2, "Driver 2-1 Name", "1"},
					{2, "Driver 12-2 Name", "2"}, {3, "Driver 112-1 Name", "1"}, {3, "Driver 21-1 Name", "2"},
					{4, "Driver 1-21 Name", "1"}, {4, "Driver 12-1 Nmae", "2"}, {4, "Driver 12-1 Nam", "1"},
					{4, "DRIVER 12-1 NAMÉ", "2"},
				} {
					b.add("Drivers", row...)
				}
			},
			want: []string{
				`Drivers!B13: warning: "Driver 12-1 Nmae" looks like "Driver 12-1 Name" at Drivers!B6 (one letter differs) (if they are the same person, spell the name the same way in both cells)`,
				`Drivers!B14: warning: "Driver 12-1 Nam" looks like "Driver 12-1 Name" at Drivers!B6 (one letter differs) (if they are the same person, spell the name the same way in both cells)`,
				`Drivers!B15: warning: "DRIVER 12-1 NAMÉ" looks like "Driver 12-1 Name" at Drivers!B6 (they differ only in accents, capitals or spaces) (if they are the same person, spell the name the same way in both cells)`,
			},
		},
		{
			name: "same driver listed twice for one car",
			edit: func(b *book) { b.add("Drivers", 1, "alice  adams", "3") },
			want: []string{
				`Drivers!B6: alice adams is listed twice for car 1 (also at Drivers!B2) (keep one row per driver per car and list all their rounds in it)`,
				`Drivers!B6: warning: "alice adams" looks like "Alice Adams" at Drivers!B2 (they differ only in accents, capitals or spaces) (if they are the same person, spell the name the same way in both cells)`,
			},
		},
		// Results.
		{
			name: "unknown status with a suggestion",
			edit: func(b *book) { b.set("Results", "D9", "Retd") },
			want: []string{`Results!D9: status "Retd" is not a status code (did you mean Ret?)`},
		},
		{
			name: "status aliases are accepted",
			edit: func(b *book) {
				b.set("Results", "D9", "dnf")
				b.set("Results", "D8", "DQ")
				b.set("Results", "C8", nil)
			},
			want: nil,
		},
		{
			name: "position not a positive whole number",
			edit: func(b *book) {
				b.set("Results", "C2", 0)
				b.set("Results", "C3", "second")
				b.set("Results", "C4", 2.5)
				b.set("Results", "C5", "Ret")
			},
			want: []string{
				`Results!C2: position "0" is not a positive whole number`,
				`Results!C3: position "second" is not a positive whole number`,
				`Results!C4: position "2.5" is not a positive whole number`,
				`Results!C5: position "Ret" is not a positive whole number (a status goes in the Status column: type Ret there and leave the position blank)`,
			},
		},
		{
			name: "positions typed as ordinals",
			edit: func(b *book) {
				b.set("Results", "C2", "1st")
				b.set("Results", "C3", "P2")
				b.set("Results", "C4", "3rd")
				b.set("Results", "C5", "4.")
			},
			want: nil,
		},
		{
			name: "classified car without position",
			edit: func(b *book) { b.set("Results", "C12", nil) },
			want: []string{`Results!C12: car 3 is classified (blank status) but has no position (type the finishing position, or a Status (NC, Ret, DNS …) if the car was not classified)`},
		},
		{
			name: "two cars of one class share a position",
			edit: func(b *book) { b.set("Results", "C3", 1) },
			want: []string{
				`Results!C3: cars 2 and 1 (Results!C2) are both position 1 in A in round 1 (two cars cannot share a position; correct one of them)`,
				// Positions are overall here (no two classes share one).
				`Results!C4: warning: positions in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)`,
			},
		},
		{
			name: "class positions: a gap in one class",
			edit: func(b *book) { b.set("Results", "C4", 1); b.set("Results", "C5", 3) },
			want: []string{`Results!C5: warning: positions in B in round 1 jump to 3: no car is position 2 (check for a missing car or a mistyped position)`},
		},
		{
			name: "overall positions: a gap in the round",
			edit: func(b *book) { b.set("Results", "C5", 6) },
			want: []string{`Results!C5: warning: positions in round 1 jump to 6: no car has positions 4–5 (check for a missing car or a mistyped position)`},
		},
		{
			name: "same car twice in one round",
			edit: func(b *book) { b.add("Results", 3, 2, 4) },
			want: []string{`Results!B13: car 2 has two results in round 3 (also at Results!B11) (keep one row per car per round)`},
		},
		{
			name: "two poles in one class and round",
			edit: func(b *book) { b.set("Results", "E3", "x") },
			want: []string{`Results!E3: two poles in A in round 1: car 2 and car 1 (Results!E2) (one car per class takes pole; remove the other mark)`},
		},
		{
			name: "result for a car not entered, and for a round it is not entered for",
			edit: func(b *book) { b.add("Results", 3, 8, 4); b.add("Results", 3, 4, 5) },
			want: []string{
				`Results!B13: car 8 is not in the Entries sheet (add it to the Entries sheet, or correct the number)`,
				`Results!B14: car 4 has a result in round 3 but is entered only for rounds 1–2 (add round 3 to the car's Rounds at Entries!E5, or delete this result)`,
			},
		},
		{
			name: "result in a round not in the calendar",
			edit: func(b *book) { b.add("Results", 4, 1, 1) },
			want: []string{`Results!A13: round 4 is not in the calendar (the calendar has rounds 1–3)`},
		},
		{
			name: "car with a result but no driver for that round",
			edit: func(b *book) { b.set("Drivers", "C4", "1-2") },
			want: []string{`Results!B12: warning: car 3 has a result in round 3 but no driver for that round (add the car's drivers for this round to the Drivers sheet, or correct their Rounds)`},
		},
		{
			name: "bad yes cell",
			edit: func(b *book) { b.set("Results", "F2", "fastest") },
			want: []string{`Results!F2: fastest lap "fastest" is not a classification car 1 scores in (type Y for its class, or the name of its cup (A))`},
		},
		{
			name: "pole in a cup only, in class and cup, and two cup poles",
			edit: func(b *book) {
				b.set("Entries", "D2", "Am Cup")
				b.set("Entries", "D3", "am cup")
				b.set("Results", "E2", "am cup")    // car 1: cup pole only
				b.set("Results", "E3", "Y, Am Cup") // car 2: class and cup pole
				b.set("Results", "E7", "GT")        // car 1, round 2: not its classification
			},
			want: []string{
				`Entries!D3: warning: class "am cup" is written "Am Cup" at Entries!D2; podium reads both as Am Cup (write it the same way everywhere)`,
				`Results!E3: two poles in Am Cup in round 1: car 2 and car 1 (Results!E2) (one car per class takes pole; remove the other mark)`,
				`Results!E7: pole "GT" is not a classification car 1 scores in (type Y for its class, or the name of its cup (A or Am Cup))`,
			},
		},
		// Penalties.
		{
			name: "penalty for a driver not in the car",
			edit: func(b *book) {
				b.add("Penalties", 2, 1, 5, "Alice Adam", "Collision")
				b.add("Penalties", 2, 2, 0)
			},
			want: []string{
				`Penalties!D2: Alice Adam is not a driver of car 1 (did you mean Alice Adams?)`,
				`Penalties!C3: a penalty of 0 points deducts nothing (type the points deducted, e.g. 5)`,
			},
		},
		// Season.
		{
			name: "season settings: unknown name, bad values",
			edit: func(b *book) {
				b.add("Season", "Best reslts", 3)
				b.set("Season", "B4", "Draft")
				b.add("Season", "Tie-break", "none")
			},
			want: []string{
				`Season!B4: status "Draft" is not Provisional or Final (choose Provisional or Final)`,
				`Season!A6: warning: setting "Best reslts" is not one podium reads, so it is ignored (did you mean Best results?)`,
				`Season!A7: setting Tie-break is given twice (rows 5 and 7) (delete one of the rows)`,
			},
		},
		// Cells typed the way people type.
		{
			name: "numbers as text, trailing and non-breaking spaces, #-prefixed car numbers",
			edit: func(b *book) {
				b.set("Results", "A2", "1.0")
				b.set("Results", "B2", " 1\u00a0")
				b.set("Results", "C2", "1 ")
				b.set("Drivers", "A2", "#1")
				b.set("Entries", "C2", "Team\u00a0One ")
			},
			want: nil,
		},
		{
			name: "cell showing a spreadsheet error",
			edit: func(b *book) { b.set("Results", "C2", "#N/A") },
			want: []string{`Results!C2: position "#N/A" is not a positive whole number (the cell shows a spreadsheet error; fix the formula or type the value)`},
		},
		{
			name: "formula without a saved value",
			edit: func(b *book) {
				b.set("Results", "C2", nil)
				b.edit(func(f *excelize.File) error { return f.SetCellFormula("Results", "C2", "1+0") })
			},
			want: []string{`Results!C2: the formula =1+0 has no saved result (open the workbook in Excel or LibreOffice and save it, so the result is stored, or type the value)`},
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

// TestMergedCarNumber: officials merge a car-number cell over its drivers'
// rows; every row of the range takes the value.
func TestMergedCarNumber(t *testing.T) {
	b := baseBook()
	b.sheet("Drivers").rows = [][]any{
		{"No.", "Driver"},
		{1, "Alice Adams"},
		{nil, "Ann Arbor"},
		{nil, "Amy Ash"},
		{2, "Bruno Brown"},
		{3, "Carla Chen"},
		{4, "David Dunn"},
	}
	b.edit(func(f *excelize.File) error { return f.MergeCell("Drivers", "A2", "A4") })
	season, diags := readBook(t, b)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %s", strings.Join(diagLines(diags), "\n"))
	}
	var got []string
	for _, d := range season.Drivers {
		got = append(got, d.No+" "+d.Name)
	}
	want := "1 Alice Adams|1 Ann Arbor|1 Amy Ash|2 Bruno Brown|3 Carla Chen|4 David Dunn"
	if strings.Join(got, "|") != want {
		t.Errorf("drivers = %s, want %s", strings.Join(got, "|"), want)
	}
}
