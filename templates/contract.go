// Package templates defines podium's workbook contract — the sheets, columns,
// header aliases and help texts of a season workbook — in plain Go, without
// excelize, so that any package can use it.
//
// The same definition drives the template generator (package
// templates/workbook) and the reader in package sheets, so the two can never
// disagree.
package templates

import (
	"slices"
	"strings"
	"unicode"

	"github.com/podium-dev/podium/scoring"
)

// Version names version 1 of the workbook contract (V1); V2 is version 2.
const Version = "1"

// Sheet names of the contract.
const (
	SheetInstructions = "Instructions"
	SheetSeason       = "Season"
	SheetCalendar     = "Calendar"
	SheetPoints       = "Points"
	SheetEntries      = "Entries"
	SheetDrivers      = "Drivers"
	SheetResults      = "Results"
	SheetPenalties    = "Penalties"
	// SheetLists holds the lists behind the template's drop-downs (classes,
	// status codes). It is not read.
	SheetLists = "Lists"
)

// Canonical column names. A record's Origin maps these names to columns;
// those the checks of a season name cells by are scoring's.
const (
	ColField      = "Field"
	ColValue      = "Value"
	ColRound      = scoring.ColRound
	ColCode       = "Code"
	ColRace       = "Race"
	ColCircuit    = "Circuit"
	ColCountry    = "Country"
	ColDate       = scoring.ColDate
	ColFactor     = "Factor"
	ColAward      = scoring.ColAward
	ColPoints     = "Points"
	ColClass      = scoring.ColClass
	ColNo         = scoring.ColNo
	ColTeam       = "Team"
	ColCup        = scoring.ColCup
	ColNat        = "Nat"
	ColCar        = "Car"
	ColRounds     = scoring.ColRounds
	ColScores     = "Scores"
	ColDriver     = scoring.ColDriver
	ColIneligible = scoring.ColIneligible
	ColRating     = "Rating"
	ColPos        = scoring.ColPos
	ColStatus     = "Status"
	ColPole       = scoring.ColPole
	ColFastestLap = scoring.ColFastestLap
	ColLaps       = "Laps"
	ColNote       = "Note"
	ColReason     = "Reason"
)

// Fields of the Season sheet (its Field column).
const (
	FieldSeries      = "Series"
	FieldSeason      = "Season"
	FieldStatus      = "Status"
	FieldBestResults = "Best results"
	FieldThreshold   = "Classification threshold"
	FieldTieBreak    = "Tie-break"
	FieldPaper       = "Paper size"
)

// Kind is the type of value a column holds; it decides how a cell is read
// and which drop-down the template offers.
type Kind int

// Column kinds.
const (
	Text        Kind = iota + 1
	Integer          // a whole number: "26", 26, "26.0"
	Number           // any number: 0.5, "45,5" is not accepted
	Date             // a date cell, an ISO date or "24 November 2019"
	RoundList        // "All", "1–2, 4"
	Yes              // Y, Yes, X, 1, TRUE; blank = no
	StatusCode       // NC, Ret, DNS, DSQ, WD, DNQ, EX; blank = classified
	CarNumber        // a car number from Entries
	ClassName        // a class from the Lists sheet
	AwardName        // 1, 2, …, Other, Pole, Fastest lap
	RoundNumber      // a round of the Calendar
)

// Column is one column of a contract sheet.
type Column struct {
	// Name is the canonical header, written by the template.
	Name string
	// Aliases are other headers accepted for this column.
	Aliases  []string
	Required bool
	Kind     Kind
	// Width is the column width in the template, in characters.
	Width float64
	// Help explains the column; the template shows it as the input message
	// of the header and of the column's cells.
	Help string
	// Choices, when set, are the values its drop-down offers.
	Choices []string
}

// Field is one row of the Season sheet.
type Field struct {
	Name    string
	Aliases []string
	Help    string
	// Default is the value the template pre-fills.
	Default string
	// Choices, when set, are the values offered in a drop-down.
	Choices []string
}

// Sheet is one sheet of the contract.
type Sheet struct {
	Name string
	// Required sheets must be present; optional ones may be left out.
	Required bool
	// Purpose says in a sentence what the sheet is for.
	Purpose string
	Columns []Column
	// Rows is the number of rows the template prepares with drop-downs.
	Rows int
}

// Contract is the set of sheets a season workbook holds.
type Contract struct {
	// Version is the contract's version: "1" or "2".
	Version string
	Sheets  []Sheet
	// Fields are the rows of the Season sheet.
	Fields []Field
}

// HeaderSearchRows is how many rows from the top of a sheet are searched for
// the header row, so that a title above the table is fine.
const HeaderSearchRows = 10

// RoundsSyntax explains how to write a Rounds cell.
const RoundsSyntax = `Rounds cells list round numbers: "All" (or blank) for every round, single rounds separated by commas ("1, 3"), and runs with a hyphen or dash ("2-4" or "2–4"), mixed freely ("1–2, 4").`

// YesSyntax explains how to tick a yes/no cell.
const YesSyntax = `Yes/no cells: type Y (also Yes, X, 1 or TRUE); leave blank for no. Pole and Fastest lap: Y counts in the car's class; to count in its cup instead, type the cup's name (GT Am), or both: Y, GT Am.`

// V1 returns version 1 of the workbook contract.
func V1() Contract {
	return Contract{
		Version: Version,
		Fields: []Field{
			{Name: FieldSeries, Help: "Name of the championship, e.g. Asian Le Mans Series."},
			{Name: FieldSeason, Aliases: []string{"Year"}, Help: "Season name, e.g. 2019–20."},
			{Name: FieldStatus, Default: "Provisional", Choices: []string{"Provisional", "Final"}, Help: "Provisional until the results are final; printed on every standings page."},
			{Name: FieldBestResults, Aliases: []string{"Best results count", "Best", "Results counting"}, Help: "Number of best round results that count for each competitor. Leave blank when all results count."},
			{Name: FieldThreshold, Aliases: []string{"Threshold", "Classification"}, Default: "70%", Help: "Share of the winner's laps a car must complete to be classified, e.g. 70%."},
			{Name: FieldTieBreak, Aliases: []string{"Tiebreak", "Tie break", "Tie-breaker", "Tiebreaker"}, Default: "countback", Choices: []string{"countback", "none"}, Help: "countback: equal points are split by more wins, then more 2nd places, and so on. none: equal points share the position."},
			{Name: FieldPaper, Aliases: []string{"Paper", "Page size"}, Default: "A4", Choices: []string{"A4", "Letter"}, Help: "The paper the standings sheets print on: A4 (the default) or Letter."},
		},
		Sheets: []Sheet{
			{
				Name: SheetSeason, Required: true, Rows: 7,
				Purpose: "The championship's name, season and rules: one row per setting.",
				Columns: []Column{
					{Name: ColField, Required: true, Kind: Text, Width: 26, Help: "The setting's name. Keep the names given."},
					{Name: ColValue, Required: true, Kind: Text, Width: 30, Help: "The setting's value."},
				},
			},
			{
				Name: SheetCalendar, Required: true, Rows: 30,
				Purpose: "The rounds of the season, one row per round, numbered 1, 2, 3 … without gaps.",
				Columns: []Column{
					{Name: ColRound, Aliases: []string{"Rnd", "Round No", "Rd"}, Required: true, Kind: Integer, Width: 8, Help: "Round number: 1, 2, 3 … without gaps."},
					{Name: ColCode, Kind: Text, Width: 8, Help: "Short code shown above the round's column in the standings, e.g. SHA."},
					{Name: ColRace, Aliases: []string{"Event", "Name"}, Kind: Text, Width: 26, Help: "Name of the race, e.g. 4 Hours of Shanghai."},
					{Name: ColCircuit, Aliases: []string{"Track", "Venue"}, Kind: Text, Width: 30, Help: "Circuit."},
					{Name: ColCountry, Kind: Text, Width: 10, Help: "Country, as a code (CHN) or name."},
					{Name: ColDate, Kind: Date, Width: 14, Help: "Race day: a date, or text such as 2019-11-24 or 24 November 2019."},
					{Name: ColFactor, Aliases: []string{"Points factor", "Multiplier", "Coefficient"}, Kind: Number, Width: 8, Help: "Points multiplier: blank or 1 normally, 2 for double points, 0.5 for half points."},
				},
			},
			{
				Name: SheetPoints, Required: true, Rows: 40,
				Purpose: "The points scheme: points for each finishing position, for other classified finishers, pole position and fastest lap.",
				Columns: []Column{
					{Name: ColAward, Aliases: []string{"Position", "For"}, Required: true, Kind: AwardName, Width: 14, Help: "1, 2, 3 … (1st and P1 are accepted) for finishing positions; Other for every classified finisher beyond the table; Pole; Fastest lap."},
					{Name: ColPoints, Aliases: []string{"Pts"}, Required: true, Kind: Number, Width: 8, Help: "Points awarded, e.g. 25 or 0.5."},
					{Name: ColClass, Kind: ClassName, Width: 12, Help: "Class the line applies to; blank for every class. A class's own lines replace the blank-class lines of the same kind (its own position table, Other, Pole or Fastest lap)."},
				},
			},
			{
				Name: SheetEntries, Required: true, Rows: 200,
				Purpose: "The entry list: one row per car.",
				Columns: []Column{
					{Name: ColNo, Aliases: []string{"No", "#", "Car No", "Car Number", "Number", "Nr"}, Required: true, Kind: Text, Width: 7, Help: "Car number, unique in the entry list."},
					{Name: ColClass, Required: true, Kind: ClassName, Width: 10, Help: "Class the car scores in (choose from the Lists sheet)."},
					{Name: ColTeam, Aliases: []string{"Entrant", "Team name"}, Required: true, Kind: Text, Width: 30, Help: "Team (entrant) name as it should appear in the standings."},
					{Name: ColCup, Aliases: []string{"Trophy"}, Kind: ClassName, Width: 10, Help: "Optional extra classification the car also scores in, e.g. LMP2 Am."},
					{Name: ColNat, Aliases: []string{"Nationality", "Country"}, Kind: Text, Width: 6, Help: "Team nationality, e.g. GBR."},
					{Name: ColCar, Aliases: []string{"Chassis", "Model", "Vehicle"}, Kind: Text, Width: 28, Help: "Car model, e.g. Oreca 07."},
					{Name: ColRounds, Kind: RoundList, Width: 10, Help: "Rounds the car is entered for: blank or All for every round, or e.g. 1–2, 4."},
					{Name: ColScores, Aliases: []string{"Scoring", "Points scoring"}, Kind: Yes, Choices: []string{"N"}, Width: 8, Help: "Type N for an invited entry: classified, but it scores no points and takes none from others. Blank = scores."},
				},
			},
			{
				Name: SheetDrivers, Required: true, Rows: 600,
				Purpose: "The drivers: one row per driver per car (a driver of two cars has two rows).",
				Columns: []Column{
					{Name: ColNo, Aliases: []string{"No", "#", "Car No", "Car Number", "Number", "Nr"}, Required: true, Kind: CarNumber, Width: 7, Help: "Number of the car the driver drove (from Entries)."},
					{Name: ColDriver, Aliases: []string{"Name", "Driver name"}, Required: true, Kind: Text, Width: 28, Help: "Driver's name, spelt the same way on every row."},
					{Name: ColNat, Aliases: []string{"Nationality", "Country"}, Kind: Text, Width: 6, Help: "Driver nationality, e.g. GBR."},
					{Name: ColRounds, Kind: RoundList, Width: 10, Help: "Rounds the driver drove this car: blank or All for every round the car entered, or e.g. 1, 3–4."},
					{Name: ColIneligible, Aliases: []string{"Not eligible", "No points"}, Kind: RoundList, Width: 11, Help: "Rounds the driver drove but scores nothing in (minimum driving time not met), e.g. 2. Blank = none."},
					{Name: ColRating, Aliases: []string{"FIA rating", "Grade"}, Kind: Text, Width: 8, Help: "FIA driver rating (Platinum, Gold, Silver, Bronze); for information."},
				},
			},
			{
				Name: SheetResults, Required: true, Rows: 2000,
				Purpose: "Each round's classification: one row per car per round.",
				Columns: []Column{
					{Name: ColRound, Aliases: []string{"Rnd", "Round No", "Rd"}, Required: true, Kind: RoundNumber, Width: 8, Help: "Round number (from the Calendar)."},
					{Name: ColNo, Aliases: []string{"No", "#", "Car No", "Car Number", "Number", "Nr"}, Required: true, Kind: CarNumber, Width: 7, Help: "Car number (from Entries)."},
					{Name: ColPos, Aliases: []string{"Position", "Class Pos", "Class Position", "PIC", "Pos in class", "Finish"}, Kind: Integer, Width: 7, Help: "Finishing position, overall or in class (only the order within a class counts). Required for a classified car."},
					{Name: ColStatus, Aliases: []string{"Result status", "State"}, Kind: StatusCode, Width: 8, Help: "Blank when classified; otherwise NC, Ret (DNF), DNS, DSQ (DQ), WD, DNQ or EX."},
					{Name: ColPole, Aliases: []string{"Pole position", "PP"}, Kind: Yes, Width: 6, Help: "Y for the pole position of the car's class. A pole in its cup only: type the cup's name (GT Am); in both: Y, GT Am."},
					{Name: ColFastestLap, Aliases: []string{"FL", "Fastest", "Fastest lap (class)", "Best lap"}, Kind: Yes, Width: 11, Help: "Y for the fastest lap of the car's class. In its cup only: type the cup's name; in both: Y, GT Am."},
					{Name: ColLaps, Aliases: []string{"Laps completed"}, Kind: Integer, Width: 7, Help: "Laps completed; optional."},
					{Name: ColNote, Aliases: []string{"Notes", "Comment", "Remarks"}, Kind: Text, Width: 30, Help: "Free text; not used for scoring."},
				},
			},
			{
				Name: SheetPenalties, Required: false, Rows: 100,
				Purpose: "Points deducted by the stewards.",
				Columns: []Column{
					{Name: ColRound, Aliases: []string{"Rnd", "Round No", "Rd"}, Required: true, Kind: RoundNumber, Width: 8, Help: "Round the penalty is applied in."},
					{Name: ColNo, Aliases: []string{"No", "#", "Car No", "Car Number", "Number", "Nr"}, Required: true, Kind: CarNumber, Width: 7, Help: "Car number (from Entries)."},
					{Name: ColPoints, Aliases: []string{"Pts", "Points deducted", "Deduction"}, Required: true, Kind: Number, Width: 8, Help: "Points deducted, e.g. 5."},
					{Name: ColDriver, Aliases: []string{"Name"}, Kind: Text, Width: 28, Help: "Driver penalised; blank for the car and all its drivers."},
					{Name: ColReason, Aliases: []string{"Decision", "Document", "Infringement"}, Kind: Text, Width: 40, Help: "Reason or stewards' decision number."},
				},
			},
		},
	}
}

// Sheet returns the contract sheet whose name matches name (see Normalize).
func (c Contract) Sheet(name string) (Sheet, bool) {
	key := Normalize(name)
	for _, s := range c.Sheets {
		if Normalize(s.Name) == key {
			return s, true
		}
	}
	return Sheet{}, false
}

// SheetNames returns the names of the contract's sheets in order.
func (c Contract) SheetNames() []string {
	names := make([]string, len(c.Sheets))
	for i, s := range c.Sheets {
		names[i] = s.Name
	}
	return names
}

// Field returns the Season field whose name or alias matches name.
func (c Contract) Field(name string) (Field, bool) {
	key := Normalize(name)
	for _, f := range c.Fields {
		if Normalize(f.Name) == key || slices.ContainsFunc(f.Aliases, func(a string) bool { return Normalize(a) == key }) {
			return f, true
		}
	}
	return Field{}, false
}

// Column returns the column whose name or alias matches header (see
// Normalize).
func (s Sheet) Column(header string) (Column, bool) {
	key := Normalize(header)
	if key == "" {
		return Column{}, false
	}
	for _, c := range s.Columns {
		if c.Matches(key) {
			return c, true
		}
	}
	return Column{}, false
}

// Matches reports whether the normalised header key names this column.
func (c Column) Matches(key string) bool {
	if Normalize(c.Name) == key {
		return true
	}
	for _, a := range c.Aliases {
		if Normalize(a) == key {
			return true
		}
	}
	return false
}

// RequiredColumns returns the names of the sheet's required columns.
func (s Sheet) RequiredColumns() []string {
	var names []string
	for _, c := range s.Columns {
		if c.Required {
			names = append(names, c.Name)
		}
	}
	return names
}

// Normalize returns the key under which sheet names and headers are
// compared: case-folded, without surrounding or repeated spaces (including
// non-breaking ones), and without the characters '.' and '#'. A header that
// is only "#" keeps its "#", so that it still means the car number.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == '.' || r == '#':
			continue
		case unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' || r == '\ufeff':
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	if b.Len() == 0 && strings.TrimSpace(s) != "" && strings.Contains(s, "#") {
		return "#"
	}
	return b.String()
}

// SheetColumnNames returns the canonical names of the sheet's columns.
func (s Sheet) SheetColumnNames() []string {
	names := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		names[i] = c.Name
	}
	return names
}
