package sheets_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestImportAfterWriteBack: an import into a workbook that holds
// standings sheets leaves them byte for byte (they are not unpacked), and
// a later write-back still replaces them.
func TestImportAfterWriteBack(t *testing.T) {
	path := demoWorkbook(t, func(r int) bool { return r < 4 })
	season, st := scoredSample(t, path)
	wb, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	written := mustRead(t, path)
	if _, err := Import(path, readTimingText(t, "race.csv", demoRound4), ImportOptions{Round: 4}); err != nil {
		t.Fatal(err)
	}
	imported := mustRead(t, path)
	p, _ := readPackage(written, DefaultLimits())
	owned := p.OwnedParts(wb.Sheets)
	if len(owned) < len(wb.Sheets) {
		t.Fatalf("standings parts %v", owned)
	}
	for part := range owned {
		if !bytes.Equal(partOf(t, written, part), partOf(t, imported, part)) {
			t.Errorf("%s changed", part)
		}
	}
	season, st = scoredSample(t, path)
	again, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(again.Replaced, wb.Sheets) {
		t.Errorf("replaced %v, want %v", again.Replaced, wb.Sheets)
	}
}

// TestWriteBackReadOnly: a read-only workbook is refused, byte-identical
// and with no backup or temporary file beside it (also when podium runs as
// an administrator, whom the system would let write).
func TestWriteBackReadOnly(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	dirBefore := folderFiles(t, filepath.Dir(path))
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	_, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	want := path + ": the file is read-only (podium has not changed it; make it writable (its Properties, or chmod u+w) and run podium again)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrReadOnly) {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o444 {
		t.Errorf("mode %v", info.Mode())
	}
	if got := folderFiles(t, filepath.Dir(path)); !slices.Equal(got, dirBefore) {
		t.Errorf("folder holds %q, want %q", got, dirBefore)
	}
}

// TestWriteBackThroughSymlink: a workbook reached by a symbolic link is
// written through: the link stays a link to the same file, that file gets
// the standings, and the backup is beside the link, under its name.
func TestWriteBackThroughSymlink(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	linkDir := t.TempDir()
	link := filepath.Join(linkDir, "current.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	report, err := WriteBack(link, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if dest, err := os.Readlink(link); err != nil || dest != path {
		t.Errorf("the link is now %q, %v", dest, err)
	}
	if report.Backup != link+".bak" {
		t.Errorf("backup %s", report.Backup)
	}
	if bak, _ := os.ReadFile(link + ".bak"); !bytes.Equal(bak, before) {
		t.Error("the backup beside the link is not the original")
	}
	if info, err := os.Lstat(link + ".bak"); err != nil || !info.Mode().IsRegular() {
		t.Errorf("backup: %v %v", info, err)
	}
	after, _ := os.ReadFile(path)
	if bytes.Equal(after, before) {
		t.Fatal("the target was not written")
	}
	f, err := OpenBytes(path, after, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if !slices.Contains(f.File().GetSheetList(), "GT Drivers") {
		t.Errorf("the target lacks the standings: %q", f.File().GetSheetList())
	}
	if got := folderFiles(t, linkDir); !slices.Equal(got, []string{"current.xlsx", "current.xlsx.bak"}) {
		t.Errorf("the link's folder holds %q", got)
	}
	for _, name := range folderFiles(t, filepath.Dir(path)) {
		if strings.HasSuffix(name, ".tmp") || strings.HasSuffix(name, ".bak") {
			t.Errorf("the target's folder holds %s", name)
		}
	}
}

// TestWriteBackThroughSymlinkOpenTarget: the lock file of Excel or
// LibreOffice beside a link's target stops the write-back too.
func TestWriteBackThroughSymlinkOpenTarget(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	before, _ := os.ReadFile(path)
	lock := filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
	os.WriteFile(lock, []byte("owner"), 0o644)
	link := filepath.Join(t.TempDir(), "current.xlsx")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	_, err := WriteBack(link, season, st, PublishOptions{Generated: testDate}, Limits{})
	want := link + ": the workbook is open in a spreadsheet application (lock file " + lock + ") (close it in Excel or LibreOffice and run podium again)"
	if err == nil || err.Error() != want || !errors.Is(err, ErrLocked) {
		t.Errorf("error = %v\nwant %s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if got := folderFiles(t, filepath.Dir(link)); !slices.Equal(got, []string{"current.xlsx"}) {
		t.Errorf("the link's folder holds %q", got)
	}
}

func TestWriteBackKeepsOrganiserContent(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	var first []byte
	for run := 1; run <= 2; run++ {
		before, _ := os.ReadFile(path)
		report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if len(report.Sheets) != 17 || (run == 2) != (len(report.Replaced) == 17) {
			t.Errorf("run %d: wrote %d sheets, replaced %d", run, len(report.Sheets), len(report.Replaced))
		}
		if backup, _ := os.ReadFile(report.Backup); !bytes.Equal(backup, before) {
			t.Errorf("run %d: the backup is not the previous version", run)
		}
		if run == 1 {
			first, _ = os.ReadFile(path)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if !slices.Equal(sheets[:8], []string{"Instructions", "Season", "Calendar", "Points", "Entries", "Drivers", "Results", "Penalties"}) || sheets[9] != "Budget" || sheets[10] != "LMP2 Teams" {
		t.Errorf("sheet order %q", sheets)
	}
	if v, _ := f.GetCellValue("Budget", "B4"); v != "4600" {
		t.Errorf("Budget!B4 = %q", v)
	}
	if formula, _ := f.GetCellFormula("Budget", "B4"); formula != "SUM(B2:B3)" {
		t.Errorf("Budget!B4 formula = %q", formula)
	}
	id, _ := f.GetCellStyle("Budget", "A1")
	if s, _ := f.GetStyle(id); len(s.Fill.Color) == 0 || s.Fill.Color[0] != "FF0000" {
		t.Errorf("Budget!A1 lost its fill")
	}
	comments, _ := f.GetComments("Results")
	if len(comments) != 1 || comments[0].Text != "Confirmed by the stewards" {
		t.Errorf("comments = %+v", comments)
	}
	dvs, _ := f.GetDataValidations("Budget")
	if len(dvs) != 1 || dvs[0].Sqref != "C2:C10" {
		t.Errorf("validations = %+v", dvs)
	}
	names := f.GetDefinedName()
	if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool { return d.Name == "Costs" && d.RefersTo == "Budget!$B$2:$B$3" }) {
		t.Errorf("defined names = %+v", names)
	}
	// The organiser's chart plus ten standings charts; the ten of the first
	// run were removed, not left behind.
	data, _ := os.ReadFile(path)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 11 {
		t.Errorf("%d charts after two runs, want 11", charts)
	}
	if len(data) > len(first)+len(first)/20 {
		t.Errorf("the workbook grew from %d to %d bytes on the second run", len(first), len(data))
	}
	// The season still reads as it did.
	if _, diags, err := Read(path, OpenOptions{}); err != nil || len(diags) > 0 {
		t.Errorf("after write-back: %v %v", err, diags)
	}
}

func TestWriteBackRefusesOpenWorkbook(t *testing.T) {
	for _, lock := range []string{"~$season.xlsx", ".~lock.season.xlsx#", "~$ason.xlsx"} {
		t.Run(lock, func(t *testing.T) {
			path := organiserWorkbook(t)
			before, _ := os.ReadFile(path)
			os.WriteFile(filepath.Join(filepath.Dir(path), lock), []byte("owner"), 0o644)
			season, st := scoredSample(t, path)
			_, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
			if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "(lock file "+lock+") (close it in Excel or LibreOffice and run podium again)") {
				t.Errorf("error = %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the workbook changed")
			}
		})
	}
}

// TestWriteBackInterrupted: a failure after the new file is complete and
// before it replaces the workbook leaves the workbook byte-identical and no
// temporary file behind.
func TestWriteBackInterrupted(t *testing.T) {
	path := organiserWorkbook(t)
	before, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	var tmpSeen string
	_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{beforeRename: func(tmp string) error {
		tmpSeen = tmp
		if info, err := os.Stat(tmp); err != nil || info.Size() == 0 {
			t.Errorf("the temporary file is not complete: %v", err)
		}
		return errors.New("power cut")
	}})
	if err == nil || !strings.Contains(err.Error(), "power cut (the original file is unchanged; run podium again)") {
		t.Errorf("error = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(tmpSeen); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file %s left behind", tmpSeen)
	}
}

// TestWriteBackRefusesLoss: when the new workbook would lack something of
// the organiser's — here the Budget sheet's comment-free chart drawing and a
// changed cell, standing in for content excelize could not carry — the
// workbook stays as it was, no backup is written, and the error says what
// and suggests --out.
func TestWriteBackRefusesLoss(t *testing.T) {
	path := organiserWorkbook(t)
	before, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	damage := func(updated []byte) []byte {
		return rezip(t, updated, func(name string, b []byte) []byte {
			switch name {
			case "xl/charts/chart1.xml": // the organiser's chart
				return nil
			case "xl/worksheets/sheet10.xml":
				return bytes.Replace(b, []byte("<v>3400</v>"), []byte("<v>0</v>"), 1)
			}
			return b
		})
	}
	_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{damage: damage})
	want := `the workbook would lose some of its content: xl/charts/chart1.xml (chart); sheet Budget, cell B3: "3400" would become "0"; the workbook was not changed (use --out STANDINGS.xlsx to write the standings to a separate workbook)`
	if !errors.Is(err, ErrWouldLose) || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error:\n got %v\nwant …%s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup was written for a refused run")
	}
}

// TestDeterministic: the same input and date give the same bytes (the
// press pack's zip: press.TestDeterministic).
func TestDeterministic(t *testing.T) {
	season, st := scoredSample(t, almsPath)
	var a, b bytes.Buffer
	opts := PublishOptions{Generated: testDate}
	if err := WriteStandingsWorkbook(&a, season, st, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteStandingsWorkbook(&b, season, st, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two standings workbooks differ")
	}
	var outs [2][]byte
	for i := range outs {
		path := organiserWorkbook(t)
		if _, err := WriteBack(path, season, st, opts, Limits{}); err != nil {
			t.Fatal(err)
		}
		outs[i], _ = os.ReadFile(path)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two write-backs of the same workbook differ")
	}
}

// TestWriteBackRecognisesRenamedSheets: a standings sheet the organiser
// renamed is still podium's, found by its sheet ID, and replaced.
func TestWriteBackRecognisesRenamedSheets(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	if _, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName("LMP2 Teams", "Our LMP2 table"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(report.Replaced, "Our LMP2 table") {
		t.Errorf("replaced %q, want the renamed sheet among them", report.Replaced)
	}
	g, _ := excelize.OpenFile(path)
	defer g.Close()
	sheets := g.GetSheetList()
	if slices.Contains(sheets, "Our LMP2 table") || !slices.Contains(sheets, "LMP2 Teams") || len(sheets) != 10+17 {
		t.Errorf("sheets after the second run: %q", sheets)
	}
}

// TestClassWithEmojiScores: a class whose name holds characters outside
// the basic plane validates, scores and publishes, into a standings
// workbook and into the season.
func TestClassWithEmojiScores(t *testing.T) {
	class := "LMP3 \U0001F3CE\uFE0F Michelin Le Mans Cup \U0001F1EB\U0001F1F7"
	path := replaceClass(t, class)
	season, st := scoredSample(t, path)
	want := []string{"LMP3 \U0001F3CE\uFE0F Michelin Le Mans Teams", "LMP3 \U0001F3CE\uFE0F Michelin Le Ma Drivers", "LMP3 \U0001F3CE\uFE0F Michelin L Progression"}
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: testDate}); err != nil {
		t.Fatalf("standings workbook: %v", err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, name := range want {
		if !slices.Contains(f.GetSheetList(), name) {
			t.Errorf("standings workbook: no sheet %q in %q", name, f.GetSheetList())
		}
	}
	report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatalf("write-back: %v", err)
	}
	for _, name := range want {
		if !slices.Contains(report.Sheets, name) {
			t.Errorf("write-back: no sheet %q in %q", name, report.Sheets)
		}
	}
	os.Remove(BackupPath(path))
}

// TestWriteBackRefusesSheetOrder: a write-back whose result no longer has
// the organiser's sheets first and in their order — here the Budget sheet
// moved behind the standings sheets, standing in for a writer that puts
// sheets where it likes — is refused with the exact message; the workbook
// stays byte-identical and no backup is written.
func TestWriteBackRefusesSheetOrder(t *testing.T) {
	path := organiserWorkbook(t)
	before, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	moved := false
	toEnd := func(names []string) []string {
		i := slices.Index(names, "Budget")
		moved = i < len(names)-1 // behind at least one generated sheet
		return append(slices.Delete(names, i, i+1), "Budget")
	}
	damage := func(updated []byte) []byte { return rezip(t, updated, reorderSheets(t, toEnd)) }
	_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{damage: damage})
	if !moved {
		t.Fatal("the write-back put no sheet behind Budget")
	}
	want := path + ": writing the standings into the workbook would lose some of its content: the order of the sheets; " +
		"the workbook was not changed (use --out STANDINGS.xlsx to write the standings to a separate workbook)"
	if !errors.Is(err, ErrWouldLose) || err.Error() != want {
		t.Errorf("error:\n got %v\nwant %s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup was written for a refused run")
	}
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
	names := before.Names()
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
		for _, name := range p.Names() {
			if !isXMLPart(name) {
				continue
			}
			b, _ := p.Read(name)
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
				for _, c := range childSpans(root) {
					if strings.Contains(string(b[c[0]:c[1]]), "custom") {
						return concat(b[:c[0]], b[c[1]:])
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

// TestWriteBackRefusesChangedWorkbook: standings are written only into the
// bytes they were scored from. A save after podium read the workbook, or
// during the write (even one that keeps the file's size and time), leaves
// the saved file as it is, with nothing written beside it.
func TestWriteBackRefusesChangedWorkbook(t *testing.T) {
	t.Run("saved after it was read", func(t *testing.T) {
		path := organiserWorkbook(t)
		snap, err := ReadSnapshot(path, Limits{})
		if err != nil {
			t.Fatal(err)
		}
		season, _, err := SnapshotSeason(snap, OpenOptions{})
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

// replaceClass writes a copy of the ALMS sample in which every cell "LMP3"
// reads class instead.
func replaceClass(t *testing.T, class string) string {
	t.Helper()
	f, err := excelize.OpenFile(almsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "LMP3" {
					if err := f.SetCellValue(sheet, ooxml.CellName(c+1, r+1), class); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
	}
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}
