package scoring

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// numberedDrivers names cars×3 drivers the way a generated entry list
// does, "Driver 12-1 Name"; with typos, every name has a twin one letter
// off ("Driver 12-1 Nmae") in the next row.
func numberedDrivers(cars int, typos bool) []Driver {
	var ds []Driver
	for car := 1; car <= cars; car++ {
		for k := 1; k <= 3; k++ {
			names := []string{fmt.Sprintf("Driver %d-%d Name", car, k)}
			if typos {
				names = append(names, fmt.Sprintf("Driver %d-%d Nmae", car, k))
			}
			for _, name := range names {
				ds = append(ds, Driver{No: fmt.Sprint(car), Name: name, Key: FoldName(name),
					Origin: Origin{Sheet: "Drivers", Row: len(ds) + 2}})
			}
		}
	}
	return ds
}

// TestSimilarNamesAtScale: 7,500 numbered names (2,500 cars × 3) are 7,500
// different people; with a typo twin each, exactly one warning per twin.
func TestSimilarNamesAtScale(t *testing.T) {
	for _, typos := range []bool{false, true} {
		var diags Diagnostics
		c := &checker{index: &index{s: &Season{Drivers: numberedDrivers(2500, typos)}}, diags: &diags}
		c.similarNames()
		want := 0
		if typos {
			want = 7500
		}
		if len(diags) != want {
			t.Errorf("typos %v: %d warnings, want %d; first: %v", typos, len(diags), want, diags[:min(len(diags), 3)])
		}
		for _, d := range diags {
			if d.Code != CodeSimilarNames || !strings.Contains(d.Message, "Nmae") {
				t.Errorf("typos %v: %v", typos, d)
				break
			}
		}
	}
}

// BenchmarkSimilarNames runs the near-duplicate name check over the
// drivers of 1,250 and 2,500 cars × 3 ("Driver 12-1 Name"), each with a
// typo twin: 7,500 and 15,000 names. Twice the names, twice the time.
//
//	go test ./scoring -run '^$' -bench SimilarNames -benchmem -count 3
func BenchmarkSimilarNames(b *testing.B) {
	for _, cars := range []int{1250, 2500} {
		drivers := numberedDrivers(cars, true)
		b.Run(fmt.Sprintf("names=%d", len(drivers)), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				var diags Diagnostics
				c := &checker{index: &index{s: &Season{Drivers: drivers}}, diags: &diags}
				c.similarNames()
			}
		})
	}
}

// TestVariantHash checks that a variant's hash is the hash of the name
// with that character deleted, accents and invalid bytes included.
func TestVariantHash(t *testing.T) {
	for _, s := range []string{"driver 12-1 name", "sébastien buemi", "ab\xffcd", "x"} {
		r := []rune(s)
		if got, want := variantHash(s, -1), variantHash(string(r), -1); got != want {
			t.Errorf("%q: whole %x, want %x", s, got, want)
		}
		for j := range utf8.RuneCountInString(s) {
			del := string(r[:j]) + string(r[j+1:])
			if got, want := variantHash(s, j), variantHash(del, -1); got != want {
				t.Errorf("%q without %d: %x, want %x (%q)", s, j, got, want, del)
			}
		}
		if variantHash(s, -1) == variantHash(s+"a", -1) {
			t.Errorf("%q: same hash as with a letter more", s)
		}
	}
}

// TestSimilarNamesAllocations: the one-edit index of 7,500 names is a few
// growing slices and a map, not a slice per variant: far fewer
// allocations than names (a slice per variant took over 100,000).
func TestSimilarNamesAllocations(t *testing.T) {
	drivers := numberedDrivers(2500, false)
	allocs := testing.AllocsPerRun(3, func() {
		var diags Diagnostics
		c := &checker{index: &index{s: &Season{Drivers: drivers}}, diags: &diags}
		c.similarNames()
	})
	if max := float64(len(drivers)) / 5; allocs > max {
		t.Errorf("%v allocations for %d names, want at most %v", allocs, len(drivers), max)
	}
}
