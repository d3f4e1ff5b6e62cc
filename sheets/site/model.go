package site

import (
	"strconv"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
)

// stylesheet is the site's one stylesheet.
const stylesheet = "style.css"

// siteModel is what the pages are made of: the standings' layout, and the
// file each table and round is written to.
type siteModel struct {
	season *scoring.Season
	st     *scoring.Standings
	opts   Options
	layout present.Layout
	models map[string]string
	tables []tableFile
	rounds []roundFile
}

// tableFile is a championship table and its page.
type tableFile struct {
	table present.Table
	file  string
}

// roundFile is a round counted and its page.
type roundFile struct {
	index int // into Standings.Rounds
	round scoring.Round
	file  string
}

func newSiteModel(season *scoring.Season, st *scoring.Standings, opts Options) *siteModel {
	s := &siteModel{season: season, st: st, opts: opts, layout: present.NewLayout(season, st), models: present.CarModels(season)}
	taken := map[string]bool{"index.html": true, stylesheet: true}
	for i, r := range st.Rounds {
		file := "round-" + strconv.Itoa(r.Number) + ".html"
		taken[file] = true
		s.rounds = append(s.rounds, roundFile{i, r, file})
	}
	for _, t := range s.layout.Tables {
		stem := present.Slug(t.Name())
		file := stem + ".html"
		for n := 2; taken[file]; n++ {
			file = stem + "-" + strconv.Itoa(n) + ".html"
		}
		taken[file] = true
		s.tables = append(s.tables, tableFile{table: t, file: file})
	}
	return s
}

// pageData is what every page shows around its content.
type pageData struct {
	Lang string
	// Title is the page's title (the browser tab): the page, then the
	// series and season.
	Title   string
	Heading string // the series and season: "Asian Le Mans Series 2019–20"
	Status  string // Provisional or Final
	After   string // "After round 4 (4 Hours of Sepang)"
	Home    bool   // the index itself: no link back to it
	Date    string // the date generated, "" for none
}

func (s *siteModel) page(title string) pageData {
	lang := s.opts.Lang
	if lang == "" {
		lang = "en"
	}
	heading := present.Heading(s.season)
	if heading == "" {
		heading = "Standings"
	}
	full := heading
	if title != "" {
		full = title + " – " + heading
	}
	date := ""
	if !s.opts.Generated.IsZero() {
		date = s.opts.Generated.UTC().Format("2 January 2006")
	}
	return pageData{Lang: lang, Title: full, Heading: heading, Status: string(present.Status(s.season, s.st)),
		After: present.AfterRound(s.st), Date: date}
}

// link is a link in a list.
type link struct {
	Href, Text string
	// Note follows the link: a championship's title race, a round's
	// place and date.
	Note string
}

// indexPage is the index: the championships and the rounds.
type indexPage struct {
	pageData
	Tables []link
	Rounds []link
}

func (s *siteModel) index() indexPage {
	p := indexPage{pageData: s.page("")}
	p.Home = true
	for _, t := range s.tables {
		p.Tables = append(p.Tables, link{t.file, t.table.Title(), present.TitleSummary(t.table.Scored)})
	}
	for _, r := range s.rounds {
		p.Rounds = append(p.Rounds, link{r.file, roundTitle(r.round), roundPlace(r.round)})
	}
	return p
}

// roundTitle names a round: "Round 4 · 4 Hours of Sepang".
func roundTitle(r scoring.Round) string {
	title := "Round " + strconv.Itoa(r.Number)
	if r.Name != "" && r.Name != title {
		title += " · " + r.Name
	}
	return title
}

// roundPlace is where and when a round ran: "Sepang International
// Circuit, MYS, 23 February 2020".
func roundPlace(r scoring.Round) string {
	var parts []string
	for _, p := range []string{r.Circuit, r.Country} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if !r.Date.IsZero() {
		parts = append(parts, r.Date.Format("2 January 2006"))
	}
	out := ""
	for i, p := range parts {
		if i > 0 {
			out += ", "
		}
		out += p
	}
	return out
}
