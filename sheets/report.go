package sheets

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/podium-dev/podium/scoring"
)

// WriteDiagnostics prints diagnostics for a person: one line per problem,
// by sheet in row order (the list is expected sorted), the same problem in
// several cells of a sheet on one line with its cells grouped, then a
// summary line. season may be nil; when given, a clean summary counts what
// was read.
func WriteDiagnostics(w io.Writer, path string, season *scoring.Season, diags scoring.Diagnostics) error {
	bw := bufio.NewWriter(w)
	sheet := ""
	for i, g := range diags.Grouped() {
		if i > 0 && g.Ref.Sheet != sheet {
			bw.WriteString("\n")
		}
		sheet = g.Ref.Sheet
		bw.WriteString(g.String())
		bw.WriteString("\n")
	}
	if len(diags) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(Summary(path, season, diags))
	bw.WriteString("\n")
	return bw.Flush()
}

// Summary is the closing line of a validation report.
func Summary(path string, season *scoring.Season, diags scoring.Diagnostics) string {
	name := filepath.Base(path)
	errs, warns := diags.Count(scoring.Error), diags.Count(scoring.Warning)
	if errs == 0 && warns == 0 {
		if season == nil {
			return name + ": no problems found"
		}
		return fmt.Sprintf("%s: no problems found (%s, %s, %s, %s)", name,
			count(len(season.Rounds), "round"), count(len(season.Entries), "car"),
			count(len(season.Drivers), "driver row"), count(len(season.Results), "result"))
	}
	return fmt.Sprintf("%s: %s, %s", name, count(errs, "error"), count(warns, "warning"))
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// jsonReport is the shape of `podium validate --format json`.
type jsonReport struct {
	File        string           `json:"file"`
	Errors      int              `json:"errors"`
	Warnings    int              `json:"warnings"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Severity scoring.Severity `json:"severity"`
	Sheet    string           `json:"sheet,omitempty"`
	Cell     string           `json:"cell,omitempty"`
	Row      int              `json:"row,omitempty"`
	Col      int              `json:"col,omitempty"`
	Code     string           `json:"code"`
	Message  string           `json:"message"`
	Hint     string           `json:"hint,omitempty"`
	Text     string           `json:"text"`
}

// WriteDiagnosticsJSON prints diagnostics as one JSON object for tools.
func WriteDiagnosticsJSON(w io.Writer, path string, diags scoring.Diagnostics) error {
	r := jsonReport{File: path, Errors: diags.Count(scoring.Error), Warnings: diags.Count(scoring.Warning), Diagnostics: []jsonDiagnostic{}}
	for _, d := range diags {
		cell := ""
		if d.Ref.Col > 0 {
			cell = d.Ref.Cell()
		}
		r.Diagnostics = append(r.Diagnostics, jsonDiagnostic{
			Severity: d.Severity, Sheet: d.Ref.Sheet, Cell: cell, Row: d.Ref.Row, Col: d.Ref.Col,
			Code: d.Code, Message: d.Message, Hint: d.Hint, Text: d.String(),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
