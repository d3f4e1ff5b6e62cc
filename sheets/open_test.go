package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"mimetype", "[Content_Types].xml", "word/document.xml", "a.txt", "b.bin"} {
		content, ok := files[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// withoutPart returns the xlsx package data without the named part.
func withoutPart(t *testing.T, data []byte, part string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == part {
			continue
		}
		rc, _ := f.Open()
		w, _ := zw.Create(f.Name)
		b := new(bytes.Buffer)
		b.ReadFrom(rc)
		rc.Close()
		w.Write(b.Bytes())
	}
	zw.Close()
	return buf.Bytes()
}

func encryptedBook(t *testing.T, password string) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "enc.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestOpenFileErrors: every unusable file gets a one-line error that says
// what it is and what to do, wraps a sentinel, and leaves the file as it was.
func TestOpenFileErrors(t *testing.T) {
	valid, err := os.ReadFile(baseBook().write(t))
	if err != nil {
		t.Fatal(err)
	}
	ole := append(append([]byte{}, ooxml.OLEMagic...), bytes.Repeat([]byte{0}, 512)...)
	tests := []struct {
		name     string
		data     []byte
		password string
		limits   ooxml.Limits
		wantErr  error
		wantMsg  string
	}{
		{"empty", []byte{}, "", ooxml.Limits{}, ooxml.ErrEmpty, "season.xlsx: the file is empty (the file has 0 bytes; save the workbook again from Excel)"},
		{"csv renamed", []byte("Round,No.,Pos\n1,7,1\n"), "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook: it is a CSV or text file (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"html export", []byte("<html><table><tr><td>1</td></tr></table></html>"), "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook: it is a web page (HTML or XML) named like a workbook (open it in Excel and save it as an Excel Workbook (.xlsx))"},
		{"random bytes", []byte{0x00, 0x01, 0xFE, 0x80, 0x00, 0x10}, "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook (podium reads Excel workbooks (.xlsx); save the file from Excel or LibreOffice in that format)"},
		{"legacy xls", ole, "", ooxml.Limits{}, ooxml.ErrLegacyXLS, "season.xlsx: an Excel 97–2003 (.xls) workbook, which podium cannot read (open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx))"},
		{"ods renamed", zipOf(t, map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), "", ooxml.Limits{}, ooxml.ErrODS, "season.xlsx: an OpenDocument (.ods) spreadsheet, which podium cannot read (open it in LibreOffice and save it as Excel 2007-365 (.xlsx))"},
		{"zip of other files", zipOf(t, map[string]string{"a.txt": "hello", "b.bin": "\x00\x01"}), "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook: it is a zip archive (give the Excel workbook (.xlsx) of the season)"},
		{"word document", zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook: it is an Office package without a workbook part (perhaps a Word or PowerPoint file) (give the Excel workbook (.xlsx) of the season)"},
		{"xlsx without workbook part", withoutPart(t, valid, "xl/workbook.xml"), "", ooxml.Limits{}, ooxml.ErrNotWorkbook, "season.xlsx: not an Excel workbook: it is an Office package without a workbook part (perhaps a Word or PowerPoint file) (give the Excel workbook (.xlsx) of the season)"},
		{"truncated", valid[:len(valid)/2], "", ooxml.Limits{}, ooxml.ErrCorrupt, "season.xlsx: the workbook is damaged: the file is truncated or is not a valid zip package (the file may have been cut short while copying or downloading; get a fresh copy)"},
		{"password protected", encryptedBook(t, "secret"), "", ooxml.Limits{}, ooxml.ErrEncrypted, "season.xlsx: the workbook is protected by a password (give the password with --password, or remove it in Excel: File › Info › Protect Workbook)"},
		{"wrong password", encryptedBook(t, "secret"), "guess", ooxml.Limits{}, ooxml.ErrWrongPassword, "season.xlsx: the password does not open the workbook (check the password given with --password)"},
		{"part over the limit", valid, "", ooxml.Limits{MaxFileSize: 1 << 20, MaxUnzipSize: 1 << 20, MaxPartSize: 1000, MaxParts: 100, MaxRows: 10, MaxColumns: 10, MaxCellChars: 10}, ooxml.ErrTooLarge, "season.xlsx: the workbook is too large: its part xl/worksheets/sheet6.xml unpacks to 1 KB (the limit is 1000 bytes) (a workbook this large is probably damaged or crafted; save a copy with only the season's sheets)"},
		{"file over the limit", valid, "", ooxml.Limits{MaxFileSize: 100, MaxUnzipSize: 1 << 20, MaxPartSize: 1 << 20, MaxParts: 100, MaxRows: 10, MaxColumns: 10, MaxCellChars: 10}, ooxml.ErrTooLarge, "season.xlsx: the workbook is too large (podium reads files up to 100 bytes)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "season.xlsx")
			if err := os.WriteFile(path, tt.data, 0o644); err != nil {
				t.Fatal(err)
			}
			wb, err := Open(path, OpenOptions{Password: tt.password, Limits: tt.limits})
			if err == nil {
				wb.Close()
				t.Fatal("Open succeeded, want an error")
			}
			var fe *ooxml.FileError
			if !errors.As(err, &fe) {
				t.Fatalf("error %T %v is not a *FileError", err, err)
			}
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("error %v does not wrap %v", err, tt.wantErr)
			}
			msg := filepath.Base(fe.Path) + err.Error()[len(fe.Path):]
			if tt.wantMsg != "" && msg != tt.wantMsg {
				t.Errorf("message:\n got %s\nwant %s", msg, tt.wantMsg)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, tt.data) {
				t.Error("the file changed")
			}
		})
	}
}

func TestOpenPathErrors(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing.xlsx"), OpenOptions{}); !errors.Is(err, ooxml.ErrNotFound) {
		t.Errorf("missing file: %v, want ErrNotFound", err)
	}
	if _, err := Open(dir, OpenOptions{}); !errors.Is(err, ooxml.ErrIsDirectory) {
		t.Errorf("folder: %v, want ErrIsDirectory", err)
	}
}

func TestOpenWithPassword(t *testing.T) {
	path := filepath.Join(t.TempDir(), "season.xlsx")
	b := baseBook()
	plain := b.write(t)
	f, err := excelize.OpenFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path, excelize.Options{Password: "pit lane"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	season, diags, err := Read(path, OpenOptions{Password: "pit lane"})
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 || len(season.Results) != 11 {
		t.Errorf("got %d diagnostics and %d results, want 0 and 11", len(diags), len(season.Results))
	}
}

// TestReadDoesNotWrite: reading a workbook leaves it byte-identical, and
// creates nothing beside it.
func TestReadDoesNotWrite(t *testing.T) {
	b := baseBook()
	b.set("Results", "D9", "Retd")
	path := b.write(t)
	before, _ := os.ReadFile(path)
	info, _ := os.Stat(path)
	if _, _, err := Read(path, OpenOptions{}); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	info2, _ := os.Stat(path)
	if !bytes.Equal(before, after) || !info.ModTime().Equal(info2.ModTime()) {
		t.Error("reading changed the workbook")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("folder holds %d files after reading, want 1", len(entries))
	}
}

// TestLibreOfficeFormulas: a workbook saved by LibreOffice, whose cells hold
// formulas with saved results, reads clean with those results.
func TestLibreOfficeFormulas(t *testing.T) {
	season, diags, err := Read("testdata/libreoffice-formulas.xlsx", OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diagLines(diags))
	}
	if season.Series != "Demo Endurance Cup" {
		t.Errorf("series = %q, want the formula's result", season.Series)
	}
	if p1, p2 := season.Results[0].Pos, season.Results[1].Pos; p1 != 1 || p2 != 2 {
		t.Errorf("positions from formulas = %d, %d; want 1, 2", p1, p2)
	}
}
