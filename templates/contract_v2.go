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
	// Race rules (contract v2): a race's scheme, meeting and countback, an
	// award's condition, a result's laps led and fastest-lap driver.
	ColMeeting      = "Meeting"
	ColCountback    = "Countback"
	ColRequires     = "Requires"
	ColLapsLed      = "Laps led"
	ColFastestLapBy = "Fastest lap by"
)

// Season settings of contract v2: how shared positions are numbered, and
// the race rules (shared drives, vacant places).
const (
	FieldTiesShownAs  = "Ties shown as"
	FieldSharedDrives = "Shared drives"
	FieldDisqualified = "Disqualified places"
	FieldInvited      = "Invited places"
)

// Values of the race-rule settings, as the template offers them.
const (
	SharedFull      = "full"
	SharedSplit     = "split"
	SharedNone      = "none"
	PlacesPromoted  = "promoted"
	PlacesRemoved   = "removed"
	PlacesVacant    = "vacant"
	RequiresExample = "top 10"
)

// Kinds of contract v2's values.
const (
	// Choice is a text that must be one of the column's Choices (a
	// competitor kind, a tie-break rule).
	Choice Kind = iota + 100
	// CountedRule is All, a number or Nominated.
	CountedRule
	// BestResultsRule is N, all but N, or K of A-B, L of C-D.
	BestResultsRule
	// RequiresRule is classified, started, any or top N.
	RequiresRule
)

// RequiresChoices are the values the Requires drop-down offers (any top N
// is accepted).
func RequiresChoices() []string {
	return []string{"classified", "started", "any", RequiresExample}
}

// SharedDrivesChoices are the values of the Shared drives setting.
func SharedDrivesChoices() []string { return []string{SharedFull, SharedSplit, SharedNone} }

// DisqualifiedChoices are the values of the Disqualified places setting.
func DisqualifiedChoices() []string { return []string{PlacesPromoted, PlacesVacant} }

// InvitedChoices are the values of the Invited places setting.
func InvitedChoices() []string { return []string{PlacesRemoved, PlacesVacant} }

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
	helpShared      = "When several drivers drove one car in one race: full (the default): each scores the car's points; split: the points are divided equally between them; none: none of them scores."
	helpDisq        = "promoted (the default): the cars behind a disqualified car move up a place; vacant: they keep their places and the disqualified car's place pays nobody."
	helpInvited     = "removed (the default): invited entries (Entries Scores N) are taken out of the ranking, the cars behind move up; vacant: the cars behind keep their places and the invited car's place pays nobody."
	helpScheme      = "The scheme the row belongs to; blank = the default scheme, paid by every race whose Calendar Scheme is blank. A named scheme (Sprint, Constructors) pays only the awards it lists, in the races and championships whose Scheme names it."
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
	},
		Field{Name: FieldSharedDrives, Aliases: []string{"Shared drive", "Shared cars", "Shared car points"}, Default: SharedFull, Choices: SharedDrivesChoices(), Help: helpShared},
		Field{Name: FieldDisqualified, Aliases: []string{"Disqualified place", "Disqualified", "DSQ places"}, Default: PlacesPromoted, Choices: DisqualifiedChoices(), Help: helpDisq},
		Field{Name: FieldInvited, Aliases: []string{"Invited place", "Invited", "Invited entries"}, Default: PlacesRemoved, Choices: InvitedChoices(), Help: helpInvited},
	)
	droppable := Column{Name: ColDroppable, Aliases: []string{"Can be dropped", "Drop"}, Kind: Yes, Choices: []string{"N"}, Width: 10}
	add := map[string][]Column{
		SheetCalendar: {
			withHelp(droppable, "N: this race's result always counts and is never dropped by Best results (e.g. a final). Blank = may be dropped."),
			{Name: ColScheme, Aliases: []string{"Points scheme", "Scale"}, Kind: Text, Width: 12, Help: "The points scheme this race pays: a name from the Scheme column of the Points sheet (Sprint, Heat). Blank = the default scheme."},
			{Name: ColMeeting, Aliases: []string{"Meeting name", "Weekend", "Race meeting"}, Kind: Text, Width: 16, Help: "Races with the same Meeting are one meeting (a sprint and a race; race 1, 2 and 3): the standings group their columns under it, e.g. Silverstone. Each race keeps its own row and Round number. Blank = the race is a meeting of its own."},
			{Name: ColCountback, Aliases: []string{"Count back", "In countback", "Used for countback"}, Kind: Yes, Choices: []string{"N"}, Width: 11, Help: "N: this race's results are not used to break ties (countback, latest result), e.g. a sprint. Blank = they are."},
		},
		SheetEntries: {
			{Name: ColMake, Aliases: []string{"Manufacturer", "Marque", "Brand"}, Kind: Text, Width: 16, Help: "The car's make, for Make championships (the Championships sheet), e.g. Ferrari."},
			{Name: ColNominated, Aliases: []string{"Nominated car", "Nomination"}, Kind: Yes, Width: 11, Help: "Y: the car scores for its team or make where a championship counts Nominated cars. Blank = not nominated."},
		},
		SheetDrivers: {{Name: ColCup, Aliases: []string{"Trophy", "Driver cup"}, Kind: Text, Width: 12, Help: "A drivers' trophy (Rookie, Silver …): the driver also scores in it, ranked among its drivers. Blank = none."}},
		SheetResults: {
			withHelp(droppable, "N: this result always counts and is never dropped by Best results (e.g. a disqualification for conduct). Blank = may be dropped."),
			{Name: ColLapsLed, Aliases: []string{"LL", "Led", "Laps in lead", "Laps leading"}, Kind: Integer, Width: 9, Help: "Laps the car led, for the Lap led and Most laps led awards: a whole number, 0 or more. Blank = none."},
			{Name: ColFastestLapBy, Aliases: []string{"FL by", "Fastest lap driver", "FL driver"}, Kind: Text, Width: 22, Help: "For a shared car marked with the fastest lap: the driver who set it, spelt as in Drivers. That driver alone takes the fastest-lap points in the drivers' championships (the car keeps them). Blank = the car's drivers, by Shared drives."},
		},
		SheetPoints: {
			{Name: ColScheme, Aliases: []string{"Points scheme", "Scale"}, Kind: Text, Width: 14, Help: helpScheme},
			{Name: ColRequires, Aliases: []string{"Requirement", "Condition", "Only if"}, Kind: RequiresRule, Choices: RequiresChoices(), Width: 12, Help: "For a Pole, Fastest lap, Lap led or Most laps led row: who may take it. classified; started (not DNS, DNQ or WD); any; top N (classified in the first N, e.g. top 10). Blank = the default: any for Pole, classified for the others."},
		},
		SheetPenalties: {{Name: ColChampionship, Aliases: []string{"Applies to", "Table"}, Kind: Text, Width: 20,
			Help: "Blank: the car and its drivers, in every championship they score in. A championship's full name (LMP2 Teams, Rookie Drivers): that championship only."}},
	}
	for i := range c.Sheets {
		s := &c.Sheets[i]
		s.Columns = append(s.Columns, add[s.Name]...)
		switch s.Name {
		case SheetSeason:
			s.Rows = len(c.Fields)
		case SheetPoints:
			for j := range s.Columns {
				if s.Columns[j].Name == ColAward {
					s.Columns[j].Help = "1, 2, 3 … for finishing positions; Other for every classified finisher beyond the table; Pole; Fastest lap; Start (every starter); Lap led (every car that led a lap); Most laps led (the car that led most; shared on a tie)."
				}
			}
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

// RaceRulesHelp explains each race rule of contract v2 with an example;
// the template's Instructions show them.
func RaceRulesHelp() [][2]string {
	return [][2]string{
		{"Sprint and race", "A race that pays its own points scheme: give the scheme's Points rows a Scheme name and write it in the race's Calendar Scheme. Example: the Points rows 1 | 8 … 8 | 1 of scheme Sprint (below the default scheme) pay the Calendar row 5 | Silverstone Sprint | Scheme Sprint; the other races pay the rows with a blank Scheme."},
		{"Meeting", "Races of one meeting (a sprint and a race; race 1, 2 and 3) are each a Calendar row with its own Round, sharing a Meeting: rows 5 Sprint and 6 Race, both with Meeting Silverstone. The standings show Silverstone over their two columns; each race keeps its own colour and marks."},
		{"Countback", "N in a race's Calendar Countback: its results break no ties (countback, latest result), e.g. a sprint. Blank = they do."},
		{"Requires", "Who may take a Pole, Fastest lap, Lap led or Most laps led row: classified, started, any or top N. Example: Fastest lap | 1 | | | top 10: a point for the fastest lap, only for a car classified in the first 10. Blank = any for Pole, classified for the others."},
		{"Start", "Points for every car that started (any status but DNS, DNQ, WD): participation points. Example: Start | 1. Not multiplied by the race's Factor."},
		{"Lap led", "Points for every car that led at least one lap (Results Laps led 1 or more). Example: Lap led | 1."},
		{"Most laps led", "Points for the car that led the most laps (Results Laps led), shared equally on a tie. Example: Most laps led | 2."},
		{"Shared fastest lap", "Y in Fastest lap on several cars of one race and class: they share its points equally (a warning names the cells); a marked car that does not meet its Requires takes no share."},
		{"Fastest lap by", "For a shared car with the fastest lap: the Results Fastest lap by names the driver who set it (e.g. Juan Manuel Fangio); that driver alone takes the point in the drivers' championships, the car keeps it."},
		{"Driver in two cars", "A driver may drive two cars in one race (a Drivers row for each car; a warning names both rows): they score from each car, under the Season's Shared drives."},
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
