package standings

import (
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/xuri/excelize/v2"
)

// pointsFormat is the number format of a cell holding points p. Points
// written in at most two decimals (387, 12.5, 0.25) keep the General
// format, and so look as they always have; a fraction with more (a
// fastest lap shared by 7 cars, 25 1/7) is shown in the decimals
// scoring.FormatPoints writes it with ("0.00": 25.14, as in the press
// pack), where General would show as many digits as the column has
// room for (25.1429).
func pointsFormat(p float64) string {
	s := strconv.FormatFloat(p, 'f', -1, 64)
	if dot := strings.IndexByte(s, '.'); dot < 0 || len(s)-dot-1 <= 2 {
		return ""
	}
	short := scoring.FormatPoints(p)
	dot := strings.IndexByte(short, '.')
	if dot < 0 {
		return "0"
	}
	return "0." + strings.Repeat("0", len(short)-dot-1)
}

// pointsStyle returns the style of a points cell holding v (a value as
// present.Points returns it) styled base: base itself unless v needs a
// number format of its own (pointsFormat). The style is made when first
// needed, so that a season whose points need none has exactly the styles
// it had before.
func (p *publisher) pointsStyle(v any, base cellStyle, baseID int) (int, error) {
	f, ok := v.(float64)
	if !ok {
		return baseID, nil
	}
	format := pointsFormat(f)
	if format == "" {
		return baseID, nil
	}
	base.numFmt = format
	return p.style(base)
}

// styledPoints puts each value of a streamed row whose points need a
// number format of their own (pointsFormat) in a cell of that style.
func (p *publisher) styledPoints(values []any) error {
	for i, v := range values {
		id, err := p.pointsStyle(v, cellStyle{}, 0)
		if err != nil {
			return err
		}
		if id != 0 {
			values[i] = excelize.Cell{StyleID: id, Value: v}
		}
	}
	return nil
}
