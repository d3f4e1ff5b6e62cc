package sheets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates/workbook"
)

// LibreOffice and CSV helpers shared with the packages beside this one.
var (
	soffice  = testkit.Soffice
	convert  = testkit.Convert
	readCSV  = testkit.ReadCSV
	trimRows = testkit.TrimRows
)

// TestLibreOfficeSavedWorkbooks: a template and a season saved by
// LibreOffice itself (through its own .ods format and back) read, validate
// and score as the originals do.
func TestLibreOfficeSavedWorkbooks(t *testing.T) {
	bin := soffice(t)
	dir := t.TempDir()
	roundTrip := func(src string) string {
		base := strings.TrimSuffix(filepath.Base(src), ".xlsx")
		ods := filepath.Join(dir, "ods")
		convert(t, bin, "ods", src, ods)
		back := filepath.Join(dir, "back")
		convert(t, bin, "xlsx:Calc MS Excel 2007 XML", filepath.Join(ods, base+".ods"), back)
		return filepath.Join(back, base+".xlsx")
	}

	tmpl := filepath.Join(dir, "template.xlsx")
	f, _ := os.Create(tmpl)
	if err := workbook.Write(f, workbook.Options{Series: "LO Series", Rounds: 3}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	season, diags, err := Read(roundTrip(tmpl), OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(diagLines(diags), "\n"); got != "Entries: warning: no cars are entered yet (add a row per car to the Entries sheet)" {
		t.Errorf("template saved by LibreOffice: %s", got)
	}
	if season.Series != "LO Series" || len(season.Rounds) != 3 || len(season.Points) != 12 {
		t.Errorf("template read as %q, %d rounds, %d points lines", season.Series, len(season.Rounds), len(season.Points))
	}
	if _, warnings := scoring.Score(season, scoring.Options{}); len(warnings) != 0 {
		t.Errorf("scoring the template: %v", warnings)
	}

	_, origStandings := scoredSample(t, almsPath)
	saved, diags, err := Read(roundTrip(almsPath), OpenOptions{})
	if err != nil || len(diags) != 0 {
		t.Fatalf("season saved by LibreOffice: %v %v", err, diagLines(diags))
	}
	st, _ := scoring.Score(saved, scoring.Options{})
	for i, c := range st.Classifications {
		if render(c.Teams)+render(c.Drivers) != render(origStandings.Classifications[i].Teams)+render(origStandings.Classifications[i].Drivers) {
			t.Errorf("%s: standings differ after LibreOffice saved the season", c.Name)
		}
	}
}

func render(lines []scoring.Line) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(l.String())
		b.WriteString("; ")
	}
	return b.String()
}
