package press

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present/presenttest"
)

// TestChampionshipsPressPack: a season with Championships has one CSV per
// championship — "<class>-<championship>.csv" for one run per class (the
// driver cup's too), "<championship>.csv" otherwise — in which a team's
// and a make's lines show their cars, excluded competitors and those with
// too few starts come last without a position, dropped results are in
// brackets and results that always count carry ‡; standings.csv and
// breakdown.csv cover every championship, the breakdown naming the cars
// that counted and why a result was dropped or could not be.
func TestChampionshipsPressPack(t *testing.T) {
	season := presenttest.ChampionshipSeason()
	st, _ := scoring.Score(season, scoring.Options{})
	dir := t.TempDir()
	names, err := WriteCSV(dir, season, st, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"f1-drivers.csv", "rookie-drivers.csv", "constructors.csv", "makes.csv", "f1-cars.csv", "results.csv", "standings.csv", "season.csv", "breakdown.csv"}; !slices.Equal(names, want) {
		t.Errorf("files %q\n want %q", names, want)
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	files := map[string]string{
		"f1-drivers.csv": `Pos,Change,No.,Driver,Nat,Car,R1,R2,R3,R4,Points,Title
1,,1,Ann Able,GBR,Ferrari 1,1,(2),3,1‡,24,Champion
2,,2,Bob Best,GBR,Ferrari 2,3,(Ret),1,2‡,20,
3,,3,Cy Cole,GBR,BRM 3,(2),1,4,4‡,16,
4,,5,Eve Ek,GBR,Ferrari 5,(4),3,,,4,
,,4,Dee Dunn,GBR,BRM 4,(5),4,2,3‡,13,
`,
		"rookie-drivers.csv": `Pos,Change,No.,Driver,Nat,Car,R1,R2,R3,R4,Points,Title
1,,1,Ann Able,GBR,Ferrari 1,1,(2),1,1‡,30,Champion
2,,3,Cy Cole,GBR,BRM 3,(2),1,2,2‡,22,
`,
		"constructors.csv": `Pos,Change,No.,Team,Nat,Car,R1,R2,R3,R4,Points,Title
1,,"1, 2",Alpha,,"Ferrari 1, Ferrari 2",1,2,1,1‡,36,Champion
2,,"3, 4",Beta,,"BRM 3, BRM 4",2,1,2,3‡,26,
,,5,Gamma,,Ferrari 5,4,3,,,7,
`,
		"makes.csv": `Pos,Change,No.,Make,Nat,Car,R1,R2,R3,R4,Points,Title
1,,"1, 2, 5",Ferrari,,"Ferrari 1, Ferrari 2, Ferrari 5",1,2,1,1‡,57,Champion
2,,"3, 4",BRM,,"BRM 3, BRM 4",2,1,2,3‡,35,
`,
		"f1-cars.csv": `Pos,Change,No.,Team,Nat,Car,R1,R2,R3,R4,Points,Title
1,,1,Alpha,GBR,Ferrari 1,1,2,3,1‡,30,Champion
2,,3,Beta,GBR,BRM 3,2,1,4,4‡,22,
3,,2,Alpha,GBR,Ferrari 2,3,Ret,1,2‡,20,
4,,4,Beta,GBR,BRM 4,5,4,2,3‡,13,
5,,5,Gamma,GBR,Ferrari 5,4,3,,,7,
`,
	}
	for name, want := range files {
		if got := read(name); got != want {
			t.Errorf("%s:\n%s\nwant\n%s", name, got, want)
		}
	}
	// standings.csv and breakdown.csv: the lines of some competitors.
	lines := map[string][]string{
		"standings.csv": {
			"F1,Drivers,1,Ann Able,1,2,(2),0", // dropped: 0, not -0
			"F1,Drivers,,Dee Dunn,4,Total,,13",
			"Rookie,Drivers,2,Cy Cole,3,Total,,22",
			"F1,Constructors,1,Alpha,\"1, 2\",4,1‡,10",
			"F1,Constructors,,Gamma,5,Total,,7",
			"F1,Makes,1,Ferrari,\"1, 2, 5\",1,1,17",
			"F1,Makes,2,BRM,\"3, 4\",Total,,35",
			"F1,Cars,3,Alpha,2,2,Ret,0",
		},
		"breakdown.csv": {
			"F1,Drivers,1,Ann Able,1,2,(2),6,,,,1,,yes,0,2nd: 6; dropped: best results count",
			"F1,Drivers,,Dee Dunn,4,1,(5),,,,,1,,yes,0,dropped: best results count",
			"F1,Constructors,2,Beta,4,3,2,6,,,,1,,,6,car 4 2nd 6",
			"F1,Constructors,,Gamma,5,2,3,4,,,,1,,,4,car 5 3rd 4",
			"F1,Makes,1,Ferrari,1,1,1,17,,,,1,,,17,car 1 1st 10 + car 2 3rd 4 + car 5 4th 3",
			"F1,Makes,1,Ferrari,1,2,2,10,,,,1,,,10,car 1 2nd 6 + car 5 3rd 4 + car 2 0",
			"F1,Makes,1,Ferrari,1,4,1‡,16,,,,1,,,16,car 1 1st 10 + car 2 2nd 6; not droppable: this race always counts (Droppable N in the Calendar)",
			"Rookie,Drivers,2,Cy Cole,3,1,(2),6,,,,1,,yes,0,2nd: 6; dropped: best results count",
		},
	}
	for name, want := range lines {
		got := strings.Split(read(name), "\n")
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s has no line\n%s", name, w)
			}
		}
	}
	if got, want := strings.Count(read("standings.csv"), "\n"), 1+5*(5+2+3+2+5); got != want {
		t.Errorf("standings.csv: %d lines, want %d", got, want)
	}
	// The results name each car's crew from the classification's Car
	// and Driver championships; the driver cup's cars are ranked among
	// themselves.
	if got := read("results.csv"); !strings.Contains(got, "\n2,R2,,F1,,2,Alpha,Bob Best,Ret,,,0\n") || !strings.Contains(got, "\n3,R3,,Rookie,1,1,Alpha,Ann Able,Classified,,,10\n") || strings.Count(got, "\n") != 27 {
		t.Errorf("results.csv:\n%s", got)
	}
}

// TestChampionshipFileNames: tables whose names make the same file, or
// a fixed file's name, are told apart by a number.
func TestChampionshipFileNames(t *testing.T) {
	season := presenttest.ChampionshipSeason()
	season.Championships = []scoring.Championship{
		{Name: "Results", Competitor: scoring.CompetitorTeam, Class: "F1"},
		{Name: "Make's", Competitor: scoring.CompetitorMake, Class: "F1"},
		{Name: "Makes", Competitor: scoring.CompetitorMake, Class: "F1"},
		{Name: "Drivers", Competitor: scoring.CompetitorDriver},
	}
	st, _ := scoring.Score(season, scoring.Options{})
	want := []string{"results-2.csv", "make-s.csv", "makes.csv", "f1-drivers.csv", "rookie-drivers.csv", "results.csv", "standings.csv", "season.csv", "breakdown.csv"}
	if got := PressPackNames(season, st); !slices.Equal(got, want) {
		t.Errorf("files %q\n want %q", got, want)
	}
}

// TestResultsWithoutCarChampionship: a season run as Formula One runs it
// (a drivers' and a makes' championship, no Car championship) lists every
// car's result in results.csv: each car scored as a Car championship would
// score it under the default scheme (double points, pole and fastest lap,
// nothing for the invited car, the penalty that names no championship
// deducted, the one naming "F1 Constructors" not), its crew of the round.
func TestResultsWithoutCarChampionship(t *testing.T) {
	season := presenttest.DriverMakeSeason()
	if diags := scoring.Check(season); diags.HasErrors() {
		t.Fatal(diags)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	dir := t.TempDir()
	if _, err := WriteCSV(dir, season, st, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "results.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := `Round,Code,Race,Classification,Pos,No.,Team,Drivers,Status,Pole,Fastest lap,Points
1,BRA,Brazilian Grand Prix,F1,1,1,McLaren,Ayrton Senna,Classified,Y,,10
1,BRA,Brazilian Grand Prix,F1,2,2,McLaren,Alain Prost,Classified,,Y,7
1,BRA,Brazilian Grand Prix,F1,3,28,Ferrari,Gerhard Berger,Classified,,,4
1,BRA,Brazilian Grand Prix,F1,,27,Ferrari,Michele Alboreto,Ret,,,0
2,SMR,San Marino Grand Prix,F1,1,2,McLaren,Alain Prost,Classified,,,18
2,SMR,San Marino Grand Prix,F1,2,28,Ferrari,Gerhard Berger,Classified,,,9
2,SMR,San Marino Grand Prix,F1,3,27,Ferrari,Michele Alboreto,Classified,,Y,9
2,SMR,San Marino Grand Prix,F1,,1,McLaren,Ayrton Senna,Ret,Y,,1
3,MON,Monaco Grand Prix,F1,2,1,McLaren,Ayrton Senna,Classified,,,9
3,MON,Monaco Grand Prix,F1,3,27,Ferrari,Nicola Larini,Classified,,,6
3,MON,Monaco Grand Prix,F1,4,2,McLaren,Alain Prost,Classified,,Y,5
3,MON,Monaco Grand Prix,F1,,28,Ferrari,Gerhard Berger,DNS,,,0
`
	if string(got) != want {
		t.Errorf("results.csv:\n%s\nwant:\n%s", got, want)
	}
}

// TestPressTitleAndChange: mid-season, a championship's CSV says who can
// still win (Title: Contender) and each line's change of position since
// the previous round (Change: ▲1, ▼1, new).
func TestPressTitleAndChange(t *testing.T) {
	season := presenttest.ChampionshipSeason()
	st, _ := scoring.Score(season, scoring.Options{AfterRound: 2})
	dir := t.TempDir()
	if _, err := WriteCSV(dir, season, st, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "f1-cars.csv"))
	if err != nil {
		t.Fatal(err)
	}
	want := `Pos,Change,No.,Team,Nat,Car,R1,R2,Points,Title
1,,1,Alpha,GBR,Ferrari 1,1,2,16,Contender
1,▲1,3,Beta,GBR,BRM 3,2,1,16,Contender
2,▲2,5,Gamma,GBR,Ferrari 5,4,3,7,Contender
3,,2,Alpha,GBR,Ferrari 2,3,Ret,4,Contender
4,▲1,4,Beta,GBR,BRM 4,5,4,3,Contender
`
	if string(data) != want {
		t.Errorf("f1-cars.csv:\n%s\nwant\n%s", data, want)
	}
}
