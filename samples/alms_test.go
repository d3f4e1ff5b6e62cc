package samples_test

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
)

// published is one line of the article's standings.
type published struct {
	class, table, who string
	pos               int
	points            float64
	line              int
}

func readPublished(t *testing.T) []published {
	t.Helper()
	f, err := os.Open("testdata/alms-2019-20-published.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []published
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "|")
		if len(fields) != 5 {
			t.Fatalf("line %d: %d fields", n, len(fields))
		}
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		pos, err1 := strconv.Atoi(fields[2])
		pts, err2 := strconv.ParseFloat(fields[4], 64)
		if err1 != nil || err2 != nil {
			t.Fatalf("line %d: bad numbers", n)
		}
		out = append(out, published{fields[0], fields[1], fields[3], pos, pts, n})
	}
	return out
}

// articleSpellings maps names the article's standings misspell to the
// spelling of its entry list and winners table, used in the sample.
var articleSpellings = map[string]string{
	"Eric Trouilllet": "Eric Trouillet", // a typo in the LMP3 drivers' table
	"Sebastien Page":  "Sébastien Page", // accent lost in the LMP3 drivers' table
}

// almsExceptions are the only places where the sample may differ from the
// article: where the article contradicts itself (see samples/README.md).
// Each records what podium computes, so that any other change still fails.
var almsExceptions = map[string]struct {
	field, computed, why string
}{
	"GT|teams|#90": {"position", "8",
		"#16 and #90 both have 0 points; the article numbers them 8th and 9th, while every other equal total in the article shares its position"},
	"GT Am|teams|#16": {"points", "1",
		"the article gives car 16 two GT Am points, but its GT Am drivers one (Li Lin, Zhiwei Lu: the round-1 pole) and none (Chen Weian, Zhang Yaqi, who drove round 2)"},
}

// TestALMSMatchesPublishedStandings scores the 2019–20 Asian Le Mans Series
// sample and compares every team's and driver's position and total with the
// article.
func TestALMSMatchesPublishedStandings(t *testing.T) {
	checkPublished(t, samples.ALMSFile)
}

// checkPublished reads the ALMS season workbook at path, which must have no
// diagnostics, scores it and compares the standings with the article.
func checkPublished(t *testing.T, path string) {
	t.Helper()
	season, diags, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) > 0 {
		t.Fatalf("the workbook has diagnostics: %v", diags)
	}
	st, warnings := scoring.Score(season, scoring.Options{})
	if len(warnings) > 0 {
		t.Errorf("scoring warnings: %v", warnings)
	}
	type key struct{ class, table, who string }
	computed := map[key]scoring.Line{}
	for _, c := range st.Classifications {
		for _, l := range c.Teams {
			computed[key{c.Name, "teams", "#" + l.No}] = l
		}
		for _, l := range c.Drivers {
			computed[key{c.Name, "drivers", l.Name}] = l
		}
	}
	seen := map[key]bool{}
	used := map[string]bool{}
	for _, p := range readPublished(t) {
		who := p.who
		if s, ok := articleSpellings[who]; ok {
			who = s
		}
		k := key{p.class, p.table, who}
		l, ok := computed[k]
		if !ok {
			t.Errorf("line %d: %s %s %s is not in podium's standings", p.line, p.class, p.table, p.who)
			continue
		}
		seen[k] = true
		gotPos, gotPts := strconv.Itoa(l.Pos), scoring.FormatPoints(l.Points)
		wantPos, wantPts := strconv.Itoa(p.pos), scoring.FormatPoints(p.points)
		exKey := p.class + "|" + p.table + "|" + p.who
		if ex, ok := almsExceptions[exKey]; ok {
			used[exKey] = true
			got := map[string]string{"position": gotPos, "points": gotPts}[ex.field]
			if got != ex.computed {
				t.Errorf("%s: exception expects computed %s %s, got %s", exKey, ex.field, ex.computed, got)
			}
			if ex.field == "position" {
				wantPos = gotPos
			} else {
				wantPts = gotPts
			}
		}
		if gotPos != wantPos || gotPts != wantPts {
			t.Errorf("line %d: %s %s %s: podium has %s with %s points, the article %s with %s",
				p.line, p.class, p.table, p.who, gotPos, gotPts, wantPos, wantPts)
		}
	}
	for k, l := range computed {
		if !seen[k] {
			t.Errorf("podium lists %s %s %s (%s), which the article does not", k.class, k.table, k.who, l)
		}
	}
	for k := range almsExceptions {
		if !used[k] {
			t.Errorf("exception %s matches no published line", k)
		}
	}
}

// TestALMSIsCurrent: the committed sample is exactly what its code makes.
func TestALMSIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(samples.ALMSFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := samples.WriteALMS(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Errorf("%s differs from samples.ALMS(); run go generate ./... and commit it", samples.ALMSFile)
	}
}

// ExampleALMS shows why a driver has their points.
func Example_explain() {
	season, _, err := sheets.Read(samples.ALMSFile, sheets.OpenOptions{})
	if err != nil {
		panic(err)
	}
	st, _ := scoring.Score(season, scoring.Options{})
	for _, l := range st.Classification("GT").Drivers {
		if l.Name == "Davide Rigon" {
			fmt.Println(l)
			for _, e := range l.Explain() {
				fmt.Println(" ", e)
			}
		}
	}
	// Output:
	// =7 Davide Rigon 46
	//   round 1: 6th: 8
	//   round 1: pole position: 1
	//   round 2: 2nd: 18
	//   round 3: 2nd: 18
	//   round 3: pole position: 1
}

// TestALMSTiedCrewsStayTogether checks that drivers sharing a position are
// listed crew by crew: GT 12th is car 17's crew (Klingmann, Qi, Wiser),
// then Slade of car 27, so the crew's merged cells cover all three.
func TestALMSTiedCrewsStayTogether(t *testing.T) {
	season, diags, err := sheets.Read(samples.ALMSFile, sheets.OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	var got []string
	for _, l := range st.Classification("GT").Drivers {
		if l.Pos == 12 {
			got = append(got, fmt.Sprintf("%s #%s", l.Name, strings.Join(l.Cars, ",")))
		}
	}
	if want := "Jens Klingmann #17; Peiwen Qi #17; Max Wiser #17; Tim Slade #27"; strings.Join(got, "; ") != want {
		t.Errorf("GT drivers 12th:\n got %s\nwant %s", strings.Join(got, "; "), want)
	}
}
