package ooxml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestParallelZip: parts of every size (empty, one block, several blocks
// and a partial last block) come back intact, in name order, and the same
// parts always give the same bytes.
func TestParallelZip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var sheet []byte
	for r := 1; len(sheet) < 3*blockSize+12345; r++ {
		sheet = fmt.Appendf(sheet, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, rng.IntN(100))
	}
	big := sheet[:3*blockSize+12345]
	parts := []struct {
		name string
		data []byte
	}{
		{"xl/worksheets/sheet2.xml", big},
		{"[Content_Types].xml", []byte("<Types/>")},
		{"xl/empty.xml", nil},
		{"xl/worksheets/sheet1.xml", big[:blockSize]},
		{"docProps/app.xml", []byte(strings.Repeat("podium ", 1000))},
	}
	write := func() []byte {
		var buf bytes.Buffer
		z := newParallelZip(&buf, nil)
		for _, p := range parts {
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			// Odd-sized writes cross block boundaries.
			for rest := p.data; len(rest) > 0; {
				n := min(len(rest), 100_003)
				if _, err := w.Write(rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := write()
	if second := write(); !bytes.Equal(first, second) {
		t.Fatal("the same parts gave different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC and the size
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		for _, p := range parts {
			if p.name == f.Name && !bytes.Equal(got, p.data) {
				t.Errorf("%s: %d bytes back, want %d", f.Name, len(got), len(p.data))
			}
		}
		if f.Method != zip.Deflate {
			t.Errorf("%s: method %d, want deflate", f.Name, f.Method)
		}
	}
	want := "[Content_Types].xml docProps/app.xml xl/empty.xml xl/worksheets/sheet1.xml xl/worksheets/sheet2.xml"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("parts in order %s, want %s", got, want)
	}
	if len(first) > len(big)/2 {
		t.Errorf("package is %d bytes for %d bytes of text: not compressed", len(first), len(big))
	}
}

// TestParallelZipKeepsTheFirstOfTwoParts: excelize may write a deleted
// sheet's old content after the new sheet of the same name.
func TestParallelZipKeepsTheFirstOfTwoParts(t *testing.T) {
	var buf bytes.Buffer
	z := newParallelZip(&buf, nil)
	for _, content := range []string{"new", "old"} {
		w, err := z.Create("xl/worksheets/sheet50.xml")
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, content)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 1 {
		t.Fatalf("%d parts, want 1", len(zr.File))
	}
	rc, _ := zr.File[0].Open()
	got, _ := io.ReadAll(rc)
	if string(got) != "new" {
		t.Errorf("part holds %q, want new", got)
	}
}

func TestParallelZipRefusesBadNames(t *testing.T) {
	for _, name := range []string{"/abs.xml", ""} {
		if _, err := newParallelZip(io.Discard, nil).Create(name); err == nil {
			t.Errorf("Create(%q): no error", name)
		}
	}
}

// TestParallelZipLevel: parts are deflated at level 2 (see deflateLevel),
// not at the default level 6, which costs three times the CPU time for a
// file a tenth smaller.
func TestParallelZipLevel(t *testing.T) {
	var sheet []byte
	for r := 1; len(sheet) < blockSize/2; r++ {
		sheet = fmt.Appendf(sheet, `<row r="%d"><c r="A%d" s="3"><v>%d</v></c><c r="B%d" t="inlineStr"><is><t>Driver %d-%d Name</t></is></c></row>`, r, r, r%97, r, r%613, r%3)
	}
	var buf bytes.Buffer
	z := newParallelZip(&buf, nil)
	w, err := z.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	w.Write(sheet)
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := zr.File[0].OpenRaw()
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(raw)
	var want bytes.Buffer
	fw, _ := flate.NewWriter(&want, 2)
	fw.Write(sheet)
	fw.Close()
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("part deflated to %d bytes, want %d (level 2)", len(got), want.Len())
	}
}

// TestRowSplicesRefuseLostRows: a sheet whose placeholder never reaches
// the package fails the write instead of leaving the sheet without rows.
func TestRowSplicesRefuseLostRows(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	splices := NewRowSplices()
	splices.Add([]byte(`<row r="1"></row>`))
	err := WriteStable(f, io.Discard, splices)
	if err == nil || err.Error() != "the rows of standings sheet 1 were not written" {
		t.Fatalf("err = %v, want the rows of standings sheet 1 were not written", err)
	}
}

// TestParallelZipPartBuffer: a part that grows past a quarter block, after
// a small start (a sheet's properties, then its rows, which excelize copies
// in 32 KB pieces), is gathered in one block buffer rather than grown
// piece by piece: a growing buffer is copied and reallocated about ten
// times on the way to a 700 KB sheet.
func TestParallelZipPartBuffer(t *testing.T) {
	z := newParallelZip(io.Discard, nil)
	head := []byte(`<worksheet><sheetData>`)
	piece := bytes.Repeat([]byte(`<row r="1"><c r="A1"><v>1</v></c></row>`), 32<<10/40)
	allocs := testing.AllocsPerRun(5, func() {
		p := &packagePart{z: z, name: "xl/worksheets/sheet1.xml"}
		p.write(head)
		for p.size < 700<<10 {
			p.write(piece)
		}
		if len(p.blocks) != 0 || cap(p.buf) != blockSize {
			t.Fatalf("%d blocks, a buffer of %d bytes; want none flushed, one block buffer", len(p.blocks), cap(p.buf))
		}
	})
	// The part, its start up to 32 KB (grown once or twice) and the
	// block buffer: four (five with -race); grown, ten.
	if allocs > 6 {
		t.Errorf("%.0f allocations writing a 700 KB part, want at most 6", allocs)
	}
}
