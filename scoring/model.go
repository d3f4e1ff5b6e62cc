package scoring

import "time"

// Season is everything podium knows about a championship season, as read
// from the organiser's workbook.
type Season struct {
	Series string
	// Name is the season's name as written, e.g. "2019–20".
	Name string
	// Status is Provisional or Final.
	Status SeasonStatus
	// BestResults is the number of best round scores that count; 0 means
	// every result counts.
	BestResults int
	// ClassificationThreshold is the share of the winner's laps a car must
	// complete to be classified (0.7 for 70%); 0 means not set.
	ClassificationThreshold float64
	TieBreak                TieBreak
	// TiesShownAs numbers shared positions: dense (1, 1, 2; the zero
	// value) or skipping (1, 1, 3).
	TiesShownAs TiesShownAs
	// Paper is the paper the standings sheets are set up to print on: A4
	// unless the organiser asks for Letter.
	Paper Paper
	// SharedDrives says how drivers who shared a car in one race score:
	// each the car's points (the zero value), split equally, or none.
	SharedDrives SharedDrives
	// DisqualifiedVacant leaves a disqualified car's place unpaid, the
	// cars behind keeping their places (Disqualified places vacant); false
	// promotes them (v1).
	DisqualifiedVacant bool
	// InvitedVacant leaves an invited entry's place unpaid (Invited places
	// vacant); false removes invited entries from the ranking (v1).
	InvitedVacant bool

	Rounds    []Round
	Points    []Award
	Entries   []Entry
	Drivers   []Driver
	Results   []Result
	Penalties []Penalty
	// Championships are the championships run (the Championships sheet);
	// none runs v1's: per class and cup, a teams' table of cars and a
	// drivers' table.
	Championships []Championship

	// Source says how the season was read, for Check; it is the zero
	// value for a season built in code.
	Source Source
}

// SeasonStatus says whether standings are provisional or final.
type SeasonStatus string

// Season statuses.
const (
	Provisional SeasonStatus = "Provisional"
	Final       SeasonStatus = "Final"
)

// Paper is a paper size for printing.
type Paper string

// Paper sizes.
const (
	A4     Paper = "A4"
	Letter Paper = "Letter"
)

// TieBreak is the rule that orders competitors on equal points.
type TieBreak string

// Tie-break rules.
const (
	// Countback orders equal points by more wins, then more 2nd places,
	// and so on.
	Countback TieBreak = "countback"
	// NoTieBreak lets competitors on equal points share the position.
	NoTieBreak TieBreak = "none"
)

// SharedDrives is the rule for drivers who shared one car in one race.
type SharedDrives string

// Shared-drives rules.
const (
	// SharedFull gives each driver the car's points (v1; the zero value).
	SharedFull SharedDrives = ""
	// SharedSplit divides the car's points equally between its drivers.
	SharedSplit SharedDrives = "split"
	// SharedNone gives the drivers of a shared car nothing.
	SharedNone SharedDrives = "none"
)

// Round is one race of the calendar.
type Round struct {
	Number  int
	Code    string
	Name    string
	Circuit string
	Country string
	// Date is the race date; the zero time when not given.
	Date time.Time
	// Factor multiplies position points: 1 normally, 2 for double points,
	// 0.5 for half points.
	Factor float64
	// NotDroppable is true when the race's result always counts and is
	// never dropped by Best results (Droppable N).
	NotDroppable bool
	// Scheme is the points scheme the race pays (a sprint, a heat); "" is
	// the default scheme.
	Scheme string
	// Meeting groups races of one meeting (sprint and race; race 1 and
	// race 2) under one header; "" when the race is a meeting of its own.
	Meeting string
	// NoCountback is true when the race's results are not used to break
	// ties (Countback N), by countback or by latest result.
	NoCountback bool
	Origin      Origin
}

// AwardKind is what a line of the points scheme pays for.
type AwardKind int

// Award kinds.
const (
	// AwardPosition pays a finishing position (Award.Position).
	AwardPosition AwardKind = iota + 1
	// AwardOther pays every classified finisher beyond the position table.
	AwardOther
	// AwardPole pays pole position.
	AwardPole
	// AwardFastestLap pays the fastest lap.
	AwardFastestLap
	// AwardStart pays every car that started the race (participation
	// points).
	AwardStart
	// AwardLapLed pays every car that led at least one lap.
	AwardLapLed
	// AwardMostLapsLed pays the car that led the most laps, shared
	// equally on a tie.
	AwardMostLapsLed
)

// String returns the award kind as written in the Points sheet.
func (k AwardKind) String() string {
	switch k {
	case AwardPosition:
		return "Position"
	case AwardOther:
		return "Other"
	case AwardPole:
		return "Pole"
	case AwardFastestLap:
		return "Fastest lap"
	case AwardStart:
		return "Start"
	case AwardLapLed:
		return "Lap led"
	case AwardMostLapsLed:
		return "Most laps led"
	}
	return "Unknown"
}

// Award is one line of the points scheme.
type Award struct {
	Kind AwardKind
	// Position is the finishing position paid, for AwardPosition.
	Position int
	Points   float64
	// Class restricts the line to one class; "" applies to every class
	// that has no line of its own for the same award.
	Class string
	// Scheme is the named points scheme the line belongs to; "" is the
	// default scheme.
	Scheme string
	// Requires is the condition for a Pole, Fastest lap, Lap led or Most
	// laps led award; the zero value is the award's default (Pole any,
	// the others classified).
	Requires Requirement
	Origin   Origin
}

// RequirementKind is the kind of condition an award sets.
type RequirementKind int

// Requirement kinds.
const (
	// RequiresDefault is the award's own default.
	RequiresDefault RequirementKind = iota
	// RequiresAny pays whatever the car's status.
	RequiresAny
	// RequiresStarted pays a car that started (not DNS, DNQ, WD).
	RequiresStarted
	// RequiresClassified pays a classified car.
	RequiresClassified
	// RequiresTop pays a car classified in the first N of its
	// classification.
	RequiresTop
)

// Requirement is the Requires cell of a Points row.
type Requirement struct {
	Kind RequirementKind
	// N is the last position paid, for RequiresTop.
	N int
}

// Entry is one car of the entry list.
type Entry struct {
	// No is the car number as written ("7", "26", "007").
	No    string
	Class string
	Team  string
	// Cup is an extra classification the car also scores in; may be "".
	Cup string
	Nat string
	Car string
	// Make is the car's make, for Make championships; may be "".
	Make string
	// Nominated is true when the car scores for its team or make in a
	// championship that counts Nominated cars.
	Nominated bool
	// Rounds the car is entered for.
	Rounds RoundSet
	// Scores is false for an invited entry: classified, but it scores no
	// points and takes none from others.
	Scores bool
	Origin Origin
}

// Driver is one driver of one car (a driver of two cars has two rows).
type Driver struct {
	No   string
	Name string
	// Key identifies the person: names equal apart from case, spacing and
	// accents share a key.
	Key string
	Nat string
	// Rounds the driver drove the car; All means every round the car
	// entered.
	Rounds RoundSet
	// Ineligible rounds: driven, but the driver scores nothing (minimum
	// driving time not met).
	Ineligible RoundSet
	Rating     string
	// Cup is a drivers' trophy (Rookie, Silver …) the driver also scores
	// in; may be "".
	Cup    string
	Origin Origin
}

// Result is one car's classification in one round.
type Result struct {
	Round int
	No    string
	// Pos is the finishing order (overall or in class); 0 when not given.
	Pos    int
	Status Status
	// Pole and FastestLap mark the car's pole position and fastest lap.
	Pole       Mark
	FastestLap Mark
	// Laps completed; -1 when not given.
	Laps int
	// LapsLed is the number of laps the car led; 0 when none or not given.
	LapsLed int
	// FastestLapBy names the driver of a shared car who set the fastest
	// lap ("" when not given); FastestLapByKey is its Driver.Key.
	FastestLapBy    string
	FastestLapByKey string
	Note            string
	// NotDroppable is true when this result always counts and is never
	// dropped by Best results (Droppable N, e.g. a disqualification for
	// conduct).
	NotDroppable bool
	Origin       Origin
}

// Mark records a pole position or fastest lap, in the car's class ("Y" in
// the workbook) and/or in the classifications named (a cup's pole: "GT Am").
type Mark struct {
	// Class is true for the car's own class.
	Class bool
	// In names other classifications (the car's cup), as written.
	In []string
}

// Set reports whether the mark is given at all.
func (m Mark) Set() bool { return m.Class || len(m.In) > 0 }

// For reports whether the mark counts in classification c for entry e.
func (m Mark) For(c string, e *Entry) bool {
	if m.Class && c == e.Class {
		return true
	}
	for _, name := range m.In {
		if name == c {
			return true
		}
	}
	return false
}

// Classifications returns the classifications the mark counts in for e.
func (m Mark) Classifications(e *Entry) []string {
	var out []string
	if m.Class {
		out = append(out, e.Class)
	}
	for _, name := range m.In {
		if !(m.Class && name == e.Class) {
			out = append(out, name)
		}
	}
	return out
}

// Penalty deducts points from a car and all its drivers, or from one driver,
// or excludes them from a championship.
type Penalty struct {
	Round int
	No    string
	// Points deducted (a positive number); 0 for an exclusion.
	Points float64
	// Excluded is true for an exclusion (EX): the competitor is listed
	// after the others, without a position.
	Excluded bool
	// Championship is the full name of the one championship the penalty
	// applies in ("LMP2 Teams", "Constructors"); "" applies it in every
	// championship the car scores in.
	Championship string
	// Driver is "" for the car and all its drivers.
	Driver string
	// DriverKey identifies the driver as Driver.Key does.
	DriverKey string
	Reason    string
	Origin    Origin
}
