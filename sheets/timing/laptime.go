package timing

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// ParseLapTime reads a lap or race time as timing systems write it:
// 5:44'41.101 (hours, minutes, seconds), 1'58.056, 45:30.694, 1:02:03.4,
// or seconds (118.056, also with a decimal comma).
func ParseLapTime(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	bad := fmt.Errorf("%q is not a time", s)
	if s == "" || len(s) > 32 {
		return 0, bad
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '\'' })
	if len(parts) == 0 || len(parts) > 3 || strings.HasSuffix(s, ":") || strings.HasSuffix(s, "'") {
		return 0, bad
	}
	secText := strings.Replace(parts[len(parts)-1], ",", ".", 1)
	sec, err := strconv.ParseFloat(secText, 64)
	if err != nil || sec < 0 || math.IsInf(sec, 0) || math.IsNaN(sec) || strings.ContainsAny(secText, "eE+-") {
		return 0, bad
	}
	if len(parts) > 1 && sec >= 60 {
		return 0, bad
	}
	total := sec
	mult := 60.0
	for i := len(parts) - 2; i >= 0; i-- {
		n, err := strconv.Atoi(parts[i])
		if err != nil || n < 0 || (i > 0 && n >= 60) {
			return 0, bad
		}
		total += float64(n) * mult
		mult *= 60
	}
	if total > 1e6 {
		return 0, bad
	}
	return time.Duration(math.Round(total*1000)) * time.Millisecond, nil
}

// FormatLap writes a lap time as the ACO export does: 1'54.387.
func FormatLap(d time.Duration) string {
	ms := d.Milliseconds()
	if ms >= 3600000 {
		return fmt.Sprintf("%d:%02d'%02d.%03d", ms/3600000, ms/60000%60, ms/1000%60, ms%1000)
	}
	return fmt.Sprintf("%d'%02d.%03d", ms/60000, ms/1000%60, ms%1000)
}
