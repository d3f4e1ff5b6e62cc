package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/noticeboard"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/podium-dev/podium/sheets/site"
	"github.com/podium-dev/podium/sheets/wikitext"
	"github.com/podium-dev/podium/sheets/writeback"
	"github.com/urfave/cli/v2"
)

// publishOptions are the options of podium publish: the season read as
// export reads it (Season, Password, AfterRound, Stdout, Stderr), and
// where each publication goes.
type publishOptions struct {
	exportOptions
	HTML     string   // --html: the folder of the web site, "" for none
	Wikitext string   // --wikitext: the wikitext file, "" for none
	PDF      string   // --pdf: the notice-board PDF, "" for none
	Number   int      // --number: the PDF's document number, 0 for the next one
	Clerk    string   // --clerk: the Clerk of the Course, "" for a line to write on
	Stewards []string // --steward: the Stewards, none for lines to write on
}

// publication is one output of publish: its place in the output plan,
// and how it is written once the season is scored. An output is added
// by one more entry in publications (and its flag).
type publication struct {
	place outputs.Place
	// write writes the publication and returns the line to print.
	write func(season *scoring.Season, st *scoring.Standings, date time.Time) (string, error)
}

func publishCommand() *cli.Command {
	return &cli.Command{
		Name:      "publish",
		Usage:     "publish the standings: a static web site, wikitext tables, the notice-board PDF",
		ArgsUsage: "SEASON.xlsx",
		Description: `Validates the season (errors stop it, and nothing is written), scores it
and publishes the standings; give at least one output. SEASON.xlsx is only
read.

--html DIR writes a static web site, no JavaScript: index.html (the series,
Provisional or Final and after which round, the championships and the
rounds), a page per championship table, a page per round's results,
style.css, and .podium-site.txt (the files podium wrote and their SHA-256).
The site is written beside DIR and put in place whole. DIR may be missing,
empty, or a site podium published there before, which is replaced; any
other DIR is refused, as is a site holding files podium did not write or
that changed since: podium never removes them.

--wikitext FILE writes every championship as MediaWiki tables in the style
of the season articles, ready to paste.

--pdf FILE writes the notice-board document: A4 landscape, a table per
championship, Provisional or Final, the date and time of issue, a document
number, page x of y, the colour key and a signature block (--clerk,
--steward). The number is the one of the document already at FILE plus 1
(1 for a new file), or --number N.

A FILE there that podium did not write is replaced only with --force.`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "html", Usage: "write the standings as a static web site into the folder `DIR`"},
			&cli.StringFlag{Name: "wikitext", Usage: "write the standings as MediaWiki tables to `FILE`"},
			&cli.StringFlag{Name: "pdf", Usage: "write the notice-board PDF to `FILE`"},
			&cli.IntFlag{Name: "number", Usage: "give the notice-board PDF the document number `N` (default: the previous document's plus 1)"},
			&cli.StringFlag{Name: "clerk", Usage: "sign the notice-board PDF as the Clerk of the Course `NAME`"},
			&cli.StringSliceFlag{Name: "steward", Usage: "name a Steward `NAME` in the notice-board PDF's signature block (repeat for each)"},
			&cli.BoolFlag{Name: "force", Usage: "let --wikitext and --pdf replace a file that podium did not write"},
			afterRoundFlag(),
			passwordFlag(),
		},
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the season workbook to publish")
			if err != nil {
				return err
			}
			if c.IsSet("number") && c.Int("number") < 1 {
				return usagef("--number %d: a document number is a whole number from 1", c.Int("number"))
			}
			return runPublish(publishOptions{exportOptions: exportOptionsFrom(c, path), HTML: c.String("html"),
				Wikitext: c.String("wikitext"), PDF: c.String("pdf"), Number: c.Int("number"),
				Clerk: c.String("clerk"), Stewards: c.StringSlice("steward")})
		},
	}
}

// publications are the outputs asked for, in the order they are written.
func (o publishOptions) publications() []publication {
	var out []publication
	if o.HTML != "" {
		out = append(out, publication{
			place: outputs.Place{Name: "--html", Path: o.HTML, Kind: outputs.SiteFolder},
			write: func(season *scoring.Season, st *scoring.Standings, date time.Time) (string, error) {
				if err := site.Write(o.HTML, season, st, site.Options{Generated: date}); err != nil {
					return "", err
				}
				after := present.AfterRound(st)
				return fmt.Sprintf("wrote the web site into %s: the standings %s, %s", o.HTML,
					strings.ToLower(after[:1])+after[1:], present.Status(season, st)), nil
			},
		})
	}
	if o.Wikitext != "" {
		out = append(out, publication{
			place: outputs.Place{Name: "--wikitext", Path: o.Wikitext, Kind: outputs.WikitextFile},
			write: func(season *scoring.Season, st *scoring.Standings, _ time.Time) (string, error) {
				err := ooxml.WriteFile(o.Wikitext, true, func(w io.Writer) error { return wikitext.Write(w, season, st) })
				if err != nil {
					return "", err
				}
				tables := "1 championship table"
				if n := len(present.NewLayout(season, st).Tables); n != 1 {
					tables = fmt.Sprintf("%d championship tables", n)
				}
				return fmt.Sprintf("wrote %s: the standings as wikitext, %s", o.Wikitext, tables), nil
			},
		})
	}
	if o.PDF != "" {
		out = append(out, publication{
			place: outputs.Place{Name: "--pdf", Path: o.PDF, Kind: outputs.NoticeBoardPDF},
			write: o.writeNoticeBoard,
		})
	}
	return out
}

// writeNoticeBoard writes the notice-board PDF, numbered after the
// document already at its path unless --number gives the number.
func (o publishOptions) writeNoticeBoard(season *scoring.Season, st *scoring.Standings, date time.Time) (string, error) {
	number := o.Number
	if number == 0 {
		previous, err := noticeboard.PreviousNumber(o.PDF)
		if err != nil && !(o.Force && errors.Is(err, noticeboard.ErrNotNoticeBoard)) {
			return "", err
		}
		number = previous + 1
	}
	opts := noticeboard.Options{Issued: date, Number: number, Clerk: o.Clerk, Stewards: o.Stewards}
	err := ooxml.WriteFile(o.PDF, true, func(w io.Writer) error { return noticeboard.Write(w, season, st, opts) })
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("wrote %s: notice-board document No. %d, %s", o.PDF, number, present.Status(season, st)), nil
}

// runPublish scores the season and writes each publication asked for.
// Nothing is written when the command line, the outputs or the data are
// refused.
func runPublish(o publishOptions) error {
	pubs := o.publications()
	if len(pubs) == 0 {
		return usagef("give at least one output: --html DIR, --wikitext FILE or --pdf FILE")
	}
	date, err := sourceDate()
	if err != nil {
		return err
	}
	plan := outputs.OutputPlan{Inputs: []outputs.Place{seasonInput(o.Season)}, Force: o.Force}
	for _, p := range pubs {
		plan.Outputs = append(plan.Outputs, p.place)
	}
	if err := plan.Check(); err != nil {
		return err
	}
	snap, err := writeback.ReadSnapshot(o.Season, ooxml.Limits{})
	if err != nil {
		return err
	}
	season, st, _, err := o.score(snap, newProgress(o.Stderr, o.progressDelay), false)
	if err != nil {
		return err
	}
	var msgs []string
	for _, p := range pubs {
		msg, err := p.write(season, st, date)
		if err != nil {
			o.printSummary(msgs)
			return err
		}
		msgs = append(msgs, msg)
	}
	o.printSummary(msgs)
	return nil
}
