package site

import (
	_ "embed"
	"html/template"
)

//go:embed pages.tmpl
var pagesText string

// pages are the templates of the pages: index, table, round. Parsed once;
// templates are safe for concurrent use and never changed after.
var pages = template.Must(template.New("pages").Parse(pagesText))
