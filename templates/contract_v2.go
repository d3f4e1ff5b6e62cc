package templates

import (
	"slices"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// SheetChampionships lists the championships a season runs (contract v2).
// Without it, a season runs v1's: for each class and cup, its Teams (one
// line per car) and its Drivers.
const SheetChampionships = "Championships"

// Columns of contract v2: the Championships sheet, and the new columns of
// Calendar, Results, Entries, Drivers and Penalties. Those the checks of a
// season name cells by are scoring's.
const (
	ColChampionship  = scoring.ColChampionship
	ColCompetitor    = scoring.ColCompetitor
	ColCounted       = scoring.ColCounted
	ColScheme        = scoring.ColScheme
	ColBestResults   = scoring.ColBestResults
	ColTieBreak      = "Tie-break"
	ColTiesShownAs   = "Ties shown as"
	ColMinimumStarts = "Minimum starts"
	ColMake          = scoring.ColMake
	ColNominated     = "Nominated"
	ColDroppable     = "Droppable"
)

// FieldTiesShownAs is the Season setting that numbers shared positions
// (contract v2).
const FieldTiesShownAs = "Ties shown as"

// Kinds of contract v2's values.
const (
	// Choice is a text that must be one of the column's Choices (a
	// competitor kind, a tie-break rule).
	Choice Kind = iota + 100
	// CountedRule is All, a number or Nominated.
	CountedRule
	// BestResultsRule is N, all but N, or K of A-B, L of C-D.
	BestResultsRule
)

// TieBreakChoices are the forms of a Tie-break cell, in the order offered.
func TieBreakChoices() []string {
	var out []string
	for _, base := range []scoring.TieBreak{scoring.Countback, scoring.CountbackScoringPlaces} {
		out = append(out, string(base), string(base)+scoring.ThenLatestResult, string(base)+scoring.ThenFirstToReach)
	}
	return append(out, string(scoring.NoTieBreak))
}

// TiesShownAsChoices are the numberings of shared positions.
func TiesShownAsChoices() []string {
	return []string{string(scoring.TiesDense), string(scoring.TiesSkip)}
}

// CompetitorChoices are the competitor kinds a championship ranks.
func CompetitorChoices() []string {
	var out []string
	for _, c := range scoring.Competitors() {
		out = append(out, string(c))
	}
	return out
}

// CountedChoices are the values the Counted drop-down offers (any whole
// number is accepted too).
func CountedChoices() []string { return []string{"All", "1", "2", "3", "Nominated"} }

// Help texts of contract v2 that several columns and fields share.
const (
	helpTieBreak    = `countback: equal points are split by more wins, then more 2nd places, and so on. countback of scoring places: the same, counting only results that paid position points. Either may be followed by ", then latest result" (the better result in the latest race both took part in) or ", then first to reach the total". none: equal points share the position.`
	helpTiesShownAs = "How shared positions are numbered: 1, 1, 2 (the default) or 1, 1, 3 (the next competitor takes the place after all the tied ones)."
)

// CompetitorHelp explains each competitor kind, with an example row of the
// Championships sheet; the template's Instructions show them.
func CompetitorHelp() [][2]string {
	return [][2]string{
		{string(scoring.CompetitorCar), "Each car on its own (the Teams tables of a workbook without this sheet). Example: Teams | Car | (blank Class): one table per class and cup, named LMP2 Teams, GT Teams …"},
		{string(scoring.CompetitorDriver), "Each driver, with the points of every car they drove. Example: Drivers | Driver | (blank Class): LMP2 Drivers … and one per driver cup; Rookie Trophy | Driver | Rookie: the drivers whose Drivers Cup is Rookie."},
		{string(scoring.CompetitorTeam), "Adds up the cars with the same Entries Team. Example: Teams' Trophy | Team | All | 2: in each race, the two cars of a team that scored most (as BTCC teams)."},
		{string(scoring.CompetitorMake), "Adds up the cars with the same Entries Make, across teams. Example: Constructors | Make | All | 1: the best-placed car of each make (F1 1958–78); Manufacturers | Make | All | Nominated: only the cars marked Nominated in Entries."},
		{string(scoring.CompetitorNation), "Adds up the drivers with the same Drivers Nat. Example: Nations' Cup | Nation | All | 2: in each race, the two drivers of a nation who scored most."},
	}
}

// V2 returns version 2 of the workbook contract: version 1 with the
// Championships sheet, the new columns of the other sheets and the new
// Season setting (Ties shown as). Everything it adds is optional, so a v1
// workbook reads the same by either.
func V2() Contract {
	c := V1()
	c.Version = "2"
	for i := range c.Fields {
		if c.Fields[i].Name == FieldTieBreak {
			c.Fields[i].Choices = TieBreakChoices()
			c.Fields[i].Help = helpTieBreak
		}
	}
	tiesAt := slices.IndexFunc(c.Fields, func(f Field) bool { return f.Name == FieldTieBreak }) + 1
	c.Fields = slices.Insert(c.Fields, tiesAt, Field{
		Name: FieldTiesShownAs, Aliases: []string{"Ties", "Tied positions", "Shared positions"},
		Default: string(scoring.TiesDense), Choices: TiesShownAsChoices(), Help: helpTiesShownAs,
	})
	droppable := Column{Name: ColDroppable, Aliases: []string{"Can be dropped", "Drop"}, Kind: Yes, Choices: []string{"N"}, Width: 10}
	add := map[string][]Column{
		SheetCalendar: {withHelp(droppable, "N: this race's result always counts and is never dropped by Best results (e.g. a final). Blank = may be dropped.")},
		SheetEntries: {
			{Name: ColMake, Aliases: []string{"Manufacturer", "Marque", "Brand"}, Kind: Text, Width: 16, Help: "The car's make, for Make championships (the Championships sheet), e.g. Ferrari."},
			{Name: ColNominated, Aliases: []string{"Nominated car", "Nomination"}, Kind: Yes, Width: 11, Help: "Y: the car scores for its team or make where a championship counts Nominated cars. Blank = not nominated."},
		},
		SheetDrivers: {{Name: ColCup, Aliases: []string{"Trophy", "Driver cup"}, Kind: Text, Width: 12, Help: "A drivers' trophy (Rookie, Silver …): the driver also scores in it, ranked among its drivers. Blank = none."}},
		SheetResults: {withHelp(droppable, "N: this result always counts and is never dropped by Best results (e.g. a disqualification for conduct). Blank = may be dropped.")},
		SheetPoints: {{Name: ColScheme, Aliases: []string{"Points scheme", "Scale"}, Kind: Text, Width: 14,
			Help: "The points scheme the row belongs to; blank = the default scheme, which every race pays. A named scheme (e.g. Constructors) pays only the awards it lists, in the championships whose Scheme names it (the Championships sheet)."}},
		SheetPenalties: {{Name: ColChampionship, Aliases: []string{"Applies to", "Table"}, Kind: Text, Width: 20,
			Help: "Blank: the car and its drivers, in every championship they score in. A championship's full name (LMP2 Teams, Rookie Drivers): that championship only."}},
	}
	for i := range c.Sheets {
		s := &c.Sheets[i]
		s.Columns = append(s.Columns, add[s.Name]...)
		switch s.Name {
		case SheetSeason:
			s.Rows = len(c.Fields)
		case SheetPenalties:
			for j := range s.Columns {
				if s.Columns[j].Name == ColPoints {
					s.Columns[j].Help = "Points deducted, e.g. 5; or EX: the competitor is excluded from the championship (listed last, without a position)."
				}
			}
		}
	}
	c.Sheets = append(c.Sheets, championshipsSheet())
	return c
}

func withHelp(c Column, help string) Column { c.Help = help; return c }

// championshipsSheet is the Championships sheet of contract v2.
func championshipsSheet() Sheet {
	return Sheet{
		Name: SheetChampionships, Rows: 30,
		Purpose: "The championships the season runs, one row each: who is ranked, in which classification, and by which rules. Without this sheet podium runs, for each class and cup, its Teams (one line per car) and its Drivers; with it, exactly the rows listed.",
		Columns: []Column{
			{Name: ColChampionship, Aliases: []string{"Name", "Title"}, Required: true, Kind: Text, Width: 22, Help: "The championship's name, e.g. Drivers or Constructors: the standings sheet's title and the CSV's name. With a blank Class each table is named <class> <Championship>."},
			{Name: ColCompetitor, Aliases: []string{"Ranks", "Ranked", "Competitors"}, Required: true, Kind: Choice, Choices: CompetitorChoices(), Width: 12, Help: "Who is ranked: Car (each car), Driver (each driver), Team (adds up the cars of an Entries Team), Make (adds up the cars of an Entries Make), Nation (adds up the drivers of a Drivers Nat)."},
			{Name: ColClass, Aliases: []string{"Classification"}, Kind: Text, Width: 12, Help: "The classification: blank for one championship per class and cup; All for every car in one classification (Pos read as overall positions); or a class, car cup or driver cup."},
			{Name: ColCounted, Aliases: []string{"Cars counted", "Counts", "Scoring cars"}, Kind: CountedRule, Choices: CountedChoices(), Width: 11, Help: "For Team, Make and Nation: which cars (drivers) score in each race. All (blank): all of them added up; a number N: the N that scored most; Nominated: the cars marked Nominated in Entries."},
			{Name: ColScheme, Aliases: []string{"Points scheme"}, Kind: Text, Width: 12, Help: "A points scheme of its own, paid for each car's position: the name written in the Scheme column of its Points rows, e.g. Constructors. Blank = each race's scheme."},
			{Name: ColBestResults, Aliases: []string{"Best results count", "Best", "Results counting"}, Kind: BestResultsRule, Width: 18, Help: `Which results count, overriding the Season's: N (the best N), "all but N", or "K of A-B, L of C-D" (the best K of rounds A to B and the best L of rounds C to D). Blank = the Season's; All = every result.`},
			{Name: ColTieBreak, Aliases: []string{"Tiebreak", "Tie break", "Tie-breaker", "Tiebreaker"}, Kind: Choice, Choices: TieBreakChoices(), Width: 30, Help: `Blank = the Season's. countback; countback of scoring places (only results that paid position points); either may end in ", then latest result" or ", then first to reach the total"; none.`},
			{Name: ColTiesShownAs, Aliases: []string{"Ties", "Tied positions", "Shared positions"}, Kind: Choice, Choices: TiesShownAsChoices(), Width: 14, Help: "Overrides the Season's; blank = the Season's. " + helpTiesShownAs},
			{Name: ColMinimumStarts, Aliases: []string{"Min starts", "Minimum races", "Starts required"}, Kind: Integer, Width: 15, Help: "Competitors with fewer starts are listed after the others, without a position. Blank = no minimum."},
		},
	}
}

// ChampionshipRows returns the rows of the Championships sheet for the
// championships given, in the sheet's column order.
func ChampionshipRows(chs []scoring.Championship) [][]any {
	rows := make([][]any, len(chs))
	for i, ch := range chs {
		var best, counted, starts any
		if ch.BestResults != nil {
			best = ch.BestResults.String()
		}
		if ch.Counted != (scoring.Counted{}) {
			counted = ch.Counted.String()
		}
		if ch.MinimumStarts > 0 {
			starts = ch.MinimumStarts
		}
		rows[i] = []any{ch.Name, string(ch.Competitor), ch.Class, counted, ch.Scheme, best, string(ch.TieBreak), string(ch.TiesShownAs), starts}
	}
	return rows
}

// ParseCompetitor reads a Competitor cell: a competitor kind, in any case,
// singular or plural ("Teams").
func ParseCompetitor(s string) (scoring.Competitor, bool) {
	key := strings.TrimSuffix(Normalize(s), "s")
	for _, c := range scoring.Competitors() {
		if strings.EqualFold(string(c), key) {
			return c, true
		}
	}
	return "", false
}
