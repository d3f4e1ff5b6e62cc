package scoring

// Field names of a season's records. A record's Origin maps them to the
// columns of the sheet it was read from; the workbook contract (package
// templates) names its columns with them.
const (
	ColRound      = "Round"
	ColDate       = "Date"
	ColAward      = "Award"
	ColClass      = "Class"
	ColNo         = "No."
	ColCup        = "Cup"
	ColRounds     = "Rounds"
	ColDriver     = "Driver"
	ColIneligible = "Ineligible"
	ColPos        = "Pos"
	ColPole       = "Pole"
	ColFastestLap = "Fastest lap"
	// Championships, and the new columns of Entries and Penalties.
	ColChampionship = "Championship"
	ColCompetitor   = "Competitor"
	ColCounted      = "Counted"
	ColBestResults  = "Best results"
	ColMake         = "Make"
	// ColScheme is a points scheme's name: of a Points row, or the one a
	// championship or a race (Calendar) pays.
	ColScheme = "Scheme"
	// Contract v2's race rules: a Points row's condition, a result's laps
	// and laps led, and the driver who set a shared car's fastest lap.
	ColRequires     = "Requires"
	ColLaps         = "Laps"
	ColLapsLed      = "Laps led"
	ColFastestLapBy = "Fastest lap by"
)
