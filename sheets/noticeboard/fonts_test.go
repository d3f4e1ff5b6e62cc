package noticeboard

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// TestFontCoverage reads the built-in font's character map: the names of
// the seeds and the tables' signs are there, CJK is not.
func TestFontCoverage(t *testing.T) {
	data, err := fontFiles.ReadFile(regular.file())
	if err != nil {
		t.Fatal(err)
	}
	cov, err := fontCoverage(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "Śmiechowski Côme Ledogar Łódź Ørsted Ğ Ж Ω ▲▼†‡–·±" {
		if !cov.has(r) {
			t.Errorf("no %q (U+%04X)", r, r)
		}
	}
	for _, r := range "黒澤한\uFFFF" {
		if cov.has(r) {
			t.Errorf("%q (U+%04X) covered", r, r)
		}
	}
}

// TestDamagedFont: a damaged font file (cut short anywhere) is not
// TrueType for the character map, or not usable; never a panic.
func TestDamagedFont(t *testing.T) {
	data, err := fontFiles.ReadFile(regular.file())
	if err != nil {
		t.Fatal(err)
	}
	if !usable(data) {
		t.Fatal("the built-in font is not usable")
	}
	for _, n := range []int{0, 4, 12, 13, 100, 400, 1000, 5000, 50000, len(data) / 2, len(data) - 100} {
		cut := data[:n]
		if _, err := fontCoverage(cut); err == nil && usable(cut) {
			t.Errorf("a font cut at %d bytes is usable", n)
		}
	}
	// Bytes of the table directory and the character map changed at
	// random: read without a panic.
	cmap := 0
	for i := range int(binary.BigEndian.Uint16(data[4:])) {
		if rec := 12 + 16*i; string(data[rec:rec+4]) == "cmap" {
			cmap = int(binary.BigEndian.Uint32(data[rec+8:]))
		}
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	for range 500 {
		bad := append([]byte(nil), data...)
		for range 4 {
			at := rnd.IntN(12 + 16*20)
			if rnd.IntN(2) == 0 {
				at = cmap + rnd.IntN(4096)
			}
			bad[at] = byte(rnd.IntN(256))
		}
		fontCoverage(bad)
	}
}
