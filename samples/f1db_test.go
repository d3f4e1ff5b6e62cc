package samples

import (
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
)

// f1dbFS is an F1DB season folder with the given results lines.
func f1dbFS(results ...string) fstest.MapFS {
	res := "round,kind,position,position_text,car_number,constructor,engine,drivers,laps,fastest_lap,shared_fastest_lap\n"
	for _, l := range results {
		res += l + "\n"
	}
	return fstest.MapFS{
		"s/races.csv": {Data: []byte("round,event,race_name,kind,date,country,circuit\n" +
			"1,A Grand Prix,Grand Prix A,race,1988-04-03,Brazil,A\n2,B Grand Prix,Grand Prix B,race,1988-05-01,Italy,B\n")},
		"s/results.csv": {Data: []byte(res)},
	}
}

func TestF1DBStatus(t *testing.T) {
	for _, tc := range []struct {
		text         string
		status, note any
	}{
		{"1", nil, nil}, {"19", nil, nil},
		{"DNF", "Ret", nil}, {"DNPQ", "DNQ", "did not pre-qualify"},
		{"DSQ", "DSQ", nil}, {"DNS", "DNS", nil}, {"NC", "NC", nil}, {"DNQ", "DNQ", nil}, {"EX", "EX", nil},
	} {
		status, note, err := f1dbStatus(tc.text)
		if err != nil || status != tc.status || note != tc.note {
			t.Errorf("%s: %v, %v, %v; want %v, %v", tc.text, status, note, err, tc.status, tc.note)
		}
	}
	if _, _, err := f1dbStatus("DNA"); err == nil || err.Error() != `position_text "DNA" is not a position or a status podium knows` {
		t.Errorf("DNA: %v", err)
	}
}

func TestF1DBMake(t *testing.T) {
	for _, tc := range [][3]string{{"McLaren", "Honda", "McLaren-Honda"}, {"Ferrari", "Ferrari", "Ferrari"}, {"Osella", "Osella", "Osella"}} {
		if got := f1dbMake(tc[0], tc[1]); got != tc[2] {
			t.Errorf("%s, %s: %s, want %s", tc[0], tc[1], got, tc[2])
		}
	}
}

// TestF1DBRows: a car driven by two drivers gets a Drivers row each with
// their rounds; a car that missed a round is entered for the others.
func TestF1DBRows(t *testing.T) {
	s, err := readF1DB(f1dbFS(
		"1,race,1,1,5,Williams,Judd,Nigel Mansell,60,Y,",
		"1,race,,DNPQ,9,Zakspeed,Zakspeed,Piercarlo Ghinzani,,,",
		"2,race,1,1,9,Zakspeed,Zakspeed,Piercarlo Ghinzani,61,,",
		"2,race,,DSQ,5,Williams,Judd,Martin Brundle,43,,",
	), "s")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := s.entries("F1")
	if err != nil {
		t.Fatal(err)
	}
	wantEntries := [][]any{
		{"5", "F1", "Williams", nil, nil, nil, "All", nil, "Williams-Judd"},
		{"9", "F1", "Zakspeed", nil, nil, nil, "All", nil, "Zakspeed"},
	}
	if !reflect.DeepEqual(entries, wantEntries) {
		t.Errorf("entries %v, want %v", entries, wantEntries)
	}
	wantDrivers := [][]any{{"5", "Nigel Mansell", nil, "1"}, {"5", "Martin Brundle", nil, "2"}, {"9", "Piercarlo Ghinzani", nil, nil}}
	if got := s.drivers(); !reflect.DeepEqual(got, wantDrivers) {
		t.Errorf("drivers %v, want %v", got, wantDrivers)
	}
	results, err := s.resultRows(false)
	if err != nil {
		t.Fatal(err)
	}
	wantResults := [][]any{
		{1, "5", 1, nil, nil, "Y", 60, nil},
		{1, "9", nil, "DNQ", nil, nil, nil, "did not pre-qualify"},
		{2, "9", 1, nil, nil, nil, 61, nil},
		{2, "5", nil, "DSQ", nil, nil, 43, nil},
	}
	if !reflect.DeepEqual(results, wantResults) {
		t.Errorf("results %v, want %v", results, wantResults)
	}
}

// TestF1DBRefuses: a car number of two constructors in one season, a
// correction that matches no result, an unknown position text.
func TestF1DBRefuses(t *testing.T) {
	s, err := readF1DB(f1dbFS(
		"1,race,1,1,5,Williams,Judd,Nigel Mansell,60,,",
		"2,race,1,1,5,March,Judd,Ivan Capelli,60,,",
	), "s")
	if err != nil {
		t.Fatal(err)
	}
	want := "results.csv:3: car 5 is a March-Judd, but a Williams-Judd on line 2: a car number must belong to one constructor"
	if _, err := s.entries("F1"); err == nil || err.Error() != want {
		t.Errorf("entries: %v, want %s", err, want)
	}
	want = "correction of car 6 in round 1: no such result"
	if err := s.fix(f1dbFix{1, "6", "DNF", "why"}); err == nil || err.Error() != want {
		t.Errorf("fix: %v, want %s", err, want)
	}
	if err := s.fix(f1dbFix{2, "5", "DNF", "retired"}); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.resultRows(false)
	if got := rows[1]; !reflect.DeepEqual(got, []any{2, "5", nil, "Ret", nil, nil, 60, "retired"}) {
		t.Errorf("corrected row %v", got)
	}
	s, err = readF1DB(f1dbFS("1,race,,DNA,5,Williams,Judd,Nigel Mansell,,,"), "s")
	if err != nil {
		t.Fatal(err)
	}
	want = `results.csv:2: position_text "DNA" is not a position or a status podium knows`
	if _, err := s.resultRows(false); err == nil || err.Error() != want {
		t.Errorf("resultRows: %v, want %s", err, want)
	}
	for _, tc := range []struct {
		fs   fstest.MapFS
		want string
	}{
		{fstest.MapFS{"s/races.csv": {Data: []byte("round,event\n")}}, `s/races.csv:1: no column "kind"`},
		{f1dbFS("x,race,1,1,5,Williams,Judd,Nigel Mansell,60,,"), `s/results.csv:2: round "x" is not a whole number`},
		{f1dbFS("1,sprint,1,1,5,Williams,Judd,Nigel Mansell,60,,"), `s/results.csv:2: round 1 has no sprint in races.csv`},
		{f1dbFS("1,qualifying,1,1,5,Williams,Judd,Nigel Mansell,60,,"), `s/results.csv:2: kind "qualifying": only Grands Prix (race) and sprints (sprint) are read`},
	} {
		if _, err := readF1DB(tc.fs, "s"); err == nil || err.Error() != tc.want {
			t.Errorf("readF1DB: %v, want %s", err, tc.want)
		}
	}
}

// TestF1DBNumberCars: in a season whose numbers change from race to race,
// each car (constructor, engine and driver) keeps the number it first
// raced with, with a letter where two cars first raced with the same one;
// the Note gives the number raced with when it differs. A second mark for
// the same fastest lap becomes a Note.
func TestF1DBNumberCars(t *testing.T) {
	s, err := readF1DB(f1dbFS(
		"1,race,1,1,20,Lotus,Climax,Stirling Moss,100,Y,",
		"1,race,2,2,36,Ferrari,Ferrari,Richie Ginther,100,Y,",
		"1,race,,DNPQ,4,Porsche,Porsche,Dan Gurney,,,",
		"2,race,1,1,4,Ferrari,Ferrari,Phil Hill,75,,",
		"2,race,2,2,36,Ferrari,Ferrari,Richie Ginther,75,,",
		"2,race,3,3,12,Porsche,Porsche,Dan Gurney,75,Y,",
		"2,race,4,4,14,Lotus,Climax,Stirling Moss,75,,",
	), "s")
	if err != nil {
		t.Fatal(err)
	}
	s.numberCars()
	entries, err := s.entries("F1")
	if err != nil {
		t.Fatal(err)
	}
	wantEntries := [][]any{
		{"4A", "F1", "Porsche", nil, nil, nil, "All", nil, "Porsche"},
		{"4B", "F1", "Ferrari", nil, nil, nil, "2", nil, "Ferrari"},
		{"20", "F1", "Lotus", nil, nil, nil, "All", nil, "Lotus-Climax"},
		{"36", "F1", "Ferrari", nil, nil, nil, "All", nil, "Ferrari"},
	}
	if !reflect.DeepEqual(entries, wantEntries) {
		t.Errorf("entries %v, want %v", entries, wantEntries)
	}
	wantDrivers := [][]any{{"4A", "Dan Gurney", nil, nil}, {"4B", "Phil Hill", nil, nil}, {"20", "Stirling Moss", nil, nil}, {"36", "Richie Ginther", nil, nil}}
	if got := s.drivers(); !reflect.DeepEqual(got, wantDrivers) {
		t.Errorf("drivers %v, want %v", got, wantDrivers)
	}
	results, err := s.resultRows(false)
	if err != nil {
		t.Fatal(err)
	}
	wantResults := [][]any{
		{1, "20", 1, nil, nil, "Y", 100, nil},
		{1, "36", 2, nil, nil, nil, 100, "set the same fastest lap as car 20"},
		{1, "4A", nil, "DNQ", nil, nil, nil, "did not pre-qualify; car 4 in this race"},
		{2, "4B", 1, nil, nil, nil, 75, "car 4 in this race"},
		{2, "36", 2, nil, nil, nil, 75, nil},
		{2, "4A", 3, nil, nil, "Y", 75, "car 12 in this race"},
		{2, "20", 4, nil, nil, nil, 75, "car 14 in this race"},
	}
	if !reflect.DeepEqual(results, wantResults) {
		t.Errorf("results\n%v, want\n%v", results, wantResults)
	}
}

func TestF1DBCompareNumbers(t *testing.T) {
	nos := []string{"10A", "6", "10", "6B", "x", "6A", "2"}
	slices.SortFunc(nos, f1dbCompareNumbers)
	if want := []string{"2", "6", "6A", "6B", "10", "10A", "x"}; !slices.Equal(nos, want) {
		t.Errorf("%v, want %v", nos, want)
	}
}

// TestF1DBSprints: a sprint is a round of its own, before its Grand Prix,
// named and coded after it, on the sprint scheme and out of countback; the
// two are one Meeting. A Grand Prix with a scheme of its own names it; the
// others pay the default scheme and are meetings of their own.
func TestF1DBSprints(t *testing.T) {
	fsys := fstest.MapFS{
		"s/races.csv": {Data: []byte("round,event,race_name,kind,date,country,circuit\n" +
			"1,A Grand Prix,A GP (sprint),sprint,2021-07-18,Britain,A\n1,A Grand Prix,A GP,race,2021-07-18,Britain,A\n" +
			"2,B Grand Prix,B GP,race,2021-08-29,Belgium,B\n")},
		"s/results.csv": {Data: []byte("round,kind,position,position_text,car_number,constructor,engine,drivers,laps,fastest_lap,shared_fastest_lap\n" +
			"1,race,1,1,44,Mercedes,Mercedes,Lewis Hamilton,52,,\n1,sprint,1,1,33,Red Bull,Honda,Max Verstappen,17,,\n" +
			"2,race,1,1,33,Red Bull,Honda,Max Verstappen,1,,\n")},
	}
	s, err := readF1DB(fsys, "s")
	if err != nil {
		t.Fatal(err)
	}
	codes := map[string]string{"A Grand Prix": "GBR", "B Grand Prix": "BEL"}
	cal, err := s.calendar(codes, f1Rules{sprint: "Sprint", schemes: map[string]string{"B Grand Prix": "Half points"}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{
		{1, "GBR-S", "A Grand Prix sprint", "A", "Britain", date(2021, 7, 18), 1, "Sprint", "A Grand Prix", "N"},
		{2, "GBR", "A Grand Prix", "A", "Britain", date(2021, 7, 18), 1, nil, "A Grand Prix", nil},
		{3, "BEL", "B Grand Prix", "B", "Belgium", date(2021, 8, 29), 1, "Half points", nil, nil},
	}
	if !reflect.DeepEqual(cal, want) {
		t.Errorf("calendar\n%v, want\n%v", cal, want)
	}
	rows, err := s.resultRows(false)
	if err != nil {
		t.Fatal(err)
	}
	if rounds := []any{rows[0][0], rows[1][0], rows[2][0]}; !reflect.DeepEqual(rounds, []any{2, 1, 3}) {
		t.Errorf("results' rounds %v, want 2 (the Grand Prix), 1 (its sprint), 3", rounds)
	}
	if _, err := s.calendar(codes, f1Rules{}); err == nil || err.Error() != "round 1: the A Grand Prix sprint has no points scheme" {
		t.Errorf("calendar without a sprint scheme: %v", err)
	}
}

// TestF1DBSharedFastestLap: where the fastest lap is shared, every car
// that set it has the mark and a Note naming the others; where it is not,
// the first listed keeps it.
func TestF1DBSharedFastestLap(t *testing.T) {
	s, err := readF1DB(f1dbFS(
		"1,race,1,1,9,Ferrari,Ferrari,José Froilán González,90,Y,",
		"1,race,2,2,11,Ferrari,Ferrari,Mike Hawthorn,90,Y,",
		"1,race,,DNF,7,Maserati,Maserati,Stirling Moss,80,Y,",
		"2,race,1,1,7,Maserati,Maserati,Stirling Moss,80,Y,",
	), "s")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		shared bool
		want   [][2]any
	}{
		{true, [][2]any{
			{"Y", "set the same fastest lap as cars 11 and 7"}, {"Y", "set the same fastest lap as cars 9 and 7"},
			{"Y", "set the same fastest lap as cars 9 and 11"}, {"Y", nil},
		}},
		{false, [][2]any{
			{"Y", nil}, {nil, "set the same fastest lap as car 9"}, {nil, "set the same fastest lap as car 9"}, {"Y", nil},
		}},
	} {
		rows, err := s.resultRows(tc.shared)
		if err != nil {
			t.Fatal(err)
		}
		for i, w := range tc.want {
			if got := [2]any{rows[i][5], rows[i][7]}; got != w {
				t.Errorf("shared %v, row %d: fastest lap and note %v, want %v", tc.shared, i, got, w)
			}
		}
	}
}
