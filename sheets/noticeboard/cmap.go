package noticeboard

import (
	"encoding/binary"
	"errors"
	"slices"
)

// coverage is the set of characters a font has a glyph for, as sorted,
// disjoint ranges.
type coverage []runeRange

type runeRange struct{ lo, hi rune }

// has reports whether the font has a glyph for r.
func (c coverage) has(r rune) bool {
	_, found := slices.BinarySearchFunc(c, r, func(rr runeRange, r rune) int {
		switch {
		case rr.hi < r:
			return -1
		case rr.lo > r:
			return 1
		}
		return 0
	})
	return found
}

// add adds r, given in ascending order.
func (c *coverage) add(r rune) {
	if n := len(*c); n > 0 && (*c)[n-1].hi+1 == r {
		(*c)[n-1].hi = r
		return
	}
	*c = append(*c, runeRange{r, r})
}

var errNotTrueType = errors.New("not a TrueType font with a Unicode character map")

// fontCoverage reads the characters a TrueType font maps to a glyph from
// its cmap table: a Windows or Unicode subtable of format 4 (the Basic
// Multilingual Plane, which is all a PDF font of the writer can print).
// A file whose tables run beyond its end (cut short) is refused.
func fontCoverage(font []byte) (coverage, error) {
	u16 := func(off int) (int, bool) {
		if off < 0 || off+2 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint16(font[off:])), true
	}
	u32 := func(off int) (int, bool) {
		if off < 0 || off+4 > len(font) {
			return 0, false
		}
		return int(binary.BigEndian.Uint32(font[off:])), true
	}
	if len(font) < 12 || string(font[:4]) != "\x00\x01\x00\x00" && string(font[:4]) != "true" {
		return nil, errNotTrueType
	}
	tables, _ := u16(4)
	cmap := -1
	for i := range tables {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil, errNotTrueType
		}
		// A table beyond the end: a file cut short.
		if off, _ := u32(rec + 8); off+mustU32(font, rec+12) > len(font) {
			return nil, errNotTrueType
		}
		if string(font[rec:rec+4]) == "cmap" {
			cmap, _ = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, errNotTrueType
	}
	subtables, ok := u16(cmap + 2)
	if !ok {
		return nil, errNotTrueType
	}
	sub := -1
	for i := range subtables {
		rec := cmap + 4 + 8*i
		platform, ok1 := u16(rec)
		encoding, ok2 := u16(rec + 2)
		off, ok3 := u32(rec + 4)
		if !ok1 || !ok2 || !ok3 {
			return nil, errNotTrueType
		}
		if format, _ := u16(cmap + off); format == 4 && (platform == 3 && encoding == 1 || platform == 0) {
			sub = cmap + off
			break
		}
	}
	if sub < 0 {
		return nil, errNotTrueType
	}
	segX2, ok := u16(sub + 6)
	if !ok || sub+16+4*segX2 > len(font) {
		return nil, errNotTrueType
	}
	ends, starts, deltas, ranges := sub+14, sub+16+segX2, sub+16+2*segX2, sub+16+3*segX2
	var c coverage
	for s := 0; s < segX2; s += 2 {
		end, _ := u16(ends + s)
		start, _ := u16(starts + s)
		delta, _ := u16(deltas + s)
		rangeOff, _ := u16(ranges + s)
		for ch := start; ch <= end && ch < 0xFFFF; ch++ {
			glyph := ch + delta
			if rangeOff != 0 {
				g, ok := u16(ranges + s + rangeOff + 2*(ch-start))
				if !ok || g == 0 {
					continue
				}
				glyph = g + delta
			}
			if glyph&0xFFFF != 0 {
				c.add(rune(ch))
			}
		}
	}
	return c, nil
}

// mustU32 reads a big-endian uint32 at off, which the caller checked.
func mustU32(b []byte, off int) int { return int(binary.BigEndian.Uint32(b[off:])) }
