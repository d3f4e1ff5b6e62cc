package scoring

// Hints of the checks of a season: how an official fixes each problem.
// They are kept together here, apart from the code that reports them; a
// hint with a %-verb is a format filled in where it is reported.
const (
	hintNoRounds       = "add a row per round, numbered 1, 2, 3 …"
	hintDuplicateRound = "number the rounds 1, 2, 3 … once each"
	hintRoundGap       = "number the rounds 1, 2, 3 … without gaps"
	hintRoundOrder     = "check the date or the round numbers"
	hintNoCalendar     = "the calendar has no rounds"
	hintCalendar       = "the calendar has rounds %s"
	hintBestResults    = "leave it blank when all results count"

	hintNoEntries     = "add a row per car to the Entries sheet"
	hintDuplicateCar  = "each car has one row; give each car its own number"
	hintCupIsClass    = "leave Cup blank unless the car scores in a second classification"
	hintClassSpelling = "write it the same way everywhere"
	hintUnknownCar    = "add it to the Entries sheet, or correct the number"
	hintDidYouMean    = "did you mean %s?"
	// hintClassChoice follows how a class is added to a list.
	hintClassChoice = "%s, or choose one of %s"
	// hintClassMeant precedes how a class is added to a list.
	hintClassMeant    = "did you mean %s? Otherwise %s"
	hintClassOfItsOwn = "did you mean %s? A class of its own is scored as a separate championship"
	hintListsFix      = "add it to the Classes column of the Lists sheet"
	hintPointsFix     = "add its points to the Points sheet"

	hintEntryClasses     = "classes in the Entries sheet: %s"
	hintDuplicateAward   = "keep one row per award and class"
	hintNoClassPositions = "add rows 1, 2, 3 … with a blank Class, or rows for %s"
	hintNoPoints         = "add rows 1, 2, 3 … with the points for each position (podium template pre-fills 25, 18, 15 …)"
	hintPointsGap        = "list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0)"

	hintCarRounds       = "car %s is entered for rounds %s (%s)"
	hintIneligible      = "Ineligible lists rounds the driver drove but scores nothing in"
	hintDuplicateDriver = "keep one row per driver per car and list all their rounds in it"
	hintDriverTwoCars   = "the driver scores from each car; if they drove only one, correct the Rounds of the other row"
	hintSimilarNames    = "if they are the same person, spell the name the same way in both cells"
	hintPenaltyCar      = "leave Driver blank to penalise the car and all its drivers"
	hintCarDrivers      = "drivers of car %s: %s"

	hintDuplicateResult = "keep one row per car per round"
	hintNotEntered      = "add round %d to the car's Rounds at %s, or delete this result"
	hintMissingPos      = "type the finishing position, or a Status (NC, Ret, DNS …) if the car was not classified"
	hintNoPosColumn     = "add a Pos column with each car's finishing position"
	hintTwoPoles        = "one car per class takes pole; remove the other mark"
	hintTwoFastest      = "the cars marked share the fastest lap's points; if one car set it, remove the other mark"
	hintNoDriver        = "add the car's drivers for this round to the Drivers sheet, or correct their Rounds"
	hintMarkClass       = "type Y for its class, or the name of its cup (%s)"
	hintSamePos         = "two cars cannot share a position; correct one of them"
	hintPosGap          = "check for a missing car or a mistyped position"

	hintUnsplitTie = "the stewards decide the order; set Tie-break to none to let them share it"

	hintDuplicateChampionship = "give each championship its own name"
	hintNoMake                = "type each car's make in the Make column of the Entries sheet"
	hintNoNominated           = "type Y in the Nominated column of the Entries sheet for the cars that score for their team or make, or count All or a number of cars"
	hintCountedUnused         = "leave Counted blank: it says which cars of a Team or Make (drivers of a Nation) score"
	hintCountedNation         = "count All or a number of drivers"
	hintAllBut                = "drop fewer results than the calendar has rounds, or leave it blank when all results count"
	hintSplitOverlap          = "give each round to one part only, e.g. 6 of 1-7, 5 of 8-13"
	hintChampionshipClasses   = "leave it blank for one championship per class and cup, write All for every car, or one of %s"
	hintOverallPositions      = "type overall positions in Pos for every car, or run the championship per class (leave Class blank)"
	hintChampionshipNames     = "leave it blank to apply the penalty in every championship of the car, or write one of %s"

	hintNoSchemes    = "leave it blank for each race's points scheme, or write this name in the Scheme column of the Points rows it pays"
	hintSchemes      = "leave it blank for each race's points scheme, or write one of %s"
	hintUnusedScheme = "write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows"
	hintRaceScheme   = "leave it blank for the default points scheme, or write this name in the Scheme column of the Points rows it pays"
	hintRaceSchemes  = "leave it blank for the default points scheme, or write one of %s"

	hintRequiresUnused  = "leave Requires blank: it is the condition of a Pole, Fastest lap, Lap led or Most laps led award"
	hintLapsLed         = "a car leads at most the laps it completed; check Laps and Laps led"
	hintLapsLedTotal    = "each lap has one leader, so the laps led add up to at most the laps of the longest race among them; check Laps led"
	hintFastestLapBy    = "write one of the drivers of car %s in round %d: %s"
	hintFastestLapByNo  = "add the car's drivers for this round to the Drivers sheet"
	hintFastestLapMark  = "mark the car's fastest lap (Y) too, or leave Fastest lap by blank"
	hintSchemePositions = "add rows 1, 2, 3 … of scheme %s with a blank Class, or rows for %s"
)
