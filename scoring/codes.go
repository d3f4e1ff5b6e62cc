package scoring

// Diagnostic codes, stable identifiers of each kind of problem for tools
// reading `podium validate --format json`. Every code podium emits is here,
// whether the workbook reader or the checks of a season emit it.
const (
	CodeMissingSheet    = "missing-sheet"
	CodeDuplicateSheet  = "duplicate-sheet"
	CodeNoHeader        = "no-header"
	CodeMissingColumn   = "missing-column"
	CodeDuplicateColumn = "duplicate-column"
	CodeUnknownColumn   = "unknown-column"
	CodeTooLong         = "cell-too-long"
	CodeTooManyRows     = "too-many-rows"
	CodeFormulaNoValue  = "formula-without-value"
	CodeBadValue        = "bad-value"
	CodeRequired        = "required-value"
	CodeUnknownField    = "unknown-setting"
	CodeDuplicateField  = "duplicate-setting"
	CodeDuplicateRound  = "duplicate-round"
	CodeRoundGap        = "round-gap"
	CodeRoundOrder      = "round-date-order"
	CodeNoRounds        = "no-rounds"
	CodeBadFactor       = "bad-factor"
	CodeUnknownRound    = "unknown-round"
	CodeDuplicateCar    = "duplicate-car"
	CodeNoEntries       = "no-entries"
	CodeUnknownCar      = "unknown-car"
	CodeUnknownClass    = "unknown-class"
	CodeClassSpelling   = "class-spelling"
	CodePointsGap       = "points-gap"
	CodeDuplicateAward  = "duplicate-award"
	CodeNegativePoints  = "negative-points"
	CodeNoPositions     = "no-position-points"
	CodeUnknownStatus   = "unknown-status"
	CodeMissingPos      = "missing-position"
	CodeSamePos         = "same-position"
	CodePosGap          = "position-gap"
	CodeDuplicateResult = "duplicate-result"
	CodeTwoPoles        = "two-poles"
	CodeTwoFastest      = "two-fastest-laps"
	CodeNotEntered      = "not-entered"
	CodeRoundsOutside   = "rounds-outside-calendar"
	CodeDriverTwoCars   = "driver-in-two-cars"
	CodeDuplicateDriver = "duplicate-driver"
	CodeNoDriver        = "no-driver"
	CodeSimilarNames    = "similar-names"
	CodeIneligible      = "ineligible-not-driven"
	CodeUnknownDriver   = "unknown-driver"
	CodeBestResults     = "best-results"
	CodeUnsplitTie      = "unsplit-tie"
	// Championships.
	CodeDuplicateChampionship = "duplicate-championship"
	CodeNoMake                = "cars-without-make"
	CodeNoNominated           = "no-nominated-car"
	CodeCountedUnused         = "counted-unused"
	CodeBestResultsSplit      = "best-results-split"
	CodeOverallPositions      = "overall-positions-repeat"
	CodeUnknownChampionship   = "unknown-championship"
	// Named points schemes (the Points sheet's Scheme).
	CodeUnknownScheme  = "unknown-scheme"
	CodeUnusedScheme   = "unused-scheme"
	CodeSchemeSpelling = "scheme-spelling"
	// Races with their own rules (contract v2, part 2).
	CodeRequiresUnused = "requires-unused"
	CodeLapsLed        = "laps-led-over-laps"
	CodeLapsLedTotal   = "laps-led-over-race"
	CodeFastestLapBy   = "fastest-lap-by"
)

// Codes of a timing system's classification (a CSV file) and of its import
// into a season (podium import). A line's value is bad-value,
// unknown-status, required-value, duplicate-car, same-position or
// cell-too-long, as in a workbook.
const (
	CodeBadCSV        = "bad-csv-line"
	CodeTooManyFields = "too-many-fields"
	CodeTooManyCars   = "too-many-cars"
	CodeNoCars        = "no-cars"
	// What the file is: refused as a whole.
	CodeNotTiming    = "not-a-classification"
	CodeOneCar       = "one-car-for-round"
	CodeNotSequence  = "positions-not-a-sequence"
	CodeNoRoundRows  = "no-rows-for-round"
	CodeUnknownMap   = "unknown-class-mapping"
	CodeNoEntryClass = "no-class-for-new-entry"
	CodeWouldRemove  = "would-remove-results"
	// Warnings of an import.
	CodeClassDiffers  = "class-differs"
	CodeFastestTie    = "fastest-lap-tie"
	CodeLapsShort     = "laps-below-threshold"
	CodePoleNotRaced  = "pole-not-in-race"
	CodeResultRemoved = "result-removed"
	CodeEntryAdded    = "entry-added"
)
