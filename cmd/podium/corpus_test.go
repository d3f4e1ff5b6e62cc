package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The bad-input corpus: files officials really send (and a few crafted
// ones). For each, podium must print a message whose first line is exactly
// the one given, exit with the code given (1 for bad data, 2 for a file it
// cannot use), never panic, leave the input byte for byte as it was, and
// write nothing: no standings workbook, no CSV, no temporary file, no
// backup.

// corpusFile is one file of the corpus.
type corpusFile struct {
	name string
	// make returns the file's bytes.
	make func(t *testing.T) []byte
	// password, when set, is given with --password.
	password string
	code     int
	// first is the first line of the message: stderr for exit code 2,
	// the validation report (stdout) otherwise.
	first string
}

func TestBadInputCorpus(t *testing.T) {
	for _, c := range corpus() {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "season.xlsx")
			data := c.make(t)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"validate", path}
			if c.password != "" {
				args = append(args, "--password", c.password)
			}
			code, stdout, stderr := podium(t, args...)
			msg := stdout
			if code == exitUsage {
				msg = stderr
			}
			first, _, _ := strings.Cut(msg, "\n")
			first = strings.ReplaceAll(first, dir+string(os.PathSeparator), "")
			if c.first == "" { // a new case: print what to expect
				t.Errorf("no expectation; got exit %d, first line\n%s", code, first)
			} else if code != c.code || first != c.first {
				t.Errorf("validate: exit %d, first line\n  %s\nwant exit %d,\n  %s\nstdout: %s\nstderr: %s", code, first, c.code, c.first, stdout, stderr)
			}
			for _, out := range []string{stdout, stderr} {
				if strings.Contains(out, "goroutine ") || strings.Contains(out, "panic") {
					t.Errorf("a stack trace:\n%s", out)
				}
			}
			if c.code == exitOK {
				return
			}
			// score must refuse the same way and write nothing, either
			// into the season or beside it.
			for _, score := range [][]string{
				{"score", path, "--out", filepath.Join(dir, "standings.xlsx"), "--csv", filepath.Join(dir, "press")},
				{"score", path, "--zip", filepath.Join(dir, "press.zip")},
			} {
				if c.password != "" {
					score = append(score, "--password", c.password)
				}
				if code, _, stderr := podium(t, score...); code != c.code {
					t.Errorf("%s: exit %d, want %d\n%s", strings.Join(score[:1], " "), code, c.code, stderr)
				}
			}
			after, err := os.ReadFile(path)
			if err != nil || !bytes.Equal(after, data) {
				t.Errorf("the input changed (err %v)", err)
			}
			entries, _ := os.ReadDir(dir)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, []string{"season.xlsx"}) {
				t.Errorf("files left beside the input: %v", names)
			}
		})
	}
}

func corpus() []corpusFile {
	const damaged = "(open it in Excel or LibreOffice, repair it if asked, and save it again)"
	files := []corpusFile{
		// Files that are not workbooks, or not ones podium can open.
		{"empty file", raw(nil), "", 2, "podium: season.xlsx: the file is empty (the file has 0 bytes; save the workbook again from Excel)"},
		{"random bytes", raw([]byte{0x00, 0x9f, 0x42, 0xff, 0x10, 0x00}), "", 2, "podium: season.xlsx: not an Excel workbook (podium reads Excel workbooks (.xlsx); save the file from Excel or LibreOffice in that format)"},
		{"csv renamed", raw([]byte("Round;No.;Pos\r\n1;7;1\r\n")), "", 2, "podium: season.xlsx: not an Excel workbook: it is a CSV or text file (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"utf-16 text renamed", raw([]byte("\xff\xfeR\x00o\x00u\x00n\x00d\x00\t\x00N\x00o\x00\r\x00\n\x00")), "", 2, "podium: season.xlsx: not an Excel workbook: it is a CSV or text file (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"html export", raw([]byte("<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>")), "", 2, "podium: season.xlsx: not an Excel workbook: it is a web page (HTML or XML) named like a workbook (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"xls renamed", raw(append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 1024)...)), "", 2, "podium: season.xlsx: an Excel 97–2003 (.xls) workbook, which podium cannot read (open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx))"},
		{"ods renamed", zipFiles(map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"}), "", 2, "podium: season.xlsx: an OpenDocument (.ods) spreadsheet, which podium cannot read (open it in LibreOffice and save it as Excel 2007-365 (.xlsx))"},
		{"xlsb renamed", zipFiles(map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x83\x01"}), "", 2, "podium: season.xlsx: not an Excel workbook: it is a binary workbook (.xlsb) (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"zip of random files", zipFiles(map[string]string{"photo.jpg": "\xff\xd8\xff", "notes.txt": "lap times"}), "", 2, "podium: season.xlsx: not an Excel workbook: it is a zip archive (give the Excel workbook (.xlsx) of the season)"},
		{"word document", zipFiles(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), "", 2, "podium: season.xlsx: not an Excel workbook: it is an Office package without a workbook part (perhaps a Word or PowerPoint file) (give the Excel workbook (.xlsx) of the season)"},
		{"workbook part missing", withoutParts(demoBytes, "xl/workbook.xml"), "", 2, "podium: season.xlsx: not an Excel workbook: it is an Office package without a workbook part (perhaps a Word or PowerPoint file) (give the Excel workbook (.xlsx) of the season)"},
		{"truncated zip", func(t *testing.T) []byte { d := demoBytes(t); return d[:len(d)*2/3] }, "", 2, "podium: season.xlsx: the workbook is damaged: the file is truncated or is not a valid zip package (the file may have been cut short while copying or downloading; get a fresh copy)"},
		{"password, none given", encrypted("pit-wall"), "", 2, "podium: season.xlsx: the workbook is protected by a password (give the password with --password, or remove it in Excel: File › Info › Protect Workbook)"},
		{"password, wrong one", encrypted("pit-wall"), "paddock", 2, "podium: season.xlsx: the password does not open the workbook (check the password given with --password)"},
		{"password, right one", encrypted("pit-wall"), "pit-wall", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"shared-strings bomb", stringsBomb, "", 2, "podium: season.xlsx: the workbook is too large: its part xl/sharedStrings.xml unpacks to 600 MB (the limit is 512 MB) (a workbook this large is probably damaged or crafted; save a copy with only the season's sheets)"},
		{"deflate bomb lying about its size", lyingBomb, "", 2, "podium: season.xlsx: the workbook is damaged: its part xl/worksheets/sheet7.xml is not the size it declares (the file is damaged or crafted; get a fresh copy of the workbook)"},
		{"xml entity declarations", replacePart("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8"?>`, `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>`, "<si><t>Season workbook</t></si>", "<si><t>&lol2;</t></si>"), "", 2, "podium: season.xlsx: the workbook is damaged: its part xl/sharedStrings.xml declares a document type (<!DOCTYPE>), which no spreadsheet program writes (the file is damaged or crafted; get a fresh copy of the workbook)"},

		// Workbooks with no or damaged contract data.
		{"empty workbook", emptyWorkbook, "", 1, "Season: required sheet Season is missing (the workbook has sheets \"Sheet1\"; add a sheet named Season (podium template writes a blank one))"},
	}
	for _, sheet := range []string{"Season", "Calendar", "Points", "Entries", "Drivers", "Results"} {
		name := "sheet " + sheet + " missing"
		files = append(files, corpusFile{name, edited(func(f *excelize.File) error { return f.DeleteSheet(sheet) }), "", 1, corpusExpect[name]})
	}
	for _, col := range []struct{ sheet, col string }{
		{"Season", "A"}, {"Season", "B"},
		{"Calendar", "A"},
		{"Points", "A"}, {"Points", "B"},
		{"Entries", "A"}, {"Entries", "B"}, {"Entries", "C"},
		{"Drivers", "A"}, {"Drivers", "B"},
		{"Results", "A"}, {"Results", "B"},
		{"Penalties", "A"}, {"Penalties", "B"}, {"Penalties", "C"},
	} {
		name := fmt.Sprintf("column %s!%s missing", col.sheet, col.col)
		files = append(files, corpusFile{name,
			edited(func(f *excelize.File) error { return f.SetCellValue(col.sheet, col.col+"1", nil) }), "", 1, corpusExpect[name]})
	}
	return append(files, []corpusFile{
		{"duplicate header", edited(func(f *excelize.File) error { return f.SetCellStr("Results", "G1", "Pos") }), "", 1, "Results!G1: column Pos appears twice: C1 and G1 (delete or rename one of them)"},
		{"headers on row 7 under a title", edited(func(f *excelize.File) error {
			if err := f.InsertRows("Results", 1, 6); err != nil {
				return err
			}
			return f.SetCellStr("Results", "A1", "Demo Endurance Cup — race results")
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"merged cells over the headers", edited(func(f *excelize.File) error { return f.MergeCell("Results", "A1", "B1") }), "", 1, "Results!1:1: required column No. is missing from the header row (add a column headed No.)"},
		{"a cell in the last row", edited(func(f *excelize.File) error { return f.SetCellStr("Results", "H1048576", "stray note") }), "", 1, "Results!A1048576: round is blank (fill it in, or delete the row)"},
		{"a cell in the last column", edited(func(f *excelize.File) error { return f.SetCellStr("Results", "XFD2", "stray note") }), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"a 30,000-character cell", edited(func(f *excelize.File) error {
			return f.SetCellStr("Drivers", "B2", strings.Repeat("Lucas Moreau ", 2308))
		}), "", 1, "Drivers!B2: driver is 30003 characters long; podium accepts up to 200 here (did a paste go wrong? type the name alone)"},
		{"formula with a saved result", replaceSheet("Results", `<c r="C3"><v>2</v></c>`, `<c r="C3"><f>C2+1</f><v>2</v></c>`), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"formula without a saved result", replaceSheet("Results", `<c r="C3"><v>2</v></c>`, `<c r="C3"><f>C2+1</f></c>`), "", 1, "Results!C3: the formula =C2+1 has no saved result (open the workbook in Excel or LibreOffice and save it, so the result is stored, or type the value)"},
		{"#N/A where a position is expected", replaceSheet("Results", `<c r="C3"><v>2</v></c>`, `<c r="C3" t="e"><v>#N/A</v></c>`), "", 1, "Results!C3: position \"#N/A\" is not a positive whole number (the cell shows a spreadsheet error; fix the formula or type the value)"},
		{"#REF! where laps are expected", replaceSheet("Results", `<c r="G3"><v>112</v></c>`, `<c r="G3" t="e"><v>#REF!</v></c>`), "", 1, "Results!G3: laps \"#REF!\" is not a whole number (the cell shows a spreadsheet error; fix the formula or type the value)"},
		{"damaged bytes inside a sheet", damagedSheet, "", 2, "podium: season.xlsx: the workbook is damaged: its part xl/worksheets/sheet7.xml cannot be unpacked (9744 of 9830 bytes read) (the file may have been damaged while copying or downloading; get a fresh copy)"},
		{"hidden rows and sheets", edited(func(f *excelize.File) error {
			if err := f.SetRowVisible("Results", 3, false); err != nil {
				return err
			}
			return f.SetSheetVisible("Penalties", false)
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"dates as serials, text and ISO", edited(func(f *excelize.File) error {
			f.SetCellInt("Calendar", "F2", 45759)
			f.SetCellStr("Calendar", "F3", "11 May 2025")
			return f.SetCellStr("Calendar", "F4", "2025-06-08")
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"1904 date system", edited(func(f *excelize.File) error {
			return f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: ptr(true)})
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"right-to-left and emoji names", edited(func(f *excelize.File) error {
			f.SetCellStr("Drivers", "B4", "محمد بن سليمان")
			f.SetCellStr("Entries", "C2", "Falcon Racing 🏁")
			return f.SetCellStr("Drivers", "B5", "דניאל כהן")
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"excel table over the results", edited(func(f *excelize.File) error {
			return f.AddTable("Results", &excelize.Table{Range: "A1:H35", Name: "RaceResults", StyleName: "TableStyleMedium2"})
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"saved by LibreOffice", func(t *testing.T) []byte { return readFile(t, "../../sheets/testdata/libreoffice-formulas.xlsx") }, "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},

		// Issue 11, items 9 and 17: class typos, messages.
		{"class typo, the Lists sheet lists the classes", edited(func(f *excelize.File) error { return f.SetCellStr("Entries", "B4", "Por") }), "", 1,
			`Entries!B4: class "Por" is not in the class list of the Lists sheet (did you mean Pro? Otherwise add it to the Classes column of the Lists sheet)`},
		{"class typo, no class list", edited(func(f *excelize.File) error {
			if err := f.DeleteSheet("Lists"); err != nil {
				return err
			}
			return f.SetCellStr("Entries", "B4", "Por")
		}), "", 0, `Entries!B4: warning: class "Por" (1 car) looks like a misspelling of "Pro" (3 cars) (did you mean Pro? A class of its own is scored as a separate championship)`},
		{"best results in words", edited(func(f *excelize.File) error { return f.SetCellStr("Season", "B5", "best 5") }), "", 1,
			`Season!B5: setting Best results: "best 5" is not a whole number (write the number of best results that count, e.g. 5, or leave it blank when every result counts)`},
		{"results of a round the calendar lacks", edited(func(f *excelize.File) error { return f.RemoveRow("Calendar", 5) }), "", 1,
			"Drivers!D10, D15, D17 (3 cells): round 4 is not in the calendar (the calendar has rounds 1–3)"},
		{"statuses in words", edited(func(f *excelize.File) error {
			return f.SetCellStr("Results", "D35", "Disqualified")
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		// Issue 11, items 10 and 13: a class named with an emoji and a long
		// name validates (its sheet names are cut for Excel when scored);
		// the Paper size setting takes A4 or Letter.
		{"class named with an emoji", edited(func(f *excelize.File) error {
			for _, sheet := range f.GetSheetList() {
				rows, err := f.GetRows(sheet)
				if err != nil {
					return err
				}
				for r, row := range rows {
					for c, v := range row {
						if v == "Bronze Cup" {
							cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
							if err := f.SetCellStr(sheet, cell, "Bronze Cup \U0001F949 Gentlemen Drivers Trophy"); err != nil {
								return err
							}
						}
					}
				}
			}
			return nil
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		{"paper size not A4 or Letter", edited(func(f *excelize.File) error {
			f.SetCellStr("Season", "A8", "Paper size")
			return f.SetCellStr("Season", "B8", "A3")
		}), "", 1, `Season!B8: paper size "A3" is not A4 or Letter (choose A4 or Letter)`},
		// Issue 11, item 2: a workbook saved as Strict Open XML is read
		// (score refuses to write into it: TestScoreStrictWorkbook).
		{"saved as Strict Open XML", func(t *testing.T) []byte { return readFile(t, "../../sheets/testdata/strict.xlsx") }, "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		// Issue 12, warnings: drivers named by number, as generated entry
		// lists name them ("Driver 12-1 Name"), are different people, not
		// near-duplicates of each other.
		{"drivers named by number", edited(func(f *excelize.File) error {
			rows, err := f.GetRows("Drivers")
			if err != nil {
				return err
			}
			numbered := map[string]string{}
			for _, row := range rows[1:] {
				if len(row) > 1 && numbered[row[1]] == "" {
					numbered[row[1]] = fmt.Sprintf("Driver %d-1 Name", len(numbered)+1)
				}
			}
			for _, sheet := range []string{"Drivers", "Penalties"} {
				rows, err := f.GetRows(sheet)
				if err != nil {
					return err
				}
				for r, row := range rows {
					for c, v := range row {
						if name, ok := numbered[v]; ok && r > 0 {
							cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
							if err := f.SetCellStr(sheet, cell, name); err != nil {
								return err
							}
						}
					}
				}
			}
			return nil
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		// Issue 14, contract v2 part 1: the Championships sheet and the new
		// columns, each mistake named at its cell.
		{"championship of an unknown competitor", withChampionships([]any{"Cup", "Teem"}), "", 1,
			`Championships!B2: competitor "Teem" is not Car, Driver, Team, Make or Nation (did you mean Team?)`},
		{"championship counting cars in words", withChampionships([]any{"Teams' Cup", "Team", "All", "the best two"}), "", 1,
			`Championships!D2: counted "the best two" is not All, a number or Nominated (write All (every car adds up), a number of cars (the 2 that scored most: 2) or Nominated)`},
		{"championship best results that do not parse", withChampionships([]any{"Drivers", "Driver", nil, nil, nil, "6 of 1-3, 5 of"}), "", 1,
			`Championships!F2: best results "6 of 1-3, 5 of" is not a number, all but N, or K of A-B, L of C-D (write a number (the best 5: 5), "all but 2", or "6 of 1-7, 5 of 8-13"; leave it blank to take the Season's)`},
		{"championship tie-break not one of the forms", withChampionships([]any{"Drivers", "Driver", nil, nil, nil, nil, "countback, then coin toss"}), "", 1,
			`Championships!G2: tie-break "countback, then coin toss" is not a tie-break podium reads (write one of "countback", "countback, then latest result", "countback, then first to reach the total", "countback of scoring places", "countback of scoring places, then latest result", "countback of scoring places, then first to reach the total", "none")`},
		{"championship ties shown as not one of the two", withChampionships([]any{"Drivers", "Driver", nil, nil, nil, nil, nil, "1, 2, 3"}), "", 1,
			`Championships!H2: ties shown as "1, 2, 3" is not "1, 1, 2" or "1, 1, 3" (did you mean 1, 1, 3?)`},
		{"championship minimum starts in words", withChampionships([]any{"Drivers", "Driver", nil, nil, nil, nil, nil, nil, "two"}), "", 1,
			`Championships!I2: minimum starts "two" is not a whole number (write the number of starts a competitor needs to be ranked, e.g. 3, or leave it blank)`},
		{"two championships with the same name", withChampionships([]any{"Drivers", "Driver"}, []any{"DRIVERS", "Car"}), "", 1,
			`Championships!A3: championship "DRIVERS" is listed twice (also at Championships!A2) (give each championship its own name)`},
		{"make championship over cars without a make", withChampionships([]any{"Makes", "Make", "All", 1}), "", 1,
			`Championships!B2: championship "Makes" adds up makes, but cars 7, 22, 31, 44, 50, 61, 77, 88 have no Make (type each car's make in the Make column of the Entries sheet)`},
		{"championship in a class nobody has", withChampionships([]any{"Drivers", "Driver", "LMP1"}), "", 1,
			`Championships!C2: championship "Drivers" is run in class "LMP1", which no entry, cup or driver cup has (leave it blank for one championship per class and cup, write All for every car, or one of Am, Bronze Cup, Pro)`},
		{"season tie-break not one of the forms", edited(func(f *excelize.File) error { return f.SetCellStr("Season", "B7", "coin toss") }), "", 1,
			`Season!B7: tie-break "coin toss" is not a tie-break podium reads (write one of "countback", "countback, then latest result", "countback, then first to reach the total", "countback of scoring places", "countback of scoring places, then latest result", "countback of scoring places, then first to reach the total", "none")`},
		{"droppable not Y or N", edited(func(f *excelize.File) error {
			f.SetCellStr("Results", "I1", "Droppable")
			return f.SetCellStr("Results", "I3", "never")
		}), "", 1, `Results!I3: droppable "never" is not Y, N or blank (N marks a race or result that always counts; leave it blank otherwise)`},
		{"penalty for a championship that does not exist", edited(func(f *excelize.File) error {
			f.SetCellStr("Penalties", "F1", "Championship")
			return f.SetSheetRow("Penalties", "A2", &[]any{2, 7, 3, nil, "contact", "Pro Constructors"})
		}), "", 1, `Penalties!F2: championship "Pro Constructors" does not exist (leave it blank to apply the penalty in every championship of the car, or write one of Am Teams, Am Drivers, Bronze Cup Teams, Bronze Cup Drivers, Pro Teams, Pro Drivers)`},
		{"penalty excluding a car from a championship (EX)", edited(func(f *excelize.File) error {
			f.SetCellStr("Penalties", "F1", "Championship")
			return f.SetSheetRow("Penalties", "A2", &[]any{2, 7, "EX", nil, "conduct", "Pro Teams"})
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		// Issue 14, the Points sheet's Scheme: a championship paying a named
		// points scheme, and schemes that pay nothing.
		{"championship paying a points scheme no Points row belongs to", withChampionships([]any{"Drivers", "Driver"}, []any{"Teams", "Team", nil, 1, "Constructors"}), "", 1,
			`Championships!E3: championship "Teams" pays points scheme "Constructors", which no row of the Points sheet belongs to (leave it blank for each race's points scheme, or write this name in the Scheme column of the Points rows it pays)`},
		{"points scheme no championship pays", withSchemes(false), "", 0,
			`Points!D14: warning: points scheme "Constructors" is paid by no race or championship, so its 6 rows pay nothing (write its name in the Scheme column of the Calendar rows or the Championships row it pays, or delete its rows)`},
		{"make championship paying its own points scheme", withSchemes(true), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
		// Issue 15, contract v2 part 2: the race rules' cells (Calendar
		// Countback, Points Requires and awards, Results Laps led, the
		// Season's Shared drives, Disqualified and Invited places), each
		// mistake named at its cell; and the rules read clean.
		{"calendar countback not Y or N", edited(func(f *excelize.File) error {
			f.SetCellStr("Calendar", "H1", "Countback")
			return f.SetCellStr("Calendar", "H3", "sprint")
		}), "", 1, `Calendar!H3: countback "sprint" is not Y, N or blank (N marks a race whose results break no ties (e.g. a sprint); leave it blank otherwise)`},
		{"points requires that does not parse", edited(func(f *excelize.File) error {
			f.SetCellStr("Points", "D1", "Requires")
			return f.SetCellStr("Points", "D13", "top ten")
		}), "", 1, `Points!D13: requires "top ten": top needs a whole number of at least 1, e.g. top 10 (write classified, started, any or top N (e.g. top 10), or leave it blank for the award's default)`},
		{"points award podium does not read", edited(func(f *excelize.File) error {
			return f.SetSheetRow("Points", "A14", &[]any{"Lead lap bonus", 1})
		}), "", 1, `Points!A14: award "Lead lap bonus" is not an award (write a position (1, 2, 3 …), Other, Pole, Fastest lap, Start, Lap led or Most laps led)`},
		{"laps led not a whole number", edited(func(f *excelize.File) error {
			f.SetCellStr("Results", "I1", "Laps led")
			return f.SetCellStr("Results", "I3", "most")
		}), "", 1, `Results!I3: laps led "most" is not a whole number`},
		{"laps led below 0", edited(func(f *excelize.File) error {
			f.SetCellStr("Results", "I1", "LL")
			return f.SetCellInt("Results", "I3", -3)
		}), "", 1, `Results!I3: laps led "-3" is not 0 or more`},
		{"shared drives not full, split or none", edited(func(f *excelize.File) error {
			return f.SetSheetRow("Season", "A9", &[]any{"Shared drives", "halves"})
		}), "", 1, `Season!B9: setting Shared drives: "halves" is not full, split or none (write one of "full", "split", "none")`},
		{"disqualified places not promoted or vacant", edited(func(f *excelize.File) error {
			return f.SetSheetRow("Season", "A9", &[]any{"Disqualified places", "vacent"})
		}), "", 1, `Season!B9: setting Disqualified places: "vacent" is not promoted or vacant (did you mean vacant?)`},
		{"invited places not removed or vacant", edited(func(f *excelize.File) error {
			return f.SetSheetRow("Season", "A9", &[]any{"Invited places", "kept"})
		}), "", 1, `Season!B9: setting Invited places: "kept" is not removed or vacant (write one of "removed", "vacant")`},
		{"race rules read clean", edited(func(f *excelize.File) error {
			f.SetSheetRow("Calendar", "H1", &[]any{"Meeting", "Countback"})
			f.SetSheetRow("Calendar", "H2", &[]any{"Spa", "N"})
			f.SetSheetRow("Calendar", "H3", &[]any{"Spa"})
			f.SetSheetRow("Points", "D1", &[]any{"Requires"})
			f.SetSheetRow("Points", "A14", &[]any{"Start", 1})
			f.SetSheetRow("Points", "A15", &[]any{"Lap led", 1, nil, "started"})
			f.SetSheetRow("Results", "I1", &[]any{"Laps led"})
			f.SetCellInt("Results", "I2", 100)
			f.SetSheetRow("Season", "A9", &[]any{"Shared drives", "split"})
			return f.SetSheetRow("Season", "A10", &[]any{"Invited places", "Vacant"})
		}), "", 0, "season.xlsx: no problems found (4 rounds, 9 cars, 21 driver rows, 34 results)"},
	}...)
}

// withSchemes returns the demo season with a Constructors points scheme
// (8-6-4-3-2-1) in the Points sheet and each car's make; with champs set,
// a Championships sheet whose constructors (best-placed car) are paid it
// and whose drivers are paid the default scheme.
func withSchemes(champs bool) func(*testing.T) []byte {
	return edited(func(f *excelize.File) error {
		f.SetCellStr("Points", "D1", "Scheme")
		for i, p := range []int{8, 6, 4, 3, 2, 1} {
			if err := f.SetSheetRow("Points", fmt.Sprintf("A%d", 14+i), &[]any{i + 1, p, nil, "Constructors"}); err != nil {
				return err
			}
		}
		f.SetCellStr("Entries", "I1", "Make")
		for r := 2; r <= 10; r++ {
			car, _ := f.GetCellValue("Entries", fmt.Sprintf("F%d", r))
			make, _, _ := strings.Cut(car, " ")
			f.SetCellStr("Entries", fmt.Sprintf("I%d", r), make)
		}
		if !champs {
			return nil
		}
		return addChampionships(f, []any{"Drivers", "Driver"}, []any{"Constructors", "Make", nil, 1, "Constructors"})
	})
}

// withChampionships returns the demo season with a Championships sheet
// holding rows (in the contract's column order).
func withChampionships(rows ...[]any) func(*testing.T) []byte {
	return edited(func(f *excelize.File) error { return addChampionships(f, rows...) })
}

// addChampionships adds a Championships sheet holding rows.
func addChampionships(f *excelize.File, rows ...[]any) error {
	if _, err := f.NewSheet("Championships"); err != nil {
		return err
	}
	header := []any{"Championship", "Competitor", "Class", "Counted", "Scheme", "Best results", "Tie-break", "Ties shown as", "Minimum starts"}
	for i, row := range append([][]any{header}, rows...) {
		if err := f.SetSheetRow("Championships", fmt.Sprintf("A%d", i+1), &row); err != nil {
			return err
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

func raw(data []byte) func(*testing.T) []byte { return func(*testing.T) []byte { return data } }

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func demoBytes(t *testing.T) []byte { return readFile(t, demo) }

// edited returns the demo season changed by edit.
func edited(edit func(f *excelize.File) error) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		f, err := excelize.OpenFile(demo)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := edit(f); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
}

func emptyWorkbook(t *testing.T) []byte {
	f := excelize.NewFile()
	defer f.Close()
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encrypted(password string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		f, err := excelize.OpenFile(demo)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		path := filepath.Join(t.TempDir(), "enc.xlsx")
		if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
			t.Fatal(err)
		}
		return readFile(t, path)
	}
}

// zipFiles makes a zip of the named files, in name order.
func zipFiles(files map[string]string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		var names []string
		for n := range files {
			names = append(names, n)
		}
		slices.Sort(names)
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, n := range names {
			w, err := zw.Create(n)
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, files[n])
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
}

// rezipDemo copies the demo package, passing each part through edit (nil
// drops the part) and appending extra parts written raw.
func rezipDemo(t *testing.T, edit func(name string, data []byte) []byte, extra func(zw *zip.Writer) error) []byte {
	t.Helper()
	data := demoBytes(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		if part = edit(zf.Name, part); part == nil {
			continue
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(part)
	}
	if extra != nil {
		if err := extra(zw); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func withoutParts(data func(*testing.T) []byte, parts ...string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		return rezipDemo(t, func(name string, b []byte) []byte {
			if slices.Contains(parts, name) {
				return nil
			}
			return b
		}, nil)
	}
}

// replacePart replaces text in one part of the demo package.
func replacePart(part string, pairs ...string) func(*testing.T) []byte {
	return func(t *testing.T) []byte {
		return rezipDemo(t, func(name string, b []byte) []byte {
			if name == part {
				for i := 0; i+1 < len(pairs); i += 2 {
					if !bytes.Contains(b, []byte(pairs[i])) {
						t.Fatalf("%s lacks %q", part, pairs[i])
					}
					b = bytes.Replace(b, []byte(pairs[i]), []byte(pairs[i+1]), 1)
				}
			}
			return b
		}, nil)
	}
}

// replaceSheet is replacePart on the part of a demo sheet.
func replaceSheet(sheet string, pairs ...string) func(*testing.T) []byte {
	parts := map[string]string{"Results": "xl/worksheets/sheet7.xml"}
	return replacePart(parts[sheet], pairs...)
}

// stringsBomb is the demo with its shared strings replaced by one string
// of 600 MB: a 0.6 MB file.
func stringsBomb(t *testing.T) []byte {
	const size = 600 << 20
	return rezipDemo(t, func(name string, b []byte) []byte {
		if name == "xl/sharedStrings.xml" {
			return nil
		}
		return b
	}, func(zw *zip.Writer) error {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: "xl/sharedStrings.xml", Method: zip.Deflate, Modified: time.Time{}})
		if err != nil {
			return err
		}
		io.WriteString(w, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`)
		chunk := bytes.Repeat([]byte("A"), 1<<20)
		for range size >> 20 {
			w.Write(chunk)
		}
		_, err = io.WriteString(w, `</t></si></sst>`)
		return err
	})
}

// lyingBomb declares a 1 KB results sheet whose data inflates to 64 MB.
func lyingBomb(t *testing.T) []byte {
	var compressed bytes.Buffer
	fw, _ := flate.NewWriter(&compressed, flate.BestSpeed)
	chunk := bytes.Repeat([]byte(" "), 1<<20)
	for range 64 {
		fw.Write(chunk)
	}
	fw.Close()
	return rezipDemo(t, func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet7.xml" {
			return nil
		}
		return b
	}, func(zw *zip.Writer) error {
		w, err := zw.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet7.xml", Method: zip.Deflate,
			CRC32: 0x12345678, CompressedSize64: uint64(compressed.Len()), UncompressedSize64: 1024})
		if err != nil {
			return err
		}
		_, err = w.Write(compressed.Bytes())
		return err
	})
}

// damagedSheet flips bytes in the middle of the results sheet's
// compressed data, as a bad download or disk does.
func damagedSheet(t *testing.T) []byte {
	data := demoBytes(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet7.xml" {
			off, err := zf.DataOffset()
			if err != nil {
				t.Fatal(err)
			}
			out := bytes.Clone(data)
			for i := range 8 {
				out[off+int64(zf.CompressedSize64)/2+int64(i)] ^= 0x5a
			}
			return out
		}
	}
	t.Fatal("no results sheet")
	return nil
}

// corpusExpect holds the first lines of the cases built in loops.
var corpusExpect = map[string]string{
	"sheet Season missing":       "Season: required sheet Season is missing (the workbook has sheets \"Instructions\", \"Calendar\", \"Points\", \"Entries\", \"Drivers\", \"Results\", \"Penalties\", \"Lists\"; add a sheet named Season (podium template writes a blank one))",
	"sheet Calendar missing":     "Calendar: required sheet Calendar is missing (the workbook has sheets \"Instructions\", \"Season\", \"Points\", \"Entries\", \"Drivers\", \"Results\", \"Penalties\", \"Lists\"; add a sheet named Calendar (podium template writes a blank one))",
	"sheet Points missing":       "Points: required sheet Points is missing (the workbook has sheets \"Instructions\", \"Season\", \"Calendar\", \"Entries\", \"Drivers\", \"Results\", \"Penalties\", \"Lists\"; add a sheet named Points (podium template writes a blank one))",
	"sheet Entries missing":      "Entries: required sheet Entries is missing (the workbook has sheets \"Instructions\", \"Season\", \"Calendar\", \"Points\", \"Drivers\", \"Results\", \"Penalties\", \"Lists\"; add a sheet named Entries (podium template writes a blank one))",
	"sheet Drivers missing":      "Drivers: required sheet Drivers is missing (the workbook has sheets \"Instructions\", \"Season\", \"Calendar\", \"Points\", \"Entries\", \"Results\", \"Penalties\", \"Lists\"; add a sheet named Drivers (podium template writes a blank one))",
	"sheet Results missing":      "Results: required sheet Results is missing (the workbook has sheets \"Instructions\", \"Season\", \"Calendar\", \"Points\", \"Entries\", \"Drivers\", \"Penalties\", \"Lists\"; add a sheet named Results (podium template writes a blank one))",
	"column Season!A missing":    "Season!1:1: required column Field is missing from the header row (add a column headed Field)",
	"column Season!B missing":    "Season!1:1: required column Value is missing from the header row (add a column headed Value)",
	"column Calendar!A missing":  "Calendar!1:1: required column Round is missing from the header row (add a column headed Round)",
	"column Points!A missing":    "Points!1:1: required column Award is missing from the header row (add a column headed Award)",
	"column Points!B missing":    "Points!1:1: required column Points is missing from the header row (add a column headed Points)",
	"column Entries!A missing":   "Entries!1:1: required column No. is missing from the header row (add a column headed No.)",
	"column Entries!B missing":   "Entries!1:1: required column Class is missing from the header row (add a column headed Class)",
	"column Entries!C missing":   "Entries!1:1: required column Team is missing from the header row (add a column headed Team)",
	"column Drivers!A missing":   "Drivers!1:1: required column No. is missing from the header row (add a column headed No.)",
	"column Drivers!B missing":   "Drivers!1:1: required column Driver is missing from the header row (add a column headed Driver)",
	"column Results!A missing":   "Results!1:1: required column Round is missing from the header row (add a column headed Round)",
	"column Results!B missing":   "Results!1:1: required column No. is missing from the header row (add a column headed No.)",
	"column Penalties!A missing": "Penalties!1:1: required column Round is missing from the header row (add a column headed Round)",
	"column Penalties!B missing": "Penalties!1:1: required column No. is missing from the header row (add a column headed No.)",
	"column Penalties!C missing": "Penalties!1:1: required column Points is missing from the header row (add a column headed Points)",
}
