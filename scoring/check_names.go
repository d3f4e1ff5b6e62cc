package scoring

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// similarNames warns about names that are probably the same person spelt
// two ways: equal apart from accents, case and spacing, or one typo apart.
func (c *checker) similarNames() {
	type spelling struct {
		name string
		d    *Driver
	}
	// The first row of each distinct spelling.
	var spellings []spelling
	seen := map[string]bool{}
	for i := range c.s.Drivers {
		d := &c.s.Drivers[i]
		if !seen[d.Name] {
			seen[d.Name] = true
			spellings = append(spellings, spelling{d.Name, d})
		}
	}
	warn := func(a, b spelling, how string) {
		c.diags.Warnf(b.d.Origin.At(ColDriver), CodeSimilarNames, hintSimilarNames,
			"%q looks like %q at %s (%s)", b.name, a.name, place(a.d.Origin, ColDriver), how)
	}
	// Same key: differ only in accents, case or spacing.
	byKey := map[string]spelling{}
	var keys []string
	for _, sp := range spellings {
		if first, ok := byKey[sp.d.Key]; ok {
			warn(first, sp, "they differ only in accents, capitals or spaces")
			continue
		}
		byKey[sp.d.Key] = sp
		keys = append(keys, sp.d.Key)
	}
	// One edit apart: index every key by its one-deletion variants, so that
	// only keys sharing a variant are compared (linear, not quadratic).
	// Names whose numbers differ are different people ("Driver 12-1" and
	// "Driver 13-1", "Driver 1-21"; "Car 7 Driver" and "Car 17 Driver"):
	// only letters (not digits) are deleted, so that two keys share a
	// variant only when their digits are the same, and entry lists
	// numbered by car never fill a variant with each other's names.
	// A variant is held as a hash of its characters, not as a string of
	// its own (a season has tens of thousands of names); two keys sharing
	// a hash by chance are told apart by the distance check.
	var variants variantIndex
	reported := map[[2]int]bool{}
	var cands []uint64 // reused
	for i, k := range keys {
		n := utf8.RuneCountInString(k)
		if n < 6 {
			continue // short names differ by one letter too often
		}
		cands = append(cands[:0], variantHash(k, -1))
		j := 0
		for _, c := range k {
			if !unicode.IsDigit(c) {
				cands = append(cands, variantHash(k, j))
			}
			j++
		}
		for _, c := range cands {
			for e := variants.first(c); e >= 0; e = variants.next[e] {
				other := int(variants.keys[e])
				pair := [2]int{other, i}
				if reported[pair] || Distance(keys[other], k) != 1 || numbers(keys[other]) != numbers(k) {
					continue
				}
				reported[pair] = true
				warn(byKey[keys[other]], byKey[k], "one letter differs")
			}
		}
		for _, c := range cands {
			variants.add(c, i)
		}
	}
}

// variantIndex lists, for each variant hash, the keys holding it in the
// order they were added: linked lists through two flat slices, not a
// slice of its own per variant (a season has hundreds of thousands).
type variantIndex struct {
	ends map[uint64][2]int32 // first and last entry of each variant
	keys []int32             // each entry's key
	next []int32             // each entry's next entry, -1 for none
}

// first returns the variant's first entry, -1 for none.
func (v *variantIndex) first(h uint64) int32 {
	if e, ok := v.ends[h]; ok {
		return e[0]
	}
	return -1
}

// add appends key to the variant's list.
func (v *variantIndex) add(h uint64, key int) {
	if v.ends == nil {
		v.ends = map[uint64][2]int32{}
	}
	e := int32(len(v.keys))
	v.keys = append(v.keys, int32(key))
	v.next = append(v.next, -1)
	if ends, ok := v.ends[h]; ok {
		v.next[ends[1]] = e
		v.ends[h] = [2]int32{ends[0], e}
		return
	}
	v.ends[h] = [2]int32{e, e}
}

// variantHash hashes the characters of s without its skip-th one (all of
// them for -1): FNV-1a over the characters' code points, so that it is the
// same every run.
func variantHash(s string, skip int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	j := 0
	for _, c := range s {
		if j != skip {
			for range 4 {
				h ^= uint64(c & 0xff)
				h *= prime
				c >>= 8
			}
		}
		j++
	}
	return h
}

// numbers returns the runs of digits of s, one space after each: "12 1 "
// for "driver 12-1 name".
func numbers(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		d := unicode.IsDigit(r)
		if d {
			b.WriteRune(r)
		} else if in {
			b.WriteByte(' ')
		}
		in = d
	}
	if in {
		b.WriteByte(' ')
	}
	return b.String()
}
