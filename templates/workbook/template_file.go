package workbook

// TemplateFile is the committed copy of the blank template, relative to this
// package's directory, kept identical to what Generate makes (a test checks
// it).
const TemplateFile = "../season-template.xlsx"

//go:generate go run ../../cmd/podium template --force ../season-template.xlsx
