package sheets

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// Attributes excelize does not model, which change what the organiser's
// workbook means when dropped: sheet protection flags, icon-set
// thresholds, gridLinesSet, fullCalcOnLoad, workbook protection.
const (
	protection = `<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" insertRows="false" deleteRows="false"/>`
	iconSet    = `<conditionalFormatting sqref="B2:B3"><cfRule type="iconSet" priority="1"><iconSet iconSet="3Arrows"><cfvo type="percent" val="0"/><cfvo type="percent" val="33" gte="0"/><cfvo type="percent" val="67" gte="0"/></iconSet></cfRule></conditionalFormatting>`
	printOpts  = `<printOptions gridLines="1" gridLinesSet="0"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`
	calcPr     = `<calcPr calcId="191029" fullCalcOnLoad="1"/>`
	wbProtect  = `<workbookProtection lockStructure="0" lockWindows="1"/>`
)

// protectedWorkbook is organiserWorkbook with its Budget sheet protected
// (rows may not be inserted or deleted), an icon set whose thresholds use
// gte="0", print options with gridLinesSet, and a workbook that is
// recalculated on load and has its windows locked.
func protectedWorkbook(t *testing.T) string {
	t.Helper()
	path := organiserWorkbook(t)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	data = rezip(t, data, func(name string, b []byte) []byte {
		switch name {
		case "xl/worksheets/sheet10.xml":
			b = bytes.Replace(b, []byte("</sheetData>"), []byte("</sheetData>"+protection), 1)
			b = bytes.Replace(b, []byte("<dataValidations"), []byte(iconSet+"<dataValidations"), 1)
			b = bytes.Replace(b, []byte("<drawing"), []byte(printOpts+"<drawing"), 1)
		case "xl/workbook.xml":
			b = bytes.Replace(b, []byte(`<calcPr calcId="122211"></calcPr>`), []byte(calcPr), 1)
			b = bytes.Replace(b, []byte("<bookViews>"), []byte(wbProtect+"<bookViews>"), 1)
		}
		return b
	})
	for _, want := range []string{protection, iconSet, printOpts, calcPr, wbProtect} {
		if !strings.Contains(string(partOf(t, data, "xl/worksheets/sheet10.xml"))+string(partOf(t, data, "xl/workbook.xml")), want) {
			t.Fatalf("the test workbook lacks %s", want)
		}
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// partOf returns one part of a package.
func partOf(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	p, err := readPackage(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := p.read(name)
	return b
}

// TestWriteBackCarriesOrganiserParts: on every write-back, the first and
// the second (which replaces the standings of the first and makes
// excelize parse every sheet), each part of the organiser's comes through
// byte for byte; the workbook part changes only in its sheet list and
// defined names; the styles and shared strings only gain entries.
func TestWriteBackCarriesOrganiserParts(t *testing.T) {
	path := protectedWorkbook(t)
	orig, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	before, _ := readPackage(orig, DefaultLimits())
	var names []string
	for name := range before.files {
		names = append(names, name)
	}
	sort.Strings(names)
	changed := []string{"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml", "xl/sharedStrings.xml"}
	for run := 1; run <= 2; run++ {
		if _, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		now, _ := os.ReadFile(path)
		for _, name := range names {
			if slices.Contains(changed, name) {
				continue
			}
			if a, b := partOf(t, orig, name), partOf(t, now, name); !bytes.Equal(a, b) {
				t.Errorf("run %d: %s changed:\n was %.300s\n now %.300s", run, name, a, b)
			}
		}
		a, b := string(partOf(t, orig, "xl/workbook.xml")), string(partOf(t, now, "xl/workbook.xml"))
		head, tail := a[:strings.Index(a, "<sheets>")], a[strings.Index(a, calcPr):]
		if !strings.HasPrefix(b, head) || !strings.HasSuffix(b, tail) {
			t.Errorf("run %d: the workbook part changed outside its sheets and names:\n%s", run, b)
		}
		for _, part := range []string{"xl/styles.xml", "xl/sharedStrings.xml"} {
			if diff := listsKept(partOf(t, orig, part), partOf(t, now, part)); diff != nil {
				t.Errorf("run %d: %s: %q", run, part, diff)
			}
		}
	}
	if _, diags, err := Read(path, OpenOptions{}); err != nil || len(diags) > 0 {
		t.Errorf("after write-back: %v %v", err, diags)
	}
}

// TestWriteBackRefusesChangedParts: when an organiser's part, or an
// attribute of the workbook part, does not come through, or any part is
// not well-formed XML (here a prefix used without its declaration, as a
// Strict workbook's r:id once was), the workbook is not replaced and the
// error names the part.
func TestWriteBackRefusesChangedParts(t *testing.T) {
	tests := []struct {
		name     string
		part     string
		old, new string
		want     string
	}{
		{"sheet protection", "xl/worksheets/sheet10.xml", ` insertRows="false"`, "", `sheet Budget: its sheetProtection insertRows="false"`},
		{"icon set", "xl/worksheets/sheet10.xml", ` gte="0"`, "", `sheet Budget: its conditionalFormatting/cfRule/iconSet/cfvo gte="0"`},
		{"fullCalcOnLoad", "xl/workbook.xml", ` fullCalcOnLoad="1"`, "", "xl/workbook.xml (workbook part): its calcPr would change"},
		{"workbook protection", "xl/workbook.xml", wbProtect, "", "xl/workbook.xml (workbook part): its workbookProtection would change"},
		{"a style list's attribute", "xl/styles.xml", `<cellXfs count="`, `<cellXfs x="1" count="`, "xl/styles.xml (cell styles): its cellXfs would change"},
		{"a content type", "[Content_Types].xml", `PartName="/xl/theme/theme1.xml"`, `PartName="/xl/theme/theme9.xml"`, "[Content_Types].xml (content types): the content type of xl/theme/theme1.xml"},
		{"a relationship", "xl/_rels/workbook.xml.rels", `Target="theme/theme1.xml"`, `Target="theme/theme9.xml"`, "xl/_rels/workbook.xml.rels (relationships): the relationship rId3 to xl/theme/theme1.xml"},
		{"undeclared prefix", "xl/workbook.xml", ` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`, "", "xl/workbook.xml (workbook part) would not be well-formed XML: attribute r:id of <sheet> uses the prefix r, which is not declared"},
		{"unclosed element", "xl/styles.xml", "</styleSheet>", "", "xl/styles.xml (cell styles) would not be well-formed XML: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := protectedWorkbook(t)
			orig, _ := os.ReadFile(path)
			season, st := scoredSample(t, path)
			damage := func(updated []byte) []byte {
				return rezip(t, updated, func(name string, b []byte) []byte {
					if name == tt.part {
						if !bytes.Contains(b, []byte(tt.old)) {
							t.Fatalf("%s lacks %s", name, tt.old)
						}
						return bytes.Replace(b, []byte(tt.old), []byte(tt.new), 1)
					}
					return b
				})
			}
			_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{damage: damage})
			if !errors.Is(err, ErrWouldLose) || !strings.Contains(err.Error(), ": "+tt.want) {
				t.Errorf("error:\n got %v\nwant …%s…", err, tt.want)
			}
			if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
				t.Error("the workbook changed")
			}
		})
	}
}

// TestCheckWellFormed: the check catches what Go's decoder lets through
// (undeclared prefixes, repeated attributes) as well as what it catches.
func TestCheckWellFormed(t *testing.T) {
	tests := []struct {
		in, want string
		// lenient: encoding/xml gives another verdict (a byte order mark;
		// no space between attributes; a document type declaration).
		lenient bool
	}{
		{`<a xmlns:r="u"><b r:id="1"/></a>`, "", false},
		{`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<r:a xmlns:r="u"><!-- c --><![CDATA[<x>]]></r:a>`, "", false},
		{`<a><b xml:space="preserve">&lt;&#x41;&#65;&amp;</b ></a>`, "", false},
		{"\xEF\xBB\xBF<a b='1'\n c=\"2\"/>", "", true},
		{`<a><b r:id="1"/></a>`, "attribute r:id of <b> uses the prefix r, which is not declared", false},
		{`<a><r:b/></a>`, "element <r:b> uses the prefix r, which is not declared", false},
		{`<a><b xmlns:r="u"/><c r:id="1"/></a>`, "attribute r:id of <c> uses the prefix r, which is not declared", false},
		{`<a><b></c></a>`, "unexpected end tag </c>", false},
		{`<a x="1" x="2"/>`, "element <a> repeats the attribute x", false},
		{`<a/><b/>`, "more than one root element", false},
		{`<a>`, "element <a> is not closed", false},
		{``, "no root element", false},
		{`<a/>x`, "text outside the root element", false},
		{`<a>&nbsp;</a>`, "at byte 3: unknown entity &nbsp;", false},
		{`<a>&#1;</a>`, "at byte 3: invalid character reference &#1;", false},
		{"<a>\x01</a>", "at byte 3: illegal character code U+0001", false},
		{`<a b="<"/>`, "at byte 5: attribute b of <a>: a < in the value", false},
		{`<a b=1/>`, "at byte 5: attribute b of <a>: the value is not quoted", false},
		{`<a b="1"c="2"/>`, "at byte 8: expected white space before an attribute of <a>", true},
		{`<!DOCTYPE a><a/>`, "at byte 0: a document type declaration", true},
		{`<?xml version="1.0" encoding="UTF-16"?><a/>`, "at byte 39: encoding \"UTF-16\" declared, not UTF-8", false},
		{"<a>\xff</a>", "it is not valid UTF-8", false},
	}
	for _, tt := range tests {
		err := checkWellFormed([]byte(tt.in))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("checkWellFormed(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if ref := decoderWellFormed(strings.NewReader(tt.in)); (ref == nil) != (err == nil) && !tt.lenient {
			t.Errorf("%q: encoding/xml says %v", tt.in, ref)
		}
	}
}

// FuzzCheckWellFormed holds checkWellFormed to encoding/xml: whatever the
// decoder (with the namespace and attribute checks it lacks) refuses,
// checkWellFormed refuses too.
func FuzzCheckWellFormed(f *testing.F) {
	for _, seed := range []string{`<a xmlns:r="u"><b r:id="1">t&amp;</b><![CDATA[x]]><!--c--></a>`, `<?xml version="1.0"?><a b='1'/>`, `<a><b></a>`} {
		f.Add([]byte(seed))
	}
	data, _ := os.ReadFile(almsPath)
	if p, err := readPackage(data, DefaultLimits()); err == nil {
		for _, name := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml"} {
			if b, ok := p.read(name); ok {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.Contains(data, []byte("<!")) && !bytes.Contains(data, []byte("<!--")) && !bytes.Contains(data, []byte("<![CDATA[")) {
			return // document type declarations: refused by checkWellFormed alone
		}
		fast, ref := checkWellFormed(data), decoderWellFormed(bytes.NewReader(data))
		if ref != nil && fast == nil {
			t.Errorf("%q: encoding/xml refuses it (%v), checkWellFormed does not", data, ref)
		}
	})
}

// TestCheckWellFormedAcceptsRealParts: every XML part of the sample
// workbooks, of workbooks saved by LibreOffice and in Strict Open XML, and
// of a workbook written back twice, is well-formed.
func TestCheckWellFormedAcceptsRealParts(t *testing.T) {
	written := protectedWorkbook(t)
	season, st := scoredSample(t, written)
	for range 2 {
		if _, err := WriteBack(written, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	for _, path := range []string{almsPath, "../samples/demo.xlsx", "testdata/libreoffice-formulas.xlsx", "testdata/strict.xlsx", written} {
		data, _ := os.ReadFile(path)
		p, err := readPackage(data, DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		checked := 0
		for name := range p.files {
			if !isXMLPart(name) {
				continue
			}
			b, _ := p.read(name)
			if err := checkWellFormed(b); err != nil {
				t.Errorf("%s: %s: %v", path, name, err)
			}
			checked++
		}
		if checked < 10 {
			t.Errorf("%s: %d parts checked", path, checked)
		}
	}
}

// TestStrictWorkbook: a workbook saved as Strict Open XML is read (validate,
// score --out), and a write-back refuses it untouched with what to do.
func TestStrictWorkbook(t *testing.T) {
	const strict = "testdata/strict.xlsx"
	season, st := scoredSample(t, strict)
	if len(season.Rounds) != 4 || len(st.Classifications) == 0 {
		t.Fatalf("read %d rounds, %d classifications", len(season.Rounds), len(st.Classifications))
	}
	path := filepath.Join(t.TempDir(), "strict.xlsx")
	orig, _ := os.ReadFile(strict)
	os.WriteFile(path, orig, 0o644)
	_, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	want := path + ": saved as Strict Open XML Spreadsheet, which podium cannot write into (in Excel, use File › Save As › Excel Workbook (.xlsx) and run podium again, or use --out STANDINGS.xlsx to write a separate standings workbook)"
	if !errors.Is(err, ErrStrict) || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup was written")
	}
	// An import refuses it the same way.
	_, err = Import(path, readTimingText(t, "race.csv", demoRound4), ImportOptions{Round: 4})
	want = path + ": saved as Strict Open XML Spreadsheet, which podium cannot write into (in Excel, use File › Save As › Excel Workbook (.xlsx) and run podium again)"
	if !errors.Is(err, ErrStrict) || err.Error() != want {
		t.Errorf("import error:\n got %v\nwant %s", err, want)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, orig) {
		t.Error("the workbook changed")
	}
}

// TestLibreOfficeOpensWrittenBack: a workbook written back twice, with a
// protected sheet, an icon set and workbook settings excelize does not
// model, opens in LibreOffice with the organiser's values and podium's
// standings.
func TestLibreOfficeOpensWrittenBack(t *testing.T) {
	bin := soffice(t)
	path := protectedWorkbook(t)
	season, st := scoredSample(t, path)
	for range 2 {
		if _, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "csv")
	convert(t, bin, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", path, out)
	if got := readCSV(t, filepath.Join(out, "season-Budget.csv")); len(got) != 4 || strings.Join(got[3], "|") != "|4600" {
		t.Errorf("LibreOffice reads Budget as %q", got)
	}
	if got := readCSV(t, filepath.Join(out, "season-LMP2 Teams.csv")); len(got) < 3 {
		t.Errorf("LibreOffice reads LMP2 Teams as %q", got)
	}
}

// TestWriteBackRecognisesGeneratedSheetsByContent: podium finds the sheets
// it generated by a second sign kept inside the workbook part, so that a
// tool that drops custom document properties (openpyxl, online editors)
// or renumbers sheet IDs (openpyxl) neither makes podium add a second set
// of standings sheets nor replace an organiser's sheet.
func TestWriteBackRecognisesGeneratedSheetsByContent(t *testing.T) {
	dropCustom := func(t *testing.T, data []byte) []byte {
		return rezip(t, data, func(name string, b []byte) []byte {
			switch name {
			case "docProps/custom.xml":
				return nil
			case "_rels/.rels", "[Content_Types].xml":
				root, err := parseRaw(b, 2)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range root.children {
					if strings.Contains(string(b[c.start:c.end]), "custom") {
						return concat(b[:c.start], b[c.end:])
					}
				}
				t.Fatalf("%s does not mention the custom properties", name)
			}
			return b
		})
	}
	tests := []struct {
		name string
		edit func(t *testing.T, path string)
		// copied is a sheet the organiser added that must stay.
		copied string
	}{
		{"custom properties dropped", func(t *testing.T, path string) {
			data, _ := os.ReadFile(path)
			os.WriteFile(path, dropCustom(t, data), 0o644)
		}, ""},
		{"sheet IDs renumbered", func(t *testing.T, path string) {
			// Budget takes the ID the property lists for LMP2 Teams.
			data, _ := os.ReadFile(path)
			data = rezip(t, data, func(name string, b []byte) []byte {
				if name != "xl/workbook.xml" {
					return b
				}
				b = bytes.Replace(b, []byte(`name="Budget" sheetId="10"`), []byte(`name="Budget" sheetId="11"`), 1)
				return bytes.Replace(b, []byte(`name="LMP2 Teams" sheetId="11"`), []byte(`name="LMP2 Teams" sheetId="10"`), 1)
			})
			os.WriteFile(path, data, 0o644)
		}, ""},
		{"an organiser's copy of a standings sheet", func(t *testing.T, path string) {
			data, _ := os.ReadFile(path)
			data = rezip(t, data, func(name string, b []byte) []byte {
				if name != "xl/workbook.xml" {
					return b
				}
				// The copy, as Excel makes it, carries the marker too; it
				// reuses the worksheet part of Budget to keep the test small.
				b = bytes.Replace(b, []byte(`</sheets>`), []byte(`<sheet name="LMP2 Teams (2)" sheetId="40" r:id="rId13"/></sheets>`), 1)
				return bytes.Replace(b, []byte(`</definedNames>`), []byte(`<definedName name="podium.generated" localSheetId="27" hidden="1">"LMP2 Teams"</definedName></definedNames>`), 1)
			})
			os.WriteFile(path, dropCustom(t, data), 0o644)
		}, "LMP2 Teams (2)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := organiserWorkbook(t)
			season, st := scoredSample(t, path)
			if _, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
				t.Fatal(err)
			}
			first := sheetList(t, path)
			tt.edit(t, path)
			report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
			if err != nil {
				t.Fatal(err)
			}
			want := first
			if tt.copied != "" {
				want = slices.Concat(first[:10], []string{tt.copied}, first[10:])
			}
			if got := sheetList(t, path); !slices.Equal(got, want) {
				t.Errorf("sheets after the second run:\n got %q\nwant %q", got, want)
			}
			if !slices.Equal(report.Replaced, first[10:]) {
				t.Errorf("replaced %q, want %q", report.Replaced, first[10:])
			}
		})
	}
}

// sheetList returns the sheets of the workbook at path.
func sheetList(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p, err := readPackage(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	names, _ := p.sheets()
	return names
}

// TestWriteBackRefusesChangedWorkbook: standings are written only into the
// bytes they were scored from. A save after podium read the workbook, or
// during the write (even one that keeps the file's size and time), leaves
// the saved file as it is, with nothing written beside it.
func TestWriteBackRefusesChangedWorkbook(t *testing.T) {
	t.Run("saved after it was read", func(t *testing.T) {
		path := organiserWorkbook(t)
		snap, err := ReadSnapshot(path, OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		season, _, err := snap.Read(OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		scored, _ := scoring.Score(season, scoring.Options{})
		edited := rezip(t, snap.Data, func(name string, b []byte) []byte {
			return bytes.Replace(b, []byte("<v>1200</v>"), []byte("<v>1300</v>"), 1)
		})
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = WriteBackSnapshot(snap, season, scored, PublishOptions{Generated: testDate}, Limits{})
		want := path + ": the workbook changed while podium was writing (it was saved after podium read it; run podium again to score what it holds now)"
		if !errors.Is(err, ErrChanged) || err.Error() != want {
			t.Errorf("error:\n got %v\nwant %s", err, want)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, edited) {
			t.Error("the saved workbook changed")
		}
		if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
			t.Error("a backup was written")
		}
	})
	t.Run("saved during the write with the same size and time", func(t *testing.T) {
		path := organiserWorkbook(t)
		season, st := scoredSample(t, path)
		var saved []byte
		damage := func(updated []byte) []byte {
			info, _ := os.Stat(path)
			data, _ := os.ReadFile(path)
			saved = slices.Clone(data)
			saved[len(saved)/2] ^= 0xFF
			os.WriteFile(path, saved, 0o644)
			os.Chtimes(path, info.ModTime(), info.ModTime())
			return updated
		}
		_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{damage: damage})
		want := path + ": the workbook changed while podium was writing (it was saved meanwhile, perhaps in Excel; podium has not replaced it: run podium again)"
		if !errors.Is(err, ErrChanged) || err.Error() != want {
			t.Errorf("error:\n got %v\nwant %s", err, want)
		}
		if now, _ := os.ReadFile(path); !bytes.Equal(now, saved) {
			t.Error("the saved workbook changed")
		}
	})
}

// TestPatchParts: the workbook, styles and shared strings parts are
// patched in place, whatever their layout: prefixed elements, lists that
// are missing or empty; every result is well-formed.
func TestPatchParts(t *testing.T) {
	const (
		ns  = `xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
		ns2 = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	)
	tests := []struct {
		name  string
		patch func(a, b []byte) ([]byte, error)
		a, b  string
		want  string
	}{
		{"prefixed workbook without names",
			func(a, b []byte) ([]byte, error) { return patchWorkbook(a, b, []string{"Old"}, []string{"T"}) },
			`<x:workbook ` + ns + `><x:bookViews><x:workbookView activeTab="2"/></x:bookViews><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="Old" sheetId="2" r:id="rId2"/><x:sheet name="Old2" sheetId="3" r:id="rId3"/></x:sheets><x:calcPr fullCalcOnLoad="1"/></x:workbook>`,
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"></sheet><sheet name="T" sheetId="4" r:id="rId5"></sheet></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">T!$1:$1</definedName></definedNames></workbook>`,
			`<x:workbook ` + ns + `><x:bookViews><x:workbookView activeTab="0"/></x:bookViews><x:sheets><x:sheet name="A" sheetId="1" r:id="rId1"/><x:sheet name="T" sheetId="4" r:id="rId5"/></x:sheets><x:definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">T!$1:$1</definedName><x:definedName name="podium.generated" localSheetId="1" hidden="1">&#34;T&#34;</x:definedName></x:definedNames><x:calcPr fullCalcOnLoad="1"/></x:workbook>`},
		{"organiser's scoped name follows its sheet",
			func(a, b []byte) ([]byte, error) { return patchWorkbook(a, b, []string{"Old"}, nil) },
			`<workbook ` + ns2 + `><sheets><sheet name="Old" sheetId="1" r:id="rId1"/><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="1" comment="kept">A!$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Old!$1:$1</definedName></definedNames></workbook>`,
			`<workbook ` + ns2 + `><sheets><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="0">A!$A$1</definedName></definedNames></workbook>`,
			`<workbook ` + ns2 + `><sheets><sheet name="A" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="Area" localSheetId="0" comment="kept">A!$A$1</definedName></definedNames></workbook>`},
		{"styles: an empty list, a missing one",
			patchStyles,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1" x14ac:knownFonts="1" xmlns:x14ac="u"><font><sz val="11"/></font></fonts><cellXfs count="0"/><tableStyles count="0"/></styleSheet>`,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"></sz></font><font><b/></font></fonts><cellXfs count="1"><xf fontId="1"/></cellXfs><dxfs count="1"><dxf><fill/></dxf></dxfs><tableStyles count="0"></tableStyles></styleSheet>`,
			`<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2" x14ac:knownFonts="1" xmlns:x14ac="u"><font><sz val="11"/></font><font><b/></font></fonts><cellXfs count="1"><xf fontId="1"/></cellXfs><dxfs count="1"><dxf><fill/></dxf></dxfs><tableStyles count="0"/></styleSheet>`},
		{"shared strings",
			patchSharedStrings,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="1"><si><t xml:space="preserve"> a</t><phoneticPr fontId="1"/></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="2"><si><t> a</t></si><si><t>b</t></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="5" uniqueCount="2"><si><t xml:space="preserve"> a</t><phoneticPr fontId="1"/></si><si><t>b</t></si></sst>`},
		{"no shared strings before",
			patchSharedStrings,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>b</t></si></sst>`,
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>b</t></si></sst>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.patch([]byte(tt.a), []byte(tt.b))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if err := checkWellFormed(got); err != nil {
				t.Error(err)
			}
		})
	}
}

// decoderWellFormed is checkWellFormed built on encoding/xml, the
// reference FuzzCheckWellFormed holds checkWellFormed to. It reports the
// first reason the XML part is not well-formed: a syntax error, mismatched tags, a repeated attribute, or
// an element or attribute prefix that no xmlns declaration in scope binds
// (which Go's decoder passes silently and Excel refuses).
func decoderWellFormed(r io.Reader) error {
	dec := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	type open struct {
		name     xml.Name
		declared []string
	}
	var stack []open
	inScope := func(prefix string) bool {
		if prefix == "xml" || prefix == "xmlns" {
			return true
		}
		for i := len(stack) - 1; i >= 0; i-- {
			for _, p := range stack[i].declared {
				if p == prefix {
					return true
				}
			}
		}
		return false
	}
	roots := 0
	for {
		tok, err := dec.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) == 0 {
				roots++
				if roots > 1 {
					return errors.New("more than one root element")
				}
			}
			var declared []string
			for i, a := range t.Attr {
				for _, b := range t.Attr[:i] { // elements have few attributes
					if a.Name == b.Name {
						return fmt.Errorf("element <%s> repeats the attribute %s", rawName(t.Name), rawName(a.Name))
					}
				}
				if a.Name.Space == "xmlns" {
					declared = append(declared, a.Name.Local)
				}
			}
			stack = append(stack, open{t.Name, declared})
			if t.Name.Space != "" && !inScope(t.Name.Space) {
				return fmt.Errorf("element <%s> uses the prefix %s, which is not declared", rawName(t.Name), t.Name.Space)
			}
			for _, a := range t.Attr {
				if a.Name.Space != "" && !inScope(a.Name.Space) {
					return fmt.Errorf("attribute %s of <%s> uses the prefix %s, which is not declared", rawName(a.Name), rawName(t.Name), a.Name.Space)
				}
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1].name != t.Name {
				return fmt.Errorf("unexpected end tag </%s>", rawName(t.Name))
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				return errors.New("text outside the root element")
			}
		}
	}
	if roots == 0 {
		return errors.New("no root element")
	}
	if len(stack) > 0 {
		return fmt.Errorf("element <%s> is not closed", rawName(stack[len(stack)-1].name))
	}
	return nil
}
