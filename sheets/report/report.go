// Package report prints the problems found in a season for a person (one
// line per problem, the same problem in several cells on one line, a
// screenful of each kind, a closing summary) and for tools (one JSON
// object), as validate and score print them.
package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// PerKind is how many lines of one kind of problem (one code) a report for
// a person prints: a screenful. The rest are counted on one line that says
// where all of them are.
const PerKind = 20

// WriteDiagnostics prints diagnostics for a person: one line per problem,
// by sheet in row order (the list is expected sorted), the same problem in
// several cells of a sheet on one line with its cells grouped, then a
// summary line. At most PerKind lines of one kind are printed; then one
// line counts the rest and names `podium validate --format json`, which
// lists them all. season may be nil; when given, a clean summary counts
// what was read.
func WriteDiagnostics(w io.Writer, path string, season *scoring.Season, diags scoring.Diagnostics) error {
	bw := bufio.NewWriter(w)
	writeLines(bw, diags, true, func(string) string { return ValidateJSON(path) })
	if len(diags) > 0 {
		bw.WriteString("\n")
	}
	bw.WriteString(Summary(path, season, diags))
	bw.WriteString("\n")
	return bw.Flush()
}

// WriteWarnings prints warnings as WriteDiagnostics does, without the
// blank lines between sheets and the summary: what score prints before
// writing. where says, for a kind (a code) cut short, where every one of
// its warnings can be read (see IssuesSheet and ValidateJSON).
func WriteWarnings(w io.Writer, diags scoring.Diagnostics, where func(code string) string) error {
	bw := bufio.NewWriter(w)
	writeLines(bw, diags, false, where)
	return bw.Flush()
}

// ValidateJSON says where every problem of the workbook at path can be
// read, for a report that printed only the first of each kind: "podium
// validate --format json season.xlsx lists every one" (a path a shell
// would split is quoted).
func ValidateJSON(path string) string {
	return "podium validate --format json " + shellQuote(path) + " lists every one"
}

// shellQuote quotes a path for a command line when a shell would split or
// expand it.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"$`\\!*?[](){};&|<>#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// IssuesSheet says where a write-back keeps every warning of kind code:
// "every one is in the Issues sheet of season.xlsx (Kind position-gap)".
func IssuesSheet(path, code string) string {
	return "every one is in the Issues sheet of " + path + " (Kind " + code + ")"
}

// writeLines writes the grouped lines of diags, at most PerKind of each
// kind, and after the last line of a kind that is cut short, one line with
// how many more there are and where (as where says): "… and 5392 more
// position-gap warnings (5412 in all): every one is in the Issues sheet of
// season.xlsx (Kind position-gap)".
func writeLines(bw *bufio.Writer, diags scoring.Diagnostics, blankBetweenSheets bool, where func(code string) string) {
	type kind struct {
		sev  scoring.Severity
		code string
	}
	groups := diags.Grouped()
	lines := map[kind]int{}  // lines of the kind
	counts := map[kind]int{} // problems (cells) of the kind
	for _, g := range groups {
		k := kind{g.Severity, g.Code}
		lines[k]++
		counts[k] += len(g.Refs)
	}
	shown := map[kind]int{}      // lines printed
	shownCells := map[kind]int{} // problems printed
	sheet := ""
	for i, g := range groups {
		k := kind{g.Severity, g.Code}
		if shown[k] == PerKind {
			continue
		}
		if blankBetweenSheets && i > 0 && g.Ref.Sheet != sheet {
			bw.WriteString("\n")
		}
		sheet = g.Ref.Sheet
		bw.WriteString(g.String())
		bw.WriteString("\n")
		shown[k]++
		shownCells[k] += len(g.Refs)
		if shown[k] == PerKind && lines[k] > PerKind {
			noun := k.sev.String()
			if n := counts[k] - shownCells[k]; n != 1 {
				noun += "s"
			}
			code := k.code
			if code == "" {
				code = "other"
			}
			fmt.Fprintf(bw, "… and %d more %s %s (%d in all): %s\n",
				counts[k]-shownCells[k], code, noun, counts[k], where(k.code))
		}
	}
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
