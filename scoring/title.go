package scoring

// TitleChance is what a competitor can still achieve in a championship
// while rounds remain, and whether it won the title once it is decided.
type TitleChance int

// Title chances.
const (
	// TitleNone: the competitor can no longer win the title (or the
	// season is over and someone else won it).
	TitleNone TitleChance = iota
	// TitleContender: the competitor can still mathematically win the
	// title.
	TitleContender
	// TitleChampion: the competitor has won the title: nobody can catch
	// it in the rounds that remain (or none remain).
	TitleChampion
)

// String returns the chance as the press CSV's Title column writes it:
// "Champion", "Contender" or "".
func (c TitleChance) String() string {
	switch c {
	case TitleContender:
		return "Contender"
	case TitleChampion:
		return "Champion"
	}
	return ""
}

// TitleRace is the state of a championship's title after the last round
// scored.
type TitleRace struct {
	// RoundsLeft is the number of rounds of the calendar still to run.
	RoundsLeft int
	// Available is the most points one competitor can still add to its
	// counted total in the rounds that remain (best results, factors and
	// each race's scheme taken into account).
	Available float64
	// Decided is true when the champion is known (Line.Title is
	// TitleChampion on its line).
	Decided bool
}
