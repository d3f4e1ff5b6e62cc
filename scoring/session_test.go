package scoring

import (
	"fmt"
	"testing"
	"time"
)

// sessionCars is a race of five cars: two LMP2 (one retired), three GT
// of which one is also in the GT Am cup; the file gives overall
// positions to the classified cars only, in another order than its lines.
func sessionCars() []SessionCar {
	lap := func(ms int) time.Duration { return time.Duration(ms) * time.Millisecond }
	return []SessionCar{
		{No: "7", Class: "GT", Position: 3, Laps: 100, BestLap: lap(101000), Line: 2},
		{No: "1", Class: "LMP2", Position: 1, Laps: 110, BestLap: lap(95000), Line: 3},
		{No: "9", Class: "GT", Cup: "GT Am", Position: 4, Laps: 60, BestLap: lap(100500), Line: 4},
		{No: "2", Class: "LMP2", Status: Retired, Laps: 40, BestLap: lap(94000), Line: 5},
		{No: "8", Class: "GT", Position: 2, Laps: 76, BestLap: lap(100500), Line: 6},
	}
}

func TestSessionOrderAndClassPositions(t *testing.T) {
	cars := sessionCars()
	order := SessionOrder(cars)
	if got, want := fmt.Sprint(order), "[1 4 0 2 3]"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
	if got, want := fmt.Sprint(ClassPositions(cars, order)), "[2 1 3 0 1]"; got != want {
		t.Errorf("class positions %s, want %s (the retired car has none)", got, want)
	}
	// Positions in class order within a class as overall ones do; a
	// car without a position comes after those with one, in file order.
	cars[0].Position, cars[4].Position, cars[2].Position, cars[1].Position = 0, 0, 0, 0
	cars[0].ClassPosition, cars[4].ClassPosition = 2, 1
	if got, want := fmt.Sprint(SessionOrder(cars)), "[4 0 1 2 3]"; got != want {
		t.Errorf("order by class positions %s, want %s", got, want)
	}
}

func TestLapsShort(t *testing.T) {
	tests := []struct {
		threshold float64
		want      string
	}{
		{0, "[] 110 0"},
		{0.5, "[] 110 55"},
		{0.6, "[2] 110 66"},
		{0.7, "[2 4] 110 77"},
	}
	for _, tt := range tests {
		short, winner, need := LapsShort(sessionCars(), tt.threshold)
		if got := fmt.Sprint(short, winner, need); got != tt.want {
			t.Errorf("threshold %v: %s, want %s", tt.threshold, got, tt.want)
		}
	}
	// Laps not given: nothing to compare with.
	cars := sessionCars()
	for i := range cars {
		cars[i].Laps = -1
	}
	if short, _, _ := LapsShort(cars, 0.7); short != nil {
		t.Errorf("without laps: %v", short)
	}
}

func TestFastestLaps(t *testing.T) {
	cars := sessionCars()
	firsts, ties := FastestLaps(cars, SessionOrder(cars))
	// The retired car 2 set LMP2's fastest lap; car 8, ahead of car 9,
	// keeps GT's on an equal time.
	if got, want := fmt.Sprint(firsts, ties), "map[GT:4 GT Am:2 LMP2:3] [{2 4 GT}]"; got != want {
		t.Errorf("fastest laps %s, want %s", got, want)
	}
	cars[3].Status = Disqualified
	cars[2].BestLap = 0
	firsts, ties = FastestLaps(cars, SessionOrder(cars))
	if got, want := fmt.Sprint(firsts, ties), "map[GT:4 LMP2:1] []"; got != want {
		t.Errorf("without the disqualified car and car 9's time: %s, want %s", got, want)
	}
	for i, want := range []string{"{false []}", "{true []}", "{false []}", "{false []}", "{true []}"} {
		if got := fmt.Sprint(MarkFor(cars, i, firsts)); got != want {
			t.Errorf("car %s: mark %s, want %s", cars[i].No, got, want)
		}
	}
}

func TestPoles(t *testing.T) {
	tests := []struct {
		name                   string
		edit                   func(cars []SessionCar)
		needTime, needPosition bool
		want                   string
	}{
		{"first of each classification", func([]SessionCar) {}, true, true, "map[GT:4 GT Am:2 LMP2:1]"},
		{"a car without a time takes no pole; one not classified may", func(c []SessionCar) { c[1].BestLap = 0; c[3].Status = NotClassified }, true, false, "map[GT:4 GT Am:2 LMP2:3]"},
		{"a car that retired takes no pole", func(c []SessionCar) { c[1].BestLap = 0 }, true, false, "map[GT:4 GT Am:2]"},
		{"nor a car without a position", func(c []SessionCar) { c[4].Position = 0 }, true, true, "map[GT:0 GT Am:2 LMP2:1]"},
		{"nor a car disqualified", func(c []SessionCar) { c[1].Status = Disqualified; c[3].Status = Disqualified }, false, false, "map[GT:4 GT Am:2]"},
	}
	for _, tt := range tests {
		cars := sessionCars()
		tt.edit(cars)
		if got := fmt.Sprint(Poles(cars, SessionOrder(cars), tt.needTime, tt.needPosition)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	cars := sessionCars()
	firsts := Poles(cars, SessionOrder(cars), true, true)
	firsts["GT"] = 2 // car 9 on pole in its class and its cup
	if got, want := fmt.Sprint(MarkFor(cars, 2, firsts)), "{true [GT Am]}"; got != want {
		t.Errorf("car 9's mark %s, want %s", got, want)
	}
	// An index 0 that is not in the map is no mark.
	if got := fmt.Sprint(MarkFor(cars, 0, map[string]int{"LMP2": 1})); got != "{false []}" {
		t.Errorf("car 7's mark %s", got)
	}
}
