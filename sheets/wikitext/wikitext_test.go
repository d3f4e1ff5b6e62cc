package wikitext

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/sheets/present/presenttest"
)

var update = flag.Bool("update", false, "rewrite the golden wikitext files")

func write(t *testing.T, season *scoring.Season, st *scoring.Standings) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, season, st); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// TestGoldenALMS: the wikitext of the ALMS sample is the golden file
// (rewrite it with -update), and the same bytes on a second run.
func TestGoldenALMS(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	got := write(t, season, st)
	if again := write(t, season, st); again != got {
		t.Fatal("two runs wrote different wikitext")
	}
	golden := filepath.Join("testdata", "alms-2019-20.wiki")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: got %q, want %q (run with -update if the change is meant)", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, want %d (run with -update if the change is meant)", len(gl), len(wl))
	}
}

// TestParsedBack reads the markup of the samples back — v1's tables of
// the ALMS sample, contract v2's drivers' and constructors' tables of
// 1988 (best 11 results) and 2021 (sprint meetings, half points) — and
// compares every heading, column header, position, name, flag, car, round
// cell (its text, colour, bold and italics) and points total with the
// standings, with every rowspan and colspan laid out.
func TestParsedBack(t *testing.T) {
	for _, name := range []string{"alms-2019-20", "f1-1988", "f1-2021"} {
		t.Run(name, func(t *testing.T) {
			season, st := sheetstest.Scored(t, "../../samples/"+name+".xlsx")
			checkParsed(t, season, st, write(t, season, st))
		})
	}
	// Small seasons with Championships: teams, makes, a driver cup, a
	// driver excluded and cars with too few starts (no position), results
	// that always count (‡), an invited entry, a double-points round.
	for name, season := range map[string]*scoring.Season{
		"championships":   presenttest.ChampionshipSeason(),
		"driver and make": presenttest.DriverMakeSeason(),
	} {
		t.Run(name, func(t *testing.T) {
			st, _ := scoring.Score(season, scoring.Options{})
			src := write(t, season, st)
			checkParsed(t, season, st, src)
		})
	}
}

// TestParsedCells checks cells of the samples by hand: what a reader of
// the article sees.
func TestParsedCells(t *testing.T) {
	for _, tc := range []struct {
		sample, table string
		line          int // in the table's lines
		name          string
		flag          string
		rounds        []string // text, then * for bold, / for italics, @colour
		points        string
		rows          int // the rows the position, the points and each round span
	}{
		{"alms-2019-20", "LMP2 Teams' Championship", 0, "#26 G-Drive Racing with Algarve", "RUS", []string{"1@FFFFBF", "1@FFFFBF", "3@FFDF9F", "2@DFDFDF"}, "83", 1},
		{"alms-2019-20", "LMP2 Teams' Championship", 1, "#45 Thunderhead Carlin Racing", "GBR", []string{"3@FFDF9F", "3*@FFDF9F", "1@FFFFBF", "1*@FFFFBF"}, "82", 1},
		{"alms-2019-20", "LMP2 Teams' Championship", 5, "#96 K2 Uchino Racing", "JPN", []string{"Ret@EFCFFF", "WD@", "4@DFFFDF", "3@FFDF9F"}, "27", 1},
		{"alms-2019-20", "LMP2 Drivers' Championship", 0, "James French", "USA", []string{"1@FFFFBF", "1@FFFFBF", "3@FFDF9F", "2@DFDFDF"}, "83", 3},
		{"alms-2019-20", "LMP2 Am Drivers' Championship", 1, "Gustas Grinbergas", "LTU", []string{"@", "1@FFFFBF", "1@FFFFBF", "2@DFDFDF"}, "68", 1},
	} {
		season, st := sheetstest.Scored(t, "../../samples/"+tc.sample+".xlsx")
		doc := parseWiki(t, write(t, season, st))
		g, header := standingsGrid(t, doc, tc.table)
		row := g[header+tc.line]
		who := decode(row[1].raw)
		if decode(g[0][1].raw).text == "±" { // the change of position comes first
			who = decode(row[2].raw)
		}
		if who.text != tc.name || !slices.Equal(who.flags, []string{tc.flag}) {
			t.Errorf("%s line %d: %q %v, want %q [%s]", tc.table, tc.line, who.text, who.flags, tc.name, tc.flag)
		}
		first := len(row) - 1 - len(tc.rounds)
		for j, want := range tc.rounds {
			c := row[first+j]
			s := decode(c.raw)
			got := s.text
			if s.bold {
				got += "*"
			}
			if s.italic {
				got += "/"
			}
			got += "@" + strings.TrimPrefix(c.styleOf("background"), "#")
			if c.rowspan != tc.rows {
				got += " over " + strconv.Itoa(c.rowspan) + " rows"
			}
			if got != want {
				t.Errorf("%s %s round %d: %q, want %q", tc.table, tc.name, j+1, got, want)
			}
		}
		if pts := row[len(row)-1]; decode(pts.raw).text != tc.points || pts.rowspan != tc.rows || row[0].rowspan != tc.rows {
			t.Errorf("%s %s: points %q over %d rows, position over %d; want %s over %d", tc.table, tc.name, decode(pts.raw).text, pts.rowspan, row[0].rowspan, tc.points, tc.rows)
		}
	}
}

// standingsGrid finds the table under a heading and lays it out; it
// returns its grid and the number of its header rows.
func standingsGrid(t *testing.T, doc *wikiDoc, title string) ([][]*wikiCell, int) {
	t.Helper()
	for i, b := range doc.blocks {
		if b.level != 3 || decode(b.text).text != title {
			continue
		}
		tables := b.tables
		if len(tables) == 0 && i+1 < len(doc.blocks) && doc.blocks[i+1].level == 0 {
			tables = doc.blocks[i+1].tables
		}
		if len(tables) != 1 || len(tables[0].rows) != 1 || len(tables[0].rows[0]) != 2 || len(tables[0].rows[0][0].tables) != 1 {
			t.Fatalf("%s: not a table beside its key", title)
		}
		g := tables[0].rows[0][0].tables[0].grid(t)
		return g, headerRows(g)
	}
	t.Fatalf("no heading %q", title)
	return nil, 0
}

func headerRows(g [][]*wikiCell) int {
	n := 0
	for _, row := range g {
		for _, c := range row {
			if !c.header {
				return n
			}
		}
		n++
	}
	return n
}

// wantFlag is the flag template's parameter for a nationality or country.
func wantFlag(v string) []string {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return nil
	case v == "LIT":
		return []string{"LTU"}
	}
	return []string{v}
}

// checkParsed compares the parsed markup with the standings.
func checkParsed(t *testing.T, season *scoring.Season, st *scoring.Standings, src string) {
	t.Helper()
	doc := parseWiki(t, src)
	var tables []present.Table
	for _, tb := range present.NewLayout(season, st).Tables {
		if len(tb.Lines) > 0 {
			tables = append(tables, tb)
		}
	}
	var headings []wikiBlock
	for i, b := range doc.blocks {
		if b.level == 3 {
			headings = append(headings, b)
			// The title race, in words, under the heading.
			if i+1 < len(doc.blocks) && doc.blocks[i+1].level == 0 {
				headings[len(headings)-1].text += "\x00" + doc.blocks[i+1].text
			}
		}
	}
	if len(headings) != len(tables) {
		t.Fatalf("%d headings, want %d tables", len(headings), len(tables))
	}
	models := present.CarModels(season)
	for k, tb := range tables {
		title, summary, _ := strings.Cut(headings[k].text, "\x00")
		if got := decode(title).text; got != tb.Title() {
			t.Errorf("heading %d: %q, want %q", k+1, got, tb.Title())
			continue
		}
		std := tb.Scored
		wantSummary := present.TitleSummary(std)
		if s := decode(summary); s.text != wantSummary || (summary != "" && !s.italic) {
			t.Errorf("%s: title race %q (italics %v), want %q", tb.Title(), s.text, s.italic, wantSummary)
		}
		moves := std != nil && std.Moves
		car := tb.Competitor == scoring.CompetitorCar
		g, header := standingsGrid(t, doc, tb.Title())
		checkHeader(t, tb, g[:header], moves, car)
		rows := g[header:]
		if len(rows) != len(tb.Lines) {
			t.Errorf("%s: %d rows, want %d lines", tb.Title(), len(rows), len(tb.Lines))
			continue
		}
		for i := range tb.Lines {
			l := &tb.Lines[i]
			row := rows[i]
			col := 0
			next := func() *wikiCell { col++; return row[col-1] }
			pos := ""
			if l.Pos > 0 {
				pos = strconv.Itoa(l.Pos)
			}
			if got := decode(next().raw).text; got != pos {
				t.Errorf("%s line %d: position %q, want %q", tb.Title(), i+1, got, pos)
			}
			if moves {
				if got := decode(next().raw).text; got != present.Move(std, l) {
					t.Errorf("%s line %d: change %q, want %q", tb.Title(), i+1, got, present.Move(std, l))
				}
			}
			d := present.Describe(*l, models)
			name := d.Name
			if car {
				name = "#" + d.No + " " + d.Name
			}
			if who := decode(next().raw); who.text != name || !slices.Equal(who.flags, wantFlag(d.Nat)) {
				t.Errorf("%s line %d: %q %q, want %q %q", tb.Title(), i+1, who.text, who.flags, name, wantFlag(d.Nat))
			}
			if car {
				if got := decode(next().raw).text; got != d.Car {
					t.Errorf("%s line %d: car %q, want %q", tb.Title(), i+1, got, d.Car)
				}
			}
			for j := range l.Rounds {
				checkRound(t, tb.Title(), l, j, next())
			}
			if got := decode(next().raw).text; got != scoring.FormatPoints(l.Points) {
				t.Errorf("%s line %d: points %q, want %s", tb.Title(), i+1, got, scoring.FormatPoints(l.Points))
			}
			if col != len(row) {
				t.Errorf("%s line %d: %d cells, read %d", tb.Title(), i+1, len(row), col)
			}
		}
		checkKey(t, tb, doc)
	}
}

// checkRound compares a round's cell with the standings.
func checkRound(t *testing.T, title string, l *scoring.Line, j int, c *wikiCell) {
	t.Helper()
	want := present.Round(&l.Rounds[j])
	s := decode(c.raw)
	bg, fg := "", ""
	if f := want.Class.Fill(); f != "" {
		bg = "#" + f
	}
	if f := want.Class.Font(); f != "" {
		fg = "#" + f
	}
	if s.text != want.Text() || s.bold != (want.Marks&present.Pole != 0) || s.italic != (want.Marks&present.FastestLap != 0) ||
		c.styleOf("background") != bg || c.styleOf("color") != fg {
		t.Errorf("%s %s round %d: %q bold %v italics %v on %q/%q; want %q bold %v italics %v on %q/%q", title, present.Name(l), j+1,
			s.text, s.bold, s.italic, c.styleOf("background"), c.styleOf("color"),
			want.Text(), want.Marks&present.Pole != 0, want.Marks&present.FastestLap != 0, bg, fg)
	}
}

// checkHeader compares the header rows with the table's columns: Pos.,
// the change, the competitor, the car, each round (its code and flag, its
// meeting above), Points.
func checkHeader(t *testing.T, tb present.Table, head [][]*wikiCell, moves, car bool) {
	t.Helper()
	meetings := present.Meetings(tb.Rounds)
	if want := 1 + btoi(meetings != nil); len(head) != want {
		t.Fatalf("%s: %d header rows, want %d", tb.Title(), len(head), want)
	}
	bottom := head[len(head)-1]
	want := []string{"Pos."}
	if moves {
		want = append(want, "±")
	}
	want = append(want, tb.Who())
	if car {
		want = append(want, "Car")
	}
	first := len(want)
	for _, r := range tb.Rounds {
		code := r.Code
		if code == "" {
			code = "R" + strconv.Itoa(r.Number)
		}
		want = append(want, code)
	}
	want = append(want, "Points")
	if len(bottom) != len(want) {
		t.Fatalf("%s: %d columns, want %d", tb.Title(), len(bottom), len(want))
	}
	for i, w := range want {
		if got := decode(bottom[i].raw).text; got != w {
			t.Errorf("%s column %d: %q, want %q", tb.Title(), i+1, got, w)
		}
	}
	under := map[int]present.MeetingSpan{}
	for _, m := range meetings {
		for i := m.First; i <= m.Last; i++ {
			under[i] = m
		}
	}
	for i, r := range tb.Rounds {
		c := bottom[first+i]
		m, ok := under[i]
		country := r.Country
		if ok {
			top := head[0][first+i]
			if top == c || decode(top.raw).text != r.Meeting || top.colspan != m.Last-m.First+1 ||
				!slices.Equal(decode(top.raw).flags, wantFlag(m.Country)) {
				t.Errorf("%s round %d: meeting %q over %d columns, want %q over %d", tb.Title(), i+1, decode(top.raw).text, top.colspan, r.Meeting, m.Last-m.First+1)
			}
			if m.Country != "" {
				country = ""
			}
		} else if meetings != nil && c.rowspan != 2 {
			t.Errorf("%s round %d: not over both header rows", tb.Title(), i+1)
		}
		if got := decode(c.raw).flags; !slices.Equal(got, wantFlag(country)) {
			t.Errorf("%s round %d: flags %q, want %q", tb.Title(), i+1, got, wantFlag(country))
		}
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkKey compares the key beside a table with the colour key.
func checkKey(t *testing.T, tb present.Table, doc *wikiDoc) {
	t.Helper()
	var key *wikiTable
	for i, b := range doc.blocks {
		if b.level == 3 && decode(b.text).text == tb.Title() {
			tables := b.tables
			if len(tables) == 0 {
				tables = doc.blocks[i+1].tables
			}
			key = tables[0].rows[0][1].tables[0]
		}
	}
	kept := false
	for _, l := range tb.Lines {
		for _, c := range l.Rounds {
			kept = kept || c.Undroppable
		}
	}
	g := key.grid(t)
	classes, marks := present.KeyClasses(), present.KeyMarks(kept)
	if len(g) != 1+len(classes)+len(marks) || decode(g[0][0].raw).text != "Key" {
		t.Fatalf("%s: key of %d rows, want %d", tb.Title(), len(g), 1+len(classes)+len(marks))
	}
	for i, c := range classes {
		cell := g[1+i][0]
		bg := ""
		if c.Fill() != "" {
			bg = "#" + c.Fill()
		}
		if decode(cell.raw).text != c.Legend() || cell.styleOf("background") != bg {
			t.Errorf("%s key %d: %q on %q, want %q on %q", tb.Title(), i+1, decode(cell.raw).text, cell.styleOf("background"), c.Legend(), bg)
		}
	}
	for i, m := range marks {
		s := decode(g[1+len(classes)+i][0].raw)
		if s.text != m.Legend() || s.bold != (m == present.Pole) || s.italic != (m == present.FastestLap) {
			t.Errorf("%s key mark %d: %q bold %v italics %v, want %q", tb.Title(), i+1, s.text, s.bold, s.italic, m.Legend())
		}
	}
}

// TestTitleRaceAndMoves: the title race is said in words under the
// heading, in italics, and the change of position since the previous round
// has a column after Pos., shared by a crew whose change is the same and
// not by one whose changes differ (the fields set by hand).
func TestTitleRaceAndMoves(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	tb := st.Table("LMP2 Drivers")
	if tb == nil {
		t.Fatal("no LMP2 Drivers table")
	}
	tb.Moves = true
	tb.Title = scoring.TitleRace{RoundsLeft: 1, Available: 26}
	// The crews of positions 1, 2 and 4: up one, down one, and two
	// drivers whose changes differ.
	for i, prev := range []int{2, 2, 2, 1, 1, 1, 3, 3, 3, 3, 5} {
		tb.Lines[i].Previous = prev
	}
	for i := range 6 {
		tb.Lines[i].Title = scoring.TitleContender
	}
	src := write(t, season, st)
	checkParsed(t, season, st, src)
	doc := parseWiki(t, src)
	g, header := standingsGrid(t, doc, "LMP2 Drivers' Championship")
	for _, tc := range []struct {
		line int
		move string
		rows int
	}{{0, "▲1", 3}, {3, "▼1", 3}, {6, "", 3}, {9, "▼1", 1}, {10, "▲1", 1}} {
		c := g[header+tc.line][1]
		if decode(c.raw).text != tc.move || c.rowspan != tc.rows {
			t.Errorf("line %d: change %q over %d rows, want %q over %d", tc.line, decode(c.raw).text, c.rowspan, tc.move, tc.rows)
		}
	}
	for _, b := range doc.blocks {
		if b.level == 0 && strings.Contains(b.text, "can still win") {
			want := "''1 race left, 26 points available; can still win: James French, Leonard Hoogenboom, Roman Rusinov, Ben Barnicoat, Jack Manchester and Harry Tincknell''"
			if b.text != want {
				t.Errorf("title race %q, want %q", b.text, want)
			}
			return
		}
	}
	t.Error("no title race written")
}

// TestEscape: text is pasted as it is shown — whatever would be read as
// markup goes in <nowiki>, &, < and > as entities, line breaks as spaces.
func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"G-Drive Racing", "G-Drive Racing"},
		{"D'station Racing", "D'station Racing"},
		{"Côme Ledogar", "Côme Ledogar"},
		{"  spaced  ", "spaced"},
		{"A | B", "<nowiki>A | B</nowiki>"},
		{"{{flagicon|GBR}}", "<nowiki>{{flagicon|GBR}}</nowiki>"},
		{"{| table", "<nowiki>{| table</nowiki>"},
		{"[[Link]]", "<nowiki>[[Link]]</nowiki>"},
		{"''italic''", "<nowiki>''italic''</nowiki>"},
		{"Jones'", "<nowiki>Jones'</nowiki>"},
		{"'Quoted", "<nowiki>'Quoted</nowiki>"},
		{"-5", "<nowiki>-5</nowiki>"},
		{"+ Team", "<nowiki>+ Team</nowiki>"},
		{"!Team", "<nowiki>!Team</nowiki>"},
		{"Go!! Racing", "<nowiki>Go!! Racing</nowiki>"},
		{"Go! Racing", "Go! Racing"},
		{"* star", "<nowiki>* star</nowiki>"},
		{"= eq", "<nowiki>= eq</nowiki>"},
		{"Pro=", "<nowiki>Pro=</nowiki>"},
		{"~~~~", "<nowiki>~~~~</nowiki>"},
		{"__NOTOC__", "<nowiki>__NOTOC__</nowiki>"},
		{"https://example.org", "<nowiki>https://example.org</nowiki>"},
		{"A & B", "A &amp; B"},
		{"<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"},
		{"</nowiki>|", "<nowiki>&lt;/nowiki&gt;|</nowiki>"},
		{"line\nbreak\tand\rmore", "line break and more"},
		{"#26 Team", "#26 Team"},
		{"", ""},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestFlag: nationalities as flag templates — codes in capitals, the codes
// the template does not know mapped, names kept, markup never passed.
func TestFlag(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"GBR", "{{flagicon|GBR}}"},
		{"jpn", "{{flagicon|JPN}}"},
		{" GER ", "{{flagicon|GER}}"},
		{"LIT", "{{flagicon|LTU}}"},
		{"HOL", "{{flagicon|NED}}"},
		{"ROM", "{{flagicon|ROU}}"},
		{"RSM", "{{flagicon|SMR}}"},
		{"UK", "{{flagicon|GBR}}"},
		{"United Kingdom", "{{flagicon|United Kingdom}}"},
		{"Côte d'Ivoire", "{{flagicon|Côte d'Ivoire}}"},
		{"", ""},
		{"A|B", "<nowiki>A|B</nowiki>"},
		{"x=y", "x=y"},
		{"}}{{", "<nowiki>}}{{</nowiki>"},
	} {
		if got := Flag(tc.in); got != tc.want {
			t.Errorf("Flag(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestNamesParsedBack: names full of markup are read back as written, in
// cells, headings and header cells, by a reader that splits cells as
// MediaWiki does.
func TestNamesParsedBack(t *testing.T) {
	names := []string{"A | B", "A || B", "Go!! Racing", "{{flagicon|GBR}}", "{| x", "|} y", "|- z", "|+ w", "-5", "+1", "!x",
		"''it''", "'''bold'''", "Jones'", "'Q", "[[Link|text]]", "~~~~", "__NOTOC__", "http://x.org", "A & B", "<br />", "&amp;", "x=y", "line\nbreak"}
	season := &scoring.Season{Series: "S | {{x}}", Name: "--> 2026"}
	var lines []scoring.Line
	for i, n := range names {
		lines = append(lines, scoring.Line{Kind: scoring.DriverLine, Name: n, Nat: "A|B", Pos: i + 1, Points: float64(len(names) - i),
			Rounds: []scoring.Cell{{Round: 1, No: "1", Status: scoring.Classified, Pos: i + 1, Present: true, Pole: i == 0, FastestLap: i < 2}}})
	}
	st := &scoring.Standings{AfterRound: 1, Rounds: []scoring.Round{{Number: 1, Code: "A|B", Country: "{{x}}", Meeting: "M || N"}},
		Championships: []scoring.Table{{Name: "Drivers'' | =", Championship: scoring.Championship{Name: "Drivers'' | =", Competitor: scoring.CompetitorDriver}, Lines: lines}}}
	src := write(t, season, st)
	doc := parseWiki(t, src)
	g, header := standingsGrid(t, doc, "Drivers'' | =")
	if header != 2 || decode(g[0][2].raw).text != "M || N {{x}}" || decode(g[0][2].raw).flags != nil || decode(g[1][2].raw).text != "A|B" {
		t.Errorf("header %d rows: %q / %q", header, g[0][2].raw, g[1][2].raw)
	}
	for i, n := range names {
		row := g[header+i]
		want := strings.Join(strings.Fields(n), " ")
		if n == "line\nbreak" {
			want = "line break"
		}
		if got := decode(row[1].raw); got.text != "A|B "+want || got.flags != nil {
			t.Errorf("name %q read back as %q %q", n, got.text, got.flags)
		}
		if got := decode(row[2].raw); got.text != strconv.Itoa(i+1) || got.bold != (i == 0) || got.italic != (i < 2) {
			t.Errorf("round of %q read back as %+v", n, got)
		}
	}
	if !strings.HasPrefix(src, "<!-- Standings by podium: S | {{x}} - -&gt; 2026 · After round 1 · Provisional -->\n") {
		t.Errorf("comment line %q", strings.SplitN(src, "\n", 2)[0])
	}
}

func TestIsWikitext(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	for _, tc := range []struct {
		data string
		want bool
	}{
		{write(t, season, st), true},
		{"", false},
		{"<!-- Standings by", false},
		{"{| class=\"wikitable\"\n|}\n", false},
		{"<!-- Asian Le Mans Series 2019–20 · Final -->\n", false},
	} {
		if got := IsWikitext([]byte(tc.data)); got != tc.want {
			t.Errorf("IsWikitext(%.40q) = %v, want %v", tc.data, got, tc.want)
		}
	}
}
