package timing

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

const bom = "\xEF\xBB\xBF"

// acoRace is the header of a real ACO/FIA race export, with the issue's
// own row and two more.
const acoRace = bom + "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;DRIVER_5;\r\n" +
	"1;8;Toyota Gazoo Racing;Sebastien BUEMI;Kazuki NAKAJIMA;Fernando ALONSO;;Toyota TS050 - Hybrid;M;LMP1;H;;Classified;133;5:44'41.101;;;2;1'58.056;213.6;;\r\n" +
	"2;38;Jota Sport;Roberto GONZÁLEZ;António Félix DA COSTA;Anthony DAVIDSON;;Oreca 07 - Gibson;M;LMP2;;;Classified;130;5:45'02.317;3 Laps;;77;2'02.710;205.1;;\r\n" +
	"3;37;Jackie Chan DC Racing;Gabriel AUBRY;Ho-Pin TUNG;Stéphane RICHELMI;;Oreca 07 - Gibson;M;LMP2;;;Retired;88;3:59'12.004;45 Laps;;51;2'03.1;204.0;;\r\n"

func utf16LE(s string, withBOM bool) []byte {
	var out []byte
	if withBOM {
		out = append(out, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u), byte(u>>8))
	}
	return out
}

func utf16BE(s string) []byte {
	out := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		out = append(out, byte(u>>8), byte(u))
	}
	return out
}

func windows1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(b)
}

// rowSummary renders the fields of a timing row that tests compare.
func rowSummary(r Row) string {
	var names []string
	for _, d := range r.Drivers {
		n := d.Name
		if d.Nat != "" {
			n += " (" + d.Nat + ")"
		}
		names = append(names, n)
	}
	return fmt.Sprintf("line %d: #%s pos %d pic %d class %q status %q laps %d best %v team %q car %q drivers %s",
		r.Line, r.No, r.Position, r.ClassPosition, r.Class, r.Status, r.Laps, r.BestLap, r.Team, r.Car, strings.Join(names, ", "))
}

func TestReadTimingFormats(t *testing.T) {
	clubRace := "Pos,Start Number,Competitor,Class,Total Time,Diff,Laps,Best Lap,Best Lap No.,Best Speed,Status,Class Pos\r\n" +
		"1,7,Côme Ledogar / Kei Cozzolino,GT,4:01:02.345,,120,2:05.123,14,158.20,Classified,1\r\n" +
		"2,88,\"André Couto / Yuya Motojima\",GT,4:01:09.001,6.656,120,2:05.9,33,157.21,DNF,2\r\n"
	tests := []struct {
		name     string
		data     []byte
		format   string
		encoding string
		delim    rune
		rows     []string
	}{
		{"ACO race export", []byte(acoRace), "ACO/FIA timing export", "UTF-8 with BOM", ';', []string{
			`line 2: #8 pos 1 pic 0 class "LMP1" status "" laps 133 best 1m58.056s team "Toyota Gazoo Racing" car "Toyota TS050 - Hybrid" drivers Sebastien BUEMI, Kazuki NAKAJIMA, Fernando ALONSO`,
			`line 3: #38 pos 2 pic 0 class "LMP2" status "" laps 130 best 2m2.71s team "Jota Sport" car "Oreca 07 - Gibson" drivers Roberto GONZÁLEZ, António Félix DA COSTA, Anthony DAVIDSON`,
			`line 4: #37 pos 3 pic 0 class "LMP2" status "Ret" laps 88 best 2m3.1s team "Jackie Chan DC Racing" car "Oreca 07 - Gibson" drivers Gabriel AUBRY, Ho-Pin TUNG, Stéphane RICHELMI`,
		}},
		{"ACO export with first and second names", []byte(bom + "POSITION;NUMBER;DRIVER1_FIRSTNAME;DRIVER1_SECONDNAME;DRIVER1_COUNTRY;DRIVER2_FIRSTNAME;DRIVER2_SECONDNAME;DRIVER2_COUNTRY;CLASS;STATUS;LAPS;\n" +
			"1;22;Filipe;ALBUQUERQUE;PRT;Phil;HANSON;GBR;LMP2;Not classified;12;\n"), "ACO/FIA timing export", "UTF-8 with BOM", ';', []string{
			`line 2: #22 pos 1 pic 0 class "LMP2" status "NC" laps 12 best 0s team "" car "" drivers Filipe ALBUQUERQUE (PRT), Phil HANSON (GBR)`,
		}},
		{"ACO export by class", []byte(bom + "CLASS_TYPE;POS;PIC;NUMBER;TEAM;DRIVERS;VEHICLE;STATUS;LAPS;\n" +
			"LMP2;4;1;22;United Autosports;Filipe ALBUQUERQUE / Phil HANSON / Paul DI RESTA;Oreca 07;Classified;367;\n" +
			"LMP2;9;2;26;G-Drive Racing;Roman RUSINOV / Job VAN UITERT / Jean-Éric VERGNE;Aurus 01;Disqualified;367;\n"), "ACO/FIA timing export by class", "UTF-8 with BOM", ';', []string{
			`line 2: #22 pos 4 pic 1 class "LMP2" status "" laps 367 best 0s team "United Autosports" car "Oreca 07" drivers Filipe ALBUQUERQUE, Phil HANSON, Paul DI RESTA`,
			`line 3: #26 pos 9 pic 2 class "LMP2" status "DSQ" laps 367 best 0s team "G-Drive Racing" car "Aurus 01" drivers Roman RUSINOV, Job VAN UITERT, Jean-Éric VERGNE`,
		}},
		{"club export in Windows-1252", windows1252(t, clubRace), "club timing export", "Windows-1252", ',', []string{
			`line 2: #7 pos 1 pic 1 class "GT" status "" laps 120 best 2m5.123s team "" car "" drivers Côme Ledogar, Kei Cozzolino`,
			`line 3: #88 pos 2 pic 2 class "GT" status "Ret" laps 120 best 2m5.9s team "" car "" drivers André Couto, Yuya Motojima`,
		}},
		{"club export in UTF-8 without BOM", []byte(clubRace), "club timing export", "UTF-8", ',', []string{
			`line 2: #7 pos 1 pic 1 class "GT" status "" laps 120 best 2m5.123s team "" car "" drivers Côme Ledogar, Kei Cozzolino`,
			`line 3: #88 pos 2 pic 2 class "GT" status "Ret" laps 120 best 2m5.9s team "" car "" drivers André Couto, Yuya Motojima`,
		}},
		{"Excel Unicode text (UTF-16LE, tabs)", utf16LE("Pos\tNo.\tClass\tStatus\tLaps\tPole\tFastest lap\r\n1\t7\tGT\t\t120\tY\t\r\n\t16\tGT\tDNS\t0\tGT Am\t\r\n", true), "CSV with Results headers", "UTF-16LE", '\t', []string{
			`line 2: #7 pos 1 pic 0 class "GT" status "" laps 120 best 0s team "" car "" drivers `,
			`line 3: #16 pos 0 pic 0 class "GT" status "DNS" laps 0 best 0s team "" car "" drivers `,
		}},
		{"UTF-16LE without BOM", utf16LE("No.;Pos;Status\r\n7;1;\r\n", false), "CSV with Results headers", "UTF-16LE", ';', []string{
			`line 2: #7 pos 1 pic 0 class "" status "" laps -1 best 0s team "" car "" drivers `,
		}},
		{"UTF-16BE", utf16BE("No.,Pos\n7,1\n"), "CSV with Results headers", "UTF-16BE", ',', []string{
			`line 2: #7 pos 1 pic 0 class "" status "" laps -1 best 0s team "" car "" drivers `,
		}},
		{"title lines above the header, blank lines, a footer without fields", []byte("4 Hours of Shanghai;;;\nRace - Final Classification;;;\n\nPOSITION;NUMBER;CLASS;STATUS;\n1;26;LMP2;Classified;\n;;;\n"), "CSV with Results headers", "UTF-8", ';', []string{
			`line 5: #26 pos 1 pic 0 class "LMP2" status "" laps -1 best 0s team "" car "" drivers `,
		}},
		{"bare CR line endings", []byte("NUMBER;POSITION\r7;1\r"), "CSV with Results headers", "UTF-8", ';', []string{
			`line 2: #7 pos 1 pic 0 class "" status "" laps -1 best 0s team "" car "" drivers `,
		}},
		{"seconds as lap times, decimal comma", []byte("No.;Class;Best lap\n7;GT;125,5\n"), "CSV with Results headers", "UTF-8", ';', []string{
			`line 2: #7 pos 0 pic 0 class "GT" status "" laps -1 best 2m5.5s team "" car "" drivers `,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("timing.csv", tt.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got.Format != tt.format || got.Encoding != tt.encoding || got.Delimiter != tt.delim {
				t.Errorf("read as %s, %s, %q; want %s, %s, %q", got.Format, got.Encoding, got.Delimiter, tt.format, tt.encoding, tt.delim)
			}
			var rows []string
			for _, r := range got.Rows {
				rows = append(rows, rowSummary(r))
			}
			if strings.Join(rows, "\n") != strings.Join(tt.rows, "\n") {
				t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(tt.rows, "\n"))
			}
		})
	}
}

func TestReadTimingMarks(t *testing.T) {
	got, err := Read("r.csv", []byte("No.,Pole,Fastest lap\n7,Y,\n16,\"Y, GT Am\",GT Am\n"), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !got.HasPole || !got.HasFastestLap || got.HasLapTimes {
		t.Fatalf("columns: pole %v, fastest-lap marks %v, lap times %v", got.HasPole, got.HasFastestLap, got.HasLapTimes)
	}
	if m := got.Rows[1].Pole; !m.Class || len(m.In) != 1 || m.In[0] != "GT Am" {
		t.Errorf("pole of car 16 = %+v", m)
	}
	if m := got.Rows[1].FastestLap; m.Class || len(m.In) != 1 || m.In[0] != "GT Am" {
		t.Errorf("fastest lap of car 16 = %+v", m)
	}
}

// TestReadTimingProblems: every problem names the file, the line, the cell
// and the column, and all of them are reported at once.
func TestReadTimingProblems(t *testing.T) {
	data := "POSITION;NUMBER;CLASS;STATUS;LAPS;FL_TIME;\n" +
		"1;7;GT;Finito;120;2'05.1;\n" +
		"2;7;GT;Classified;lots;2'05.2;\n" +
		"3;9;GT;Classified;118;fast;\n" +
		"4;;GT;Classified;117;2'06.0;\n" +
		"3;11;GT;Classified;116;2'07.0;\n"
	_, err := Read("race.csv", []byte(data), Limits{})
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("error %v is not Problems", err)
	}
	want := []string{
		`race.csv:2 (cell D2, STATUS): status "Finito" is not a timing status (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)`,
		`race.csv:3 (cell E3, LAPS): laps "lots" is not a number of laps`,
		`race.csv:4 (cell F4, FL_TIME): lap time "fast" is not a time (write it as 1:58.056, 1'58.056 or 118.056 seconds)`,
		`race.csv:5 (cell B5, NUMBER): the car number is missing (every car of the classification needs its number)`,
		`race.csv:6 (cell A6, POSITION): position 3 (class GT) is given twice (also on line 4)`,
	}
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	_, err = Read("race.csv", []byte("NUMBER;CLASS\n7;GT\n8;GT\n7;GT\n"), Limits{})
	if err == nil || err.Error() != "race.csv:4 (cell A4, NUMBER): car 7 is listed twice (also on line 2) (keep one line per car)" {
		t.Errorf("duplicate car: %v", err)
	}
}

func TestReadTimingFileErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", []byte(" \r\n"), "t.csv: the file is empty (export the classification from the timing system again)"},
		{"a workbook", []byte("PK\x03\x04rest"), "t.csv: not a CSV text file: it is a workbook (export the classification as CSV (in Excel: File › Save As › CSV UTF-8))"},
		{"a web page", []byte("<html><body><table>"), "t.csv: not a CSV text file: it is a web page (HTML) (export the classification as CSV from the timing system)"},
		{"binary", []byte("NUMBER;CLASS\n7;\x01GT\n"), "t.csv: not a CSV text file: it holds binary data (byte 15 is 0x01) (export the classification as CSV (UTF-8) from the timing system)"},
		{"broken UTF-8 after a BOM", []byte(bom + "NUMBER;CLASS\n7;G\xffT\n"), "t.csv: not a CSV text file: it starts as UTF-8 but holds bytes that are not UTF-8 (at byte 19) (export the classification as CSV (UTF-8) from the timing system)"},
		{"no car number column", []byte("Driver;Time\nA;1:00\n"), `t.csv: no classification found: no header row with a car number column in the first 10 lines (the first line reads "Driver;Time") (the file needs a header row naming its columns, with the car number under NUMBER, No. or Start Number)`},
		{"header only", []byte("NUMBER;CLASS;\n"), "t.csv:1: the file has a header row but no cars (export the classification again)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("t.csv", tt.data, Limits{})
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
	small := Limits{MaxBytes: 100, MaxRows: 2, MaxFields: 5, MaxCellChars: 10}
	limits := []struct {
		name, data, want string
	}{
		{"too large", strings.Repeat("x", 101), "t.csv: the file is too large for a classification (101 bytes; podium reads up to 100) (is this the classification of one session?)"},
		{"too many cars", "NUMBER;CLASS\n1;A\n2;A\n3;A\n", "t.csv:4: the file has more than 2 cars; podium stopped reading here (is this the classification of one session?)"},
		{"too many fields", "NUMBER;CLASS\n1;A;;;;;\n", "t.csv:2: the line has 7 fields; podium reads at most 5 (is this a classification?)"},
		{"too long a field", "NUMBER;CLASS\n1;ABCDEFGHIJKL\n", "t.csv:2 (cell B2, CLASS): the field holds 12 characters; podium reads at most 10"},
	}
	for _, tt := range limits {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("t.csv", []byte(tt.data), small)
			if err == nil || err.Error() != tt.want {
				t.Errorf("error:\n%v\nwant:\n%s", err, tt.want)
			}
		})
	}
}

func TestParseLapTime(t *testing.T) {
	ms := func(n int64) time.Duration { return time.Duration(n) * time.Millisecond }
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"5:44'41.101", ms(5*3600000 + 44*60000 + 41101), true},
		{"1'58.056", ms(118056), true},
		{"45:30.694", ms(45*60000 + 30694), true},
		{"1:02:03.4", ms(3723400), true},
		{"118.056", ms(118056), true},
		{"118,056", ms(118056), true},
		{"59", ms(59000), true},
		{" 2'03.1 ", ms(123100), true},
		{"", 0, false},
		{"1'60.000", 0, false},
		{"1:75:00", 0, false},
		{"-1:00", 0, false},
		{"1e3", 0, false},
		{"1'", 0, false},
		{"NaN", 0, false},
		{"1:2:3:4", 0, false},
		{"3 Laps", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseLapTime(tt.in)
		if (err == nil) != tt.ok || got != tt.want {
			t.Errorf("ParseLapTime(%q) = %v, %v; want %v, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

// TestReadTimingLineEndings reads the 26 cars of a real race export with
// every kind of line ending: CR LF, LF, bare CR, all three mixed in one
// file (as hand edits and some timing services leave them: the mixed file
// lost 8 cars), a CR LF pair straddling encoding/csv's 4,096-byte buffer,
// and a line break inside a quoted field. Every car is read, on its line.
func TestReadTimingLineEndings(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "samples", "testdata", "timing", "alms-r1-race-aco.csv"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n"), "\n")
	if len(lines) != 27 {
		t.Fatalf("the export has %d lines", len(lines))
	}
	join := func(end func(i int) string) []byte {
		var b strings.Builder
		for i, l := range lines {
			b.WriteString(l + end(i))
		}
		return []byte(b.String())
	}
	mixed := func(i int) string { return []string{"\r\n", "\n", "\r"}[i%3] }
	// Pad the teams of lines 2–6 so that line 6's CR is byte 4,096 and
	// its LF starts the reader's next buffer.
	straddle := func() []byte {
		padded := slices.Clone(lines)
		end := 0 // the offset of line 6's CR
		for _, l := range lines[:6] {
			end += len(l) + 2
		}
		end -= 2
		pad := 4095 - end
		for i := 1; i <= 5; i++ {
			n := pad / 5
			if i == 5 {
				n = pad - 4*(pad/5)
			}
			f := strings.Split(padded[i], ";")
			f[2] += strings.Repeat(" ", n)
			padded[i] = strings.Join(f, ";")
		}
		out := []byte(strings.Join(padded, "\r\n") + "\r\n")
		if out[4095] != '\r' || out[4096] != '\n' {
			t.Fatalf("bytes 4095–4096 are %q", out[4095:4097])
		}
		return out
	}
	quoted := func() []byte {
		q := slices.Clone(lines)
		q[2] = strings.Replace(q[2], ";Eurasia Motorsport;", ";\"Eurasia\rMotorsport\";", 1)
		q[8] = strings.Replace(q[8], ";Inter Europol Competition;", ";\"Inter Europol\r\nCompetition\";", 1)
		return []byte(strings.Join(q, "\r"))
	}
	var want []string
	for i, l := range lines[1:] {
		no := strings.Split(l, ";")[1]
		want = append(want, fmt.Sprintf("line %d: #%s", i+2, no))
	}
	tests := []struct {
		name string
		data []byte
		want []string
	}{
		{"CR LF", join(func(int) string { return "\r\n" }), want},
		{"LF", join(func(int) string { return "\n" }), want},
		{"bare CR", join(func(int) string { return "\r" }), want},
		{"CR LF, LF and CR mixed", join(mixed), want},
		{"mixed, without a final line ending", bytes.TrimRight(join(mixed), "\r\n"), want},
		{"a CR LF across the reader's buffer", straddle(), want},
	}
	// A line break inside a quoted field counts as a line, as in a text
	// editor: the cars after it are one line further down.
	var quotedWant []string
	for i, w := range want {
		n := i + 2
		if i >= 2 {
			n++
		}
		if i >= 8 {
			n++
		}
		quotedWant = append(quotedWant, fmt.Sprintf("line %d: #%s", n, strings.Split(w, "#")[1]))
	}
	tests = append(tests, struct {
		name string
		data []byte
		want []string
	}{"line breaks inside quoted fields", quoted(), quotedWant})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read("race.csv", tt.data, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, r := range got.Rows {
				rows = append(rows, fmt.Sprintf("line %d: #%s", r.Line, r.No))
			}
			if !slices.Equal(rows, tt.want) {
				t.Errorf("%d cars:\n%s\nwant %d:\n%s", len(rows), strings.Join(rows, "\n"), len(tt.want), strings.Join(tt.want, "\n"))
			}
		})
	}
	got, err := Read("race.csv", quoted(), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Rows[1].Team != "Eurasia Motorsport" || got.Rows[7].Team != "Inter Europol Competition" {
		t.Errorf("teams %q, %q", got.Rows[1].Team, got.Rows[7].Team)
	}
}

// TestReadTimingStopsWithProblemsGrouped: a file the reader stops in (a
// line with too many fields) lists the problems found before it as every
// other file does, the same problem on several lines on one line.
func TestReadTimingStopsWithProblemsGrouped(t *testing.T) {
	data := "POSITION;NUMBER;CLASS;STATUS\n1;7;GT;Finito\n2;8;GT;Finito\n3;9;GT;;;;;\n"
	_, err := Read("race.csv", []byte(data), Limits{MaxBytes: 1000, MaxRows: 10, MaxFields: 5, MaxCellChars: 10})
	want := `race.csv:2 (cell D2, STATUS): status "Finito" is not a timing status; also line 3 (expected Classified (or blank), Not classified, Retired, DNF, Not started, Disqualified, Excluded, Withdrawn or Did not qualify)` + "\n" +
		"race.csv:4: the line has 8 fields; podium reads at most 5 (is this a classification?)"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

// TestReadTimingLapsLed: the laps-led column of the exports that have one
// (LAPS_LED, LL, Laps Led, Led; the Results sheet's Laps led) is read, a
// blank as not given; a value that is not a number of laps is a problem
// at its cell.
func TestReadTimingLapsLed(t *testing.T) {
	for _, header := range []string{"LAPS_LED", "LL", "Laps Led", "Led", "Laps led", "LAPS LED"} {
		data := "POS;NUMBER;LAPS;" + header + "\n1;7;60;42\n2;8;60;18\n3;9;59;\n"
		got, err := Read("race.csv", []byte(data), Limits{})
		if err != nil {
			t.Fatalf("%s: %v", header, err)
		}
		var led []int
		for _, r := range got.Rows {
			led = append(led, r.LapsLed)
		}
		if !got.HasLapsLed || !slices.Equal(led, []int{42, 18, -1}) {
			t.Errorf("%s: has laps led %v, laps led %v; want true, [42 18 -1]", header, got.HasLapsLed, led)
		}
	}
	got, err := Read("race.csv", []byte("POS;NUMBER;LAPS\n1;7;60\n"), Limits{})
	if err != nil || got.HasLapsLed || got.Rows[0].LapsLed != -1 {
		t.Errorf("a file without laps led: has %v, car 7 %d, %v", got.HasLapsLed, got.Rows[0].LapsLed, err)
	}
	_, err = Read("race.csv", []byte("POS;NUMBER;LAPS LED\n1;7;all\n2;8;-1\n"), Limits{})
	var problems Problems
	if !errors.As(err, &problems) {
		t.Fatalf("error %v is not Problems", err)
	}
	var msgs []string
	for _, p := range problems {
		msgs = append(msgs, p.String())
	}
	if want := []string{
		`race.csv:2 (cell C2, LAPS LED): laps led "all" is not a number of laps`,
		`race.csv:3 (cell C3, LAPS LED): laps led "-1" is not a number of laps`,
	}; !slices.Equal(msgs, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}
