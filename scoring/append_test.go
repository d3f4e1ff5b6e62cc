package scoring

import (
	"math"
	"testing"
)

// AppendPoints and AppendText write exactly what FormatPoints and the
// item's words say: the press CSV and the Breakdown use them byte for byte.
func TestAppendPointsMatchesFormatPoints(t *testing.T) {
	for _, p := range []float64{0, math.Copysign(0, -1), 1, -5, 25, 45.5, 12.5, 1.0 / 3, -2.25, 0.125, 1e14, 1e15, 1e16, -1e15, 123456789.5, math.Inf(1), math.Inf(-1), math.NaN(), 2.675, 0.005, 0.001, -0.001, 1e-9, 99.999, 1.5e300, 4.56789} {
		if got, want := string(AppendPoints([]byte("x"), p)), "x"+FormatPoints(p); got != want {
			t.Errorf("AppendPoints(%v) = %q, want %q", p, got, want)
		}
	}
	// Every multiple of a quarter and of an eighth over a range, and
	// around the largest value written without formatting a float.
	var ps []float64
	for k := -2000; k <= 2000; k++ {
		ps = append(ps, float64(k)/4, float64(k)/8, float64(k)/4+1<<40, -float64(k)/4-1<<40, float64(k)/4+1<<39)
	}
	for _, p := range ps {
		if got, want := string(AppendPoints([]byte("x"), p)), "x"+FormatPoints(p); got != want {
			t.Fatalf("AppendPoints(%v) = %q, want %q", p, got, want)
		}
	}
}

func TestItemAppendText(t *testing.T) {
	for _, tt := range []struct {
		it   Item
		want string
	}{
		{Item{Kind: ItemPosition, Pos: 1, Points: 25, Base: 25, Factor: 1}, "1st: 25"},
		{Item{Kind: ItemPosition, Pos: 12, Points: 36, Base: 18, Factor: 2}, "12th: 18 × 2 (double points) = 36"},
		{Item{Kind: ItemPosition, Pos: 23, Points: 0.5, Base: 1, Factor: 0.5}, "23rd: 1 × 0.5 (half points) = 0.5"},
		{Item{Kind: ItemOther, Pos: 111, Points: 1, Base: 1, Factor: 1.5}, "classified 111th (beyond the points table): 1 × 1.5 (points factor) = 1"},
		{Item{Kind: ItemPole, Points: 1, Factor: 1}, "pole position: 1"},
		{Item{Kind: ItemFastestLap, Points: 1, Base: 1, Factor: 0}, "fastest lap: 1 × 0 (points factor) = 1"},
		{Item{Kind: ItemPenalty, Points: -5, Note: "jump start"}, "penalty (jump start): -5"},
		{Item{Kind: ItemPenalty, Points: -2.5}, "penalty: -2.5"},
		{Item{Kind: ItemIneligible, Note: "not registered"}, "no points: not registered"},
		{Item{Kind: ItemInvited}, "no points: invited entry"},
		// Contract v2: a race's own scheme, the new awards, shared awards,
		// split drives and a driver's second car.
		{Item{Kind: ItemPosition, Pos: 1, Points: 3, Base: 3, Factor: 1, Scheme: "Sprint"}, "1st (Sprint): 3"},
		{Item{Kind: ItemOther, Pos: 12, Points: 1, Base: 1, Factor: 1, Scheme: "Heat"}, "classified 12th (beyond the points table) (Heat): 1"},
		{Item{Kind: ItemStart, Points: 2, Base: 2, Factor: 1}, "start: 2"},
		{Item{Kind: ItemLapLed, Points: 1, Base: 1, Factor: 1, Scheme: "Race 2"}, "lap led (Race 2): 1"},
		{Item{Kind: ItemMostLapsLed, Points: 1, Base: 2, Factor: 1, SharedBy: 2}, "most laps led (shared by 2 cars): 2 ÷ 2 = 1"},
		{Item{Kind: ItemFastestLap, Points: 0.25, Base: 1, Factor: 1, SharedBy: 2, SplitBy: 2}, "fastest lap (shared by 2 cars): 1 ÷ 2 ÷ 2 (shared drive) = 0.25"},
		{Item{Kind: ItemPosition, Pos: 2, Points: 18, Base: 18, Factor: 2, SplitBy: 2}, "2nd: 18 × 2 (double points) ÷ 2 (shared drive) = 18"},
		{Item{Kind: ItemPosition, Pos: 4, Points: 12, Base: 12, Factor: 1, Note: "car 6"}, "car 6 4th: 12"},
		{Item{Kind: ItemPenalty, Points: -5, Note: "jump start", Scheme: "Sprint"}, "penalty (jump start): -5"},
	} {
		if got := tt.it.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.it, got, tt.want)
		}
		if got := string(tt.it.AppendText([]byte("; "))); got != "; "+tt.want {
			t.Errorf("%+v.AppendText = %q", tt.it, got)
		}
	}
	for n, want := range map[int]string{0: "0th", 1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 112: "112th", 101: "101st", -1: "-1th"} {
		if got := string(AppendOrdinal(nil, n)); got != want || Ordinal(n) != want {
			t.Errorf("AppendOrdinal(%d) = %q, Ordinal = %q, want %q", n, got, Ordinal(n), want)
		}
	}
}
